"""An empty home opens on a welcome that gets a runner going at once, and it gives way to the queue."""

from __future__ import annotations

import pytest
from tui_support import SIZE, queue_gids, queue_moves, screen_name, widget_text

from hiptui.tui.screens.builder import AFTER_RUN, BEFORE_RUN


def welcome_shown(app) -> bool:
    found = app.builder.query("#welcome")
    return bool(found) and found.first().display and app.builder.query_one("#queue-pane").has_class("-welcome")


def routine_gids(app, gid: str) -> list[str]:
    return [item.move.gid for item in app.workspace.find_routine(gid).items]


@pytest.mark.parametrize(("key", "routine"), [("1", BEFORE_RUN), ("2", AFTER_RUN)])
async def test_an_empty_home_welcomes_and_a_key_puts_the_routine_in_the_queue(make_app, key, routine):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert welcome_shown(app)
        text = widget_text(app, "#welcome")
        assert "1 Before a run" in text and "2 After a run" in text and "g Plan one for me" in text
        await pilot.press(key)
        await pilot.pause()
        assert queue_gids(app) == routine_gids(app, routine) and queue_gids(app)
        assert app.workspace.queue.origin == routine
        assert not welcome_shown(app)


async def test_plan_one_for_me_opens_the_plan_dialog(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        assert screen_name(app) == "PlanDialog"


async def test_each_choice_is_clickable(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#welcome", offset=(4, 5))  # the "After a run" line, under the heading and its gap
        await pilot.pause()
        assert queue_gids(app) == routine_gids(app, AFTER_RUN)


async def test_it_goes_once_the_queue_has_moves_and_comes_back_when_it_is_emptied(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue_moves(app, "yoga/pigeon")
        await pilot.pause()
        assert not welcome_shown(app)
        app.workspace.clear()
        await pilot.pause()
        assert welcome_shown(app)


async def test_a_saved_queue_opens_without_it(make_app):
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue_moves(first, "yoga/pigeon")
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert queue_gids(again) == ["yoga/pigeon"] and not again.builder.query("#welcome")


async def test_the_welcome_names_the_keys_in_force(make_app, hiptui_home):
    (hiptui_home / "settings.toml").write_text('[keys]\n"builder.before-run" = "f2"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "f2 Before a run" in widget_text(app, "#welcome")
        await pilot.press("f2")
        await pilot.pause()
        assert queue_gids(app) == routine_gids(app, BEFORE_RUN)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_it_fits_small_terminals(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = widget_text(app, "#welcome")
        assert "Before a run" in text and "Plan one for me" in text


async def test_a_move_dropped_on_the_welcome_joins_the_queue(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.builder.query_one("#library")
        await pilot.mouse_down(first, offset=(4, 0))
        await pilot.hover("#welcome", offset=(4, 2))
        await pilot.mouse_up("#welcome", offset=(4, 2))
        await pilot.pause()
        assert len(queue_gids(app)) == 1
