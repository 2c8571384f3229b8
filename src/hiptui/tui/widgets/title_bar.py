"""The title line at the top of each screen: a light stand-in for Textual's Header.

Header mounts three child widgets, each with its own stylesheet, to show one line of text: a tenth
of the builder's first frame. This draws the same line itself, and a click on the icon opens the
command palette, as Header's does.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
RIGHT_MARGIN = 10


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def render(self) -> Content:
        title = self.app.format_title(self.screen.title or self.app.title, self.screen.sub_title or self.app.sub_title)
        icon = Content(f" {ICON}").pad_right(ICON_WIDTH - 2)
        return Content.assemble(icon, title.center(max(0, self.size.width - ICON_WIDTH - RIGHT_MARGIN), ellipsis=True))

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
