"""The History screen opens at once over any history: it reads in a worker, a page at a time."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import threading
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable, Static

from hiptui.data.history import History
from hiptui.data.stats import TargetTime
from hiptui.tui.screens import history as screen_module
from hiptui.tui.screens.history import HistoryScreen, balance_table
from tests.helpers import filled_history


async def wait_for(condition, seconds: float = 20) -> None:
    for _ in range(int(seconds * 20)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


def test_the_screen_answers_while_the_history_is_read(hiptui_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    history = History(filled_history(hiptui_home, 450))
    release = threading.Event()
    slow_figures = screen_module.recent_figures

    def held(*args, **kwargs):
        release.wait(20)  # a history so long that its figures take as long as the test likes
        return slow_figures(*args, **kwargs)

    monkeypatch.setattr(screen_module, "recent_figures", held)

    async def run() -> None:
        app: App[None] = App()
        async with app.run_test(size=(140, 40)) as pilot:
            screen = HistoryScreen(history, today=dt.date(2026, 11, 20))
            await app.push_screen(screen)
            await pilot.pause()
            table = screen.query_one("#history-sessions", DataTable)
            summary = screen.query_one("#history-summary", Static)
            await wait_for(lambda: table.row_count > 0)  # the newest sessions come before any figure
            assert table.row_count == HistoryScreen.PAGE and not table.loading
            assert "Reading your history" in str(summary.render()) and not screen.complete
            table.move_cursor(row=table.row_count - 1)
            await wait_for(lambda: table.row_count == 400)  # paging goes on while the figures are read
            release.set()
            await wait_for(lambda: screen.complete)
            shown = str(summary.render())
            assert "Sessions  450" in shown and re.search(r"Streak  (19|20|21) days", shown)  # 450 hours, local days
            table.move_cursor(row=table.row_count - 1)
            await wait_for(lambda: table.row_count == 450)
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
            assert table.row_count == 450 and not screen.more
            await pilot.press("escape")
            assert app.screen is not screen

    asyncio.run(run())


def test_history_off_says_so(hiptui_home: Path) -> None:
    async def run() -> None:
        app: App[None] = App()
        async with app.run_test(size=(140, 40)) as pilot:
            screen = HistoryScreen(None)
            await app.push_screen(screen)
            await pilot.pause()
            assert "History is off" in str(screen.query_one("#history-summary", Static).render())

    asyncio.run(run())


@pytest.mark.parametrize(("left", "right", "expected"), [(60, 0, "L ●"), (0, 60, "● R"), (30, 30, "L ─────●───── R")])
def test_the_balance_marker_leans_to_the_side_that_got_the_time(left: float, right: float, expected: str) -> None:
    from rich.console import Console

    console = Console(width=80, record=True)
    console.print(balance_table([TargetTime("glutes", left, right, 0)]))
    assert expected in console.export_text()


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 40)])
def test_every_size_shows_how_each_session_ended(hiptui_home: Path, size: tuple[int, int]) -> None:
    """Below 140 columns the record and the sessions are stacked, so the table keeps its columns."""
    history = History(filled_history(hiptui_home, 30))

    async def run() -> None:
        from tests.tui.tui_support import screen_text

        app: App[None] = App()
        async with app.run_test(size=size) as pilot:
            screen = HistoryScreen(history, today=dt.date(2026, 11, 20))
            await app.push_screen(screen)
            await wait_for(lambda: screen.complete)
            await pilot.pause()
            text = screen_text(app)
            header = next(line for line in text.splitlines() if "When" in line)
            assert header[header.index("When") :].split()[:6] == ["When", "Routine", "Status", "Done", "Plan", "Skip"]
            assert "finished" in text

    asyncio.run(run())
