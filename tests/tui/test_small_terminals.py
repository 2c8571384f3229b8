"""Small and changing terminal sizes: usable down to 60x20, a clear note below, never a crash."""

from __future__ import annotations

import random

from textual import events
from textual.geometry import Size
from tui_support import SIZE, add_by_search, focused_pane, item, queue_gids, queue_list, screen_name, screen_text

from hiptui.tui.screens.help import HelpScreen
from hiptui.tui.widgets.move_lists import LibraryList
from hiptui.tui.widgets.too_small import TooSmall

TOO_SMALL = "Terminal too small"


def resize_now(app, width: int, height: int) -> None:
    """Report a new terminal size without waiting for the app to catch up, as a dragged window does."""
    size = Size(width, height)
    app._driver._size = size
    app.post_message(events.Resize(size, size))


def too_small_shown(app) -> bool:
    return any(note.display for note in app.screen.query(TooSmall)) and TOO_SMALL in screen_text(app)


async def test_builder_is_usable_at_60x20(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        assert not too_small_shown(app)
        await add_by_search(pilot, "pigeon", "frog")
        assert queue_gids(app) == ["yoga/pigeon", "yoga/frog"]
        text = screen_text(app)
        assert "Queue" in text and "1. Pigeon" in text and "2. Frog" in text
        assert queue_list(app).region.right <= 60
        await pilot.press("tab")
        assert app.focused is queue_list(app)


async def test_library_names_stay_readable_at_60x20(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("slash", *"clamshell")
        assert "Banded Clamshell" in screen_text(app)


async def test_40x12_shows_the_too_small_note_from_the_start(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)):
        assert too_small_shown(app)
        assert "40×12" in screen_text(app)


async def test_resizing_down_shows_the_note_and_back_up_hides_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert not too_small_shown(app)
        await pilot.resize_terminal(40, 12)
        assert too_small_shown(app)
        await pilot.resize_terminal(*SIZE)
        assert not too_small_shown(app)
        await add_by_search(pilot, "pigeon")
        assert queue_gids(app) == ["yoga/pigeon"]


async def test_the_timer_screen_has_the_note_too(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.builder.add_moves([item(app, "yoga/pigeon")])
        await pilot.press("s")
        await pilot.resize_terminal(50, 15)
        assert screen_name(app) == "TimerScreen" and too_small_shown(app)
        await pilot.resize_terminal(80, 24)
        assert not too_small_shown(app)


async def test_a_storm_of_resizes_never_raises(make_app):
    sizes = random.Random(5).choices([(1, 1), (2, 1), (20, 5), (40, 12), (59, 19), (60, 20), (80, 24), (200, 60)], k=60)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await add_by_search(pilot, "pigeon")
        for width, height in sizes:
            resize_now(app, width, height)
        await pilot.pause(0.2)
        for width, height in sizes[:12]:
            await pilot.resize_terminal(width, height)
        await pilot.resize_terminal(*SIZE)
        assert app.is_running and not too_small_shown(app)
        assert queue_gids(app) == ["yoga/pigeon"]


async def test_resizing_with_a_dialog_or_the_timer_open_never_raises(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await add_by_search(pilot, "pigeon")
        for keys in (("question_mark",), ("f",), ("r",), ("s",)):
            await pilot.press(*keys)
            opened = screen_name(app)
            for width, height in ((30, 8), (61, 21), (1, 1), (150, 50)):
                resize_now(app, width, height)
            await pilot.pause(0.2)
            await pilot.resize_terminal(*SIZE)
            assert app.is_running and screen_name(app) == opened
            await pilot.press("escape")
            if screen_name(app) == "Confirm":
                await pilot.press("y", "escape")
            assert screen_name(app) == "BuilderScreen"


async def test_the_library_cursor_stays_in_view_when_the_window_shrinks(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        rows = app.builder.query_one(LibraryList)
        for _ in range(30):
            await pilot.press("down")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        top = rows.scroll_offset.y
        assert top <= rows.cursor < top + rows.scrollable_content_region.height


async def test_a_screen_shown_while_the_terminal_is_too_small_gets_the_note(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.resize_terminal(40, 12)
        await app.push_screen(HelpScreen(app.builder))
        await pilot.pause()
        assert screen_name(app) == "HelpScreen" and too_small_shown(app)
        await pilot.resize_terminal(*SIZE)
        assert not too_small_shown(app)


async def test_narrowing_the_window_moves_focus_off_the_hidden_move_card(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert focused_pane(app) == "detail"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert focused_pane(app) == "library-pane"
        assert [pane.id for pane in app.builder.query(".pane.-has-focus")] == ["library-pane"]
