"""The figure core: poses, motion through key poses, and drawing in braille at any size."""

from __future__ import annotations

import dataclasses
import time

import pytest

from hiptui.figure import BASES, POINTS, PROPS, Figure, Pose, Prop, draw, make_pose, phase_of_pose, pose_at
from hiptui.figure.body import pose_body
from hiptui.figure.canvas import DotCanvas

KNEE_UP = Figure(poses=(make_pose("standing", hip=90, knee=90, shoulder=90),))
BRIDGE = Figure(
    poses=(
        make_pose("supine", hip=60, knee=100, other_hip=60, other_knee=100),
        make_pose("supine", trunk=-100, hip=10, knee=85, other_hip=10, other_knee=85),
    ),
    hold=1,
)
SIZES = [(0, 0), (0, 5), (5, 0), (1, 1), (2, 1), (1, 3), (12, 6), (40, 20), (80, 40), (200, 3), (3, 100)]


def mirrored(rows: list[str]) -> list[str]:
    canvas = DotCanvas(len(rows[0]) if rows else 0, len(rows))
    canvas.cells[:] = bytes(0 if ch == " " else ord(ch) - 0x2800 for row in rows for ch in row)
    canvas.mirror()
    return canvas.rows()


def test_a_known_figure_draws_as_expected() -> None:
    assert draw(KNEE_UP, 12, 8) == [
        "  ⢠⣶⣦       ",
        "  ⠈⢻⠯⠤⠤⠔⠒   ",
        "   ⢸        ",
        "   ⢸⣀⣀⣀⣀    ",
        "   ⢸   ⢸    ",
        "   ⢸   ⢸⣀⡀  ",
        "   ⢸        ",
        "⣀⣀⣀⣸⣀⣀⣀⣀⣀⣀⣀⣀",
    ]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("side", [None, "left", "right"])
def test_any_canvas_gives_exactly_its_size(width: int, height: int, side: str | None) -> None:
    rows = draw(BRIDGE, width, height, phase=0.3, side=side)  # type: ignore[arg-type]

    assert len(rows) == max(height, 0) and all(len(row) == max(width, 0) for row in rows)


def test_negative_sizes_draw_nothing() -> None:
    assert draw(BRIDGE, -3, -2) == [] and draw(BRIDGE, -3, 2) == ["", ""]


def test_right_is_the_left_drawing_flipped() -> None:
    for phase in (0.0, 0.2, 0.5):
        left = draw(BRIDGE, 40, 20, phase=phase, side="left")
        assert draw(BRIDGE, 40, 20, phase=phase, side="right") == mirrored(left) != left
        assert draw(BRIDGE, 40, 20, phase=phase) == left


def test_a_symmetric_pose_is_its_own_mirror() -> None:
    pose = make_pose("standing", shoulder_out=90, hip_out=20, other_hip_out=20)
    points = pose_body(pose).points

    for name, (x, y, z) in points.items():
        twin = name.removeprefix("other-") if name.startswith("other-") else f"other-{name}"
        assert points.get(twin, (x, y, -z)) == pytest.approx((x, y, -z)), name


def test_phase_zero_is_the_first_pose_and_half_the_last() -> None:
    assert pose_at(BRIDGE, 0.0) == BRIDGE.poses[0]
    assert pose_at(BRIDGE, 0.5) == BRIDGE.poses[1]
    assert pose_at(BRIDGE, 1.0) == BRIDGE.poses[0]
    assert pose_at(BRIDGE, 0.25).hip == pytest.approx((60 + 10) / 2)


def test_a_loop_visits_every_pose_in_turn() -> None:
    poses = (make_pose(hip=0), make_pose(hip=30), make_pose(hip=60))
    loop, there_and_back = Figure(poses, motion="loop"), Figure(poses)

    assert [pose_at(loop, phase_of_pose(loop, i)).hip for i in range(3)] == pytest.approx([0, 30, 60])
    assert [phase_of_pose(there_and_back, i) for i in range(3)] == [0.0, 0.25, 0.5]
    assert pose_at(loop, 5 / 6).hip == pytest.approx(30)


def test_the_hold_pose_is_the_given_one_or_the_last() -> None:
    assert BRIDGE.hold_index == 1 and Figure(BRIDGE.poses).hold_index == 1
    assert Figure(BRIDGE.poses, hold=0).hold_index == 0 and Figure(BRIDGE.poses[:1]).hold_index == 0


def test_drawing_is_deterministic() -> None:
    first = [draw(BRIDGE, 40, 20, phase=i / 7) for i in range(7)]

    assert first == [draw(BRIDGE, 40, 20, phase=i / 7) for i in range(7)]


def test_the_body_rests_on_the_floor() -> None:
    for base in BASES:
        rows = draw(Figure((BASES[base],)), 40, 20)
        assert any(ch != "⣀" for ch in rows[-1]), base


def test_a_body_on_a_prop_is_lifted_onto_it() -> None:
    plain = Figure((make_pose("supine", hip=60, knee=90, other_hip=60, other_knee=90),))
    rolled = dataclasses.replace(plain, props=(Prop("foam-roller", at="back"),))

    assert draw(plain, 40, 20) != draw(rolled, 40, 20)


@pytest.mark.parametrize("kind", PROPS)
@pytest.mark.parametrize("view", ["side", "front", "three-quarter"])
def test_every_prop_draws_in_every_view(kind: str, view: str) -> None:
    figure = Figure((make_pose("lunge"),), view=view, props=(Prop(kind),))  # type: ignore[arg-type]

    assert len(draw(figure, 30, 12)) == 12


def test_extreme_angles_still_draw() -> None:
    wild = Pose(*([360.0, -360.0] * 9))

    assert len(draw(Figure((wild, make_pose())), 20, 10, phase=0.7)) == 10


def test_a_frame_draws_quickly() -> None:
    started = time.perf_counter()
    for frame in range(100):
        draw(BRIDGE, 40, 20, phase=frame / 100)

    assert time.perf_counter() - started < 5  # a generous bound against a hang, not a benchmark


@pytest.mark.parametrize("kind", PROPS)
@pytest.mark.parametrize("point", POINTS)
def test_every_prop_at_every_point_draws_or_is_left_out(kind: str, point: str) -> None:
    """A pack checks its props, but a plugin may hand over any figure: none may break a drawing."""
    for prop in (Prop(kind, at=point), Prop(kind, to=point), Prop(kind, at=point, to=point)):
        figure = Figure((make_pose("supine"),), view="three-quarter", props=(prop,))
        assert len(draw(figure, 24, 8)) == 8
