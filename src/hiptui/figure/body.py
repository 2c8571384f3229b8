"""Forward kinematics: a pose becomes named points in 3D (body units, about 1.7 tall), from the pelvis.

Axes: x forward (the way the figure faces), y up, z toward the working side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from hiptui.figure.pose import Pose

Vec = tuple[float, float, float]
Matrix = tuple[Vec, Vec, Vec]

TRUNK, NECK, HEAD_RADIUS = 0.52, 0.07, 0.1
THIGH, SHIN, FOOT = 0.44, 0.44, 0.15
UPPER_ARM, FOREARM = 0.3, 0.28
HIP_HALF_WIDTH, SHOULDER_HALF_WIDTH = 0.07, 0.15
DOWN: Vec = (0.0, -1.0, 0.0)
FORWARD: Vec = (1.0, 0.0, 0.0)

LIMBS = (
    ("hip-joint", "knee", True),
    ("knee", "foot", True),
    ("foot", "toe", True),
    ("shoulder-joint", "elbow", True),
    ("elbow", "hand", True),
    ("other-hip-joint", "other-knee", False),
    ("other-knee", "other-foot", False),
    ("other-foot", "other-toe", False),
    ("other-shoulder-joint", "other-elbow", False),
    ("other-elbow", "other-hand", False),
    ("hip-joint", "other-hip-joint", True),
    ("shoulder-joint", "other-shoulder-joint", True),
    ("hip", "neck", True),
)
"""The body's line segments: (from, to, on the working side)."""


def _rx(degrees: float) -> Matrix:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def _ry(degrees: float) -> Matrix:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def _rz(degrees: float) -> Matrix:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _mul(a: Matrix, b: Matrix) -> Matrix:
    rows = tuple(tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)) for i in range(3))
    return rows  # type: ignore[return-value]


def _apply(m: Matrix, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def _along(start: Vec, direction: Vec, length: float) -> Vec:
    return (start[0] + direction[0] * length, start[1] + direction[1] * length, start[2] + direction[2] * length)


@dataclass(frozen=True)
class Body:
    """A posed body: its points by name, in 3D."""

    points: dict[str, Vec]


def _leg(body: dict[str, Vec], frame: Matrix, prefix: str, sign: float, pose: Pose, other: bool) -> None:
    hip, knee, ankle, out, turn = (
        (pose.other_hip, pose.other_knee, pose.other_ankle, pose.other_hip_out, pose.other_hip_turn)
        if other
        else (pose.hip, pose.knee, pose.ankle, pose.hip_out, pose.hip_turn)
    )
    joint = _apply(frame, (0.0, 0.0, sign * HIP_HALF_WIDTH))
    leg = _mul(frame, _mul(_rz(hip), _mul(_rx(-sign * out), _ry(-sign * turn))))
    shin = _mul(leg, _rz(-knee))
    knee_at = _along(joint, _apply(leg, DOWN), THIGH)
    foot_at = _along(knee_at, _apply(shin, DOWN), SHIN)
    toe_at = _along(foot_at, _apply(_mul(shin, _rz(ankle)), FORWARD), FOOT)
    body[prefix + "hip-joint"], body[prefix + "knee"], body[prefix + "foot"], body[prefix + "toe"] = (
        joint,
        knee_at,
        foot_at,
        toe_at,
    )
    body[prefix + "thigh"] = _along(joint, _apply(leg, DOWN), THIGH / 2)
    body[prefix + "shin"] = _along(knee_at, _apply(shin, DOWN), SHIN / 2)


def _arm(body: dict[str, Vec], frame: Matrix, prefix: str, sign: float, pose: Pose, other: bool) -> None:
    shoulder, elbow, out = (
        (pose.other_shoulder, pose.other_elbow, pose.other_shoulder_out)
        if other
        else (pose.shoulder, pose.elbow, pose.shoulder_out)
    )
    joint = _along(_apply(frame, (0.0, TRUNK, 0.0)), _apply(frame, (0.0, 0.0, sign)), SHOULDER_HALF_WIDTH)
    arm = _mul(frame, _mul(_rz(shoulder), _rx(-sign * out)))
    elbow_at = _along(joint, _apply(arm, DOWN), UPPER_ARM)
    hand_at = _along(elbow_at, _apply(_mul(arm, _rz(elbow)), DOWN), FOREARM)
    body[prefix + "shoulder-joint"], body[prefix + "elbow"], body[prefix + "hand"] = joint, elbow_at, hand_at


def pose_body(pose: Pose) -> Body:
    """Every named point of the body in `pose`, the pelvis at the origin."""
    frame = _mul(_rx(-pose.roll), _rz(-pose.trunk))
    up = _apply(frame, (0.0, 1.0, 0.0))
    points: dict[str, Vec] = {"hip": (0.0, 0.0, 0.0)}
    points["back"] = _along(points["hip"], up, TRUNK * 0.45)
    points["chest"] = _along(points["hip"], up, TRUNK * 0.8)
    points["neck"] = _along(points["hip"], up, TRUNK + NECK)
    points["head"] = _along(points["neck"], up, HEAD_RADIUS)
    _leg(points, frame, "", 1.0, pose, other=False)
    _leg(points, frame, "other-", -1.0, pose, other=True)
    _arm(points, frame, "", 1.0, pose, other=False)
    _arm(points, frame, "other-", -1.0, pose, other=True)
    return Body(points)
