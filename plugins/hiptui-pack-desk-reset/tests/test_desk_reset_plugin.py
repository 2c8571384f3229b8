"""The desk-reset example plugin: its hook, its pack and its packaging.

The plugin is not installed in hiptui's own test environment, so its module is loaded from `src/` by path.
"""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from hiptui.catalog.catalog import Catalog, QueueItem
from hiptui.packs.loader import load_pack_file
from hiptui.packs.model import Pack
from hiptui.plugins.host import make_plugin_manager
from hiptui.session.timeline import build_timeline

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "hiptui_pack_desk_reset"
TARGET_MINUTES = {"desk-reset/desk-break-5": 5, "desk-reset/before-the-evening-run": 6}


def load_plugin_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_desk_reset_plugin_under_test", PACKAGE / "__init__.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def plugin() -> ModuleType:
    return load_plugin_module()


@pytest.fixture(scope="module")
def pack(plugin: ModuleType) -> Pack:
    (path,) = plugin.register_packs()
    result = load_pack_file(path)
    assert result.problems == [], result.problems
    assert result.pack is not None
    return result.pack


def test_the_hook_returns_one_existing_pack_file_inside_the_package(plugin: ModuleType) -> None:
    paths = list(plugin.register_packs())
    assert len(paths) == 1
    (path,) = paths
    assert isinstance(path, Path) and path.is_file() and path.suffix == ".toml"
    assert path.parent.resolve() == PACKAGE.resolve()


def test_the_hook_is_a_real_hiptui_hookimpl(plugin: ModuleType) -> None:
    manager = make_plugin_manager()
    manager.register(plugin, name="desk-reset")
    manager.check_pending()
    assert [impl.plugin_name for impl in manager.hook.register_packs.get_hookimpls()] == ["desk-reset"]


def test_the_pack_validates_with_no_problems(pack: Pack) -> None:
    assert pack.id == "desk-reset"
    assert pack.name == "Desk Reset for Runners"
    assert pack.version == "1.0.0"


def test_there_are_at_least_ten_moves_each_with_two_to_five_plain_steps(pack: Pack) -> None:
    assert len(pack.moves) >= 10
    for move in pack.moves:
        assert 2 <= len(move.steps) <= 5, move.id
        assert move.cues and move.targets and move.position and move.when, move.id
        assert move.category in {"mobility", "stretch"}, move.id
        for text in [*move.steps, *move.cues, *move.cautions]:
            assert "[" not in text and "]" not in text, (move.id, text)


def test_both_routines_use_only_this_packs_moves_and_last_about_as_long_as_they_say(pack: Pack) -> None:
    catalog = Catalog([pack])
    own = {move.id for move in pack.moves}
    assert {f"desk-reset/{routine.id}" for routine in pack.routines} == set(TARGET_MINUTES)
    for gid, target in TARGET_MINUTES.items():
        routine = catalog.routines[gid]
        assert routine.missing == [], gid
        assert {item.move.gid for item in routine.items} <= {f"desk-reset/{move_id}" for move_id in own}
        minutes = build_timeline([QueueItem(i.move, i.dose) for i in routine.items]).total_seconds / 60
        assert target * 0.8 <= minutes <= target * 1.2, (gid, minutes)


def test_the_pyproject_declares_the_hiptui_entry_point_and_ships_the_pack() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "hiptui-pack-desk-reset"
    assert project["entry-points"]["hiptui"] == {"desk-reset": "hiptui_pack_desk_reset"}
    assert any(dep.replace(" ", "").startswith("hiptui>=") for dep in project["dependencies"])
    assert (PACKAGE / "desk_reset.toml").is_file()
