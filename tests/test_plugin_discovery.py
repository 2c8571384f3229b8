"""The cheap scan for installed plugins never misses one that importlib.metadata finds."""

from __future__ import annotations

import importlib.metadata
import sys
import zipfile
from pathlib import Path

import pytest

from hiptui.plugins.discovery import GROUP, may_have_plugins

PLUGIN = "[hiptui]\ndesk = desk_plugin:plugin\n"

FOLDERS: dict[str, dict[str, str | None]] = {
    "nothing": {},
    "no entry points": {"plain-1.0.dist-info/METADATA": "Name: plain\n"},
    "other groups only": {"tool-1.0.dist-info/entry_points.txt": "[console_scripts]\nhiptui = tool:main\n"},
    "hiptui named in a value": {"x-1.0.dist-info/entry_points.txt": "[x]\nhiptui = hiptui.cli:main\n"},
    "a plugin": {"desk-1.0.dist-info/entry_points.txt": PLUGIN},
    "a plugin, legacy egg-info": {"desk-1.0.egg-info/entry_points.txt": PLUGIN},
    "a plugin, upper-case suffix": {"Desk-1.0.DIST-INFO/entry_points.txt": PLUGIN},
    "a plugin among others": {
        "tool-1.0.dist-info/entry_points.txt": "[console_scripts]\ntool = tool:main\n",
        "desk-1.0.dist-info/entry_points.txt": "[console_scripts]\ndesk = d:main\n\n  [hiptui]  \ndesk = d:plugin\n",
    },
    "a spaced section is another group": {"desk-1.0.dist-info/entry_points.txt": "[ hiptui ]\ndesk = d:plugin\n"},
    "an egg-info file": {"old-1.0.egg-info": "Name: old\n"},
}


def _make(root: Path, files: dict[str, str | None]) -> Path:
    root.mkdir()
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text or "")
    return root


def _found(path: list[str]) -> bool:
    distributions = importlib.metadata.distributions(path=path)
    return any(ep.group == GROUP for dist in distributions for ep in dist.entry_points)


@pytest.mark.parametrize("case", FOLDERS)
def test_a_folder_is_read_as_importlib_metadata_reads_it(tmp_path: Path, case: str) -> None:
    path = [str(_make(tmp_path / "site", FOLDERS[case]))]
    assert may_have_plugins(path) == _found(path)


def test_every_folder_on_the_path_counts_and_missing_ones_do_not(tmp_path: Path) -> None:
    empty = str(_make(tmp_path / "empty", {}))
    plugin = str(_make(tmp_path / "site", FOLDERS["a plugin"]))
    missing = str(tmp_path / "missing")
    assert not may_have_plugins([missing, empty, ""])
    assert may_have_plugins([missing, empty, plugin])


def test_what_the_scan_cannot_read_is_left_to_importlib_metadata(tmp_path: Path) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("desk-1.0.dist-info/entry_points.txt", PLUGIN)
    assert _found([str(archive)]) and may_have_plugins([str(archive)])
    egg = _make(tmp_path / "desk-1.0.egg", {"EGG-INFO/entry_points.txt": PLUGIN})
    assert may_have_plugins([str(egg)])


def test_a_finder_of_other_distributions_is_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class Finder:
        def find_spec(self, *args: object) -> None:
            return None

        def find_distributions(self, *args: object) -> list[object]:
            return []

    empty = [str(_make(tmp_path / "empty", {}))]
    assert not may_have_plugins(empty)
    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    assert may_have_plugins(empty)


def test_this_environment_agrees_with_importlib_metadata() -> None:
    found = bool(list(importlib.metadata.entry_points(group=GROUP)))
    assert may_have_plugins() or not found


def test_a_fifo_in_place_of_entry_points_txt_never_blocks_the_scan(tmp_path: Path) -> None:
    import os
    import threading

    site = _make(tmp_path / "site", {"trap-1.0.dist-info/METADATA": "Name: trap\n"})
    os.mkfifo(site / "trap-1.0.dist-info" / "entry_points.txt")
    answer: list[bool] = []
    scan = threading.Thread(target=lambda: answer.append(may_have_plugins([str(site)])), daemon=True)
    scan.start()
    scan.join(10)
    assert answer == [False], "the scan blocked on the FIFO"


def test_an_entry_points_txt_too_big_to_read_is_left_to_importlib_metadata(tmp_path: Path) -> None:
    from hiptui.plugins import discovery

    site = _make(tmp_path / "site", {"big-1.0.dist-info/entry_points.txt": "[x]\n" + "a = b:c\n" * 200_000})
    assert (site / "big-1.0.dist-info" / "entry_points.txt").stat().st_size > discovery.MAX_ENTRY_POINTS_BYTES
    assert may_have_plugins([str(site)])
