"""Making untrusted text safe to store and show, and folding it for search."""

from __future__ import annotations

import re
import unicodedata

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?     # OSC ... BEL or ST
    | \x1b[P_^X][^\x1b]*(?:\x1b\\)?        # DCS, APC, PM, SOS ... ST
    | \x1b\[[0-?]*[ -/]*[@-~]              # CSI
    | \x9b[0-?]*[ -/]*[@-~]                # 8-bit CSI
    | \x1b[@-Z\\-_]                        # other two-byte escapes
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def is_clean(document: str) -> bool:
    """True when no string in this TOML text can hold a control character, tab or newline:
    none is written out, and there are no escapes or multi-line strings to make one. (A TOML parser
    refuses raw ASCII control characters, so only parsed text may be checked this way.)"""
    return (
        "\\" not in document
        and "\t" not in document
        and '"""' not in document
        and "'''" not in document
        and (document.isascii() or not _CONTROL.search(document))
    )


def clean_text(value: str) -> str:
    """Drop escape sequences, control characters and bidi overrides; keep newlines and tabs as spaces."""
    if not _CONTROL.search(value):
        return value.strip() if value[:1].isspace() or value[-1:].isspace() else value
    value = _ESCAPE_SEQUENCE.sub("", value)
    value = _CONTROL.sub("", value)
    return value.replace("\t", " ").replace("\n", " ").strip()


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
