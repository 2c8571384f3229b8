"""Where each key and array element of a TOML document starts, for error messages.

It is a forgiving scanner, not a parser: it runs only once the TOML parser (tomli) has accepted the document,
and whatever it cannot follow simply has no position (the caller falls back to an outer one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BLANK = re.compile(r"(?:[ \t]++|\#[^\n]*+)*+")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]++|\#[^\n]*+)*+")
_ONE_LINE_STRING = {'"': re.compile(r'"(?:[^"\\\n]++|\\.)*+"'), "'": re.compile(r"'[^'\n]*+'")}
_SCALAR = re.compile(r"[^,\]}\r\n#]*+")
_MAX_DEPTH = 64


def _in_arrays(key: tuple[str, ...], array_counts: dict[Path, int]) -> Path:
    """`key` of a table header with the current element of each array of tables it is under,
    e.g. [moves.figure] after the third [[moves]] is ("moves", 2, "figure")."""
    resolved: list[str | int] = []
    for part in key:
        resolved.append(part)
        index = array_counts.get(tuple(resolved))
        if index is not None:
            resolved.append(index)
    return tuple(resolved)


class _Scanner:
    def __init__(self, text: str, wanted: Iterable[Path] | None = None) -> None:
        self.text = text
        self.pos = 0
        self.found: dict[Path, int] = {}
        self.wanted = None if wanted is None else set(wanted)

    def scan(self) -> dict[Path, int]:
        table: Path = ()
        array_counts: dict[Path, int] = {}
        while self._skip_blank(newlines=True):
            start = self.pos
            if self.text.startswith("[[", self.pos):
                self.pos += 2
                key = self._key()
                array = (*_in_arrays(key[:-1], array_counts), key[-1])
                index = array_counts.get(array, -1) + 1
                array_counts[array] = index
                table = (*array, index)
                self._expect("]]")
            elif self.text.startswith("[", self.pos):
                self.pos += 1
                table = _in_arrays(self._key(), array_counts)
                self._expect("]")
            else:
                key = self._key()
                self._record((*table, *key), start)
                self._expect("=")
                self._value((*table, *key), depth=0)
                continue
            self._record(table, start)
        return self.found

    def _record(self, path: Path, offset: int) -> None:
        self.found.setdefault(path, offset)
        if self.wanted is not None:
            self.wanted.discard(path)
            if not self.wanted:
                raise _AllFound

    def _skip_blank(self, newlines: bool) -> bool:
        """Past spaces and comments (and line ends, when `newlines`); False at the end of the text."""
        match = (_BLANK_LINES if newlines else _BLANK).match(self.text, self.pos)
        self.pos = match.end() if match else self.pos
        return self.pos < len(self.text)

    def _expect(self, token: str) -> None:
        self._skip_blank(newlines=False)
        if not self.text.startswith(token, self.pos):
            raise ValueError(token)
        self.pos += len(token)

    def _key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._skip_blank(newlines=False)
            char = self.text[self.pos : self.pos + 1]
            if char in ('"', "'"):
                start = self.pos
                self._string()
                parts.append(self.text[start + 1 : self.pos - 1])
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                if not match:
                    raise ValueError("key")
                parts.append(match.group())
                self.pos = match.end()
            self._skip_blank(newlines=False)
            if not self.text.startswith(".", self.pos):
                return tuple(parts)
            self.pos += 1

    def _string(self) -> None:
        text = self.text
        quote = text[self.pos]
        if text.startswith(quote * 3, self.pos):
            end = text.find(quote * 3, self.pos + 3)
            if end < 0:
                raise ValueError("string")
            self.pos = end + 3
            while text.startswith(quote, self.pos):
                self.pos += 1
            return
        match = _ONE_LINE_STRING[quote].match(text, self.pos)
        if not match:
            raise ValueError("string")
        self.pos = match.end()

    def _value(self, path: Path, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise ValueError("depth")
        self._skip_blank(newlines=False)
        char = self.text[self.pos : self.pos + 1]
        if char in ('"', "'"):
            self._string()
        elif char == "[":
            self._array(path, depth)
        elif char == "{":
            self._inline_table(path, depth)
        else:
            match = _SCALAR.match(self.text, self.pos)
            self.pos = match.end() if match else self.pos

    def _array(self, path: Path, depth: int) -> None:
        self.pos += 1
        index = 0
        while self._skip_blank(newlines=True):
            if self.text[self.pos] == "]":
                self.pos += 1
                return
            self._record((*path, index), self.pos)
            self._value((*path, index), depth + 1)
            self._skip_blank(newlines=True)
            if self.text.startswith(",", self.pos):
                self.pos += 1
                index += 1
        raise ValueError("array")

    def _inline_table(self, path: Path, depth: int) -> None:
        self.pos += 1
        while self._skip_blank(newlines=False):
            if self.text[self.pos] == "}":
                self.pos += 1
                return
            start = self.pos
            key = self._key()
            self._record((*path, *key), start)
            self._expect("=")
            self._value((*path, *key), depth + 1)
            self._skip_blank(newlines=False)
            if self.text.startswith(",", self.pos):
                self.pos += 1
        raise ValueError("inline table")


class _AllFound(Exception):
    """Every wanted path has its position: the rest of the text need not be scanned."""


class Locator:
    """Maps a path such as ("moves", 3, "hold") to the (line, column) where it is written, both from 1."""

    def __init__(self, text: str, wanted: Iterable[Path] | None = None) -> None:
        """With `wanted`, the scan stops once each of those paths is found."""
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        scanner = _Scanner(text, wanted)
        try:
            scanner.scan()
        except (_AllFound, ValueError, IndexError, RecursionError):
            pass
        self._offsets = scanner.found

    def position(self, path: Path) -> tuple[int, int]:
        """The position of `path`, or of its nearest enclosing key or table that is written out."""
        for length in range(len(path), 0, -1):
            offset = self._offsets.get(tuple(path[:length]))
            if offset is not None:
                return self._line_col(offset)
        return (1, 1)

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1
