"""Launch an app, note when its first frame is painted, and exit: run by run.py in a fresh process.

    python benchmarks/probe_app.py bare   RESULT.json    # a bare Textual app with one Static
    python benchmarks/probe_app.py hiptui RESULT.json    # `hiptui` itself, through hiptui.cli.main([])

Both apps go through the same hook, so the ratio is fair: `App._display` (which Textual calls with
each compositor update it writes to the terminal) is wrapped, and the first update that carries the
target screen is the first frame. The wrapper goes in as `textual.app` is imported, so each app
imports Textual when and how it does for a user (hiptui, for one, pauses the cycle collector first). Times are `time.monotonic()` (CLOCK_MONOTONIC, shared by every
process on Linux), so run.py subtracts the instant it spawned this process.

Recorded for hiptui: `first_frame` (the builder screen painted, the library maybe still "Loading
packs…") and `library_ready` (the first frame whose library list shows moves). The app exits right
after the last of these; run.py reads the peak RSS from wait4().

Run under a pseudo-terminal (run.py does) for the real driver; with no terminal, set
HIPTUI_BENCH_HEADLESS=1 and the app runs headless (the update is still rendered to escape codes).
For diagnosis the result also says how many modules were loaded at the first frame and whether
pydantic was among them (the app is meant to paint before it needs pydantic).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import os
import sys
import time
from typing import TYPE_CHECKING

MODE, RESULT = sys.argv[1], sys.argv[2]
HEADLESS = bool(os.environ.get("HIPTUI_BENCH_HEADLESS"))
STOP_AT_FIRST_FRAME = bool(
    os.environ.get("HIPTUI_BENCH_STOP_AT_FIRST_FRAME")
)  # hotspots.py frame: nothing after it counts
marks: dict[str, float | int | str] = {"python_started": time.monotonic()}

if TYPE_CHECKING:
    from textual.app import App


def _hook_display(app_class: type[App]) -> None:
    marks["textual_imported"] = time.monotonic()
    original_display = app_class._display

    def _display(self: App, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        painted = renderable is not None and not self._batch_count
        original_display(self, screen, renderable)
        if not painted:
            return
        if HEADLESS:  # what the real driver would have done with the update
            from textual._compositor import CompositorUpdate

            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.console)
        _on_frame(self, screen, time.monotonic())

    app_class._display = _display  # type: ignore[method-assign]


class _WhenTextualLoads(importlib.abc.MetaPathFinder):
    """Hooks `App._display` as `textual.app` is imported, by whoever imports it: each app imports
    Textual itself, in its own order and set-up, as when a user starts it."""

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != "textual.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        run_module = spec.loader.exec_module

        def exec_module(module) -> None:  # type: ignore[no-untyped-def]
            run_module(module)
            _hook_display(module.App)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


sys.meta_path.insert(0, _WhenTextualLoads())


def _done(app: App) -> None:
    if "exit_requested" not in marks:
        marks["exit_requested"] = time.monotonic()
        app.exit()


if MODE == "bare":
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello from a bare Textual app")

    def _on_frame(app: App, screen, now: float) -> None:  # type: ignore[no-untyped-def]
        if "first_frame" not in marks and screen.query(Static):
            if STOP_AT_FIRST_FRAME:
                os._exit(0)
            marks["first_frame"] = now
            _done(app)

    def _run() -> int:
        Bare().run(headless=HEADLESS)
        return 0

elif MODE == "hiptui":

    def _on_frame(app: App, screen, now: float) -> None:  # type: ignore[no-untyped-def]
        from hiptui.tui.screens.builder import BuilderScreen
        from hiptui.tui.widgets.move_lists import LibraryList

        if not isinstance(screen, BuilderScreen) or not screen.is_mounted:
            return
        if "first_frame" not in marks:
            if STOP_AT_FIRST_FRAME:
                os._exit(0)
            marks["first_frame"] = now
            marks["modules_at_first_frame"] = len(sys.modules)
            marks["pydantic_before_first_frame"] = int("pydantic" in sys.modules)
        if "library_ready" not in marks:
            found = screen.query(LibraryList)
            if found and found.first().items:
                marks["library_ready"] = now
                marks["moves"] = len(screen.catalog)
                _done(app)

    def _run() -> int:
        if HEADLESS:  # the same entry point, with Textual told to run headless
            from textual.app import App

            original_run = App.run

            def run(self: App, *args, **kwargs):  # type: ignore[no-untyped-def]
                kwargs["headless"] = True
                return original_run(self, *args, **kwargs)

            App.run = run  # type: ignore[method-assign]
        from hiptui.cli import main

        return main([])

else:
    raise SystemExit(f"unknown mode {MODE!r}: use bare or hiptui")


status = _run()
marks["exited"] = time.monotonic()
marks["textual_in_modules"] = int("textual" in sys.modules)
with open(RESULT, "w", encoding="utf-8") as handle:
    json.dump(marks, handle)
sys.exit(status)
