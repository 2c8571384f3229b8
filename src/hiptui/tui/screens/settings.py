"""Settings: get-ready and switch-sides seconds, the bell, the figures' animation, the theme, and where the
data folder is."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, Switch

from hiptui.data.settings import Settings, SettingsError
from hiptui.tui.safe import plain

THEME_NOTES = {
    "high-contrast": "readable in 16 colours",
    "ansi-dark": "your terminal's colours, dark",
    "ansi-light": "your terminal's colours, light",
}


class SettingsDialog(ModalScreen[Settings | None]):
    AUTO_FOCUS = "Input"  # not the scrolling form around it: keys go straight to the first field
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, settings: Settings, theme: str, themes: list[str], home: Path) -> None:
        """`theme` is the one in use: the saved one may be a name no longer known."""
        super().__init__(classes="dialog-screen")
        self.settings = settings
        self.theme = theme
        self.themes = themes
        self.home = home

    def compose(self) -> ComposeResult:
        settings = self.settings
        with Vertical(classes="dialog", id="settings"):
            yield Static("Settings", classes="title")
            yield Static(Text.assemble("Data folder: ", plain(str(self.home))), id="data-folder")
            yield Static(id="settings-error", classes="form-error")
            with VerticalScroll(classes="form"):
                yield Label("Get ready before each move (seconds)")
                yield Input(str(settings.ready_seconds), id="ready_seconds", type="integer")
                yield Label("Switch sides (seconds)")
                yield Input(str(settings.switch_seconds), id="switch_seconds", type="integer")
                with Horizontal(classes="switch-row"):
                    yield Switch(settings.bell, id="bell")
                    yield Label("Bell at each change")
                    yield Switch(settings.motion, id="motion")
                    yield Label("Animate figures")
                yield Label("Theme")
                yield Select(
                    [(self._theme_label(name), name) for name in self.themes],
                    value=self.theme,
                    allow_blank=False,
                    id="theme",
                )

            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @staticmethod
    def _theme_label(name: str) -> str:
        note = THEME_NOTES.get(name)
        return f"{name} ({note})" if note else name

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        values = {
            "ready_seconds": self.query_one("#ready_seconds", Input).value,
            "switch_seconds": self.query_one("#switch_seconds", Input).value,
            "bell": self.query_one("#bell", Switch).value,
            "motion": self.query_one("#motion", Switch).value,
            "theme": self.query_one("#theme", Select).value,
        }
        try:
            settings = self.settings.replace(**values)
        except SettingsError as error:
            self.query_one("#settings-error", Static).update(Text(str(error), style="bold red"))
            return
        self.dismiss(settings)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
