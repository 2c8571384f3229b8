"""A figure's key poses side by side: how a card shows a move at a glance."""

from __future__ import annotations

from hiptui.figure.draw import draw
from hiptui.figure.motion import phase_of_pose
from hiptui.figure.spec import Figure, Side

GAP = 2
POSE_ASPECT = 2.0
"""A pose's cell is this many characters wide per line high (a body lying down is wider than tall)."""


def draw_key_poses(figure: Figure, width: int, height: int, side: Side | None = None) -> list[str]:
    """Every key pose of `figure` in order, each in its own part of a `width` x `height` strip; as many as
    fit (the held pose among them), at least one, and always exactly `height` lines of `width` characters."""
    if width < 1 or height < 1:
        return [" " * max(0, width)] * max(0, height)
    count = len(figure.poses)
    fits = max(1, (width + GAP) // (round(height * POSE_ASPECT) + GAP))
    shown = min(count, fits)
    cell = (width - GAP * (shown - 1)) // shown
    poses = list(range(shown))
    if figure.hold_index not in poses:
        poses[-1] = figure.hold_index  # the pose a hold shows is never the one left out
    drawings = [draw(figure, cell, height, phase=phase_of_pose(figure, index), side=side) for index in poses]
    return [(" " * GAP).join(rows).ljust(width) for rows in zip(*drawings, strict=True)]
