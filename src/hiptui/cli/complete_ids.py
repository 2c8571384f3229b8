"""`hiptui _complete KIND PREFIX`: the pack, move or routine ids a shell offers on Tab, one a line.

Loading every pack takes a few hundred milliseconds (pydantic, the plugins), too slow for each Tab, so the
ids are kept in an index in the cache folder, keyed on what can change them: the pack files' sizes and
times, the saved routines, the folders Python imports plugins from, the plugin switches and the version.
A hit reads one small JSON file; a miss loads the packs once and writes the index again.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from hiptui import __version__
from hiptui.base.paths import data_home, user_packs_dir
from hiptui.base.terms import REF_PATTERN, SLUG_PATTERN
from hiptui.packs.reading import read_regular_file
from hiptui.plugins.builtin import builtin_packs_dir

KINDS = ("pack", "move", "routine")
INDEX = "completion-ids.json"
ROUTINES_DIR, CACHE_DIR, SAVED = "routines", "cache", "saved"
"""As the data and catalog layers name them (tests/test_completion.py checks), which this never imports."""
PLUGIN_SWITCHES = ("HIPTUI_LOAD_PLUGINS", "HIPTUI_DISABLE_PLUGINS")
MAX_INDEX_BYTES = 4 * 1024 * 1024
SHAPES = {"pack": re.compile(SLUG_PATTERN), "move": re.compile(REF_PATTERN), "routine": re.compile(REF_PATTERN)}
"""What each kind of id looks like. Only such ids reach a shell: a file name is anything (`$(rm …).toml`)."""


def complete(arguments: list[str]) -> int:
    if len(arguments) != 2 or arguments[0] not in KINDS:
        print(f"hiptui: usage: hiptui _complete {{{','.join(KINDS)}}} PREFIX", file=sys.stderr)
        return 2
    kind, prefix = arguments
    for found in completion_ids(data_home())[kind]:
        if found.startswith(prefix):
            print(found)
    return 0


def completion_ids(home: Path) -> dict[str, list[str]]:
    """Every pack, move (`pack/move`) and routine (`pack/routine`, `saved/routine`) id, from the index when
    nothing it depends on has changed."""
    key = _key(home)
    index = home / CACHE_DIR / INDEX
    try:
        data = json.loads(read_regular_file(index, MAX_INDEX_BYTES))  # a FIFO in its place: not read
        if data["key"] == key and all(isinstance(data[k], list) for k in KINDS):
            return {kind: _well_formed(kind, data[kind]) for kind in KINDS}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    ids = {kind: _well_formed(kind, found) for kind, found in _load_ids(home).items()}
    try:
        from hiptui.base.files import atomic_write

        atomic_write(index, json.dumps({"key": key, **ids}).encode(), durable=False)
    except OSError:
        pass
    return ids


def _well_formed(kind: str, ids: list[Any]) -> list[str]:
    return [found for found in ids if isinstance(found, str) and SHAPES[kind].fullmatch(found)]


def _load_ids(home: Path) -> dict[str, list[str]]:
    from hiptui.catalog.library import load_library

    library = load_library(home)
    packs = library.packs
    saved = sorted(path.stem for path in _tomls(home / ROUTINES_DIR))
    return {
        "pack": [pack.id for pack in packs],
        "move": [f"{pack.id}/{move.id}" for pack in packs for move in pack.moves],
        "routine": [f"{pack.id}/{r.id}" for pack in packs for r in pack.routines] + [f"{SAVED}/{s}" for s in saved],
    }


def _key(home: Path) -> list[Any]:
    folders = [builtin_packs_dir(), user_packs_dir(home), home / ROUTINES_DIR]
    return [
        __version__,
        [os.environ.get(name) for name in PLUGIN_SWITCHES],
        [[str(folder), _stamps(folder)] for folder in folders],
        # sys.path[0] is the script's folder or the working one: neither holds plugins, and the latter changes
        [[entry, os.stat(entry).st_mtime_ns] for entry in sys.path[1:] if entry and os.path.isdir(entry)],
    ]


def _stamps(folder: Path) -> list[list[Any]]:
    stamps: list[list[Any]] = []
    for path in _tomls(folder):
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append([path.name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns])
    return sorted(stamps)


def _tomls(folder: Path) -> list[Path]:
    try:
        return [Path(entry.path) for entry in os.scandir(folder) if entry.name.endswith(".toml")]
    except OSError:
        return []
