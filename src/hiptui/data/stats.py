"""What a runner's history says: minutes this week, the streak, weekly minutes, time per target."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from hiptui.data.history import SessionRecord


@dataclass(frozen=True)
class TargetTime:
    target: str
    left: float
    right: float
    both: float

    @property
    def total(self) -> float:
        return self.left + self.right + self.both


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _worked(session: SessionRecord) -> float:
    return sum(s.done_seconds for s in session.segments if s.kind == "work")


def minutes_this_week(sessions: Sequence[SessionRecord], today: dt.date) -> float:
    start = _week_start(today)
    return sum(_worked(s) for s in sessions if start <= _local_day(s.started_at) <= today) / 60


def streak_days(sessions: Sequence[SessionRecord], today: dt.date) -> int:
    """Days in a row with some work done, ending today (or yesterday, when today has none yet)."""
    days = {_local_day(s.started_at) for s in sessions if _worked(s) > 0}
    day = today if today in days else today - dt.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def weekly_minutes(sessions: Sequence[SessionRecord], today: dt.date, weeks: int = 12) -> list[float]:
    """Minutes of work per week, oldest first, the current week last."""
    this_week = _week_start(today)
    totals = [0.0] * weeks
    for session in sessions:
        age = (this_week - _week_start(_local_day(session.started_at))).days // 7
        if 0 <= age < weeks:
            totals[weeks - 1 - age] += _worked(session) / 60
    return totals


def time_per_target(sessions: Sequence[SessionRecord], today: dt.date, days: int = 14) -> list[TargetTime]:
    """Seconds of work per target over the last `days` days, split by side, most worked first."""
    since = today - dt.timedelta(days=days - 1)
    seconds: dict[str, dict[str, float]] = defaultdict(lambda: {"left": 0.0, "right": 0.0, "both": 0.0})
    for session in sessions:
        if not since <= _local_day(session.started_at) <= today:
            continue
        for segment in session.segments:
            if segment.kind == "work":
                for target in segment.targets:
                    seconds[target][segment.side or "both"] += segment.done_seconds
    found = [TargetTime(target, s["left"], s["right"], s["both"]) for target, s in seconds.items()]
    return sorted(found, key=lambda t: (-t.total, t.target))
