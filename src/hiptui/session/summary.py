"""What a session came to, decided once from the timer's records: the summary, history and the hooks agree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hiptui.session.timer import SegmentRecord, Timer

Status = Literal["finished", "stopped", "skipped"]
"""finished: ran to its end with some work done (the rest may have been skipped); stopped: ended early;
skipped: ran to its end with no work done, so there is nothing to keep."""
COUNTS_FROM_SECONDS = 1.0
"""Less work than this is no session: it is not kept in history and does not count for the streak."""
SKIPPED_SHOWN = 8


@dataclass(frozen=True, slots=True)
class SessionSummary:
    routine: str | None
    status: Status
    planned_seconds: int
    seconds: float
    """Time spent, every segment (get ready, switch, rest) included."""
    work_seconds: float
    moves_total: int
    moves_done: tuple[str, ...]
    """Global ids of the moves whose every work segment (each set, both sides) was done, in queue order."""
    moves_partly: int
    """Moves with some work done, but not all of it."""
    segments_done: int
    skipped: tuple[str, ...]
    """The work segments passed over and not done after all, as "Pigeon (left)"."""

    @property
    def counts(self) -> bool:
        """Kept in history and counted for the streak."""
        return self.work_seconds >= COUNTS_FROM_SECONDS

    @property
    def headline(self) -> str:
        if self.status == "stopped":
            return "Session stopped. What you did still counts." if self.counts else "Session stopped before any work."
        if self.status == "skipped":
            return "Every move was skipped: nothing to record."
        if self.skipped:
            return f"Session over, {len(self.skipped)} skipped."
        return "Session complete. Well done!"

    def skipped_lines(self, shown: int = SKIPPED_SHOWN) -> list[str]:
        lines = list(self.skipped[:shown])
        if len(self.skipped) > shown:
            lines.append(f"…and {len(self.skipped) - shown} more")
        return lines

    def as_record(self) -> dict[str, object]:
        """As plugins receive it (`session_finished`), in the shape `hiptui history --json` gives."""
        return {
            "routine": self.routine,
            "status": "finished" if self.status == "finished" else "stopped",
            "planned_seconds": self.planned_seconds,
            "done_seconds": round(self.seconds, 1),
            "moves": sorted(self.moves_done),
            "segments_done": self.segments_done,
            "segments_skipped": len(self.skipped),
        }


def summarise(timer: Timer, routine: str | None) -> SessionSummary:
    segments = timer.timeline.segments
    final = {record.index: record for record in timer.final_records}
    work_by_item: dict[int, list[int]] = {}
    for index, segment in enumerate(segments):
        if segment.kind == "work":
            work_by_item.setdefault(segment.item_index, []).append(index)
    done_items, partly = [], 0
    for item_index, work in work_by_item.items():
        outcomes = [_outcome(final.get(index)) for index in work]
        if all(outcome == "done" for outcome in outcomes):
            done_items.append(item_index)
        elif any(outcome != "none" for outcome in outcomes):
            partly += 1
    work_seconds = sum(r.seconds for r in timer.records if r.segment.kind == "work")
    status: Status = "stopped" if timer.stopped else ("finished" if work_seconds >= COUNTS_FROM_SECONDS else "skipped")
    gids = [segments[work_by_item[i][0]].item.move.gid for i in done_items]
    return SessionSummary(
        routine=routine,
        status=status,
        planned_seconds=int(timer.session_total),
        seconds=timer.seconds_spent,
        work_seconds=work_seconds,
        moves_total=segments[-1].item_index + 1,
        moves_done=tuple(dict.fromkeys(gids)),
        moves_partly=partly,
        segments_done=sum(r.outcome == "done" for r in final.values()),
        skipped=tuple(_name(r) for r in timer.skipped),
    )


def _outcome(record: SegmentRecord | None) -> str:
    """done; some (skipped or stopped part of the way); none (never reached, or passed at once)."""
    if record is None:
        return "none"
    if record.outcome == "done":
        return "done"
    return "some" if record.seconds >= COUNTS_FROM_SECONDS else "none"


def _name(record: SegmentRecord) -> str:
    side = f" ({record.segment.side})" if record.segment.side else ""
    return record.segment.item.move.name + side
