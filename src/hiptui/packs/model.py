"""The pack format (SPEC section 1) as pydantic models. Plain data: no UI here."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from hiptui.base.durations import parse_duration
from hiptui.base.terms import REF_PATTERN, SLUG_PATTERN
from hiptui.base.text import clean_text
from hiptui.packs import plain
from hiptui.packs.figure_model import MoveFigure
from hiptui.packs.plain import DEFAULT_REP_SECONDS, adopt

MAX_MOVES = 5000
MAX_ROUTINES = 500
MAX_TEXT = 2000
MAX_LINE = 160
MAX_LINKS = 20
MAX_TAGS = 20
"""Targets, equipment or times of a move (or times of a routine), at most."""


def _cleaned(value: object) -> object:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_text(item) if isinstance(item, str) else item for item in value]
    return value


Slug = Annotated[str, StringConstraints(strict=True, pattern=SLUG_PATTERN)]
MoveRef = Annotated[str, StringConstraints(strict=True, pattern=REF_PATTERN)]
Text = Annotated[str, StringConstraints(strict=True, max_length=MAX_TEXT)]
Name = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=80)]
Line = Annotated[str, StringConstraints(strict=True, max_length=MAX_LINE)]
HoldSeconds = Annotated[StrictInt, BeforeValidator(parse_duration), Field(ge=1, le=3600)]
RestSeconds = Annotated[StrictInt, BeforeValidator(parse_duration), Field(ge=0, le=3600)]
RepSeconds = Annotated[StrictInt, BeforeValidator(parse_duration), Field(ge=1, le=600)]
Reps = Annotated[StrictInt, Field(ge=1, le=500)]
Sets = Annotated[StrictInt, Field(ge=1, le=20)]
Style = Literal["dynamic", "static", "strength", "release"]
Level = Literal["beginner", "intermediate", "advanced"]

TRUSTED = "cleaned"
"""Validation context key: the text was cleaned when the pack was first loaded (e.g. read from the cache)."""


class _Strict(BaseModel):
    # validators are built on first use (a warm start builds packs from the cache without them), and the
    # field docstrings are read by fieldref, not parsed from the source at every import
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class _WithText(_Strict):
    """A model with free text, cleaned of control characters and escape sequences as it comes in
    (one call per object rather than per field: a pack has tens of thousands of strings)."""

    TEXT_FIELDS: ClassVar[frozenset[str]]

    @model_validator(mode="before")
    @classmethod
    def _clean_text(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict) or (info.context and info.context.get(TRUSTED)):
            return data
        return {key: _cleaned(value) if key in cls.TEXT_FIELDS else value for key, value in data.items()}


class Dose(_Strict):
    """How much of a move: a hold or reps, per side or not, in sets with rest between."""

    hold: HoldSeconds | None = None
    reps: Reps | None = None
    rep_seconds: RepSeconds = DEFAULT_REP_SECONDS
    sets: Sets = 1
    rest: RestSeconds = 0
    per_side: StrictBool = False

    @property
    def work_seconds(self) -> int:
        """Seconds of one work segment: the hold, or every rep at its pace."""
        return self.hold if self.hold is not None else (self.reps or 0) * self.rep_seconds

    def to_plain(self) -> plain.Dose:
        return adopt(plain.Dose, dict(self.__dict__))


class PackInfo(_WithText):
    TEXT_FIELDS = frozenset({"name", "version", "description", "author", "license", "homepage"})

    id: Slug
    """Unique slug of the pack: lowercase letters, digits and '-'."""
    name: Name
    """Shown in the app, 1-80 characters."""
    version: Annotated[str, StringConstraints(strict=True, min_length=1, max_length=40)]
    """The pack's own version, e.g. "1.0.0"."""
    description: Text = ""
    """One or two sentences on what the pack is for."""
    author: Text = ""
    """Who wrote it."""
    license: Text = ""
    """How others may reuse it, e.g. "CC-BY-4.0"."""
    homepage: Text = ""
    """Where the pack lives."""


class Move(_WithText):
    TEXT_FIELDS = frozenset({"name", "steps", "cues", "cautions", "aliases", "why", "feel"})

    id: Slug
    """Slug, unique in the pack; its global id is "pack-id/move-id"."""
    name: Name
    """Shown in the app, 1-80 characters."""
    category: Slug
    """mobility, yoga, stretch, foam-rolling or banded-strength."""
    style: Style = "static"
    """dynamic, static, strength or release."""
    position: Slug | None = None
    """Body position, e.g. standing, seated, supine, kneeling."""
    targets: Annotated[list[Slug], Field(max_length=MAX_TAGS)] = []
    """What it works, e.g. ["hip-flexors", "glutes"]; at most 20."""
    equipment: Annotated[list[Slug], Field(max_length=MAX_TAGS)] = []
    """Gear it needs, e.g. ["foam-roller"]; empty means none; at most 20."""
    level: Level | None = None
    """beginner, intermediate or advanced."""
    when: Annotated[list[Slug], Field(max_length=MAX_TAGS)] = []
    """pre-run, post-run, rest-day, strength-day."""
    per_side: StrictBool = False
    """Done on the left, then on the right."""
    hold: HoldSeconds | None = None
    """Seconds a hold lasts, 1-3600 ("90s", "1m30s" also work). Give hold or reps."""
    reps: Reps | None = None
    """Reps per set (per side), 1-500. Give hold or reps."""
    rep_seconds: RepSeconds | None = None
    """Seconds one rep takes (default 3); only with reps."""
    sets: Sets = 1
    """Number of sets, 1-20."""
    rest: RestSeconds = 0
    """Seconds of rest between sets, 0-3600."""
    steps: Annotated[list[Text], Field(min_length=1, max_length=20)]
    """1-20 short steps, in order."""
    cues: Annotated[list[Text], Field(max_length=20)] = []
    """Tips shown beside the steps."""
    cautions: Annotated[list[Text], Field(max_length=20)] = []
    """Warnings shown where they stand out; add one when a joint is loaded."""
    aliases: Annotated[list[Text], Field(max_length=20)] = []
    """Other names, searchable (e.g. a Sanskrit name)."""
    easier: Annotated[list[MoveRef], Field(max_length=MAX_LINKS)] = []
    """Easier versions: "move-id" of this pack or "pack-id/move-id", as in routines."""
    harder: Annotated[list[MoveRef], Field(max_length=MAX_LINKS)] = []
    """Harder versions, as `easier`."""
    why: Line = ""
    """One line, at most 160 characters: what the move is for."""
    feel: Line = ""
    """One line, at most 160 characters: where it should be felt."""
    figure: MoveFigure | None = None
    """How the move looks: a [moves.figure] table of key poses (see "Figures")."""

    @field_validator("why", "feel")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return " ".join(value.split())

    @field_validator("reps")
    @classmethod
    def _not_both_hold_and_reps(cls, reps: int | None, info: ValidationInfo) -> int | None:
        if reps is not None and info.data.get("hold") is not None:
            raise ValueError("give either 'hold' or 'reps', not both")
        return reps

    @field_validator("rep_seconds")
    @classmethod
    def _rep_seconds_needs_reps(cls, rep_seconds: int | None, info: ValidationInfo) -> int | None:
        if rep_seconds is not None and info.data.get("hold") is not None:
            raise ValueError("'rep_seconds' only goes with 'reps', and this move has a 'hold'")
        return rep_seconds

    @model_validator(mode="after")
    def _has_a_dose(self) -> Move:
        if self.hold is None and self.reps is None:
            raise ValueError("a move needs a dose: give 'hold' (seconds) or 'reps'")
        return self

    @property
    def dose(self) -> Dose:
        """The move's own dose (its fields were checked against the same bounds when it loaded)."""
        return Dose.model_construct(
            hold=self.hold,
            reps=self.reps,
            rep_seconds=self.rep_seconds or DEFAULT_REP_SECONDS,
            sets=self.sets,
            rest=self.rest,
            per_side=self.per_side,
        )

    def to_plain(self) -> plain.Move:
        figure = None if self.figure is None else self.figure.to_table()
        return adopt(plain.Move, {**self.__dict__, "figure": figure})


class RoutineEntry(_Strict):
    """One move of a routine, with an optional dose override."""

    move: MoveRef
    """"move-id" of this pack, or "pack-id/move-id" of another."""
    hold: HoldSeconds | None = None
    """Override: hold this many seconds instead."""
    reps: Reps | None = None
    """Override: do this many reps instead."""
    sets: Sets | None = None
    """Override: number of sets."""
    rest: RestSeconds | None = None
    """Override: rest between sets."""

    @field_validator("reps")
    @classmethod
    def _not_both_hold_and_reps(cls, reps: int | None, info: ValidationInfo) -> int | None:
        if reps is not None and info.data.get("hold") is not None:
            raise ValueError("override either 'hold' or 'reps', not both")
        return reps

    def apply_to(self, dose: Dose) -> Dose:
        """The move's dose with this entry's overrides."""
        changes: dict[str, int | None] = {}
        if self.hold is not None:
            changes |= {"hold": self.hold, "reps": None}
        if self.reps is not None:
            changes |= {"reps": self.reps, "hold": None}
        if self.sets is not None:
            changes["sets"] = self.sets
        if self.rest is not None:
            changes["rest"] = self.rest
        return dose.model_copy(update=changes) if changes else dose

    def to_plain(self) -> plain.RoutineEntry:
        return adopt(plain.RoutineEntry, dict(self.__dict__))


def entry_from_ref(value: object) -> object:
    return {"move": value} if isinstance(value, str) else value


class Routine(_WithText):
    TEXT_FIELDS = frozenset({"name", "description"})

    id: Slug
    """Slug, unique in the pack."""
    name: Name
    """Shown in the routine picker."""
    description: Text = ""
    """One line on what it is for."""
    when: Annotated[list[Slug], Field(max_length=MAX_TAGS)] = []
    """pre-run, post-run, rest-day, strength-day."""
    moves: Annotated[
        list[Annotated[RoutineEntry, BeforeValidator(entry_from_ref)]], Field(min_length=1, max_length=200)
    ]
    """The moves in order: "move-id", "pack-id/move-id", or { move = "...", hold = 60 } with a dose override."""

    def to_plain(self) -> plain.Routine:
        return adopt(plain.Routine, {**self.__dict__, "moves": [entry.to_plain() for entry in self.moves]})


class Pack(_Strict):
    """A content pack: what one pack file holds."""

    format: Literal[1] = 1
    """The pack format version; only 1 exists."""
    pack: PackInfo
    """The [pack] table."""
    moves: Annotated[list[Move], Field(max_length=MAX_MOVES)] = []
    """The [[moves]] tables, at most 5,000."""
    routines: Annotated[list[Routine], Field(max_length=MAX_ROUTINES)] = []
    """The [[routines]] tables."""

    @property
    def id(self) -> str:
        return self.pack.id

    @property
    def name(self) -> str:
        return self.pack.name

    @property
    def version(self) -> str:
        return self.pack.version

    def to_plain(self) -> plain.Pack:
        """The pack as the rest of hiptui reads it (the models are frozen, so their lists are shared)."""
        return adopt(
            plain.Pack,
            {
                "format": self.format,
                "pack": adopt(plain.PackInfo, dict(self.pack.__dict__)),
                "moves": [move.to_plain() for move in self.moves],
                "routines": [routine.to_plain() for routine in self.routines],
            },
        )
