"""Every key, built from the bindings themselves (so it cannot drift from them), and the note that this
is guidance, not medical advice. The keys of the screen it was opened from come first."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from hiptui.tui.keymap import keys_in_force
from hiptui.tui.keys import APP, BUILDER, HELP, MOUSE
from hiptui.tui.safe import plain
from hiptui.tui.services import app_of

DISCLAIMER = (
    "hiptui offers general fitness guidance, not medical advice. Move within a comfortable range, "
    "stop if something hurts, and ask a qualified professional about pain, injury or a medical condition."
)
EXTRA_BUILDER_KEYS = [
    ("tab / shift+tab", "next / previous pane"),
    ("↑ ↓  or  k j", "move in a list"),
    ("ctrl+p", "command palette"),
]


def key_rows(screen: Screen[Any], bindings: list[Binding]) -> list[tuple[str, str]]:
    """(keys, what they do) for each binding, with the keys in force (the keymap's, or the defaults); one row
    per help line."""
    app = app_of(screen)
    rows: dict[str, str] = {}
    for binding in bindings:
        if binding.key_display and binding.id not in app.keymap:  # one name for all its keys ("x" for x, delete)
            keys = app.get_key_display(binding)
        else:
            in_force = keys_in_force(binding, app.keymap)
            keys = " / ".join(app.get_key_display(Binding(k, binding.action)) for k in in_force)
        help = binding.tooltip or binding.description
        rows.setdefault(help, keys)
    return [(keys, help) for help, keys in rows.items()]


def _table(title: str, rows: list[tuple[str, str]]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for key, does in rows:
        table.add_row(key, does)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = list(HELP)

    def __init__(self, opener: Screen[Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.opener = opener

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        from hiptui.tui.screens.timer import TIMER, TimerScreen

        builder = ("Builder", key_rows(self.opener, BUILDER) + EXTRA_BUILDER_KEYS)
        timer = ("Timer", key_rows(self.opener, TIMER))
        anywhere = ("Anywhere", key_rows(self.opener, APP))
        mouse = ("Mouse (builder)", MOUSE)
        if isinstance(self.opener, TimerScreen):
            return [timer, anywhere, builder, mouse]
        return [builder, anywhere, mouse, timer]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="help"):
            yield Static("hiptui: keys", classes="title")
            with VerticalScroll():
                for title, rows in self.sections():
                    yield Static(_table(title, rows))
            yield Static(Text(DISCLAIMER, style="italic"), id="disclaimer")
            close = key_rows(self, HELP)[0][0].split(" / ")[0]
            yield Static(plain(f"{close} closes · ↑ ↓ scroll"), classes="hint")
