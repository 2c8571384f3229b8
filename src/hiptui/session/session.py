"""A session on the timer: the timeline, the timer, what history records and what the summary says, together."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from hiptui.session.recorder import SessionRecorder
from hiptui.session.summary import SessionSummary
from hiptui.session.timeline import DEFAULT_PACING, Pacing, paced_timeline
from hiptui.session.timer import Event, Timer

if TYPE_CHECKING:
    from hiptui.catalog.catalog import QueueItem
    from hiptui.data.history import History
    from hiptui.plugins.host import HookRelay


class Session:
    """Every command returns the timer's events after history and the plugins have heard of them."""

    def __init__(
        self,
        items: Sequence[QueueItem],
        pacing: Pacing = DEFAULT_PACING,
        *,
        routine: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        history: History | None = None,
        hooks: HookRelay | None = None,
    ) -> None:
        self.items = tuple(items)
        self.routine = routine
        self.timeline = paced_timeline(self.items, pacing)
        self.timer = Timer(self.timeline, clock=clock)
        self._recorder = SessionRecorder(history, self.timer, routine, hooks)
        self._was_running = False

    @property
    def over(self) -> bool:
        return self.timer.state == "finished"

    @property
    def under_way(self) -> bool:
        return self.timer.state in ("running", "paused")

    @property
    def problem(self) -> str | None:
        """Why history could not be written, once that happened (the timer goes on)."""
        return self._recorder.problem

    @property
    def summary(self) -> SessionSummary:
        return self._recorder.summary()

    def start(self) -> list[Event]:
        events = self.timer.start()
        self._recorder.start()
        return self._synced(events)

    def update(self) -> list[Event]:
        events = self._synced(self.timer.update())
        self._recorder.checkpoint()
        return events

    def toggle_pause(self) -> list[Event]:
        return self._synced(self.timer.toggle_pause())

    def next(self) -> list[Event]:
        return self._synced(self.timer.next())

    def previous(self) -> list[Event]:
        return self._synced(self.timer.previous())

    def adjust(self, seconds: float) -> None:
        self.timer.adjust(seconds)

    def stop(self) -> list[Event]:
        """End the session here: what was done so far is recorded as a stopped session."""
        return self._synced(self.timer.stop())

    def hold(self) -> None:
        """Pause while something else has the screen (help, a question); `release()` resumes if it was running."""
        self._was_running = self.timer.state == "running"
        self.timer.pause()

    def release(self) -> None:
        if self._was_running:
            self.timer.resume()
        self._was_running = False

    def _synced(self, events: list[Event]) -> list[Event]:
        self._recorder.sync(events)
        return events
