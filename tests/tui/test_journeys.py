"""Whole journeys on a fake clock, as a person takes them: add moves, run a session to its end, close the
summary, stop halfway, come back; what history, the summary and the hooks say must agree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Button, Input
from tui_support import SIZE, item, queue_gids, screen_name, screen_text, type_text

from hiptui.data.settings import Settings, save_settings
from hiptui.session.timeline import Pacing, total_seconds

PIGEON = "yoga/pigeon"
CLAMSHELL = "banded-strength/banded-clamshell"
WARM_UP = "mobility/pre-run-warm-up"


async def run_for(pilot, clock, seconds: float, step: float = 5.0) -> None:
    """Let the session run, as the screen's ticks would, `step` seconds at a time."""
    while seconds > 0:
        clock.advance(min(step, seconds))
        seconds -= step
        if screen_name(pilot.app) == "TimerScreen":
            pilot.app.screen.tick()
        await pilot.pause()


def sessions(app):
    return app.workspace.history.sessions(include_running=True)


@pytest.mark.parametrize("close", ["enter", "escape", "click"])
async def test_a_session_run_to_its_end_closes_its_summary_back_to_the_builder(make_app, clock, close):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON, hold=20), item(app, CLAMSHELL, reps=4, rep_seconds=2)])
        await pilot.press("s")
        await run_for(pilot, clock, 10 + 20 + 10 + 8 + 1)
        assert screen_name(app) == "SummaryScreen"
        assert "Session complete. Well done!" in screen_text(app)
        if close == "click":
            await pilot.click("#close")
        else:
            await pilot.press(close)
        await pilot.pause()
        assert app.is_running and app.screen is app.builder
        assert queue_gids(app) == [PIGEON, CLAMSHELL]
        [record] = sessions(app)
        assert record.status == "finished" and record.as_json()["moves"] == sorted([PIGEON, CLAMSHELL])
        await pilot.press("s")  # and the next session starts as the first did
        assert screen_name(app) == "TimerScreen"


async def test_skipping_every_segment_is_no_session(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON, hold=20), item(app, CLAMSHELL)])
        await pilot.press("s")
        for _ in range(20):
            if screen_name(app) != "TimerScreen":
                break
            await pilot.press("n")
        assert screen_name(app) == "SummaryScreen"
        text = screen_text(app)
        assert "Every move was skipped" in text and "Well done" not in text
        assert "Moves done     0 of 2" in text and "Not recorded" in text
        assert sessions(app) == [], "nothing done: not in history, not in the streak"


async def test_a_per_side_move_stopped_at_switch_sides_is_partly_done(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON, hold=20, per_side=True)])
        await pilot.press("s")
        await run_for(pilot, clock, 10 + 20 + 2)  # left done, into "switch sides"
        await pilot.press("escape", "y")
        await pilot.pause()
        text = screen_text(app)
        assert "Session stopped" in text and "Moves done     0 of 1 (1 partly)" in text
        [record] = sessions(app)
        assert record.status == "stopped" and record.as_json()["moves"] == []
        assert round(record.done_seconds) == 32


async def test_an_edited_routine_is_not_recorded_as_that_routine(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        routine = app.workspace.find_routine(WARM_UP)
        app.builder.load_routine(WARM_UP)
        await pilot.pause()
        assert app.workspace.queue.origin == WARM_UP
        app.workspace.move(0, 1)
        assert app.workspace.queue.origin is None
        app.workspace.undo()
        assert app.workspace.queue.origin == WARM_UP
        app.workspace.add([item(app, PIGEON)])
        await pilot.press("s")
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen.summary.routine is None
        assert len(routine.items) + 1 == len(app.workspace.queue)


async def test_undo_takes_back_remove_clear_and_reorder(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON), item(app, CLAMSHELL)])
        await pilot.press("tab", "tab")
        await pilot.press("x")
        assert len(queue_gids(app)) == 1
        await pilot.press("ctrl+z")
        assert queue_gids(app) == [PIGEON, CLAMSHELL]
        await pilot.press("c", "y")
        assert queue_gids(app) == []
        await pilot.press("ctrl+z")
        assert queue_gids(app) == [PIGEON, CLAMSHELL]
        assert [e.move for e in app.workspace.queue_store.load().entries] == [PIGEON, CLAMSHELL], "saved, too"


async def test_r_and_g_share_one_rule_for_a_queue_with_moves(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON)])
        routine = app.workspace.find_routine(WARM_UP)
        app.builder.load_routine(WARM_UP)
        await pilot.pause()
        assert screen_name(app) == "Choose"
        app.screen.query_one("#add", Button).press()
        await pilot.pause()
        assert len(app.workspace.queue) == 1 + len(routine.items)
        app.builder.load_routine(WARM_UP)
        await pilot.pause()
        assert screen_name(app) == "Choose"
        app.screen.query_one("#replace", Button).press()
        await pilot.pause()
        assert len(app.workspace.queue) == len(routine.items) and app.workspace.queue.origin == WARM_UP


async def test_help_from_the_timer_pauses_it_and_shows_the_timer_keys_first(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON, hold=60)])
        await pilot.press("s")
        timer = app.screen
        await run_for(pilot, clock, 15)
        await pilot.press("question_mark")
        assert screen_name(app) == "HelpScreen"
        assert app.screen.sections()[0][0] == "Timer"
        left = timer.timer.remaining
        await run_for(pilot, clock, 30)
        assert timer.timer.remaining == left, "the timer waits while help is open"
        await pilot.press("escape")
        assert timer.timer.state == "running"


async def test_the_key_bar_names_the_dialog_s_keys_and_mute_as_it_is(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON)])
        await pilot.press("s")
        await pilot.press("m")
        bar = screen_text(app).splitlines()[-1]
        assert "Unmute" in bar and " Mute" not in bar
        await pilot.press("escape")
        bar = screen_text(app).splitlines()[-1]
        assert "Yes" in bar and "Pause" not in bar


async def test_a_theme_from_the_command_palette_is_saved(make_app, hiptui_home: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"  # as the palette's "Change theme" does
        await pilot.pause()
    assert 'theme = "nord"' in (hiptui_home / "settings.toml").read_text()


async def test_settings_refuse_an_empty_field(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        app.screen.query_one("#ready_seconds", Input).value = ""
        await pilot.click("#save")
        assert screen_name(app) == "SettingsDialog" and "whole number" in screen_text(app)


async def test_the_card_shows_the_queue_item_s_own_dose(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON, hold=95)])
        await pilot.press("tab", "tab")
        assert "1:35" in screen_text(app)


async def test_a_saved_routine_name_is_refused_when_taken(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.workspace.add([item(app, PIGEON)])
        app.workspace.save_queue_as("Evening")
        await pilot.press("ctrl+s")
        await type_text(pilot, "evening")
        await pilot.press("enter")
        assert screen_name(app) == "NamePrompt" and "already have a routine named" in screen_text(app)


async def test_one_total_for_a_routine_everywhere_under_custom_settings(make_app, hiptui_home: Path):
    save_settings(Settings(ready_seconds=2, switch_seconds=2), hiptui_home)
    listed = subprocess.run(
        [sys.executable, "-m", "hiptui", "routine", "list", "--json"], capture_output=True, text=True, check=True
    )
    cli_total = next(r["total_seconds"] for r in json.loads(listed.stdout) if r["id"] == WARM_UP)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        routine = app.workspace.find_routine(WARM_UP)
        expected = total_seconds(routine.items, Pacing(2, 2))
        app.builder.load_routine(WARM_UP)
        await pilot.pause()
        from hiptui.base.durations import format_duration

        assert cli_total == expected
        assert app.workspace.total_seconds() == expected
        assert f"total {format_duration(expected)}" in screen_text(app)
        session = app.workspace.new_session()
        assert session.timeline.total_seconds == expected
