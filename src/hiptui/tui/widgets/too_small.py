"""A note that covers the screen when the terminal is too small to draw the app."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 20


class TooSmall(Static):
    DEFAULT_CSS = """
    TooSmall {
        layer: overlay;
        position: absolute;
        display: none;
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-align: center;
        background: $background;
        color: $warning;
    }
    """

    def on_resize(self) -> None:
        self._describe()

    def on_show(self) -> None:
        self._describe()

    def _describe(self) -> None:
        width, height = self.app.size
        self.update(
            f"Terminal too small: {width}×{height}.\n"
            f"hiptui needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\nMake the window larger, or press ctrl+q to quit."
        )
