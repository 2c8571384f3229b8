"""Mouse drag and drop between the library and the queue, checked on the core SessionQueue."""

from __future__ import annotations

from tui_support import SIZE, drag_ghost, library, queue_gids, queue_list, queue_moves, screen_text, widget_text

from hiptui.tui.widgets.move_lists import QueueList

THREE = ("yoga/pigeon", "banded-strength/banded-clamshell", "mobility/90-90-hip-switches")
X = 4


async def test_drag_a_library_move_between_queue_items_inserts_it_there(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        dragged = library(app).items[5]
        await pilot.mouse_down(library(app), offset=(X, 5))
        await pilot.hover(queue_list(app), offset=(X, 1))
        assert drag_ghost(app).display and dragged.name in screen_text(app)
        assert queue_list(app).drop_index == 1
        assert "▶" in screen_text(app)
        await pilot.mouse_up(queue_list(app), offset=(X, 1))
        assert queue_gids(app) == [THREE[0], dragged.gid, THREE[1], THREE[2]]
        assert not drag_ghost(app).display
        assert queue_list(app).drop_index is None
        assert isinstance(app.focused, QueueList) and queue_list(app).cursor == 1


async def test_drop_below_the_last_queue_item_appends(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        dragged = library(app).items[0]
        await pilot.mouse_down(library(app), offset=(X, 0))
        await pilot.hover(queue_list(app), offset=(X, 3))
        assert "end of queue" in screen_text(app)
        await pilot.hover(queue_list(app), offset=(X, 12))
        await pilot.mouse_up(queue_list(app), offset=(X, 12))
        assert queue_gids(app) == [*THREE, dragged.gid]


async def test_drag_onto_an_empty_queue(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dragged = library(app).items[2]
        await pilot.mouse_down(library(app), offset=(X, 2))
        await pilot.hover(queue_list(app), offset=(X, 0))
        await pilot.mouse_up(queue_list(app), offset=(X, 0))
        assert queue_gids(app) == [dragged.gid]


async def test_drag_a_queue_item_down_to_reorder(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first, second, third = THREE
        queue_moves(app, *THREE)
        await pilot.mouse_down(queue_list(app), offset=(X, 0))
        await pilot.hover(queue_list(app), offset=(X, 3))
        assert drag_ghost(app).display
        await pilot.mouse_up(queue_list(app), offset=(X, 3))
        assert queue_gids(app) == [second, third, first]
        assert queue_list(app).cursor == 2


async def test_drag_a_queue_item_up_to_reorder(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first, second, third = THREE
        queue_moves(app, *THREE)
        await pilot.mouse_down(queue_list(app), offset=(X, 2))
        await pilot.hover(queue_list(app), offset=(X, 0))
        await pilot.mouse_up(queue_list(app), offset=(X, 0))
        assert queue_gids(app) == [third, first, second]
        assert queue_list(app).cursor == 0


async def test_dropping_a_queue_item_just_below_itself_changes_nothing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.mouse_down(queue_list(app), offset=(X, 0))
        await pilot.hover(queue_list(app), offset=(X + 3, 1))
        await pilot.mouse_up(queue_list(app), offset=(X + 3, 1))
        assert queue_gids(app) == list(THREE)


async def test_release_outside_the_queue_cancels(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.mouse_down(library(app), offset=(X, 0))
        await pilot.hover(queue_list(app), offset=(X, 1))
        assert queue_list(app).drop_index == 1
        await pilot.hover("#detail", offset=(3, 3))
        assert queue_list(app).drop_index is None
        await pilot.mouse_up("#detail", offset=(3, 3))
        assert queue_gids(app) == list(THREE)
        assert not drag_ghost(app).display


async def test_dragging_a_queue_item_out_of_the_queue_does_not_remove_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.mouse_down(queue_list(app), offset=(X, 1))
        await pilot.hover(library(app), offset=(X, 4))
        await pilot.mouse_up(library(app), offset=(X, 4))
        assert queue_gids(app) == list(THREE)
        assert not drag_ghost(app).display


async def test_escape_during_a_drag_cancels_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.mouse_down(library(app), offset=(X, 0))
        await pilot.hover(queue_list(app), offset=(X, 1))
        await pilot.press("escape")
        assert not drag_ghost(app).display
        assert queue_list(app).drop_index is None
        await pilot.hover(queue_list(app), offset=(X, 2))
        await pilot.mouse_up(queue_list(app), offset=(X, 2))
        assert queue_gids(app) == list(THREE)
        assert not drag_ghost(app).display


async def test_press_and_release_without_moving_is_a_click_that_selects(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.mouse_down(library(app), offset=(X, 4))
        assert not drag_ghost(app).display
        await pilot.mouse_up(library(app), offset=(X, 4))
        assert library(app).cursor == 4
        assert widget_text(app, "#detail-body").startswith(library(app).items[4].name)
        await pilot.hover(queue_list(app), offset=(X, 1))
        assert not drag_ghost(app).display
        assert queue_gids(app) == list(THREE)


async def test_clicking_a_queue_row_selects_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.click(queue_list(app), offset=(X, 1))
        assert isinstance(app.focused, QueueList) and queue_list(app).cursor == 1
        await pilot.press("x")
        assert queue_gids(app) == [THREE[0], THREE[2]]


async def test_a_one_cell_wobble_is_still_a_click(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.mouse_down(queue_list(app), offset=(X, 0))
        await pilot.hover(queue_list(app), offset=(X + 1, 0))
        await pilot.mouse_up(queue_list(app), offset=(X + 1, 0))
        assert not drag_ghost(app).display
        assert queue_gids(app) == list(THREE)
        assert queue_list(app).cursor == 0


async def test_drop_on_a_scrolled_queue_lands_under_the_pointer(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.builder.add_moves(library(app).items[:60])
        await pilot.pause()
        top = queue_list(app).scroll_offset.y
        assert top > 0
        dragged = library(app).items[0]
        await pilot.mouse_down(library(app), offset=(X, 0))
        await pilot.hover(queue_list(app), offset=(X, 2))
        assert queue_list(app).drop_index == top + 2
        await pilot.mouse_up(queue_list(app), offset=(X, 2))
        assert len(app.builder.queue) == 61
        assert app.builder.queue[top + 2].move is dragged
