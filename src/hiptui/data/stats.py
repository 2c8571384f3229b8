"""What a runner's history says: minutes this week, the streak, weekly minutes, time per target.

Each figure is one SQL query over the rows every reader can trust, so 100,000 sessions cost a few
queries and no list of them in memory. Days are the user's local days, as SQLite's 'localtime' and
Python's `astimezone()` both take them from the C library.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from hiptui.data.history import History
from hiptui.data.history_rows import GOOD_SEGMENT, GOOD_SESSION

MARGIN = dt.timedelta(days=2)
"""Stored times are UTC: a local day's sessions lie within this of its UTC date (an index-friendly filter)."""


@dataclass(frozen=True)
class TargetTime:
    target: str
    left: float
    right: float
    both: float

    @property
    def total(self) -> float:
        return self.left + self.right + self.both


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _sessions_between() -> str:
    """Ids of the readable, ended sessions of local days since..until (parameters: 4 dates)."""
    return (
        f"SELECT id FROM sessions WHERE {GOOD_SESSION} AND status != 'running'"
        " AND started_at >= ? AND started_at < ? AND date(started_at, 'localtime') BETWEEN ? AND ?"
    )


def _between(since: dt.date, until: dt.date) -> tuple[str, str, str, str]:
    return ((since - MARGIN).isoformat(), (until + MARGIN).isoformat(), since.isoformat(), until.isoformat())


def daily_work(history: History, since: dt.date, until: dt.date) -> dict[dt.date, float]:
    """Seconds of work per local day, for the days in since..until that have any."""
    rows = history.query(
        "SELECT date(started_at, 'localtime'), sum((SELECT total(done_seconds) FROM segments"
        f" WHERE session_id = sessions.id AND kind = 'work' AND {GOOD_SEGMENT})) FROM sessions"
        f" WHERE id IN ({_sessions_between()}) GROUP BY 1",
        _between(since, until),
    )
    return {dt.date.fromisoformat(str(day)): float(total) for day, total in rows if isinstance(total, (int, float))}


def minutes_this_week(history: History, today: dt.date) -> float:
    return sum(daily_work(history, _week_start(today), today).values()) / 60


def weekly_minutes(history: History, today: dt.date, weeks: int = 12) -> list[float]:
    """Minutes of work per week, oldest first, the current week last."""
    this_week = _week_start(today)
    totals = [0.0] * weeks
    for day, seconds in daily_work(history, this_week - dt.timedelta(weeks=weeks - 1), today).items():
        age = (this_week - _week_start(day)).days // 7
        if 0 <= age < weeks:
            totals[weeks - 1 - age] += seconds / 60
    return totals


def streak_days(history: History, today: dt.date) -> int:
    """Days in a row with some work done, ending today (or yesterday, when today has none yet).

    Reads days newest first and stops at the first gap: a long history costs only its streak."""
    rows = history.stream(
        f"SELECT date(started_at, 'localtime') FROM sessions WHERE {GOOD_SESSION} AND status != 'running'"
        " AND started_at < ? AND EXISTS (SELECT 1 FROM segments WHERE session_id = sessions.id"
        f" AND kind = 'work' AND done_seconds > 0 AND {GOOD_SEGMENT}) ORDER BY started_at DESC",
        ((today + MARGIN).isoformat(),),
    )
    one = dt.timedelta(days=1)
    days: set[dt.date] = set()
    anchor = tail = today - one
    for (value,) in rows:
        day = dt.date.fromisoformat(str(value))
        days.add(day)
        start = today if today in days else today - one
        if start != anchor:
            anchor = tail = start
        while anchor in days and tail - one in days:
            tail -= one
        if day < tail - 2 * one:  # past the run's first gap (with slack for times stored with odd offsets)
            break
    return (anchor - tail).days + 1 if anchor in days else 0


def time_per_target(history: History, today: dt.date, days: int = 14) -> list[TargetTime]:
    """Seconds of work per target over the last `days` days, split by side, most worked first."""
    since = today - dt.timedelta(days=days - 1)
    rows = history.query(
        f"SELECT targets, side, sum(done_seconds) FROM segments WHERE kind = 'work' AND {GOOD_SEGMENT}"
        f" AND session_id IN ({_sessions_between()}) GROUP BY targets, side",
        _between(since, today),
    )
    seconds: dict[str, dict[str, float]] = defaultdict(lambda: {"left": 0.0, "right": 0.0, "both": 0.0})
    for targets, side, total in rows:
        if not isinstance(total, (int, float)):
            continue
        for target in str(targets).split(","):
            if target:
                seconds[target][side if isinstance(side, str) else "both"] += total
    found = [TargetTime(target, s["left"], s["right"], s["both"]) for target, s in seconds.items()]
    return sorted(found, key=lambda t: (-t.total, t.target))


@dataclass(frozen=True)
class RecentFigures:
    """The figures that read only recent weeks (and the count, from the index): quick over any history."""

    sessions: int
    minutes_this_week: float
    weekly_minutes: list[float]
    time_per_target: list[TargetTime]


def recent_figures(history: History, today: dt.date) -> RecentFigures:
    return RecentFigures(
        sessions=history.count(),
        minutes_this_week=minutes_this_week(history, today),
        weekly_minutes=weekly_minutes(history, today),
        time_per_target=time_per_target(history, today),
    )
