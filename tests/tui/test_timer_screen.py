"""The timer screen on a fake monotonic clock: nothing moves unless the test advances it."""

from __future__ import annotations

import pytest
from textual.widgets import Digits
from tui_support import SIZE, item, queue_moves, screen_name, screen_text, widget_text

PIGEON = "yoga/pigeon"
CLAMSHELL = "banded-strength/banded-clamshell"


async def start(pilot, *items):
    app = pilot.app
    app.builder.add_moves(list(items))
    await pilot.press("s")
    assert screen_name(app) == "TimerScreen"
    return app.screen


async def wait(pilot, clock, seconds: float) -> None:
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


def countdown(app) -> str:
    return app.screen.query_one("#countdown", Digits).value


def shown(app) -> tuple[str, str, str]:
    return tuple(widget_text(app, f"#timer-{part}") for part in ("title", "badges", "next"))


def two_sided_sets(app):
    return item(app, PIGEON, hold=30, sets=2, rest=15, per_side=True)


async def test_starts_on_get_ready_then_moves_to_the_work_segment(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timer = await start(pilot, two_sided_sets(app))
        assert shown(app) == ("Get ready · Pigeon", "LEFT set 1 of 2", "Next: Pigeon (left) · 30 s")
        assert countdown(app) == "0:10"
        await wait(pilot, clock, 9.5)
        assert countdown(app) == "0:01" and timer.timer.segment.kind == "ready"
        await wait(pilot, clock, 0.5)
        assert shown(app) == ("Pigeon", "LEFT set 1 of 2", "Next: Switch sides · 5 s")
        assert countdown(app) == "0:30"


async def test_the_pilot_clock_alone_moves_nothing(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timer = await start(pilot, two_sided_sets(app))
        await pilot.pause(0.5)
        assert countdown(app) == "0:10" and timer.timer.index == 0
        clock.advance(12)
        await pilot.pause(0.5)
        assert timer.timer.segment.kind == "work" and countdown(app) == "0:28"


async def test_side_set_and_rest_labels_follow_the_timeline(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, two_sided_sets(app))
        seen = []
        for seconds in (10, 30, 5, 30, 15, 30, 5):
            await wait(pilot, clock, seconds)
            seen.append(shown(app))
        assert seen == [
            ("Pigeon", "LEFT set 1 of 2", "Next: Switch sides · 5 s"),
            ("Switch sides · Pigeon", "RIGHT set 1 of 2", "Next: Pigeon (right) · 30 s"),
            ("Pigeon", "RIGHT set 1 of 2", "Next: Rest · 15 s"),
            ("Rest · Pigeon", "LEFT set 2 of 2", "Next: Pigeon (left) · 30 s"),
            ("Pigeon", "LEFT set 2 of 2", "Next: Switch sides · 5 s"),
            ("Switch sides · Pigeon", "RIGHT set 2 of 2", "Next: Pigeon (right) · 30 s"),
            ("Pigeon", "RIGHT set 2 of 2", "Next: finish"),
        ]


async def test_space_pauses_and_the_clock_does_not_count_while_paused(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timer = await start(pilot, two_sided_sets(app))
        await wait(pilot, clock, 10 + 12)
        assert countdown(app) == "0:18" and "PAUSED" not in screen_text(app)
        await pilot.press("space")
        assert timer.timer.state == "paused"
        assert "PAUSED" in screen_text(app)
        await wait(pilot, clock, 600)
        assert countdown(app) == "0:18" and timer.timer.segment.kind == "work"
        await pilot.press("space")
        assert timer.timer.state == "running" and "PAUSED" not in screen_text(app)
        await wait(pilot, clock, 3)
        assert countdown(app) == "0:15"


async def test_n_skips_and_p_goes_back(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timer = await start(pilot, two_sided_sets(app))
        kinds = []
        for key in ("n", "n", "n", "p", "p"):
            await pilot.press(key)
            kinds.append(timer.timer.segment.kind)
        assert kinds == ["work", "switch", "work", "switch", "work"]
        assert "LEFT" in screen_text(app)
        assert countdown(app) == "0:30"


async def test_plus_and_minus_change_the_time_left_by_ten_seconds(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timer = await start(pilot, two_sided_sets(app))
        await wait(pilot, clock, 10 + 5)
        assert countdown(app) == "0:25"
        await pilot.press("plus")
        assert countdown(app) == "0:35" and timer.timer.remaining == 35
        await pilot.press("minus", "minus")
        assert countdown(app) == "0:15"
        await pilot.press("minus", "minus")
        assert timer.timer.remaining == 1 and timer.timer.segment.kind == "work"


async def test_m_toggles_mute_and_a_muted_app_does_not_ring(make_app, clock):
    app = make_app()
    rings = []
    async with app.run_test(size=SIZE) as pilot:
        app.bell = lambda: rings.append(app.screen)
        await start(pilot, two_sided_sets(app))
        await pilot.press("m")
        assert app.muted
        before = len(rings)
        await pilot.press("n", "n")
        assert len(rings) == before
        await pilot.press("m")
        assert not app.muted
        await pilot.press("n")
        assert len(rings) == before + 1


async def test_escape_asks_first_and_keep_going_keeps_the_session(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timer = await start(pilot, two_sided_sets(app))
        await wait(pilot, clock, 12)
        await pilot.press("escape")
        assert screen_name(app) == "Confirm"
        assert "Stop this session?" in screen_text(app)
        await pilot.press("n")
        assert app.screen is timer and timer.timer.state == "running"


async def test_confirming_stop_shows_the_summary_then_the_builder(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, two_sided_sets(app))
        await wait(pilot, clock, 12)
        await pilot.press("escape", "y")
        assert screen_name(app) == "SummaryScreen"
        text = screen_text(app)
        assert "Session stopped" in text and "Moves done     0 of 1" in text
        await pilot.press("enter")
        assert app.screen is app.builder
        assert len(app.builder.queue) == 1


async def test_finishing_every_segment_shows_the_summary_with_what_was_skipped(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        clamshell = item(app, CLAMSHELL, reps=5, rep_seconds=2)
        await start(pilot, item(app, PIGEON, hold=20), clamshell)
        await wait(pilot, clock, 10)
        await pilot.press("n")
        await wait(pilot, clock, 10 + 10)
        assert screen_name(app) == "SummaryScreen"
        text = screen_text(app)
        assert "Session over, 1 skipped" in text
        assert "Moves done     1 of 2" in text
        assert "Skipped        1 work segment" in text and "- Pigeon" in text
        assert "Time           30 s" in text
        await pilot.click("#close")
        assert app.screen is app.builder
        assert [queued.move.gid for queued in app.builder.queue] == [PIGEON, CLAMSHELL]


async def test_rep_counter_shows_the_rep_under_way(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, CLAMSHELL, reps=8, rep_seconds=3, per_side=True))
        await wait(pilot, clock, 10)
        assert widget_text(app, "#timer-badges") == "LEFT rep 1 / 8"
        await wait(pilot, clock, 7)
        assert widget_text(app, "#timer-badges") == "LEFT rep 3 / 8"
        await wait(pilot, clock, 16)
        assert widget_text(app, "#timer-badges") == "LEFT rep 8 / 8"
        await wait(pilot, clock, 1)
        assert shown(app) == ("Switch sides · Banded Clamshell", "RIGHT", "Next: Banded Clamshell (right) · 24 s")


async def test_session_progress_counts_down_the_whole_session(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, PIGEON, hold=20))
        assert "Session 0 s so far · 30 s to go" in screen_text(app)
        await wait(pilot, clock, 15)
        assert "Session 15 s so far · 15 s to go" in screen_text(app)
        await pilot.press("n")  # the rest of the hold skipped: to go drops, time spent does not
        await pilot.pause()
        assert "Session 15 s so far · 0 s to go" not in screen_text(app)


async def test_time_spent_is_one_figure_on_the_timer_and_in_the_summary(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, PIGEON, hold=20), item(app, PIGEON, hold=20))
        await wait(pilot, clock, 16)
        await pilot.press("n", "n")
        await pilot.pause()
        assert "Session 16 s so far · 20 s to go" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert screen_name(app) == "SummaryScreen", text
        assert "Session over, 2 skipped." in text and "Time           16 s" in text and "(1 partly)" in text
        [record] = app.workspace.history.sessions()
        assert record.status == "finished" and record.done_seconds == pytest.approx(16, abs=0.1)


async def test_the_timer_shows_the_steps_of_the_move(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pigeon = item(app, PIGEON)
        await start(pilot, pigeon)
        assert pigeon.move.move.steps[0][:30] in screen_text(app).replace("\n", " ")


async def test_the_key_bar_names_what_space_does_now(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, "yoga/pigeon")
        await pilot.press("s")
        await pilot.pause()

        def space() -> str:
            return next(b.description for _, b, enabled, _ in app.screen.active_bindings.values() if b.key == "space")

        assert space() == "Pause"
        await pilot.press("space")
        assert space() == "Resume"
        await pilot.press("space")
        assert space() == "Pause"


async def test_starting_a_session_clears_the_builders_notices(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.notify("In the queue: Post-run reset (6 moves). Press s to start.")
        await pilot.pause()
        assert len(app._notifications) == 1
        await start(pilot, item(app, PIGEON, hold=20))
        assert len(app._notifications) == 0
