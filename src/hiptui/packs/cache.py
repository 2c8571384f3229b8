"""A cache of loaded packs, so unchanged files load without parsing TOML or validating again.

Each entry is keyed on the path the file was found at, the file it resolves to (path, device, inode),
its size, modification and change times and the hiptui version; a stale, corrupt or unreadable entry is
ignored and rebuilt. The key and digest catch a changed file and a damaged entry, not a forged one: the
cache folder is the user's own, as trusted as their packs folder. A hit says where the file is now, never where it was when cached:
after symlinks are re-pointed, two paths may resolve to one file, and the record's location is what
`pack remove` deletes. An entry is two lines of JSON: a header (the key, the warnings and a digest of the
second line), checked before the second line, the pack as the model validated it (`pack_data`), is
parsed. The pack's plain classes are then built without validating again, so a hit never imports
pydantic (importing it and validating were most of a warm load): an entry whose digest, or any object's
set of fields, is not what this hiptui writes is rebuilt from the file.
"""

from __future__ import annotations

import dataclasses
import os
import zlib
from pathlib import Path
from sys import intern
from typing import Any, TypeVar

import orjson

from hiptui import __version__
from hiptui.base.files import atomic_write
from hiptui.base.problems import Problem
from hiptui.packs.plain import (
    POSE_FIELDS,
    PROP_FIELDS,
    FigureTable,
    Move,
    Pack,
    PackInfo,
    PackResult,
    Routine,
    RoutineEntry,
    adopt,
    pack_data,
)
from hiptui.packs.reading import read_regular_file

CACHE_FORMAT = 9
MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""Far above any pack's entry (a pack file is at most 2 MiB); a larger or irregular file is a miss."""
T = TypeVar("T")

NESTED: dict[type, dict[str, tuple[type, bool]]] = {
    Pack: {"pack": (PackInfo, False), "moves": (Move, True), "routines": (Routine, True)},
    Move: {"figure": (FigureTable, False)},
    Routine: {"moves": (RoutineEntry, True)},
}
"""The fields of each class that hold objects (True: a list of them); a test keeps it whole."""
TABLES: dict[type, dict[str, frozenset[str]]] = {FigureTable: {"props": PROP_FIELDS, "poses": POSE_FIELDS}}
"""The fields that hold lists of plain tables, and each table's keys."""
SHARED: dict[type, tuple[str, ...]] = {
    Move: ("category", "style", "position", "level"),
    RoutineEntry: ("move",),
}
"""Fields whose few distinct words repeat across thousands of objects: one string each, not one per
use (JSON parsing makes a new string every time; about 2 MiB over 10,000 moves). The lists of words
(targets, equipment, when) would save 2 MiB more, but remaking every list cost a quarter of a warm load."""
CLASSES: tuple[type, ...] = (*NESTED, PackInfo, RoutineEntry, FigureTable)
_FIELDS = {cls: frozenset(field.name for field in dataclasses.fields(cls)) for cls in CLASSES}
_PLANS = {
    cls: (
        _FIELDS[cls],
        tuple((name, inner, many) for name, (inner, many) in NESTED.get(cls, {}).items()),
        SHARED.get(cls, ()),
        tuple(TABLES.get(cls, {}).items()),
    )
    for cls in CLASSES
}
"""What `_build` checks and builds for each class, looked up once an object (a tenth of a warm load)."""


class _Malformed(Exception):
    """An object of the entry does not have exactly its class's fields."""


def _digest(key: bytes, body: bytes) -> str:
    """A check of the body written under `key`: enough for a damaged entry (see the module's docstring)."""
    return f"{zlib.crc32(body, zlib.crc32(key)):08x}{zlib.adler32(body, zlib.adler32(key)):08x}"


def _entry_name(found_at: str) -> str:
    """The entry's file name for the path a pack was found at (zlib's checks: hashlib loads OpenSSL)."""
    path = found_at.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}.json"


def _build(cls: type[T], data: object) -> T:
    """`cls` from what `pack_data` gave, without validating: a field is a plain JSON value except those
    NESTED and TABLES name, and every field is present (the cache writes defaults too)."""
    fields, nested, shared, tables = _PLANS[cls]
    if type(data) is not dict or data.keys() != fields:
        raise _Malformed(cls.__name__)
    for name, inner, many in nested:
        value = data[name]
        if many:
            if type(value) is not list:
                raise _Malformed(f"{cls.__name__}.{name}")
            data[name] = [_build(inner, item) for item in value]
        elif value is not None:
            data[name] = _build(inner, value)
    for name in shared:
        value = data[name]
        if value is not None:
            data[name] = intern(value)
    for name, keys in tables:
        found = data[name]
        if type(found) is not list or any(type(t) is not dict or t.keys() != keys for t in found):
            raise _Malformed(f"{cls.__name__}.{name}")
    return adopt(cls, data)


def _load_file(path: Path) -> PackResult:
    from hiptui.packs.loader import load_pack_file  # validating a file is the only use of pydantic

    return load_pack_file(path).to_plain()


class PackCache:
    """Reads entries at once; writes new ones only on `flush()`, so showing the packs never waits on it."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._unwritten: list[tuple[Path, list[Any], PackResult]] = []

    def load(self, path: Path) -> PackResult:
        """The pack in `path`, from the cache when the file has not changed since it was cached."""
        key = self._key(path)
        if key is None or self.folder is None:
            return _load_file(path)
        entry = self.folder / _entry_name(key[0])
        cached = self._read(entry, key, str(path))
        if cached is not None:
            return cached
        result = _load_file(path)
        if result.pack is not None:
            self._unwritten.append((entry, key, result))
        return result

    def flush(self) -> None:
        """Write the entries of the packs loaded since the last flush."""
        unwritten, self._unwritten = self._unwritten, []
        for entry, key, result in unwritten:
            self._write(entry, key, result)

    @staticmethod
    def _key(path: Path) -> list[Any] | None:
        try:
            stat = path.stat()
            found_at, resolved = os.path.abspath(path), str(path.resolve())
            times = [stat.st_mtime_ns, stat.st_ctime_ns]
            return [found_at, resolved, stat.st_dev, stat.st_ino, stat.st_size, *times, __version__, CACHE_FORMAT]
        except OSError:
            return None

    @staticmethod
    def _read(entry: Path, key: list[Any], source: str) -> PackResult | None:
        try:
            header, _, body = read_regular_file(entry, MAX_ENTRY_BYTES).partition(b"\n")
            data = orjson.loads(header)
            if data["key"] != key or data["digest"] != _digest(orjson.dumps(key), body):
                return None
            pack = _build(Pack, orjson.loads(body))
            problems = [Problem(**{**problem, "source": source}) for problem in data["problems"]]
            return PackResult(source, pack, problems)
        except Exception:
            return None

    @staticmethod
    def _write(entry: Path, key: list[Any], result: PackResult) -> None:
        assert result.pack is not None
        try:
            body = orjson.dumps(pack_data(result.pack))
            header = {
                "key": key,
                "digest": _digest(orjson.dumps(key), body),
                "problems": [vars(problem) for problem in result.problems],
            }
            atomic_write(entry, orjson.dumps(header) + b"\n" + body, durable=False)
        except (OSError, orjson.JSONEncodeError):
            pass  # a cache that cannot be written only costs time
