"""SVG snapshots of the three screens a user sees most, at a roomy and a common terminal size.

Regenerate with `pytest tests/tui/test_snapshots.py --snapshot-update`, then look at the SVGs.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input
from tui_support import item, type_text

SIZES = pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])


def steady(app) -> None:
    for box in app.screen.query(Input):
        box.cursor_blink = False


@SIZES
def test_builder_with_two_moves_and_a_search(snap_compare, make_app, size):
    async def build(pilot):
        await pilot.pause()  # the library is shown once the builder has mounted
        app = pilot.app
        app.builder.add_moves([item(app, "yoga/pigeon"), item(app, "banded-strength/banded-clamshell")])
        steady(app)
        await pilot.press("slash")
        await type_text(pilot, "pigeon")
        await pilot.press("escape", "down")

    assert snap_compare(make_app(), terminal_size=size, run_before=build)


@SIZES
def test_timer_paused_on_a_work_segment(snap_compare, make_app, clock, size):
    async def pause_in_work(pilot):
        await pilot.pause()
        app = pilot.app
        app.builder.add_moves(
            [
                item(app, "yoga/pigeon", hold=30, sets=2, rest=15, per_side=True),
                item(app, "banded-strength/banded-clamshell"),
            ]
        )
        await pilot.press("s")
        clock.advance(10 + 12)
        app.screen.tick()
        await pilot.press("space")

    assert snap_compare(make_app(), terminal_size=size, run_before=pause_in_work)


@SIZES
def test_help(snap_compare, make_app, size):
    async def open_help(pilot):
        steady(pilot.app)
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=size, run_before=open_help)
