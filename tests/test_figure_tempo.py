"""A moving figure's frames in time, and the key poses side by side."""

from __future__ import annotations

import pytest

from hiptui.figure import Figure, draw, make_pose, phase_of_pose
from hiptui.figure.strip import draw_key_poses
from hiptui.figure.tempo import FRAMES_PER_SECOND, figure_motion

SWING = Figure(poses=(make_pose("standing", hip=-30), make_pose("standing", hip=45)))


def test_one_cycle_a_rep_on_a_grid_of_whole_frames() -> None:
    start, later, next_rep = figure_motion(0.0, 3), figure_motion(1.5, 3), figure_motion(3.0, 3)
    assert start.phase == 0.0 and next_rep.phase == 0.0 and later.phase == pytest.approx(0.5)
    assert start.frame_seconds == pytest.approx(1 / FRAMES_PER_SECOND)
    assert figure_motion(0.2, 3) == start


def test_a_quick_rep_still_has_two_frames() -> None:
    frame = figure_motion(0.0, 0.1)
    assert frame.frame_seconds == pytest.approx(0.05) and figure_motion(0.05, 0.1).phase == 0.5


@pytest.mark.parametrize(("width", "height"), [(0, 0), (1, 1), (7, 3), (40, 6), (120, 10)])
def test_the_strip_is_exactly_the_size_asked(width: int, height: int) -> None:
    rows = draw_key_poses(SWING, width, height)
    assert len(rows) == height and all(len(row) == width for row in rows)


def test_the_strip_shows_each_key_pose_in_order_when_they_fit() -> None:
    rows = draw_key_poses(SWING, 30, 6)
    first = draw(SWING, 14, 6, phase=phase_of_pose(SWING, 0))
    second = draw(SWING, 14, 6, phase=phase_of_pose(SWING, 1))
    assert rows == [f"{a}  {b}" for a, b in zip(first, second, strict=True)]


def test_a_strip_too_narrow_for_every_pose_still_shows_the_held_one() -> None:
    assert draw_key_poses(SWING, 12, 6) == draw(SWING, 12, 6, phase=phase_of_pose(SWING, SWING.hold_index))
    three = Figure(poses=(*SWING.poses, make_pose("standing", hip=90)), hold=2)
    first, held = (draw(three, 14, 6, phase=phase_of_pose(three, index)) for index in (0, 2))
    assert draw_key_poses(three, 30, 6) == [f"{a}  {b}" for a, b in zip(first, held, strict=True)]
