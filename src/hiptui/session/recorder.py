"""Follows a running session: writes each segment to history the moment it ends, and tells plugins."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from hiptui.data.history import History, HistoryUnavailable, SegmentDone
from hiptui.plugins.host import HookRelay
from hiptui.session.summary import SessionSummary, summarise
from hiptui.session.timer import CountdownBeep, Event, SegmentRecord, SegmentStarted, Timer

R = TypeVar("R")
CHECKPOINT_SECONDS = 5.0


def segment_done(record: SegmentRecord) -> SegmentDone:
    segment = record.segment
    move = segment.item.move
    return SegmentDone(
        position=record.index,
        kind=segment.kind,
        move_id=move.gid,
        move_name=move.name,
        side=segment.side,
        set_number=segment.set_number,
        planned_seconds=segment.seconds,
        done_seconds=round(record.seconds, 2),
        outcome=record.outcome,
        targets=tuple(move.move.targets),
    )


class SessionRecorder:
    """Follows a Timer; `sync(events)` after every change. A history that cannot be written is reported once."""

    def __init__(
        self, history: History | None, timer: Timer, routine: str | None = None, hooks: HookRelay | None = None
    ) -> None:
        self.history = history
        self.timer = timer
        self.routine = routine
        self.hooks = hooks or HookRelay()
        self.session_id: int | None = None
        self.problem: str | None = None
        self._written = 0
        self._finished = False
        self._live: tuple[int, int] | None = None
        """(segment index, row) of the segment under way, kept on disk as "stopped" so far: a process killed
        outright (kill -9, a power cut) still leaves what was done in history."""
        self._live_seconds = 0.0

    def start(self) -> None:
        planned = int(self.timer.session_total)
        self.session_id = self._guard(History.start_session, planned, self.routine)
        names = list(dict.fromkeys(s.item.move.name for s in self.timer.timeline.segments))
        self.hooks.call("session_started", planned_seconds=planned, routine=self.routine, moves=names)

    def sync(self, events: Sequence[Event] = ()) -> None:
        self._announce(events)
        self._write_segments()
        if self.timer.state == "finished" and not self._finished:
            self._finished = True
            summary = self.summary()
            session_id = self.session_id
            if session_id is not None:
                if summary.counts:
                    self._record_not_reached(session_id)
                    self._guard(History.end_session, session_id, summary.status == "finished")
                else:
                    self._guard(History.discard, session_id)
            self.hooks.call("session_finished", record=summary.as_record())
            self.session_id = None

    def _record_not_reached(self, session_id: int) -> None:
        """The work segments a stopped session never reached, at 0 s: history then knows a move was not done
        as the summary does (the right side of a per-side move stopped at "switch sides", say)."""
        reached = {record.index for record in self.timer.records}
        for index, segment in enumerate(self.timer.timeline.segments):
            if segment.kind == "work" and index not in reached:
                record = SegmentRecord(index, segment, "not-reached", 0.0)
                self._guard(History.add_segment, session_id, segment_done(record))

    def summary(self) -> SessionSummary:
        return summarise(self.timer, self.routine)

    def _announce(self, events: Sequence[Event]) -> None:
        for event in events:
            if isinstance(event, SegmentStarted):
                segment = event.segment
                self.hooks.call(
                    "segment_started",
                    move=segment.item.move.name,
                    side=segment.side,
                    seconds=segment.seconds,
                    kind=segment.kind,
                    set_number=segment.set_number,
                )
            elif isinstance(event, CountdownBeep):
                self.hooks.call("countdown", seconds_left=event.seconds_left)

    def _write_segments(self) -> None:
        session_id = self.session_id
        if session_id is None:
            return
        records = self.timer.records
        fresh = records[self._written :]
        self._written = len(records)
        for record in fresh:
            live, self._live = self._live, None
            if live is not None and live[0] == record.index:
                done = segment_done(record)
                self._guard(History.update_segment, session_id, live[1], done.done_seconds, done.outcome)
            else:
                self._guard(History.add_segment, session_id, segment_done(record))

    def checkpoint(self, every: float = CHECKPOINT_SECONDS) -> None:
        """Keep the segment under way on disk, rewritten each `every` seconds of it."""
        timer, session_id = self.timer, self.session_id
        if session_id is None or timer.state not in ("running", "paused"):
            return
        elapsed = timer.elapsed
        if self._live is not None and self._live[0] == timer.index:
            if elapsed - self._live_seconds >= every:
                self._live_seconds = elapsed
                self._guard(History.update_segment, session_id, self._live[1], round(elapsed, 2), "stopped")
        elif elapsed >= every:
            self._live_seconds = elapsed
            record = SegmentRecord(timer.index, timer.segment, "stopped", elapsed)
            row = self._guard(History.add_segment, session_id, segment_done(record))
            self._live = (timer.index, row) if row is not None else None

    def _guard(self, write: Callable[..., R], *arguments: object) -> R | None:
        """`write(history, *arguments)`, unless history is off or has failed before (then None)."""
        if self.history is None or self.problem is not None:
            return None
        try:
            return write(self.history, *arguments)
        except HistoryUnavailable as error:
            self.problem = str(error)
            return None
