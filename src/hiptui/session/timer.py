"""The session timer: a state machine over a timeline and an injectable monotonic clock.

Every figure is computed from deadlines when asked, never by counting ticks, so a slow
frame or a long pause cannot make it drift. `update()` moves on past expired segments
and reports what happened since the last call.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from hiptui.session.timeline import Segment, Timeline

State = Literal["ready", "running", "paused", "finished"]
Outcome = Literal["done", "skipped", "stopped", "not-reached"]
COUNTDOWN = (3, 2, 1)
ADJUST_STEP = 10


@dataclass(frozen=True)
class SegmentStarted:
    index: int
    segment: Segment


@dataclass(frozen=True)
class CountdownBeep:
    seconds_left: int


@dataclass(frozen=True)
class SessionFinished:
    completed: bool


Event = SegmentStarted | CountdownBeep | SessionFinished


@dataclass(frozen=True)
class SegmentRecord:
    index: int
    segment: Segment
    outcome: Outcome
    seconds: float


class Timer:
    def __init__(self, timeline: Timeline, clock: Callable[[], float] = time.monotonic) -> None:
        if not timeline.segments:
            raise ValueError("the session has no segments")
        self.timeline = timeline
        self._clock = clock
        self._durations = [float(s.seconds) for s in timeline.segments]
        self.index = 0
        self.state: State = "ready"
        self._deadline = 0.0
        self._remaining_when_paused = self._durations[0]
        self._beeped: set[int] = set()
        self.records: list[SegmentRecord] = []
        """Every segment as it ended, in order; append-only, so history can be written as it goes."""
        self.started_at: float | None = None
        self.stopped = False

    # -- reading ---------------------------------------------------------------------------

    @property
    def segment(self) -> Segment:
        return self.timeline.segments[self.index]

    @property
    def duration(self) -> float:
        """The current segment's length, adjustments included."""
        return self._durations[self.index]

    @property
    def remaining(self) -> float:
        """Seconds left in the current segment (where it was left, once stopped)."""
        if self.state == "finished":
            return self._remaining_when_paused if self.stopped else 0.0
        if self.state == "running":
            return max(0.0, self._deadline - self._clock())
        return max(0.0, self._remaining_when_paused)

    @property
    def elapsed(self) -> float:
        return max(0.0, self.duration - self.remaining)

    @property
    def session_remaining(self) -> float:
        if self.state == "finished" and not self.stopped:
            return 0.0
        return self.remaining + sum(self._durations[self.index + 1 :])

    @property
    def seconds_spent(self) -> float:
        """Time spent in the session so far, whatever was done with it: every segment ended, as long as
        it ran (a skipped one only until it was skipped), and the one under way."""
        live = self.elapsed if self.state in ("running", "paused") else 0.0
        return sum(record.seconds for record in self.records) + live

    @property
    def session_total(self) -> float:
        return sum(self._durations)

    @property
    def next_segment(self) -> Segment | None:
        later = self.index + 1
        return self.timeline.segments[later] if later < len(self.timeline.segments) else None

    @property
    def final_records(self) -> list[SegmentRecord]:
        """The last record of each segment, in order: a segment skipped and then done again counts as done."""
        last = {record.index: record for record in self.records}
        return [last[index] for index in sorted(last)]

    @property
    def skipped(self) -> list[SegmentRecord]:
        """Work segments passed over (a segment skipped and then done again is not one)."""
        return [r for r in self.final_records if r.outcome == "skipped" and r.segment.kind == "work"]

    # -- commands --------------------------------------------------------------------------

    def start(self) -> list[Event]:
        if self.state != "ready":
            return []
        self.started_at = self._clock()
        self.state = "running"
        self._deadline = self.started_at + self.duration
        return [SegmentStarted(0, self.segment)]

    def pause(self) -> None:
        if self.state == "running":
            self._remaining_when_paused = self.remaining
            self.state = "paused"

    def resume(self) -> None:
        if self.state == "paused":
            self._deadline = self._clock() + self._remaining_when_paused
            self.state = "running"

    def toggle_pause(self) -> list[Event]:
        if self.state == "ready":
            return self.start()
        if self.state == "running":
            self.pause()
        else:
            self.resume()
        return []

    def next(self) -> list[Event]:
        """Skip the rest of this segment."""
        if self.state in ("ready", "finished"):
            return []
        self._record(self.index, "skipped", self.elapsed)
        return self._enter(self.index + 1, self._clock())

    def previous(self) -> list[Event]:
        """Back to the start of the previous segment (or of this one, if it is the first)."""
        if self.state in ("ready", "finished"):
            return []
        return self._enter(max(0, self.index - 1), self._clock())

    def adjust(self, seconds: float) -> None:
        """Lengthen (or shorten) the current segment; it never ends up with less than a second left."""
        if self.state in ("ready", "finished"):
            return
        change = max(seconds, 1.0 - self.remaining)
        self._durations[self.index] += change
        if self.state == "running":
            self._deadline += change
        else:
            self._remaining_when_paused += change
        self._beeped = {n for n in self._beeped if n >= self.remaining}

    def stop(self) -> list[Event]:
        """Abandon the session: it ends now, not completed."""
        if self.state == "finished":
            return []
        if self.state != "ready":
            self._remaining_when_paused = self.remaining
            self._record(self.index, "stopped", self.elapsed)
        self.state = "finished"
        self.stopped = True
        return [SessionFinished(completed=False)]

    def update(self) -> list[Event]:
        """Move past every segment whose deadline has passed; returns what happened."""
        if self.state != "running":
            return []
        events: list[Event] = []
        now = self._clock()
        while self.state == "running" and now >= self._deadline:
            self._record(self.index, "done", self.duration)
            events += self._enter(self.index + 1, self._deadline)
        if self.state == "running":
            whole = int(self._deadline - now) + 1 if (self._deadline - now) % 1 else int(self._deadline - now)
            if whole in COUNTDOWN and whole not in self._beeped and self.segment.kind == "work":
                self._beeped.add(whole)
                events.append(CountdownBeep(whole))
        return events

    # -- internals -------------------------------------------------------------------------

    def _enter(self, index: int, at: float) -> list[Event]:
        if index >= len(self._durations):
            self.state = "finished"
            self.index = len(self._durations) - 1
            return [SessionFinished(completed=True)]
        self.index = index
        self._beeped = set()
        self._durations[index] = float(self.timeline.segments[index].seconds)
        if self.state == "paused":
            self._remaining_when_paused = self._durations[index]
        else:
            self._deadline = at + self._durations[index]
        return [SegmentStarted(index, self.segment)]

    def _record(self, index: int, outcome: Outcome, seconds: float) -> None:
        self.records.append(SegmentRecord(index, self.timeline.segments[index], outcome, seconds))
