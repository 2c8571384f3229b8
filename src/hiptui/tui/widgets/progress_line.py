"""A one-line progress bar with its percentage. Unlike Textual's ProgressBar, whose percentage label
asks for a new layout of the whole screen each time it changes, it repaints only itself."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

LABEL_WIDTH = 6


class ProgressLine(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"progress-line--done", "progress-line--left"}

    _fraction = 0.0

    @property
    def fraction(self) -> float:
        return self._fraction

    def show(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if fraction != self._fraction:
            self._fraction = fraction
            self.refresh()

    def render(self) -> Text:
        width = max(0, self.content_size.width - LABEL_WIDTH)
        halves = int(self._fraction * width * 2)
        full, half = divmod(halves, 2)
        done = "━" * full + ("╸" if half else "")
        left = "━" * (width - len(done))
        return Text.assemble(
            (done, self.get_component_rich_style("progress-line--done")),
            (left, self.get_component_rich_style("progress-line--left")),
            f"{int(self._fraction * 100):>{LABEL_WIDTH - 1}}%",
        )
