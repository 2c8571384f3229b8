"""A note that covers the screen when the terminal is too small to draw the app."""

from __future__ import annotations

from textual.widget import Widget

MIN_WIDTH = 60
MIN_HEIGHT = 20


class TooSmall(Widget):
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

    def render(self) -> str:
        width, height = self.app.size
        return (
            f"Terminal too small: {width}×{height}.\n"
            f"hiptui needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\nMake the window larger, or press ctrl+q to quit."
        )
