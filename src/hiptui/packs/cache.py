"""A cache of loaded packs, so unchanged files load without parsing TOML or validating again.

Each entry is keyed on the path the file was found at, the file it resolves to (path, device, inode),
its size, modification and change times and the hiptui version; a stale, corrupt or unreadable entry is
ignored and rebuilt, never trusted. A hit says where the file is now, never where it was when cached:
after symlinks are re-pointed, two paths may resolve to one file, and the record's location is what
`pack remove` deletes. An entry is two lines of JSON: a header (the key, the warnings and a digest of the
second line), checked before the second line, the pack as the model validated it, is parsed. The pack is
then built without validating it again (validation was most of a warm load): an entry whose digest, or
any object's set of fields, is not what this hiptui writes is rebuilt from the file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import from_json

from hiptui import __version__
from hiptui.base.files import atomic_write
from hiptui.base.problems import Problem
from hiptui.packs.figure_model import FigurePose, FigureProp, MoveFigure
from hiptui.packs.loader import LoadResult, load_pack_file
from hiptui.packs.model import Move, Pack, PackInfo, Routine, RoutineEntry

CACHE_FORMAT = 5
M = TypeVar("M", bound=BaseModel)

NESTED: dict[type[BaseModel], dict[str, tuple[type[BaseModel], bool]]] = {
    Pack: {"pack": (PackInfo, False), "moves": (Move, True), "routines": (Routine, True)},
    Move: {"figure": (MoveFigure, False)},
    MoveFigure: {"props": (FigureProp, True), "poses": (FigurePose, True)},
    Routine: {"moves": (RoutineEntry, True)},
}
"""The fields of each model that hold models (True: a list of them); a test keeps it whole."""
MODELS: tuple[type[BaseModel], ...] = (*NESTED, PackInfo, RoutineEntry, FigureProp, FigurePose)
_FIELDS = {model: frozenset(model.model_fields) for model in MODELS}
_ALL_SET = {model: set(model.model_fields) for model in MODELS}
"""Every field is set in an entry, and the models are frozen, so one set a model serves all its objects
(a set of 26 names is about 2 KiB: 20 MiB over 10,000 moves); `model_copy` copies it before changing it."""
_set = object.__setattr__


class _Malformed(Exception):
    """An object of the entry does not have exactly its model's fields."""


def _digest(key: bytes, body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16, key=hashlib.blake2b(key, digest_size=32).digest()).hexdigest()


def _build(model: type[M], data: object) -> M:
    """`model` from what `model_dump(mode="json")` gave, without validating: a model's fields are plain
    JSON values except those NESTED names, and every field is present (the cache writes defaults too)."""
    if type(data) is not dict or data.keys() != _FIELDS[model]:
        raise _Malformed(model.__name__)
    for name, (inner, many) in NESTED.get(model, {}).items():
        value = data[name]
        if many:
            if type(value) is not list:
                raise _Malformed(f"{model.__name__}.{name}")
            data[name] = [_build(inner, item) for item in value]
        elif value is not None:
            data[name] = _build(inner, value)
    made = model.__new__(model)
    _set(made, "__dict__", data)
    _set(made, "__pydantic_fields_set__", _ALL_SET[model])
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


class PackCache:
    """Reads entries at once; writes new ones only on `flush()`, so showing the packs never waits on it."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._unwritten: list[tuple[Path, list[Any], LoadResult]] = []

    def load(self, path: Path) -> LoadResult:
        """The pack in `path`, from the cache when the file has not changed since it was cached."""
        key = self._key(path)
        if key is None or self.folder is None:
            return load_pack_file(path)
        entry = self.folder / (hashlib.sha256(key[0].encode()).hexdigest()[:32] + ".json")
        cached = self._read(entry, key, str(path))
        if cached is not None:
            return cached
        result = load_pack_file(path)
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
    def _read(entry: Path, key: list[Any], source: str) -> LoadResult | None:
        try:
            header, _, body = entry.read_bytes().partition(b"\n")
            data = json.loads(header)
            if data["key"] != key or data["digest"] != _digest(json.dumps(key).encode(), body):
                return None
            pack = _build(Pack, from_json(body, cache_strings="all"))  # short strings shared: tags, categories
            problems = [Problem(**{**problem, "source": source}) for problem in data["problems"]]
            return LoadResult(source, pack, problems)
        except Exception:
            return None

    @staticmethod
    def _write(entry: Path, key: list[Any], result: LoadResult) -> None:
        assert result.pack is not None
        body = result.pack.model_dump_json().encode()
        header = {
            "key": key,
            "digest": _digest(json.dumps(key).encode(), body),
            "problems": [dataclasses.asdict(problem) for problem in result.problems],
        }
        try:
            atomic_write(entry, json.dumps(header, ensure_ascii=False).encode() + b"\n" + body, durable=False)
        except OSError:
            pass
