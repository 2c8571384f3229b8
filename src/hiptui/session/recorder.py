"""Follows a running session: writes each segment to history the moment it ends, and tells plugins."""

from __future__ import annotations

from collections.abc import Sequence

from hiptui.data.history import History, HistoryUnavailable, SegmentDone
from hiptui.plugins.host import HookRelay
from hiptui.session.timer import CountdownBeep, Event, SegmentRecord, SegmentStarted, Timer


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

    def start(self) -> None:
        planned = int(self.timer.session_total)
        self._guard(lambda h: setattr(self, "session_id", h.start_session(planned, self.routine)))
        names = list(dict.fromkeys(s.item.move.name for s in self.timer.timeline.segments))
        self.hooks.call("session_started", planned_seconds=planned, routine=self.routine, moves=names)

    def sync(self, events: Sequence[Event] = ()) -> None:
        self._announce(events)
        self._write_segments()
        if self.timer.state == "finished" and not self._finished:
            self._finished = True
            if self.session_id is not None:
                finished = not self.timer.stopped
                worked = any(r.segment.kind == "work" and r.seconds > 0 for r in self.timer.records)
                if worked:
                    self._guard(lambda h: h.end_session(self.session_id, finished))
                else:
                    self._guard(lambda h: h.discard(self.session_id))
            self.hooks.call("session_finished", record=self.summary())
            self.session_id = None

    def summary(self) -> dict[str, object]:
        final = self.timer.final_records
        return {
            "routine": self.routine,
            "status": "stopped" if self.timer.stopped else "finished",
            "planned_seconds": int(self.timer.session_total),
            "done_seconds": round(sum(r.seconds for r in self.timer.records), 1),
            "moves": sorted({r.segment.item.move.gid for r in final if r.outcome == "done" and r.segment.kind == "work"}),
            "segments_done": sum(r.outcome == "done" for r in final),
            "segments_skipped": len(self.timer.skipped),
        }

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
        if self.session_id is None:
            return
        records = self.timer.records
        fresh = records[self._written :]
        self._written = len(records)
        for record in fresh:
            self._guard(lambda h, r=record: h.add_segment(self.session_id, segment_done(r)))

    def _guard(self, write) -> None:
        if self.history is None or self.problem is not None:
            return
        try:
            write(self.history)
        except HistoryUnavailable as error:
            self.problem = str(error)
