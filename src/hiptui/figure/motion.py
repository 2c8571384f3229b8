"""Moving through the key poses: the pose at a phase of the cycle.

A cycle is one rep: phase 0 is the first pose; `back-and-forth` goes to the last pose at phase 0.5 and
returns, `loop` goes through every pose and back to the first. Between key poses the angles are eased
(slow at each key pose, fastest between). For a rep-based move, phase = (seconds into the rep /
rep_seconds) mod 1; for a hold, use `phase_of_pose(figure, figure.hold_index)`, optionally plus a small
breathing offset (e.g. 0.02 * sin(seconds)), which stays near the hold pose.
"""

from __future__ import annotations

import math

from hiptui.figure.pose import Pose, blend
from hiptui.figure.spec import Figure


def _sequence(figure: Figure) -> list[int]:
    count = len(figure.poses)
    if figure.motion == "loop":
        return [*range(count), 0]
    return [*range(count), *range(count - 2, -1, -1)]


def eased(amount: float) -> float:
    """Slow at both ends: 0 -> 0, 0.5 -> 0.5, 1 -> 1."""
    return (1.0 - math.cos(math.pi * amount)) / 2.0


def pose_at(figure: Figure, phase: float) -> Pose:
    """The pose at `phase` (any number; only its fractional part counts)."""
    if len(figure.poses) <= 1:
        return figure.poses[0]
    sequence = _sequence(figure)
    steps = len(sequence) - 1
    position = (phase % 1.0) * steps
    step = min(int(position), steps - 1)
    first, second = figure.poses[sequence[step]], figure.poses[sequence[step + 1]]
    return blend(first, second, eased(position - step))


def phase_of_pose(figure: Figure, index: int) -> float:
    """The phase at which key pose `index` is shown exactly."""
    count = len(figure.poses)
    if count <= 1:
        return 0.0
    index = max(0, min(index, count - 1))
    return index / count if figure.motion == "loop" else index / (2 * (count - 1))
