"""What a finished or stopped session came to."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from hiptui.base.durations import format_duration
from hiptui.session.timer import Timer
from hiptui.tui.safe import plain


def summary_lines(timer: Timer) -> list[Text]:
    done = [r for r in timer.final_records if r.outcome == "done" and r.segment.kind == "work"]
    skipped = timer.skipped
    moves = sorted({r.segment.item_index for r in done})
    seconds = sum(r.seconds for r in timer.records)
    lines = [
        Text("Session stopped" if timer.stopped else "Session complete. Well done!", style="bold"),
        Text(),
        Text(f"Moves done     {len(moves)} of {timer.timeline.segments[-1].item_index + 1}"),
        Text(f"Time           {format_duration(seconds)}"),
        Text(f"Skipped        {len(skipped)} work segment{'s' if len(skipped) != 1 else ''}"),
    ]
    for record in skipped[:8]:
        side = f" ({record.segment.side})" if record.segment.side else ""
        lines.append(Text.assemble("  - ", plain(record.segment.item.move.name + side)))
    return lines


class SummaryScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q", "close", "Close")]

    def __init__(self, timer: Timer) -> None:
        super().__init__(classes="dialog-screen")
        self.timer = timer

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="summary"):
            yield Static(Text("\n").join(summary_lines(self.timer)))
            yield Button("Back to the builder", variant="primary", id="close")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
