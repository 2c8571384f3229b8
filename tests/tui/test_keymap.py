"""The [keys] table of settings.toml: checked against the bindings, applied with Textual's keymap, and shown
wherever keys are named (the key bar, help, the welcome)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import SIZE, queue_moves, screen_name, widget_text

from hiptui.tui.keymap import app_screens, check_keymap, key_problem, split_keys
from hiptui.tui.keyref import END, START, render_binding_ids

REPO = Path(__file__).resolve().parents[2]


def check(**entries: str):
    return check_keymap([(name.replace("__", "."), keys) for name, keys in entries.items()], app_screens())


def test_a_good_keymap_passes_whole_with_keys_named_as_textual_names_them() -> None:
    result = check(builder__start="f5,s", builder__help="?,f1")
    assert result.problems == []
    assert result.keymap == {"builder.start": "f5,s", "builder.help": "question_mark,f1"}


def test_an_unknown_id_is_left_out_with_a_did_you_mean() -> None:
    result = check(builder__strat="f5")
    assert result.keymap == {}
    assert result.problems == ["no binding 'builder.strat' (did you mean 'builder.start'?)"]


@pytest.mark.parametrize(
    ("keys", "says"),
    [
        ("cntrl+s", "'cntrl' is not a modifier (did you mean 'ctrl'?)"),
        ("f55", "'f55' is not a key (did you mean 'f5'?)"),
        ("ctrl+pgup", "'pgup' is not a key (did you mean 'pageup'?)"),
        ("s,,", "an empty key"),
    ],
)
def test_a_key_textual_never_sends_is_named(keys: str, says: str) -> None:
    result = check(builder__start=keys)
    assert result.keymap == {} and result.problems == [f"builder.start: {says}"]


@pytest.mark.parametrize("key", ["a", "F", "5", "f12", "ctrl+shift+up", "space", "question_mark", "slash", "?", "<"])
def test_keys_textual_sends_are_keys(key: str) -> None:
    assert [key_problem(one) for one in split_keys(key)] == [None]


def test_a_key_taken_by_an_unchanged_default_on_the_same_screen_is_a_clash() -> None:
    result = check(builder__start="r")
    assert result.keymap == {}
    assert result.problems == [
        "builder.start: 'r' is already builder.routines's key on the builder screen; kept its default keys"
    ]


def test_two_remapped_actions_on_one_key_clash_and_a_swap_does_not() -> None:
    assert check(builder__start="r", builder__routines="s").problems == []
    clash = check(builder__start="f5", builder__plan="f5")
    assert len(clash.problems) == 1 and "'f5' is already builder.start's key" in clash.problems[0]
    assert clash.keymap == {"builder.start": "f5"}


def test_a_list_key_is_fixed_and_other_screens_do_not_clash() -> None:
    assert "the key for 'Down'" in check(builder__start="j").problems[0]
    assert check(builder__start="n").problems == []  # n is the timer's, on another screen


def test_a_clash_that_undoes_a_remap_is_followed_to_the_end() -> None:
    result = check(builder__start="r", builder__help="s")  # start falls back to s, which help wanted
    assert result.keymap == {} and len(result.problems) == 2


def test_pause_and_resume_are_one_key_shown_two_ways() -> None:
    result = check(timer__pause="f1")
    assert result.problems == [] and result.keymap == {"timer.pause": "f1", "timer.resume": "f1"}


def test_a_key_that_works_in_text_boxes_cannot_be_a_typed_character() -> None:
    result = check(app__quit="y", builder__search="ctrl+f")
    assert result.keymap == {"builder.search": "ctrl+f"}
    assert result.problems == ["app.quit: 'y' is typed into text boxes; this key works in them too"]


def test_contributing_lists_every_binding_id() -> None:
    document = (REPO / "CONTRIBUTING.md").read_text()
    block = document.split(START, 1)[1].split(END, 1)[0]
    assert block.strip() == render_binding_ids().strip(), (
        "CONTRIBUTING.md is out of date: run python -m hiptui.tui.keyref --update CONTRIBUTING.md"
    )


def test_every_screen_binding_with_an_id_is_listed() -> None:
    from hiptui.tui.keys import BUILDER
    from hiptui.tui.screens.timer import TIMER

    listed = {b.id for keys in app_screens().values() for b in keys.bindings}
    assert {b.id for b in BUILDER + TIMER} <= listed


# -- in the app ---------------------------------------------------------------------------------------


def keymap_file(home: Path, body: str) -> None:
    (home / "settings.toml").write_text("[keys]\n" + body, encoding="utf-8")


def notices(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_remapped_key_starts_the_session_and_the_old_one_no_longer_does(make_app, hiptui_home):
    keymap_file(hiptui_home, '"builder.start" = "f5"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue_moves(app, "yoga/pigeon")
        await pilot.press("s")
        assert screen_name(app) == "BuilderScreen"
        assert "f5 Start" in widget_text(app, "KeyBar") and " s Start" not in widget_text(app, "KeyBar")
        await pilot.press("f5")
        assert screen_name(app) == "TimerScreen"


async def test_a_kept_key_still_works_beside_the_new_one(make_app, hiptui_home):
    keymap_file(hiptui_home, '"builder.start" = ["f5", "s"]\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue_moves(app, "yoga/pigeon")
        await pilot.press("s")
        assert screen_name(app) == "TimerScreen"


async def test_unknown_ids_bad_keys_and_clashes_are_told_at_start_and_the_rest_applies(make_app, hiptui_home):
    keymap_file(
        hiptui_home,
        '"builder.strat" = "f5"\n"builder.plan" = "cntrl+g"\n"builder.help" = "r"\n"builder.filters" = "f9"\n',
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (told,) = [n for n in notices(app) if "did you mean 'builder.start'" in n]
        assert "'cntrl' is not a modifier" in told and "builder.routines's key" in told
        await pilot.press("f9")
        assert screen_name(app) == "FilterDialog"
        await pilot.press("escape", "r")
        assert screen_name(app) == "RoutinePicker"  # r kept its own action; help stays on ?


async def test_help_shows_the_keys_in_force(make_app, hiptui_home):
    keymap_file(hiptui_home, '"builder.start" = "f5"\n"builder.help" = "f1,question_mark"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        assert screen_name(app) == "HelpScreen"
        rows = dict(app.screen.sections()[0][1])  # the builder's, as the help screen shows them
        assert rows["f5"] == "start the session" and rows["f1 / ?"] == "this help: every key"
        assert "s" not in rows


async def test_the_timer_follows_the_keymap(make_app, hiptui_home, clock):
    keymap_file(hiptui_home, '"timer.pause" = "f1"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue_moves(app, "yoga/pigeon")
        await pilot.press("s", "space")
        assert app.screen.timer.state != "paused"
        await pilot.press("f1")
        assert app.screen.timer.state == "paused"
        assert "f1 Resume" in widget_text(app, "KeyBar")
        await pilot.press("f1")
        assert app.screen.timer.state != "paused"


async def test_search_on_another_key_types_no_slash_when_pressed_in_the_box(make_app, hiptui_home):
    keymap_file(hiptui_home, '"builder.search" = "ctrl+f"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", "p", "i", "g", "ctrl+f")
        box = app.builder.query_one("#search")
        assert app.focused is box and box.value == "pig"


def test_twins_given_their_own_keys_keep_them_when_one_clashes() -> None:
    result = check(timer__pause="n", timer__resume="f2")
    assert result.keymap == {"timer.resume": "f2"} and "timer.next's key" in result.problems[0]
