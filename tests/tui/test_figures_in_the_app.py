"""The move's figure: key poses on the card, and on the timer one pose moving at the rep's pace, on the
side being worked."""

from __future__ import annotations

from test_timer_screen import start, wait
from tui_support import SIZE, item, library, screen_text, type_text

from hiptui.figure import draw, phase_of_pose
from hiptui.tui.widgets.figure import FigureStrip, FigureView
from tests.helpers import move_toml, pack_toml

SWINGS = "mobility/leg-swings"
COUCH = "mobility/couch-stretch"
NO_FIGURE = "plain/no-figure"


def pack_without_figures(home) -> None:
    (home / "packs").mkdir(exist_ok=True)
    (home / "packs" / "plain.toml").write_text(pack_toml("plain", move_toml("no-figure")))


def drawn(app, selector: str) -> list[str]:
    """The rows a widget shows on screen, as they are."""
    region = app.screen.query_one(selector).content_region
    return [row[region.x : region.right] for row in screen_text(app).splitlines()[region.y : region.bottom]]


def expected(app, gid: str, phase: float, side: str | None) -> list[str]:
    view = app.screen.query_one("#timer-figure", FigureView)
    figure = app.workspace.catalog.figure(app.workspace.catalog.moves[gid])
    return draw(figure, view.content_size.width, view.content_size.height, phase=phase, side=side)


async def test_reps_move_through_the_poses_and_the_right_side_is_the_left_mirrored(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, SWINGS, reps=2, rep_seconds=2, per_side=True))
        assert drawn(app, "#timer-figure") == expected(app, SWINGS, 0.0, "left")  # get ready: the start pose
        await wait(pilot, clock, 10.0)
        assert drawn(app, "#timer-figure") == expected(app, SWINGS, 0.0, "left")
        await wait(pilot, clock, 1.0)
        assert drawn(app, "#timer-figure") == expected(app, SWINGS, 0.5, "left")  # half a rep: half the cycle
        await pilot.press("n")
        await pilot.pause()
        assert drawn(app, "#timer-figure") == expected(app, SWINGS, 0.0, "right")  # switching: the coming side
        await pilot.press("n")
        await wait(pilot, clock, 1.0)
        assert drawn(app, "#timer-figure") == expected(app, SWINGS, 0.5, "right")


async def test_a_hold_shows_the_held_pose_still(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, COUCH, hold=30))
        await wait(pilot, clock, 10.0)
        figure = app.workspace.catalog.figure(app.workspace.catalog.moves[COUCH])
        held = expected(app, COUCH, phase_of_pose(figure, figure.hold_index), None)
        assert drawn(app, "#timer-figure") == held
        await wait(pilot, clock, 7.3)
        assert drawn(app, "#timer-figure") == held


async def test_with_motion_off_reps_show_the_held_pose_still(make_app, clock, hiptui_home):
    (hiptui_home / "settings.toml").write_text("motion = false\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, SWINGS, reps=4, rep_seconds=2))
        await wait(pilot, clock, 10.0)
        still = drawn(app, "#timer-figure")
        await wait(pilot, clock, 1.0)
        figure = app.workspace.catalog.figure(app.workspace.catalog.moves[SWINGS])
        assert drawn(app, "#timer-figure") == still == expected(app, SWINGS, phase_of_pose(figure, 1), None)


async def test_a_move_without_a_figure_gives_the_countdown_the_room(make_app, clock, hiptui_home):
    pack_without_figures(hiptui_home)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, item(app, NO_FIGURE))
        assert not app.screen.query_one("#timer-figure", FigureView).display
        assert app.screen.query_one("#countdown-box").size.width == app.screen.query_one("#countdown-row").size.width


async def test_the_card_shows_the_key_poses_of_a_move_that_has_a_figure(make_app, hiptui_home):
    pack_without_figures(hiptui_home)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "couch stretch")
        await pilot.pause(0.4)
        strip = app.builder.query_one("#detail-figure", FigureStrip)
        assert strip.display and any(row.strip() for row in drawn(app, "#detail-figure"))
        await pilot.press("escape")
        await pilot.press("slash", *["backspace"] * 13)
        await type_text(pilot, "no figure")
        await pilot.pause(0.4)
        assert library(app).current is not None and not strip.display
