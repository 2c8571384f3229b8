"""A queue of moves becomes a flat list of timed segments (SPEC section 5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from hiptui.catalog.catalog import QueueItem

READY_SECONDS = 10
SWITCH_SECONDS = 5


class Pacing(NamedTuple):
    """The seconds between the moves, from the user's settings: every total is computed with them."""

    ready_seconds: int = READY_SECONDS
    switch_seconds: int = SWITCH_SECONDS


DEFAULT_PACING = Pacing()

Kind = Literal["ready", "work", "switch", "rest"]
Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Segment:
    kind: Kind
    seconds: int
    item_index: int
    item: QueueItem
    set_number: int
    side: Side | None = None

    @property
    def sets(self) -> int:
        return self.item.dose.sets

    @property
    def reps(self) -> int | None:
        return self.item.dose.reps if self.kind == "work" else None

    @property
    def title(self) -> str:
        return {"ready": "Get ready", "switch": "Switch sides", "rest": "Rest"}.get(self.kind, self.item.move.name)

    def rep_at(self, elapsed: float) -> int | None:
        """The rep under way `elapsed` seconds into a rep-based work segment, from 1."""
        if self.reps is None:
            return None
        return min(self.reps, int(elapsed // self.item.dose.rep_seconds) + 1)


@dataclass(frozen=True)
class Timeline:
    segments: tuple[Segment, ...]

    @property
    def total_seconds(self) -> int:
        return sum(segment.seconds for segment in self.segments)

    def __len__(self) -> int:
        return len(self.segments)


def build_timeline(
    items: Sequence[QueueItem],
    ready_seconds: int = READY_SECONDS,
    switch_seconds: int = SWITCH_SECONDS,
) -> Timeline:
    """The segments of a session of `items`; ready and switch segments of 0 s are left out."""
    segments: list[Segment] = []
    for index, item in enumerate(items):
        segments.extend(_item_segments(index, item, ready_seconds, switch_seconds))
    return Timeline(tuple(segments))


def _item_segments(index: int, item: QueueItem, ready_seconds: int, switch_seconds: int) -> list[Segment]:
    dose = item.dose
    sides: tuple[Side | None, ...] = ("left", "right") if dose.per_side else (None,)
    segments: list[Segment] = []
    if ready_seconds > 0:
        segments.append(Segment("ready", ready_seconds, index, item, 1, sides[0]))
    for set_number in range(1, dose.sets + 1):
        if set_number > 1 and dose.rest > 0:
            segments.append(Segment("rest", dose.rest, index, item, set_number, sides[0]))
        for side_number, side in enumerate(sides):
            if side_number > 0 and switch_seconds > 0:
                segments.append(Segment("switch", switch_seconds, index, item, set_number, side))
            segments.append(Segment("work", dose.work_seconds, index, item, set_number, side))
    return segments


def paced_timeline(items: Sequence[QueueItem], pacing: Pacing) -> Timeline:
    return build_timeline(items, pacing.ready_seconds, pacing.switch_seconds)


def total_seconds(items: Sequence[QueueItem], pacing: Pacing) -> int:
    """How long a session of `items` takes: the one total that the queue, the routine picker, the
    planner, the command line and history all show."""
    return paced_timeline(items, pacing).total_seconds
