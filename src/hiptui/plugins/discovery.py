"""Which plugins are installed: the `hiptui` entry points of the distributions on sys.path.

importlib.metadata answers in full, but importing it (email, zipfile, csv and inspect come with it)
costs a short command more than the rest of its work, and most people have no plugin. So the
distributions' entry_points.txt files are read first, as importlib.metadata finds them; only when one
names the group, or some place on the path is one this scan cannot read (a zip file, an egg, a
finder of distributions other than the standard one), is importlib.metadata asked."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hiptui.packs.reading import TooBig, read_regular_file

if TYPE_CHECKING:
    import importlib.metadata

GROUP = "hiptui"
METADATA_SUFFIXES = (".dist-info", ".egg-info")
MAX_ENTRY_POINTS_BYTES = 1024 * 1024


def installed_entry_points() -> list[importlib.metadata.EntryPoint]:
    if not may_have_plugins():
        return []
    import importlib.metadata

    return list(importlib.metadata.entry_points(group=GROUP))


def may_have_plugins(path: Sequence[str] | None = None) -> bool:
    """False only when no distribution on `path` (sys.path by default) can have a `hiptui` entry point."""
    if any(_other_finder(finder) for finder in sys.meta_path):
        return True
    return any(_folder_may_have_plugins(entry or ".") for entry in (sys.path if path is None else path))


def _other_finder(finder: object) -> bool:
    import importlib.machinery

    return hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder


def _folder_may_have_plugins(folder: str) -> bool:
    if folder.lower().endswith(".egg"):
        return True
    try:
        with os.scandir(folder) as children:
            names = [child.name for child in children]
    except NotADirectoryError:  # a zip file, which importlib.metadata reads
        return True
    except OSError:  # missing or unreadable: importlib.metadata finds nothing there either
        return False
    return any(
        name.lower().endswith(METADATA_SUFFIXES) and _names_group(os.path.join(folder, name, "entry_points.txt"))
        for name in names
    )


def _names_group(entry_points_txt: str) -> bool:
    try:
        text = read_regular_file(Path(entry_points_txt), MAX_ENTRY_POINTS_BYTES)
    except TooBig:
        return True  # importlib.metadata reads it whole: let it say
    except OSError:  # none there (most distributions), an .egg-info that is a file, or a FIFO in its place
        return False
    if GROUP.encode() not in text:
        return False
    return any(_section(line.strip()) == GROUP for line in text.decode("utf-8", "replace").splitlines())


def _section(line: str) -> str | None:
    """The section a line opens, read as importlib.metadata reads it."""
    return line.strip("[]") if line.startswith("[") and line.endswith("]") else None
