"""Where each key and array element of a TOML document starts, for error messages.

It is a forgiving scanner, not a parser: it runs only once tomllib has accepted the document,
and whatever it cannot follow simply has no position (the caller falls back to an outer one).
"""

from __future__ import annotations

import bisect
import re

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_MAX_DEPTH = 64


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.found: dict[Path, int] = {}

    def scan(self) -> dict[Path, int]:
        table: Path = ()
        array_counts: dict[Path, int] = {}
        while self._skip_blank(newlines=True):
            start = self.pos
            if self.text.startswith("[[", self.pos):
                self.pos += 2
                key = self._key()
                index = array_counts.get(key, -1) + 1
                array_counts[key] = index
                table = (*key, index)
                self._expect("]]")
            elif self.text.startswith("[", self.pos):
                self.pos += 1
                table = self._key()
                self._expect("]")
            else:
                key = self._key()
                self._record((*table, *key), start)
                self._expect("=")
                self._value((*table, *key), depth=0)
                continue
            self.found.setdefault(table, start)
        return self.found

    def _record(self, path: Path, offset: int) -> None:
        self.found.setdefault(path, offset)

    def _skip_blank(self, newlines: bool) -> bool:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t" or (newlines and char in "\r\n"):
                self.pos += 1
            elif char == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                return True
        return False

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
        self.pos += 1
        while self.pos < len(text):
            char = text[self.pos]
            if char == "\\" and quote == '"':
                self.pos += 2
                continue
            self.pos += 1
            if char == quote:
                return
        raise ValueError("string")

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
            while self.pos < len(self.text) and self.text[self.pos] not in ",]}\r\n#":
                self.pos += 1

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


class Locator:
    """Maps a path such as ("moves", 3, "hold") to the (line, column) where it is written, both from 1."""

    def __init__(self, text: str) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        scanner = _Scanner(text)
        try:
            scanner.scan()
        except (ValueError, IndexError, RecursionError):
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
