"""Durations in pack files: whole seconds, or strings such as "90s", "2m", "1m30s"."""

from __future__ import annotations

import re
from functools import cache

from hiptui.base.text import quoted

MAX_DURATION_TEXT = 40
"""Longer strings are refused before they are matched: no duration needs more."""


@cache
def _duration() -> re.Pattern[str]:
    """Compiled at its first use (parsing a pack), not as the app's first frame imports this module.
    Possessive quantifiers: the pattern never backtracks, so it takes time linear in its input."""
    return re.compile(r"(?:(?P<h>\d{1,4}+)\s*+h)?+\s*+(?:(?P<m>\d{1,5}+)\s*+m)?+\s*+(?:(?P<s>\d{1,6}+)\s*+s?+)?+")


def parse_duration(value: object) -> object:
    """Turn a duration string into whole seconds; leave other values for the type check."""
    if not isinstance(value, str):
        return value
    text = value.strip().lower() if len(value) <= MAX_DURATION_TEXT else ""
    match = _duration().fullmatch(text)
    if not text or match is None or not any(match.groupdict().values()):
        raise ValueError(f"{quoted(value)} is not a duration: use whole seconds or a string like '90s', '2m', '1m30s'")
    hours, minutes, seconds = (int(match[part] or 0) for part in "hms")
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: float) -> str:
    """A short clock-style duration: 45 s, 2:05, 1:02:03."""
    total = max(0, int(round(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    if minutes:
        return f"{minutes}:{secs:02d}"
    return f"{secs} s"
