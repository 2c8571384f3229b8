"""A pose: a few joint angles in degrees, and the named base postures a pose starts from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

ANGLES = (
    "trunk",
    "roll",
    "hip",
    "knee",
    "ankle",
    "hip_out",
    "hip_turn",
    "other_hip",
    "other_knee",
    "other_ankle",
    "other_hip_out",
    "other_hip_turn",
    "shoulder",
    "elbow",
    "shoulder_out",
    "other_shoulder",
    "other_elbow",
    "other_shoulder_out",
)
"""Every angle a pose has; `other_*` of the arms follow the working arm unless given."""
ARM_PAIRS = {"shoulder": "other_shoulder", "elbow": "other_elbow", "shoulder_out": "other_shoulder_out"}


@dataclass(frozen=True)
class Pose:
    """Joint angles in degrees; zero everywhere is standing tall, arms hanging, feet flat.

    The figure faces right. `trunk` tilts the body forward (90 face down, -90 on the back); `roll`
    turns it onto its side (90: the working side up). `hip` raises the thigh forward, `knee` bends the
    shin back, `ankle` lifts the toes toward the shin, `hip_out` takes the leg out to the side and
    `hip_turn` turns it out (a bent knee's foot then crosses toward the other leg). `shoulder` raises
    the arm forward (180 overhead), `elbow` bends the forearm forward, `shoulder_out` raises it sideways.
    """

    trunk: float = 0.0
    roll: float = 0.0
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    hip_out: float = 0.0
    hip_turn: float = 0.0
    other_hip: float = 0.0
    other_knee: float = 0.0
    other_ankle: float = 0.0
    other_hip_out: float = 0.0
    other_hip_turn: float = 0.0
    shoulder: float = 0.0
    elbow: float = 0.0
    shoulder_out: float = 0.0
    other_shoulder: float = 0.0
    other_elbow: float = 0.0
    other_shoulder_out: float = 0.0


def _both_arms(**angles: float) -> dict[str, float]:
    return angles | {ARM_PAIRS[name]: value for name, value in angles.items() if name in ARM_PAIRS}


def _legs(hip: float = 0.0, knee: float = 0.0, ankle: float = 0.0) -> dict[str, float]:
    return {"hip": hip, "knee": knee, "ankle": ankle, "other_hip": hip, "other_knee": knee, "other_ankle": ankle}


BASES: dict[str, Pose] = {
    "standing": Pose(**_both_arms(elbow=10)),
    "supine": Pose(trunk=-90),
    "prone": Pose(trunk=90, ankle=-60, other_ankle=-60),
    "seated": Pose(**_legs(hip=90), **_both_arms(shoulder=20, elbow=20)),
    "chair-seated": Pose(**_legs(hip=90, knee=90), **_both_arms(shoulder=30, elbow=40)),
    "kneeling": Pose(**_legs(knee=90, ankle=-90), **_both_arms(elbow=10)),
    "half-kneeling": Pose(hip=90, knee=90, other_knee=90, other_ankle=-90, **_both_arms(elbow=10)),
    "lunge": Pose(trunk=5, hip=80, knee=85, other_hip=-30, other_knee=20, other_ankle=-30, **_both_arms(elbow=10)),
    "all-fours": Pose(trunk=90, **_legs(hip=90, knee=90, ankle=-90), **_both_arms(shoulder=90)),
    "side-lying": Pose(roll=90, **_legs(hip=30, knee=40), shoulder=150, elbow=120, other_shoulder=20),
    "plank": Pose(trunk=80, **_legs(ankle=60), **_both_arms(shoulder=80)),
    "squat": Pose(trunk=30, **_legs(hip=110, knee=120, ankle=30), **_both_arms(shoulder=60, elbow=60)),
}
"""Where a pose starts: a pose is a base and the few angles that differ from it."""


def make_pose(base: str = "standing", **angles: float) -> Pose:
    """`base` with `angles` changed; a working arm angle given alone moves both arms."""
    changed = dict(angles)
    for name, other in ARM_PAIRS.items():
        if name in changed and other not in changed:
            changed[other] = changed[name]
    return dataclasses.replace(BASES[base], **changed)


def blend(first: Pose, second: Pose, amount: float) -> Pose:
    """The pose `amount` (0..1) of the way from `first` to `second`, every angle linearly."""
    return Pose(*(a + (b - a) * amount for a, b in zip(dataclasses.astuple(first), dataclasses.astuple(second))))
