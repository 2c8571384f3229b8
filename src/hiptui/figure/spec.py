"""A move's figure as plain data: a view, props, key poses and how it moves through them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hiptui.figure.pose import Pose

View = Literal["side", "front", "three-quarter"]
Motion = Literal["back-and-forth", "loop"]
Side = Literal["left", "right"]

VIEWS: tuple[View, ...] = ("side", "front", "three-quarter")
MOTIONS: tuple[Motion, ...] = ("back-and-forth", "loop")
POINTS = (
    "head",
    "chest",
    "back",
    "hip",
    "thigh",
    "knee",
    "shin",
    "foot",
    "toe",
    "hand",
    "elbow",
    "other-thigh",
    "other-knee",
    "other-shin",
    "other-foot",
    "other-toe",
    "other-hand",
    "other-elbow",
    "front",
    "behind",
)
ANCHORS = ("front", "behind")
BODY_POINTS = tuple(point for point in POINTS if point not in ANCHORS)
"""Points a prop attaches to; thigh, knee, shin, foot, toe, hand and elbow are the working limb's (thigh and
shin are their middles, where a roller or ball presses).
`front` and `behind` are fixed anchors on the floor before and behind the body (for a band)."""
PROPS = (
    "wall",
    "bench",
    "bed",
    "step",
    "chair",
    "block",
    "mini-band",
    "long-band",
    "strap",
    "foam-roller",
    "massage-ball",
    "slider",
    "balance-board",
)
MAX_POSES = 8


@dataclass(frozen=True)
class Prop:
    """A prop placed at a body point; `to` is where a band or strap's other end is."""

    kind: str
    at: str | None = None
    to: str | None = None


@dataclass(frozen=True)
class Figure:
    """One or more key poses; `hold` is the index of the pose held at the end of a hold."""

    poses: tuple[Pose, ...]
    view: View = "side"
    props: tuple[Prop, ...] = ()
    hold: int | None = None
    motion: Motion = "back-and-forth"

    @property
    def hold_index(self) -> int:
        """The pose a hold shows: `hold`, or the last pose."""
        last = len(self.poses) - 1
        return last if self.hold is None else max(0, min(self.hold, last))
