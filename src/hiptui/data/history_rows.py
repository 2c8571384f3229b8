"""What a history row is, and which rows can be trusted: any other program may have written the file.

The rows are NamedTuples: `hiptui history` imports this module, and `dataclasses` (with `inspect`) cost
it more than the rows it prints."""

from __future__ import annotations

import datetime as dt
import json
from typing import NamedTuple

UTC = dt.UTC
MOST_SECONDS = 10_000_000
"""Longer than any session (about 115 days): a larger number of seconds is a bad row, not a session."""

GOOD_SESSION = f"""(
    typeof(started_at) = 'text' AND julianday(started_at) IS NOT NULL
    AND date(substr(started_at, 1, 10), '+0 days') = substr(started_at, 1, 10)
    AND started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ][0-9][0-9]:[0-9][0-9]*'
    AND typeof(planned_seconds) IN ('integer', 'real') AND planned_seconds BETWEEN 0 AND {MOST_SECONDS}
    AND typeof(done_seconds) IN ('integer', 'real') AND done_seconds BETWEEN 0 AND {MOST_SECONDS}
    AND status IN ('finished', 'stopped', 'running')
    AND (routine IS NULL OR typeof(routine) = 'text')
)"""
"""A session row every reader can use; the others are skipped and counted."""

GOOD_SEGMENT = f"""(
    kind IN ('ready', 'work', 'switch', 'rest') AND typeof(position) = 'integer'
    AND typeof(move_id) = 'text' AND typeof(move_name) = 'text' AND (side IS NULL OR side IN ('left', 'right'))
    AND typeof(set_number) = 'integer'
    AND typeof(planned_seconds) IN ('integer', 'real') AND planned_seconds BETWEEN 0 AND {MOST_SECONDS}
    AND typeof(done_seconds) IN ('integer', 'real') AND done_seconds BETWEEN 0 AND {MOST_SECONDS}
    AND typeof(outcome) = 'text' AND typeof(targets) = 'text'
)"""

SESSION_COLUMNS = "id, started_at, ended_at, routine, planned_seconds, done_seconds, status"
SEGMENT_COLUMNS = (
    "session_id, position, kind, move_id, move_name, side, set_number, planned_seconds, done_seconds, outcome, targets"
)


class SegmentDone(NamedTuple):
    position: int
    kind: str
    move_id: str
    move_name: str
    side: str | None
    set_number: int
    planned_seconds: int
    done_seconds: float
    outcome: str
    targets: tuple[str, ...] = ()


class SessionRecord(NamedTuple):
    id: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    routine: str | None
    planned_seconds: int
    done_seconds: float
    status: str
    segments: list[SegmentDone]
    """Filled in by the reader after the session's row."""

    @property
    def final_segments(self) -> list[SegmentDone]:
        """The last record of each segment: one skipped and then done again counts as done."""
        last = {segment.position: segment for segment in self.segments}
        return [last[position] for position in sorted(last)]

    @property
    def skipped_work(self) -> int:
        return sum(s.outcome == "skipped" and s.kind == "work" for s in self.final_segments)

    def summary(self) -> SessionSummary:
        final = self.final_segments
        return SessionSummary(
            self.id, self.started_at, self.ended_at, self.routine, self.planned_seconds, self.done_seconds,
            self.status,
            moves=_moves_done(final),
            segments_done=sum(s.outcome == "done" for s in final),
            skipped_work=self.skipped_work,
        )  # fmt: skip

    def as_json(self) -> dict[str, object]:
        return self.summary().as_json()


def _moves_done(final: list[SegmentDone]) -> tuple[str, ...]:
    """The moves whose every work segment was done (a session records those it never reached)."""
    work = [s for s in final if s.kind == "work"]
    unfinished = {s.move_id for s in work if s.outcome != "done"}
    return tuple(sorted({s.move_id for s in work} - unfinished))


class SessionSummary(NamedTuple):
    """A session with what its segments add up to, computed in SQL: what a list of sessions shows."""

    id: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    routine: str | None
    planned_seconds: int
    done_seconds: float
    status: str
    moves: tuple[str, ...]
    segments_done: int
    skipped_work: int

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "routine": self.routine,
            "status": self.status,
            "planned_seconds": self.planned_seconds,
            "done_seconds": round(self.done_seconds, 1),
            "moves": list(self.moves),
            "segments_done": self.segments_done,
            "segments_skipped": self.skipped_work,
        }


FINAL_SEGMENTS = (
    f"""SELECT max(rowid) FROM segments WHERE session_id = sessions.id AND {GOOD_SEGMENT} GROUP BY position"""
)
SUMMARY_OF_SEGMENTS = f"""(SELECT json_array(total(skipped), total(done), json_group_array(move_id) FILTER (WHERE all_done))
    FROM (SELECT move_id, total(kind = 'work' AND outcome = 'skipped') AS skipped, total(outcome = 'done') AS done,
            max(kind = 'work' AND outcome = 'done') AND min(kind != 'work' OR outcome = 'done') AS all_done
        FROM segments WHERE rowid IN ({FINAL_SEGMENTS}) GROUP BY move_id ORDER BY move_id))"""
"""For a row of sessions: [skipped work, segments done, [moves done, sorted]], over the last record of each segment;
a move is done when every one of its work segments is (a session records those it never reached)."""


def parse_moment(value: object) -> dt.datetime | None:
    """A stored ISO time, or None when it is not one (SQLite's date functions accept more than Python)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def session_from_row(row: tuple[object, ...]) -> SessionRecord | None:
    """A session from a row that passed GOOD_SESSION, or None if Python still cannot read it."""
    started = parse_moment(row[1])
    if started is None or not isinstance(row[0], int):
        return None
    routine = row[3] if isinstance(row[3], str) else None
    planned, done = row[4], row[5]
    assert isinstance(planned, (int, float)) and isinstance(done, (int, float))
    return SessionRecord(row[0], started, parse_moment(row[2]), routine, int(planned), float(done), str(row[6]), [])


def summary_from_row(row: tuple[object, ...]) -> SessionSummary | None:
    """A summary from SESSION_COLUMNS and SUMMARY_OF_SEGMENTS, or None if Python cannot read it."""
    session = session_from_row(row)
    if session is None or not isinstance(row[7], str):
        return None
    skipped, done, moves = json.loads(row[7])
    return SessionSummary(
        session.id, session.started_at, session.ended_at, session.routine, session.planned_seconds,
        session.done_seconds, session.status,
        moves=tuple(sorted(str(move) for move in moves)), segments_done=int(done), skipped_work=int(skipped),
    )  # fmt: skip


def segment_from_row(row: tuple[object, ...]) -> SegmentDone:
    """A segment from a row that passed GOOD_SEGMENT (so every type is as declared)."""
    position, kind, move_id, move_name, side, set_number, planned, done, outcome, targets = row[1:11]
    assert isinstance(position, int) and isinstance(set_number, int) and isinstance(targets, str)
    assert isinstance(planned, (int, float)) and isinstance(done, (int, float))
    return SegmentDone(
        position=position,
        kind=str(kind),
        move_id=str(move_id),
        move_name=str(move_name),
        side=side if isinstance(side, str) else None,
        set_number=set_number,
        planned_seconds=int(planned),
        done_seconds=float(done),
        outcome=str(outcome),
        targets=tuple(t for t in targets.split(",") if t),
    )
