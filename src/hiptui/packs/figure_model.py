"""A move's `figure` table in the pack format, validated, and turned into the figure layer's plain data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    ValidationInfo,
    field_validator,
)

from hiptui.figure import BASES, MAX_POSES, POINTS, PROPS, Figure, Motion, Pose, View, make_pose
from hiptui.figure.spec import ANCHORS, BODY_POINTS
from hiptui.packs.plain import FigureTable, adopt
from hiptui.packs.suggest import Suggester

MAX_PROPS = 8
BANDS = ("mini-band", "long-band", "strap")


def _one_of(what: str, known: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in known:
            hint = Suggester(known)(value)
            raise ValueError(f"unknown {what} {value!r}{hint or '; known: ' + ', '.join(known)}")
        return value

    return check


Angle = Annotated[float, Field(strict=True, ge=-360, le=360)]
BaseName = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_one_of("base", tuple(BASES)))]
PropName = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_one_of("prop", PROPS))]


def _body_point(value: str) -> str:
    if value in ANCHORS:
        raise ValueError(f"{value!r} is an anchor on the floor, only for the other end ('to') of a band or strap")
    return _one_of("body point", BODY_POINTS)(value)


BodyPoint = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_body_point)]
PointName = Annotated[str, Field(strict=True, max_length=40), AfterValidator(_one_of("body point", POINTS))]


class _Strict(BaseModel):
    # validators are built on first use (a warm start builds packs from the cache without them), and the
    # field docstrings are read by fieldref, not parsed from the source at every import
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FigurePose(_Strict):
    """One key pose: a base posture and the angles (degrees) that differ from it."""

    base: BaseName = "standing"
    """standing, supine, prone, seated, chair-seated, kneeling, half-kneeling, lunge, all-fours, side-lying, plank or squat."""
    trunk: Angle | None = None
    """Forward tilt of the body from upright: 90 face down, -90 on the back."""
    roll: Angle | None = None
    """Turn onto the side: 90 lies on the other side, the working side up."""
    hip: Angle | None = None
    """Working thigh raised forward (flexion); negative takes it behind."""
    knee: Angle | None = None
    """Working knee bend: the shin folds back toward the thigh."""
    ankle: Angle | None = None
    """Working foot: positive lifts the toes toward the shin, negative points them."""
    hip_out: Angle | None = None
    """Working leg out to the side (abduction)."""
    hip_turn: Angle | None = None
    """Working leg turned out (external rotation): a bent knee's foot crosses toward the other leg."""
    other_hip: Angle | None = None
    """As `hip`, for the other leg."""
    other_knee: Angle | None = None
    """As `knee`, for the other leg."""
    other_ankle: Angle | None = None
    """As `ankle`, for the other leg."""
    other_hip_out: Angle | None = None
    """As `hip_out`, for the other leg."""
    other_hip_turn: Angle | None = None
    """As `hip_turn`, for the other leg."""
    shoulder: Angle | None = None
    """Arm raised forward: 90 points ahead, 180 overhead; moves both arms unless `other_shoulder` is given."""
    elbow: Angle | None = None
    """Forearm bent forward at the elbow; both arms unless `other_elbow` is given."""
    shoulder_out: Angle | None = None
    """Arm raised out to the side; both arms unless `other_shoulder_out` is given."""
    other_shoulder: Angle | None = None
    """As `shoulder`, for the other arm."""
    other_elbow: Angle | None = None
    """As `elbow`, for the other arm."""
    other_shoulder_out: Angle | None = None
    """As `shoulder_out`, for the other arm."""

    def to_plain(self) -> Pose:
        angles = {name: value for name, value in self if name != "base" and value is not None}
        return make_pose(self.base, **angles)


def prop_from_name(value: object) -> object:
    return {"prop": value} if isinstance(value, str) else value


class FigureProp(_Strict):
    """A prop, drawn attached to a body point."""

    prop: PropName
    """wall, bench, bed, step, chair, block, mini-band, long-band, strap, foam-roller, massage-ball, slider or balance-board."""
    at: BodyPoint | None = None
    """The body point it is under or beside (default by prop: foot for a step, back for a foam roller, ...)."""
    to: PointName | None = None
    """A band's or strap's other end: a body point, or "front" / "behind" for an anchor on the floor."""

    @field_validator("to")
    @classmethod
    def _only_bands_have_two_ends(cls, to: str | None, info: ValidationInfo) -> str | None:
        if to is not None and "prop" in info.data and info.data["prop"] not in BANDS:  # else 'prop' is wrong
            raise ValueError("'to' only goes with a mini-band, long-band or strap")
        return to


class MoveFigure(_Strict):
    """How a move looks: key poses in one view, with props."""

    view: View = "side"
    """side, front or three-quarter."""
    props: Annotated[list[Annotated[FigureProp, BeforeValidator(prop_from_name)]], Field(max_length=MAX_PROPS)] = []
    """Props: names like ["wall"], or tables like { prop = "foam-roller", at = "hip" }."""
    poses: Annotated[list[FigurePose], Field(min_length=1, max_length=MAX_POSES)]
    """1-8 key poses; the figure moves through them once per rep."""
    motion: Motion = "back-and-forth"
    """back-and-forth (to the last pose and back) or loop (through every pose, then the first again)."""
    hold_pose: StrictInt | None = None
    """Which pose a hold shows, counting from 1 (default: the last)."""

    @field_validator("hold_pose")
    @classmethod
    def _hold_pose_exists(cls, hold_pose: int | None, info: ValidationInfo) -> int | None:
        poses = info.data.get("poses")
        if hold_pose is not None and poses is not None and not 1 <= hold_pose <= len(poses):
            raise ValueError(f"must be a pose number from 1 to {len(poses)} (got {hold_pose})")
        return hold_pose

    def to_table(self) -> FigureTable:
        """The table as plain data, as the rest of hiptui reads it."""
        return adopt(
            FigureTable,
            {
                "view": self.view,
                "props": [dict(prop.__dict__) for prop in self.props],
                "poses": [dict(pose.__dict__) for pose in self.poses],
                "motion": self.motion,
                "hold_pose": self.hold_pose,
            },
        )

    def to_plain(self) -> Figure:
        """The figure layer's plain figure."""
        return self.to_table().to_plain()
