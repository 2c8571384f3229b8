"""The reference for the timer screen's CPU (issue 20, budget 2): a bare Textual stopwatch.

    python benchmarks/stopwatch_app.py

A `Digits` counting down and a `ProgressBar` filling, both refreshed 4 times a second, and nothing
else: what any countdown in Textual costs. `process.py` runs it on a pseudo-terminal beside the
real timer screen and compares the CPU time each process uses over the same wall time.
"""

from __future__ import annotations

import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, ProgressBar

TOTAL = 3600.0


class Stopwatch(App[None]):
    CSS = "Screen { align: center middle; } Digits { width: auto; } ProgressBar { width: 60; }"

    def compose(self) -> ComposeResult:
        yield Digits("60:00")
        yield ProgressBar(total=TOTAL, show_eta=False)

    def on_mount(self) -> None:
        self.started = time.monotonic()
        self.set_interval(0.25, self.tick)

    def tick(self) -> None:
        elapsed = time.monotonic() - self.started
        left = max(0, int(TOTAL - elapsed))
        self.query_one(Digits).update(f"{left // 60:02d}:{left % 60:02d}")
        self.query_one(ProgressBar).update(progress=elapsed)


if __name__ == "__main__":
    Stopwatch().run()
