"""The timer screen draws only what changed, and wakes when something next will."""

from __future__ import annotations

import pytest
from test_timer_screen import PIGEON, start, wait
from textual.widgets import Digits, Static
from tui_support import SIZE, item

from hiptui.tui.screens.timer import bar_steps, next_change


@pytest.mark.parametrize(
    ("remaining", "elapsed", "expected"),
    [(5.0, 25.0, 1.0), (4.5, 25.5, 0.5), (4.9, 25.1, 0.9)],
)
def test_wakes_at_the_countdowns_next_second(remaining: float, elapsed: float, expected: float) -> None:
    assert next_change(remaining, elapsed, 30.0, bar_steps=1) == pytest.approx(expected, abs=0.01)


def test_wakes_at_the_bars_next_step_when_that_comes_first() -> None:
    assert next_change(20.0, 10.0, 30.0, bar_steps=120) == pytest.approx(0.25, abs=0.01)
    assert next_change(19.9, 10.1, 30.0, bar_steps=120) == pytest.approx(0.15, abs=0.01)


def test_a_bar_moves_half_a_cell_at_most_four_times_a_second() -> None:
    assert bar_steps(100, 600) == 200
    assert bar_steps(100, 10) == 40
    assert bar_steps(0, 0) == 1


async def test_a_tick_with_nothing_new_repaints_nothing(make_app, clock, monkeypatch):
    updates: list[str] = []
    for widget in (Digits, Static):
        real = widget.update
        monkeypatch.setattr(
            widget, "update", lambda self, *a, real=real, **k: (updates.append(self.id), real(self, *a, **k))
        )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, PIGEON, hold=30))
        await wait(pilot, clock, 0.01)
        updates.clear()
        await wait(pilot, clock, 0.01)
        assert updates == []
        await wait(pilot, clock, 1.0)
        assert "countdown" in updates and "session-label" in updates and "timer-title" not in updates


async def test_the_progress_line_fills_by_half_cells_and_names_its_percentage():
    from textual.app import App

    from hiptui.tui.widgets.progress_line import LABEL_WIDTH, ProgressLine

    class One(App[None]):
        def compose(self):
            yield ProgressLine()

    async with One().run_test(size=(26, 3)) as pilot:
        line = pilot.app.query_one(ProgressLine)
        line.show(0.225)
        await pilot.pause()
        text = line.render().plain
        assert len(text) == 26 and text.endswith("  22%")
        assert text[: 26 - LABEL_WIDTH] == "━━━━╸" + "━" * 15
        line.show(7.0)
        assert line.fraction == 1.0


async def test_paused_names_the_key_in_force_for_resume(make_app, clock, hiptui_home):
    from tui_support import widget_text

    (hiptui_home / "settings.toml").write_text('[keys]\n"timer.pause" = "f1"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, PIGEON, hold=30))
        await pilot.press("f1")
        await pilot.pause()
        assert widget_text(app, "#paused") == "PAUSED · f1 resumes"
