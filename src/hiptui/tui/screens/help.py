"""Every key, and the note that this is guidance, not medical advice."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

BUILDER_KEYS = [
    ("/", "search the library as you type (name, alias, target, gear, pack)"),
    ("enter (in search)", "add the top match to the queue"),
    ("escape", "leave the search box"),
    ("tab / shift+tab", "next / previous pane"),
    ("↑ ↓  or  k j", "move in a list"),
    ("enter or a", "add the highlighted library move to the queue"),
    ("i", "the highlighted move's card (steps, cues, cautions) in a dialog"),
    ("shift+↑ / shift+↓", "move a queue item up / down"),
    ("delete, backspace, x", "remove a queue item"),
    ("e", "edit a queue item's dose"),
    ("f", "filter the library by pack, category, gear, when, position"),
    ("r", "load a routine into the queue (yours too: n rename, d duplicate, x delete)"),
    ("g", "plan a session for the time, the run and the gear you have"),
    ("c", "clear the queue (asks first)"),
    ("p", "packs: enable, disable, reload (r), see errors"),
    ("s", "start the session"),
    ("ctrl+s", "save the queue as your own routine"),
    ("h", "history: sessions, streak, weekly minutes, time per target"),
    ("o", "settings: get-ready and switch times, bell, theme"),
    ("ctrl+p", "command palette"),
    ("?", "this help"),
    ("q / ctrl+q", "quit"),
]
MOUSE = [
    ("click", "select a move"),
    ("drag a library move", "drop it on the queue where you want it"),
    ("drag a queue item", "reorder; drop outside the queue or press escape to cancel"),
]
TIMER_KEYS = [
    ("space", "pause / resume"),
    ("n / p", "next / previous segment"),
    ("+ / -", "add / take off 10 seconds"),
    ("m", "mute / unmute the bell"),
    ("escape", "stop the session (asks first)"),
]
DISCLAIMER = (
    "hiptui offers general fitness guidance, not medical advice. Move within a comfortable range, "
    "stop if something hurts, and ask a qualified professional about pain, injury or a medical condition."
)


def _table(title: str, rows: list[tuple[str, str]]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for key, does in rows:
        table.add_row(key, does)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="help"):
            yield Static("hiptui: keys", classes="title")
            with VerticalScroll():
                yield Static(_table("Builder", BUILDER_KEYS))
                yield Static(_table("Mouse", MOUSE))
                yield Static(_table("Timer", TIMER_KEYS))
            yield Static(Text(DISCLAIMER, style="italic"), id="disclaimer")
            yield Static("escape closes · ↑ ↓ scroll", classes="hint")
