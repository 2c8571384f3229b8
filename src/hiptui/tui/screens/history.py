"""The runner's record: recent sessions, this week, the streak, 12 weeks of minutes, and time per target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from hiptui.base.durations import format_duration
from hiptui.data.history import SessionRecord
from hiptui.data.stats import TargetTime, minutes_this_week, streak_days, time_per_target, weekly_minutes
from hiptui.tui.safe import plain
from hiptui.tui.widgets.key_bar import KeyBar
from hiptui.tui.widgets.title_bar import TitleBar

BLOCKS = " ▁▂▃▄▅▆▇█"


def bar_chart(values: Sequence[float], height: int = 6, width: int = 3) -> Text:
    """Vertical bars in text, tallest value at full height, with each value under its bar."""
    top = max(values, default=0) or 1
    rows: list[Text] = []
    for level in range(height, 0, -1):
        row = Text()
        for value in values:
            eighths = round(value / top * height * 8) - (level - 1) * 8
            row.append(BLOCKS[max(0, min(8, eighths))] * (width - 1) + " ", style="green")
        rows.append(row)
    rows.append(Text("".join(f"{_minutes_label(v):<{width}}"[:width] for v in values), style="dim"))
    chart = Text("\n").join(rows)
    chart.no_wrap = True
    chart.overflow = "crop"
    return chart


def _minutes_label(minutes: float) -> str:
    if minutes <= 0:
        return "·"
    return "<1" if minutes < 1 else f"{minutes:.0f}"


def balance_table(targets: Sequence[TargetTime]) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("Target")
    table.add_column("Total", justify="right")
    table.add_column("Left", justify="right")
    table.add_column("Right", justify="right")
    table.add_column("Balance")
    for target in targets[:12]:
        sided = target.left + target.right
        if sided:
            share = target.left / sided
            marker = round(share * 10)
            bar = Text("L " + "─" * marker + "●" + "─" * (10 - marker) + " R")
            if abs(share - 0.5) > 0.1:
                bar.stylize("yellow")
        else:
            bar = Text("both sides", style="dim")
        table.add_row(
            plain(target.target.replace("-", " ")),
            format_duration(target.total),
            format_duration(target.left),
            format_duration(target.right),
            bar,
        )
    return table


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,h,q", "close", "Back")]

    def __init__(self, sessions: list[SessionRecord], today: dt.date | None = None) -> None:
        super().__init__()
        self.sessions = sessions
        self.today = today or dt.date.today()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="history-body"):
            with VerticalScroll(id="history-stats", classes="pane"):
                yield Static(id="history-summary")
                yield Static(id="history-weeks")
                yield Static(id="history-targets")
            yield DataTable(id="history-sessions", classes="pane", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        sessions, today = self.sessions, self.today
        self.query_one("#history-stats").border_title = "Your record"
        streak = streak_days(sessions, today)
        summary = Text.assemble(
            ("This week  ", "dim"), (f"{minutes_this_week(sessions, today):.0f} min", "bold"),
            ("    Streak  ", "dim"), (f"{streak} day{'s' if streak != 1 else ''}", "bold"),
            ("    Sessions  ", "dim"), (str(len(sessions)), "bold"),
        )
        self.query_one("#history-summary", Static).update(summary)
        weeks = Text("Minutes per week, last 12 weeks (this week on the right)\n", style="bold")
        weeks.append_text(bar_chart(weekly_minutes(sessions, today)))
        weeks.no_wrap, weeks.overflow = True, "crop"
        self.query_one("#history-weeks", Static).update(weeks)
        targets = time_per_target(sessions, today)
        if targets:
            block = Table.grid()
            block.add_row(Text("Time per target, last 14 days", style="bold"))
            block.add_row(balance_table(targets))
            self.query_one("#history-targets", Static).update(block)
        else:
            self.query_one("#history-targets", Static).update(Text("No work in the last 14 days yet.", style="dim"))
        table = self.query_one("#history-sessions", DataTable)
        table.border_title = "Sessions"
        table.add_columns("When", "Routine", "Done", "Plan", "Status", "Skip")
        for session in sessions:
            skipped = session.skipped_work
            table.add_row(
                session.started_at.astimezone().strftime("%d %b %H:%M"),
                plain(session.routine or "own queue"),
                format_duration(session.done_seconds),
                format_duration(session.planned_seconds),
                Text(session.status, style="green" if session.status == "finished" else "yellow"),
                str(skipped),
            )
        if not sessions:
            table.add_row("No sessions yet: build a queue and press s.", "", "", "", "", "")
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
