"""Writes a running session to history as it goes: each segment the moment it ends."""

from __future__ import annotations

from hiptui.history import History, HistoryUnavailable, SegmentDone
from hiptui.timer import SegmentRecord, Timer


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
    """Follows a Timer; `sync()` after every change. A history that cannot be written is reported once."""

    def __init__(self, history: History | None, timer: Timer, routine: str | None = None) -> None:
        self.history = history
        self.timer = timer
        self.routine = routine
        self.session_id: int | None = None
        self.problem: str | None = None
        self._written = 0

    def start(self) -> None:
        self._guard(lambda h: setattr(self, "session_id", h.start_session(int(self.timer.session_total), self.routine)))

    def sync(self) -> None:
        if self.session_id is None:
            return
        records = self.timer.records
        if len(records) < self._written:
            self._written = len(records)
        fresh = records[self._written :]
        self._written = len(records)
        for record in fresh:
            self._guard(lambda h, r=record: h.add_segment(self.session_id, segment_done(r)))
        if self.timer.state == "finished":
            finished = not self.timer.stopped
            self._guard(lambda h: h.end_session(self.session_id, finished))
            self.session_id = None

    def _guard(self, write) -> None:
        if self.history is None or self.problem is not None:
            return
        try:
            write(self.history)
        except HistoryUnavailable as error:
            self.problem = str(error)
