"""The packs as the rest of hiptui reads them: plain frozen data, without pydantic.

The pydantic models (`model.py`) are the one definition of the pack format: they validate a pack file
and turn it into these classes (`to_plain()`); the pack cache builds them from an entry without
validating again, so a warm start never imports pydantic. Each class has exactly its model's fields,
with the same defaults (a test keeps the two alike).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from hiptui.base.problems import Problem

if TYPE_CHECKING:
    from hiptui.figure import Figure

DEFAULT_REP_SECONDS = 3
POSE_FIELDS = frozenset(
    [
        "base",
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
    ]
)
"""The keys of a validated pose table (the model `FigurePose`'s fields)."""
PROP_FIELDS = frozenset({"prop", "at", "to"})
"""The keys of a validated prop table (the model `FigureProp`'s fields)."""

T = TypeVar("T")
P = TypeVar("P")
_set = object.__setattr__


def adopt(cls: type[T], fields: dict[str, Any]) -> T:
    """An object of `cls` whose fields are the dict `fields`, taken as it is: no copy, no checks.
    For what is already valid (a validated model's fields, a checked cache entry): about ten times
    quicker than calling the class, which sets each field of a frozen dataclass one call at a time."""
    made = cls.__new__(cls)
    _set(made, "__dict__", fields)
    return made


@dataclass(frozen=True, kw_only=True)
class Dose:
    """How much of a move: a hold or reps, per side or not, in sets with rest between."""

    hold: int | None = None
    reps: int | None = None
    rep_seconds: int = DEFAULT_REP_SECONDS
    sets: int = 1
    rest: int = 0
    per_side: bool = False

    @property
    def work_seconds(self) -> int:
        """Seconds of one work segment: the hold, or every rep at its pace."""
        return self.hold if self.hold is not None else (self.reps or 0) * self.rep_seconds


@dataclass(frozen=True, kw_only=True)
class PackInfo:
    id: str
    name: str
    version: str
    description: str = ""
    author: str = ""
    license: str = ""
    homepage: str = ""


@dataclass(frozen=True, kw_only=True)
class FigureTable:
    """A move's [moves.figure] table as validated; `to_plain()` makes the figure layer's `Figure`."""

    view: str = "side"
    props: list[dict[str, str | None]] = field(default_factory=list)
    """Each prop's table: prop, at, to."""
    poses: list[dict[str, Any]]
    """Each pose's table: base and every angle (None where not given)."""
    motion: str = "back-and-forth"
    hold_pose: int | None = None

    def to_plain(self) -> Figure:
        """The figure layer's plain figure (imported here: the figure layer is only needed to draw)."""
        from hiptui.figure import Figure, Prop, make_pose

        poses = tuple(
            make_pose(pose["base"], **{k: v for k, v in pose.items() if k != "base" and v is not None})
            for pose in self.poses
        )
        return Figure(
            poses=poses,
            view=self.view,  # type: ignore[arg-type]  # validated against View
            props=tuple(Prop(str(p["prop"]), p["at"], p["to"]) for p in self.props),
            hold=None if self.hold_pose is None else self.hold_pose - 1,
            motion=self.motion,  # type: ignore[arg-type]  # validated against Motion
        )


@dataclass(frozen=True, kw_only=True)
class Move:
    id: str
    name: str
    category: str
    style: str = "static"
    position: str | None = None
    targets: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    level: str | None = None
    when: list[str] = field(default_factory=list)
    per_side: bool = False
    hold: int | None = None
    reps: int | None = None
    rep_seconds: int | None = None
    sets: int = 1
    rest: int = 0
    steps: list[str]
    cues: list[str] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    easier: list[str] = field(default_factory=list)
    harder: list[str] = field(default_factory=list)
    why: str = ""
    feel: str = ""
    figure: FigureTable | None = None

    @property
    def dose(self) -> Dose:
        """The move's own dose."""
        return Dose(
            hold=self.hold,
            reps=self.reps,
            rep_seconds=self.rep_seconds or DEFAULT_REP_SECONDS,
            sets=self.sets,
            rest=self.rest,
            per_side=self.per_side,
        )


@dataclass(frozen=True, kw_only=True)
class RoutineEntry:
    """One move of a routine, with an optional dose override."""

    move: str
    hold: int | None = None
    reps: int | None = None
    sets: int | None = None
    rest: int | None = None

    def apply_to(self, dose: Dose) -> Dose:
        """The move's dose with this entry's overrides."""
        if self.hold is None and self.reps is None and self.sets is None and self.rest is None:
            return dose
        hold, reps = (self.hold, None) if self.hold is not None else (dose.hold, dose.reps)
        if self.reps is not None:
            hold, reps = None, self.reps
        sets = dose.sets if self.sets is None else self.sets
        rest = dose.rest if self.rest is None else self.rest
        return dataclasses.replace(dose, hold=hold, reps=reps, sets=sets, rest=rest)

    def as_data(self) -> dict[str, Any]:
        """The entry's table without the overrides it does not make."""
        return {key: value for key, value in vars(self).items() if value is not None}


@dataclass(frozen=True, kw_only=True)
class Routine:
    id: str
    name: str
    description: str = ""
    when: list[str] = field(default_factory=list)
    moves: list[RoutineEntry]


@dataclass(frozen=True, kw_only=True)
class Pack:
    """A content pack: what one pack file holds."""

    format: int = 1
    pack: PackInfo
    moves: list[Move] = field(default_factory=list)
    routines: list[Routine] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.pack.id

    @property
    def name(self) -> str:
        return self.pack.name

    @property
    def version(self) -> str:
        return self.pack.version


def pack_data(pack: Pack) -> dict[str, Any]:
    """The pack as JSON-ready data, every field given: what the model's `model_dump()` gives."""
    return {
        **vars(pack),
        "pack": vars(pack.pack),
        "moves": [_move_data(move) for move in pack.moves],
        "routines": [{**vars(r), "moves": [vars(entry) for entry in r.moves]} for r in pack.routines],
    }


def _move_data(move: Move) -> dict[str, Any]:
    data = vars(move)
    return data if move.figure is None else {**data, "figure": vars(move.figure)}


@dataclass
class Result(Generic[P]):
    """A pack, or why there is none; warnings may come with a pack."""

    source: str
    pack: P | None = None
    problems: list[Problem] = field(default_factory=list)
    claimed_id: str | None = None
    """The pack id the file gives, when it gives a valid one, even if the pack itself did not load."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


PackResult = Result[Pack]
"""The loader's result made plain, as the rest of hiptui reads it."""
