"""Making untrusted text safe to store and show, and folding it for search.

`clean_text` is the one cleaner: whatever came from outside (pack text, file names, plugin names, error
messages) goes through it before it is stored or reaches a terminal. What it returns is one line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

_LINE_BREAKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
"""Tabs and everything `str.splitlines()` breaks on: each becomes a space."""
_TO_SPACES = str.maketrans(dict.fromkeys(_LINE_BREAKS, " "))
_BIDI_AND_BOM = "\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"


class _Patterns(NamedTuple):
    escape_sequence: re.Pattern[str]
    unsafe: re.Pattern[str]
    unsafe_in_a_document: re.Pattern[str]
    """As `unsafe`, but a TOML document's own line ends (newline, carriage return) are fine."""


@cache
def _patterns() -> _Patterns:
    """Compiled at their first use: nothing the app's first frame shows needs them (about a millisecond)."""
    return _Patterns(
        re.compile(
            r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?     # OSC ... BEL or ST
    | \x1b[P_^X][^\x1b]*(?:\x1b\\)?        # DCS, APC, PM, SOS ... ST
    | \x1b\[[0-?]*[ -/]*[@-~]              # CSI
    | \x9b[0-?]*[ -/]*[@-~]                # 8-bit CSI
    | \x1b[@-Z\\-_]                        # other two-byte escapes
    """,
            re.VERBOSE,
        ),
        re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI_AND_BOM}]"),
        re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029{_BIDI_AND_BOM}]"),
    )


def is_clean(document: str) -> bool:
    """True when no string in this TOML text can hold a control character, tab or line break:
    none is written out, and there are no escapes or multi-line strings to make one. (A TOML parser
    refuses raw ASCII control characters, so only parsed text may be checked this way.)"""
    return (
        "\\" not in document
        and "\t" not in document
        and '"""' not in document
        and "'''" not in document
        and (document.isascii() or not _patterns().unsafe_in_a_document.search(document))
    )


def clean_text(value: str) -> str:
    """One line of plain text: escape sequences, control characters and bidi overrides dropped,
    tabs and line breaks turned into spaces, leading and trailing space stripped."""
    patterns = _patterns()
    if not patterns.unsafe.search(value):
        return value.strip() if value[:1].isspace() or value[-1:].isspace() else value
    value = patterns.escape_sequence.sub("", value).translate(_TO_SPACES)
    return patterns.unsafe.sub("", value).strip()


def clean_lines(value: str) -> str:
    """Several lines the app itself put together, each cleaned as by `clean_text`."""
    return "\n".join(clean_text(line) for line in value.split("\n"))


def shorten(value: str, limit: int = 60) -> str:
    """`value` cleaned and, past `limit` characters, cut with an ellipsis (for values quoted in messages)."""
    value = clean_text(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def quoted(value: str, limit: int = 60) -> str:
    """repr(value), cleaned and cut at `limit` characters, for messages such as "'2 minutes' is not a duration"."""
    return shorten(repr(value), limit)


def fold(value: str) -> str:
    """Case- and accent-insensitive form of `value`, for matching."""
    folded = value.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    # Accents are among the non-ASCII characters: look at those only (the index folds 200 KB at once).
    # re compiles the pattern on first use, which keeps it off the first frame.
    for mark in {ch for ch in set(re.findall(r"[^\x00-\x7f]", decomposed)) if unicodedata.combining(ch)}:
        decomposed = decomposed.replace(mark, "")
    return decomposed


SHOWN_LINES = 5


def summarised(lines: list[str], shown: int = SHOWN_LINES) -> str:
    """One notice: the first few lines, one a line, and how many more."""
    kept = lines[:shown]
    if len(lines) > shown:
        kept.append(f"…and {len(lines) - shown} more")
    return "\n".join(kept)
