"""A cache of loaded packs, so unchanged files load without parsing TOML again.

Each entry is keyed on the path the file was found at, the file it resolves to (path, device, inode),
its size, modification and change times and the hiptui version; a stale, corrupt or unreadable entry is
ignored and rebuilt, never trusted. A hit says where the file is now, never where it was when cached:
after symlinks are re-pointed, two paths may resolve to one file, and the record's location is what
`pack remove` deletes. An entry is two lines of JSON: a header (the key, the warnings), checked before
the second line, the pack, is parsed, and the pack is validated again by the model on the way in.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from hiptui import __version__
from hiptui.base.files import atomic_write
from hiptui.base.problems import Problem
from hiptui.packs.loader import LoadResult, load_pack_file
from hiptui.packs.model import TRUSTED, Pack

CACHE_FORMAT = 4


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
            if data["key"] != key:
                return None
            pack = Pack.model_validate_json(body, context={TRUSTED: True})
            problems = [Problem(**{**problem, "source": source}) for problem in data["problems"]]
            return LoadResult(source, pack, problems)
        except Exception:
            return None

    @staticmethod
    def _write(entry: Path, key: list[Any], result: LoadResult) -> None:
        assert result.pack is not None
        header = {"key": key, "problems": [dataclasses.asdict(problem) for problem in result.problems]}
        body = result.pack.model_dump_json(exclude_defaults=True)
        try:
            atomic_write(entry, f"{json.dumps(header, ensure_ascii=False)}\n{body}".encode(), durable=False)
        except OSError:
            pass
