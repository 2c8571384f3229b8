"""A posed body and its props as flat shapes in the view, resting on the floor (y = 0) or on a prop."""

from __future__ import annotations

import math
from dataclasses import dataclass

from hiptui.figure.body import HEAD_RADIUS, LIMBS, Vec, pose_body
from hiptui.figure.pose import Pose
from hiptui.figure.spec import ANCHORS, BODY_POINTS, POINTS, Prop, View

Point = tuple[float, float]
THREE_QUARTER_TURN, THREE_QUARTER_TILT = 35.0, 0.35
"""The three-quarter view turns the body this many degrees and looks down on it a little: what is nearer
the viewer is drawn this much of its distance lower, so a bend along the floor shows."""
_TURN_COS, _TURN_SIN = math.cos(math.radians(THREE_QUARTER_TURN)), math.sin(math.radians(THREE_QUARTER_TURN))
WALL_HEIGHT = 1.9
ANCHOR_GAP, ANCHOR_HEIGHT = 0.35, 0.3

SUPPORT_HEIGHT = {
    "bench": 0.45,
    "bed": 0.5,
    "chair": 0.45,
    "step": 0.18,
    "block": 0.22,
    "foam-roller": 0.15,
    "massage-ball": 0.1,
    "slider": 0.03,
    "balance-board": 0.12,
}
"""Props the body rests on, by the height of their top."""
DEFAULT_AT = {
    "wall": "hand",
    "bench": "hip",
    "bed": "hip",
    "chair": "hip",
    "step": "foot",
    "block": "hand",
    "mini-band": "knee",
    "long-band": "foot",
    "strap": "hand",
    "foam-roller": "back",
    "massage-ball": "hip",
    "slider": "foot",
    "balance-board": "foot",
}
DEFAULT_TO = {"mini-band": "other-knee", "long-band": "front", "strap": "foot"}


@dataclass(frozen=True)
class Line:
    start: Point
    end: Point
    near: bool = True


@dataclass(frozen=True)
class Circle:
    centre: Point
    radius: float
    filled: bool = False


Shape = Line | Circle


def _project(view: View, point: Vec) -> tuple[float, float, float]:
    """(across, up, towards the viewer)."""
    x, y, z = point
    if view == "front":
        return z, y, x
    if view == "three-quarter":
        return x * _TURN_COS + z * _TURN_SIN, y, z * _TURN_COS - x * _TURN_SIN
    return x, y, z


def _box(left: float, right: float, top: float, bottom: float = 0.0) -> list[Shape]:
    return [
        Line((left, bottom), (left, top)),
        Line((left, top), (right, top)),
        Line((right, top), (right, bottom)),
    ]


def _prop_shapes(prop: Prop, points: dict[str, Point]) -> list[Shape]:
    kind = prop.kind
    ax, ay = points[prop.at or DEFAULT_AT[kind]]
    height = SUPPORT_HEIGHT.get(kind, 0.0)
    if kind in DEFAULT_TO:
        bx, by = points[prop.to or DEFAULT_TO[kind]]
        return [Line((ax, ay), (bx, by))]
    if kind == "wall":
        return [Line((ax, 0.0), (ax, WALL_HEIGHT))]
    if kind in ("foam-roller", "massage-ball"):
        # Just under the point it presses: on the floor, or on the chair or bench the body sits on.
        return [Circle((ax, ay - height / 2), height / 2, filled=kind == "massage-ball")]
    if kind == "chair":
        return [*_box(ax - 0.22, ax + 0.2, height), Line((ax - 0.22, height), (ax - 0.24, height + 0.45))]
    if kind in ("bench", "bed"):
        half = 0.5 if kind == "bench" else 0.8
        return [
            Line((ax - half, height), (ax + half, height)),
            *(Line((x, 0.0), (x, height)) for x in (ax - half + 0.06, ax + half - 0.06)),
        ]
    if kind == "balance-board":
        return [Line((ax - 0.25, height), (ax + 0.25, height)), Circle((ax, height / 2), height / 2)]
    if kind == "slider":
        return [Line((ax - 0.1, height), (ax + 0.1, height))]
    half = {"step": 0.2, "block": 0.09}[kind]
    return [*_box(ax - half, ax + half, height), Line((ax - half, 0.0), (ax + half, 0.0))]


def _attached(prop: Prop) -> bool:
    """A prop this drawing can place: at a body point, its other end (if any) at a point or an anchor."""
    at = prop.at or DEFAULT_AT.get(prop.kind)
    to = prop.to or DEFAULT_TO.get(prop.kind)
    return at in BODY_POINTS and (to is None or to in POINTS)


def pose_shapes(pose: Pose, view: View, props: tuple[Prop, ...]) -> tuple[list[Shape], Circle]:
    """The body's lines (far ones first), the props and the head, resting on the floor or a prop."""
    flat = {name: _project(view, point) for name, point in pose_body(pose).points.items()}
    lowest = min(y for _, y, _ in flat.values())
    lift = -min(lowest, flat["head"][1] - HEAD_RADIUS)
    props = tuple(prop for prop in props if _attached(prop))
    for prop in props:
        if prop.kind in SUPPORT_HEIGHT:
            lift = max(lift, SUPPORT_HEIGHT[prop.kind] - flat[prop.at or DEFAULT_AT[prop.kind]][1])
    tilt = THREE_QUARTER_TILT if view == "three-quarter" else 0.0
    points = {name: (x, y + lift - tilt * z) for name, (x, y, z) in flat.items()}
    xs = [x for x, _ in points.values()]
    points["front"] = (max(xs) + ANCHOR_GAP, ANCHOR_HEIGHT)
    points["behind"] = (min(xs) - ANCHOR_GAP, ANCHOR_HEIGHT)
    depth = {name: z for name, (_, _, z) in flat.items()}
    limbs = sorted(LIMBS, key=lambda limb: depth[limb[0]] + depth[limb[1]])
    shapes: list[Shape] = [Line(points[a], points[b], depth[a] + depth[b] >= -1e-9) for a, b, _ in limbs]
    for prop in props:
        shapes += _prop_shapes(prop, points)
        ends = (prop.at or DEFAULT_AT[prop.kind], prop.to or DEFAULT_TO.get(prop.kind, ""))
        shapes += [Line((points[end][0], 0.0), points[end]) for end in ends if end in ANCHORS]
    return shapes, Circle(points["head"], HEAD_RADIUS)
