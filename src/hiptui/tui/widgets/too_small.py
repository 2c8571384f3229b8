"""A note that covers the screen when the terminal is too small to draw the app: mounted when it is."""

from __future__ import annotations

from textual.widget import Widget


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

    def __init__(self, least_width: int, least_height: int) -> None:
        super().__init__()
        self._least = f"{least_width}×{least_height}"

    def render(self) -> str:
        width, height = self.app.size
        return (
            f"Terminal too small: {width}×{height}.\n"
            f"hiptui needs at least {self._least}.\nMake the window larger, or press ctrl+q to quit."
        )
