"""Text from a pack is shown exactly as written: never Rich markup, links, actions or escape codes."""

from __future__ import annotations

import json

import pytest
from tui_support import screen_name, screen_text, type_text, widget_text

from hiptui.catalog.library import Library, PackRecord
from hiptui.packs.loader import load_pack_text

NAME = "[bold]x[/bold] [/ x[/y"
STEP_LINK = "[link=https://e.invalid]l[/link] tap"
STEP_CLICK = "[@click=app.quit]click me[/]"
STEP_ESCAPES = "\u001b[31mred\u001b[0m step"
CUE = "cue x[/y \u001b]52;c;aGk=\u0007 end"
CAUTION = "[/ careful [red]now"
ALIAS = "[@click=app.quit]alias[/]"
ROUTINE = "[b]R[/b] [/ routine"
WIDE = (200, 50)

PACK = f"""
format = 1

[pack]
id = "tricky"
name = "[bold]Tricky[/bold] pack"
version = "1"

[[moves]]
id = "tricky"
name = {NAME!r}
category = "mobility"
hold = 30
steps = [{STEP_LINK!r}, {STEP_CLICK!r}, {json.dumps(STEP_ESCAPES)}]
cues = [{json.dumps(CUE)}]
cautions = [{CAUTION!r}]
aliases = [{ALIAS!r}]

[[routines]]
id = "r"
name = {ROUTINE!r}
description = "[@click=app.quit]describe[/]"
moves = ["tricky"]
"""


@pytest.fixture
def tricky_library() -> Library:
    result = load_pack_text(PACK, "tricky.toml")
    assert result.pack is not None, result.problems
    return Library([PackRecord("user", "tricky.toml", pack=result.pack)])


def where(text: str, needle: str) -> tuple[int, int]:
    for y, line in enumerate(text.splitlines()):
        if needle in line:
            return line.index(needle), y
    raise AssertionError(f"{needle!r} is not on screen")


async def test_library_and_detail_show_markup_literally(make_app, tricky_library):
    app = make_app(library=tricky_library)
    async with app.run_test(size=WIDE):
        assert widget_text(app, "#library").startswith(NAME)
        detail = widget_text(app, "#detail")
        assert detail.startswith(f"{NAME} also: {ALIAS}")
        for literal in (
            STEP_LINK,
            STEP_CLICK,
            "red step",
            CAUTION,
            "cue x[/y end",
            "[bold]Tricky[/bold] pack (tricky)",
        ):
            assert literal in detail


async def test_escape_sequences_never_reach_the_screen(make_app, tricky_library):
    app = make_app(library=tricky_library)
    async with app.run_test(size=WIDE):
        move = app.builder.catalog.moves["tricky/tricky"].move
        assert move.cues == ["cue x[/y  end"] and move.steps[2] == "red step"
        svg = app.export_screenshot()
        assert "\x1b" not in screen_text(app) and "\x1b" not in svg
        assert "52;c" not in screen_text(app)


async def test_clicking_action_text_does_not_run_the_action(make_app, tricky_library):
    app = make_app(library=tricky_library)
    async with app.run_test(size=WIDE) as pilot:
        for needle in ("click me", ALIAS, "[link="):
            await pilot.click(offset=where(screen_text(app), needle))
            await pilot.pause()
            assert app.is_running and app.return_code is None


async def test_search_and_queue_show_the_name_literally(make_app, tricky_library):
    app = make_app(library=tricky_library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "[/")
        assert [entry.gid for entry in app.builder.query_one("#library").items] == ["tricky/tricky"]
        await pilot.press("enter")
        assert f"1. {NAME}" in screen_text(app)


async def test_routine_picker_shows_routine_text_literally(make_app, tricky_library):
    app = make_app(library=tricky_library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("r")
        assert screen_name(app) == "RoutinePicker"
        text = screen_text(app)
        assert ROUTINE in text and "[@click=app.quit]describe[/]" in text
        await pilot.click(offset=where(text, "describe"))
        assert app.is_running


async def test_timer_shows_the_move_text_literally(make_app, tricky_library):
    app = make_app(library=tricky_library)
    async with app.run_test(size=WIDE) as pilot:
        app.builder.add_moves([app.builder.catalog.moves["tricky/tricky"]])
        await pilot.press("s")
        assert screen_name(app) == "TimerScreen"
        text = screen_text(app)
        assert NAME in text and STEP_CLICK in text and "[/ careful [red]now" in text
        await pilot.click(offset=where(text, "click me"))
        assert app.is_running
