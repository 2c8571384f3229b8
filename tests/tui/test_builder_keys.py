"""Every builder key of SPEC section 5, driven through the Pilot."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input, OptionList, SelectionList
from tui_support import (
    SIZE,
    add_by_search,
    focused_pane,
    library,
    queue_gids,
    queue_list,
    queue_moves,
    screen_name,
    screen_text,
    search_box,
    type_text,
    widget_text,
)

from hiptui.catalog.catalog import Catalog
from hiptui.tui.keys import BUILDER
from hiptui.tui.widgets.move_lists import LibraryList
from hiptui.tui.widgets.search_box import SearchBox

THREE = ("yoga/pigeon", "banded-strength/banded-clamshell", "mobility/90-90-hip-switches")


async def test_library_has_focus_at_start_and_lists_every_move(make_app):
    app = make_app()
    async with app.run_test(size=SIZE):
        assert isinstance(app.focused, LibraryList)
        assert len(library(app).items) == len(app.builder.catalog) > 0
        assert f"{len(app.builder.catalog)} of {len(app.builder.catalog)} moves" in screen_text(app)


async def test_slash_focuses_search_and_each_key_filters_at_once(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert app.focused is search_box(app)
        counts = [len(library(app).items)]
        for char in "pigeon":
            await pilot.press(char)
            counts.append(len(library(app).items))
        assert counts == sorted(counts, reverse=True) and counts[-1] < counts[0]
        assert library(app).items[0].gid == "yoga/pigeon"
        assert f"{counts[-1]} of {counts[0]} moves" in screen_text(app)


async def test_search_matches_pack_and_gear_not_only_names(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "foam-rolling")
        assert library(app).items and {entry.pack_id for entry in library(app).items} == {"foam-rolling"}
        await pilot.press("ctrl+u")
        await type_text(pilot, "mini band")
        assert library(app).items
        assert all("mini-band" in entry.move.equipment for entry in library(app).items)


async def test_enter_in_search_adds_the_top_match(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "pigeon")
        await pilot.press("enter")
        assert queue_gids(app) == ["yoga/pigeon"]
        assert "1. Pigeon" in screen_text(app)


async def test_enter_in_an_empty_search_result_adds_nothing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "zzzqqq")
        await pilot.press("enter")
        assert library(app).items == []
        assert queue_gids(app) == []
        assert "No moves match" in screen_text(app)


async def test_escape_leaves_the_search_box_for_the_library(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "frog")
        await pilot.press("escape")
        assert isinstance(app.focused, LibraryList)
        assert search_box(app).value == "frog"


async def test_letters_typed_in_search_are_text_not_commands(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, "yoga/pigeon")
        await pilot.press("slash")
        await type_text(pilot, "qscarxe?")
        assert app.is_running and app.screen is app.builder
        assert search_box(app).value == "qscarxe?"
        assert queue_gids(app) == ["yoga/pigeon"]


async def test_tab_and_shift_tab_move_between_panes(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        visited = [focused_pane(app)]
        for _ in range(3):
            await pilot.press("tab")
            visited.append(focused_pane(app))
        assert visited == ["library-pane", "detail", "queue-pane", "library-pane"]
        await pilot.press("shift+tab")
        assert focused_pane(app) == "queue-pane"
        await pilot.press("shift+tab")
        assert focused_pane(app) == "detail"


async def test_the_pane_holding_the_focus_is_the_highlighted_one(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("slash", "escape", "tab", "tab", "shift+tab"):
            await pilot.press(key)
            highlighted = [pane.id for pane in app.builder.query(".pane.-has-focus")]
            assert highlighted == [focused_pane(app)], key
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("tab")
        highlighted = [pane.id for pane in app.screen.query(".pane.-has-focus")]
        assert screen_name(app) == "HistoryScreen" and highlighted == [focused_pane(app)]


async def test_up_down_and_k_j_move_the_library_cursor_and_the_detail_follows(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        moves = library(app)
        cursors = []
        for key in ("down", "j", "j", "k", "up"):
            await pilot.press(key)
            cursors.append(moves.cursor)
        assert cursors == [1, 2, 3, 2, 1]
        assert widget_text(app, "#detail-body").startswith(moves.current.name)
        await pilot.press("up", "up", "k")
        assert moves.cursor == 0


async def test_up_down_and_k_j_move_the_queue_cursor(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        queue_list(app).focus()
        await pilot.press("k")
        assert queue_list(app).cursor == 1
        await pilot.press("up", "j")
        assert queue_list(app).cursor == 1
        await pilot.press("down", "down")
        assert queue_list(app).cursor == 2


async def test_enter_and_a_add_the_highlighted_library_move(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        moves = library(app)
        await pilot.press("j", "enter", "j", "a")
        assert queue_gids(app) == [moves.items[1].gid, moves.items[2].gid]
        assert "2 moves · total" in screen_text(app)


async def test_a_on_the_queue_adds_nothing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, "yoga/pigeon")
        queue_list(app).focus()
        await pilot.press("a", "enter")
        assert queue_gids(app) == ["yoga/pigeon"]


async def test_shift_up_and_shift_down_reorder_the_queue(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first, second, third = THREE
        queue_moves(app, *THREE)
        queue_list(app).focus()
        await pilot.press("shift+up")
        assert queue_gids(app) == [first, third, second]
        assert queue_list(app).cursor == 1
        await pilot.press("shift+up", "shift+up")
        assert queue_gids(app) == [third, first, second]
        await pilot.press("shift+down")
        assert queue_gids(app) == [first, third, second]
        await pilot.press("shift+down", "shift+down")
        assert queue_gids(app) == [first, second, third]


async def test_adding_many_moves_at_once_scrolls_the_queue_to_the_last(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.builder.add_moves(library(app).items[:60])
        await pilot.pause()
        shown = queue_list(app)
        top, rows = shown.scroll_offset.y, shown.scrollable_content_region.height
        assert shown.cursor == 59 and top <= 59 < top + rows
        assert "60. " in screen_text(app)


async def test_delete_backspace_and_x_remove_the_highlighted_queue_item(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE, "yoga/frog")
        queue_list(app).focus()
        await pilot.press("up", "up")
        await pilot.press("x")
        assert queue_gids(app) == [THREE[0], THREE[2], "yoga/frog"]
        await pilot.press("backspace")
        assert queue_gids(app) == [THREE[0], "yoga/frog"]
        await pilot.press("delete")
        assert queue_gids(app) == [THREE[0]]
        await pilot.press("x")
        assert queue_gids(app) == []
        assert "Total 0:00" in screen_text(app)


async def test_x_on_the_library_removes_nothing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, "yoga/pigeon")
        await pilot.press("x", "delete", "backspace")
        assert queue_gids(app) == ["yoga/pigeon"]


async def test_e_edits_the_dose_and_saving_a_valid_value_changes_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, "yoga/pigeon")
        queue_list(app).focus()
        await pilot.press("e")
        assert screen_name(app) == "DoseEditor"
        await type_text(pilot, "1m30s")
        await pilot.press("enter")
        assert app.screen is app.builder
        assert app.builder.queue[0].dose.hold == 90
        assert "1. Pigeon" in screen_text(app) and "1:30 / side" in screen_text(app)


async def test_e_on_a_reps_move_edits_reps_sets_and_rest(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, "banded-strength/banded-clamshell")
        queue_list(app).focus()
        await pilot.press("e")
        assert "Reps per set (per side)" in screen_text(app)
        await type_text(pilot, "12")
        await pilot.press("tab")
        await type_text(pilot, "3")
        await pilot.press("tab")
        await type_text(pilot, "20")
        await pilot.press("enter")
        dose = app.builder.queue[0].dose
        assert (dose.reps, dose.sets, dose.rest, dose.per_side) == (12, 3, 20, True)
        assert "3 x 12 / side" in screen_text(app)


async def test_invalid_doses_show_an_error_and_keep_the_dialog(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, "yoga/pigeon")
        before = app.builder.queue[0].dose
        queue_list(app).focus()
        await pilot.press("e")
        editor = app.screen
        for field, bad, error in (
            ("#hold", "0", "hold:"),
            ("#hold", "abc", "hold: 'abc' is not a duration"),
            ("#sets", "0", "sets:"),
        ):
            editor.query_one("#hold", Input).value = str(before.hold)
            editor.query_one(field, Input).value = bad
            editor.query_one(field, Input).focus()
            await pilot.press("enter")
            assert app.screen is editor
            assert widget_text(app, "#dose-error").startswith(error)
        await pilot.press("escape")
        assert app.screen is app.builder
        assert app.builder.queue[0].dose == before


async def test_c_asks_first_then_clears_and_n_keeps_the_queue(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        queue_moves(app, *THREE)
        await pilot.press("c")
        assert screen_name(app) == "Confirm"
        assert "Clear all 3 moves" in screen_text(app)
        await pilot.press("n")
        assert app.screen is app.builder and len(app.builder.queue) == 3
        await pilot.press("c", "y")
        assert app.screen is app.builder and queue_gids(app) == []


async def test_r_opens_the_routine_picker_and_enter_loads_a_routine(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        routines = list(app.builder.catalog.routines.values())
        await pilot.press("r")
        assert screen_name(app) == "RoutinePicker"
        assert isinstance(app.focused, OptionList)
        assert routines[1].name in screen_text(app)
        await pilot.press("down", "enter")
        assert app.screen is app.builder
        assert queue_gids(app) == [entry.move.gid for entry in routines[1].items]


async def test_escape_closes_the_routine_picker_without_loading(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "escape")
        assert app.screen is app.builder and queue_gids(app) == []


async def test_f_filters_the_library_by_pack(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        everything = len(library(app).items)
        await pilot.press("f")
        assert screen_name(app) == "FilterDialog"
        packs = app.screen.query_one("#facet-pack", SelectionList)
        assert app.focused is packs
        await pilot.press("down", "space")
        assert packs.selected == ["foam-rolling"]
        await pilot.press("ctrl+s")
        assert app.screen is app.builder
        shown = library(app).items
        assert 0 < len(shown) < everything
        assert {entry.pack_id for entry in shown} == {"foam-rolling"}
        assert "pack: foam-rolling" in screen_text(app)


async def test_filter_buttons_are_on_screen_and_clear_all_resets(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        everything = len(library(app).items)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("space")
        assert app.screen.query_one("#facet-pack", SelectionList).selected == ["banded-strength"]
        assert await pilot.click("#apply")
        assert len(library(app).items) < everything
        await pilot.press("f")
        assert await pilot.click("#clear")
        assert len(library(app).items) == everything


async def test_s_opens_the_timer_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert app.screen is app.builder
        queue_moves(app, "yoga/pigeon")
        await pilot.press("s")
        assert screen_name(app) == "TimerScreen"
        assert "Get ready" in screen_text(app)


async def test_question_mark_opens_help_with_every_key_and_the_medical_note(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert screen_name(app) == "HelpScreen"
        text = screen_text(app)
        assert "not medical advice" in text
        assert any("shift+tab" in keys for keys, _ in dict(app.screen.sections())["Builder"])
        sections = dict(app.screen.sections())
        assert list(sections)[0] == "Builder"
        shown = {does for _, does in sections["Builder"]}
        assert {binding.tooltip for binding in BUILDER} <= shown  # built from the bindings: it cannot drift
        assert dict((does, keys) for keys, does in sections["Builder"])[BUILDER[2].tooltip].endswith(" / a")
        await pilot.press("escape")
        assert app.screen is app.builder


async def test_q_quits(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
        assert app.return_code == 0


async def test_several_searches_build_a_queue_in_order(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await add_by_search(pilot, "pigeon", "clamshell", "frog")
        assert queue_gids(app) == ["yoga/pigeon", "banded-strength/banded-clamshell", "yoga/frog"]
        assert "3 moves · total" in screen_text(app)


async def burst(pilot, text: str) -> None:
    """Keys as a terminal delivers a fast burst or a paste: all queued before the first is handled."""
    names = {"/": "slash", "\r": "enter", " ": "space"}
    for character in text:
        pilot.app.post_message(events.Key(names.get(character, character), character))
    await pilot.pause()
    await pilot.pause()


async def test_a_burst_of_keys_after_slash_is_typed_into_the_search_box(make_app):
    """ "/pigeon" typed fast: no letter may run as a command (p would open the Packs screen)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "/pigeon\r")
        assert screen_name(app) == "BuilderScreen"
        assert search_box(app).value == "pigeon"
        assert queue_gids(app) == ["yoga/pigeon"]
        await burst(pilot, "s")
        assert search_box(app).value == "pigeons", "typing on after Enter adds to the search"


async def test_slash_in_the_search_box_is_text_in_its_turn(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "/90/90")
        assert search_box(app).value == "90/90"
        assert library(app).items[0].name == "90/90 Hip Switches"


async def test_slash_before_the_builder_is_composed_is_ignored(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for search in app.builder.query(SearchBox):
            await search.remove()
        await pilot.press("slash")
        assert screen_name(app) == "BuilderScreen"


def packs_still_loading(app) -> None:
    """The builder as it is between its first frame and the packs' arrival."""
    app.builder.loaded = False
    app.builder.set_catalog(Catalog([]))
    app.builder.loaded = False


async def test_enter_in_the_search_while_the_packs_load_adds_the_top_match_once_they_are_in(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        packs_still_loading(app)
        await pilot.press("slash")
        await type_text(pilot, "pigeon")
        await pilot.press("enter")
        assert queue_gids(app) == []
        app._library_loaded(app.library)
        await pilot.pause()
        assert queue_gids(app) == ["yoga/pigeon"]
        assert [entry.move for entry in app.workspace.queue_store.load().entries] == ["yoga/pigeon"]  # saved too


@pytest.mark.parametrize(
    ("key", "screen"), [("f", "FilterDialog"), ("r", "RoutinePicker"), ("g", "PlanDialog"), ("h", "HistoryScreen")]
)
async def test_a_dialog_asked_for_while_the_packs_load_opens_once_they_are_in(make_app, key, screen):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        packs_still_loading(app)
        await pilot.press(key)
        assert screen_name(app) == "BuilderScreen"  # not on an empty catalogue
        app._library_loaded(app.library)
        await pilot.pause()
        assert screen_name(app) == screen


async def test_keys_typed_as_the_app_starts_reach_the_builder_in_order(make_app):
    app = make_app()
    app._keys_before_first_frame = None  # let the test start as usual, then hold keys as at launch
    async with app.run_test(size=SIZE) as pilot:
        queue_before = queue_gids(app)
        app._keys_before_first_frame = []
        for character in "/pigeon":
            await app.on_event(events.Key("slash" if character == "/" else character, character))
        await app.on_event(events.Key("ctrl+j", "\n"))  # Enter, as a terminal not yet in raw mode hands it over
        assert screen_name(app) == "BuilderScreen" and queue_gids(app) == queue_before  # held, p ran nothing
        await app._hand_over_early_keys()
        await pilot.pause()
        assert queue_gids(app) == [*queue_before, "yoga/pigeon"]


async def test_the_move_card_follows_the_list_that_has_focus(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await add_by_search(pilot, "pigeon")
        await pilot.press("slash", "ctrl+u", "escape", "home")
        library_move = library(app).current.name
        assert library_move != "Pigeon"
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, type(queue_list(app)))
        assert "Pigeon" in widget_text(app, "#detail-body")
        await pilot.press("shift+tab", "shift+tab")
        assert library_move in widget_text(app, "#detail-body")
