"""What a finished or stopped session came to: the core's summary, as history recorded it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from hiptui.base.durations import format_duration
from hiptui.session.summary import SessionSummary
from hiptui.tui.safe import plain


def summary_lines(summary: SessionSummary) -> list[Text]:
    done = f"{len(summary.moves_done)} of {summary.moves_total}"
    if summary.moves_partly:
        done += f" ({summary.moves_partly} partly)"
    skipped = len(summary.skipped)
    lines = [
        Text(summary.headline, style="bold"),
        Text(),
        Text(f"Moves done     {done}"),
        Text(f"Time           {format_duration(summary.seconds)}"),
        Text(f"Skipped        {skipped} work segment{'s' if skipped != 1 else ''}"),
    ]
    lines += [Text.assemble("  - ", plain(line)) for line in summary.skipped_lines()]
    if not summary.counts:
        lines += [Text(), Text("Not recorded: no work was done.", style="dim")]
    return lines


class SummaryScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q", "close", "Close", id="summary.close")]

    def __init__(self, summary: SessionSummary) -> None:
        super().__init__(classes="dialog-screen")
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="summary"):
            yield Static(Text("\n").join(summary_lines(self.summary)))
            yield Button("Back to the builder", variant="primary", id="close")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
