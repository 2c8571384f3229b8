"""The runner's record: recent sessions, this week, the streak, 12 weeks of minutes, and time per target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from hiptui.base.durations import format_duration
from hiptui.base.text import shorten
from hiptui.data.history import History, HistoryUnavailable, SessionSummary
from hiptui.data.stats import RecentFigures, TargetTime, recent_figures, streak_days
from hiptui.tui.safe import plain
from hiptui.tui.widgets.key_bar import KeyBar
from hiptui.tui.widgets.title_bar import TitleBar

BLOCKS = " ▁▂▃▄▅▆▇█"
ROUTINE_WIDTH = 24


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
            marker = round(target.right / sided * 10)  # from L: all on the left puts it at L
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
    """Opens at once with a loading state; a worker thread reads the newest page of sessions first, then
    the figures one by one (the streak and the count of unreadable rows read the most), and the next
    page as the cursor nears the end, so no history is too long to open."""

    CSS_PATH = "history.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]
    """Side by side only where the sessions table shows every column."""
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,h,q", "close", "Back")]
    PAGE = 200

    def __init__(self, history: History | None, today: dt.date | None = None) -> None:
        super().__init__()
        self.history = history
        self.today = today or dt.date.today()
        self.shown = 0
        self.read = 0
        """Sessions asked of the history so far (more than shown when some rows could not be read)."""
        self.total = 0
        self.more = False
        """The last page read was full: there may be more sessions to page in."""
        self.complete = False
        """Every figure is on screen (or the history could not be read)."""
        self._paging = False
        self._figures: RecentFigures | None = None
        self._streak: int | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="history-body"):
            with VerticalScroll(id="history-stats", classes="pane"):
                yield Static(Text("Reading your history…", style="dim"), id="history-summary")
                yield Static(id="history-weeks")
                yield Static(id="history-targets")
                yield Static(id="history-problems")
            yield DataTable(id="history-sessions", classes="pane", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#history-stats").border_title = "Your record"
        table = self.query_one("#history-sessions", DataTable)
        table.border_title = "Sessions"
        table.add_columns("When", "Routine", "Status", "Done", "Plan", "Skip")
        table.focus()
        if self.history is None:
            self._show_problem("History is off for this run (see the note at start-up).")
            return
        table.loading = True
        self.run_worker(self._read_all, thread=True, exclusive=True, group="history")

    def _read_all(self) -> None:
        """In order of cost: the newest sessions, the recent figures, the streak, the unreadable rows."""
        history = self.history
        assert history is not None
        try:
            sessions = list(history.summaries(self.PAGE))
            self._from_worker(self._show_first_page, sessions)
            self._from_worker(self._show_figures, recent_figures(history, self.today))
            self._from_worker(self._show_streak, streak_days(history, self.today))
            self._from_worker(self._show_bad_rows, history.bad_rows())
        except HistoryUnavailable as error:
            self._from_worker(self._show_problem, f"History cannot be read: {error}")

    def _from_worker(self, callback: Callable[..., None], *args: object) -> None:
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(callback, *args)

    def _show_first_page(self, sessions: list[SessionSummary]) -> None:
        table = self.query_one("#history-sessions", DataTable)
        table.loading = False
        self._add_rows(sessions)
        if not sessions:
            table.add_row("No sessions yet: build a queue and press s.", "", "", "", "", "")

    def _show_summary(self) -> None:
        figures, streak = self._figures, self._streak
        if figures is None:
            return
        summary = Text.assemble(
            ("This week  ", "dim"), (f"{figures.minutes_this_week:.0f} min", "bold"),
            ("    Streak  ", "dim"),
            (f"{streak} day{'s' if streak != 1 else ''}", "bold") if streak is not None else ("counting…", "dim"),
            ("    Sessions  ", "dim"), (f"{figures.sessions:,}", "bold"),
        )  # fmt: skip
        self.query_one("#history-summary", Static).update(summary)

    def _show_figures(self, figures: RecentFigures) -> None:
        self._figures = figures
        self.total = figures.sessions
        self._show_summary()
        weeks = Text("Minutes per week, last 12 weeks (this week on the right)\n", style="bold")
        narrow = self.query_one("#history-stats").content_size.width < len(figures.weekly_minutes) * 3
        weeks.append_text(bar_chart(figures.weekly_minutes, width=2 if narrow else 3))
        weeks.no_wrap, weeks.overflow = True, "crop"
        self.query_one("#history-weeks", Static).update(weeks)
        targets = figures.time_per_target
        if targets:
            block = Table.grid()
            block.add_row(Text("Time per target, last 14 days", style="bold"))
            block.add_row(balance_table(targets))
            self.query_one("#history-targets", Static).update(block)
        else:
            self.query_one("#history-targets", Static).update(Text("No work in the last 14 days yet.", style="dim"))

    def _show_streak(self, streak: int) -> None:
        self._streak = streak
        self._show_summary()

    def _show_bad_rows(self, bad_rows: int) -> None:
        if bad_rows:
            rows = f"{bad_rows:,} row{'s' if bad_rows != 1 else ''}"
            self.query_one("#history-problems", Static).update(
                Text(
                    f"{rows} of the history could not be read and {'were' if bad_rows != 1 else 'was'} skipped.",
                    style="yellow",
                )
            )
        self.complete = True

    def _show_problem(self, message: str) -> None:
        self.query_one("#history-summary", Static).update(plain(message, "yellow"))
        self.query_one("#history-sessions", DataTable).loading = False
        self.complete = True

    def _add_rows(self, sessions: list[SessionSummary]) -> None:
        table = self.query_one("#history-sessions", DataTable)
        for session in sessions:
            started = session.started_at.astimezone()
            table.add_row(
                started.strftime("%d %b %H:%M" if started.year == self.today.year else "%d %b %Y"),
                plain(shorten(session.routine or "own queue", ROUTINE_WIDTH)),
                Text(session.status, style="green" if session.status == "finished" else "yellow"),
                format_duration(session.done_seconds),
                format_duration(session.planned_seconds),
                str(session.skipped_work),
            )
        self.shown += len(sessions)
        self.read += self.PAGE
        self.more = len(sessions) == self.PAGE or self.read < self.total
        self._paging = False

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        near_end = event.cursor_row >= self.shown - self.PAGE // 4
        if near_end and not self._paging and self.more and self.history is not None:
            self._paging = True
            self.run_worker(self._read_page, thread=True, group="history-page")

    def _read_page(self) -> None:
        assert self.history is not None
        try:
            sessions = list(self.history.summaries(self.PAGE, offset=self.read))
        except HistoryUnavailable as error:
            self._from_worker(self._show_problem, f"History cannot be read: {error}")
            return
        self._from_worker(self._add_rows, sessions)

    def action_close(self) -> None:
        self.dismiss(None)
