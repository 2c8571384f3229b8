from __future__ import annotations

from pathlib import Path

import pytest

from hiptui.catalog.catalog import Catalog, QueueItem
from hiptui.catalog.library import load_library
from hiptui.packs.loader import load_pack_file
from hiptui.session.timeline import build_timeline

PACKS = sorted((Path(__file__).resolve().parents[1] / "packs").glob("*.toml"))
TARGET_MINUTES = {
    "mobility/pre-run-warm-up": (6, 8.5),
    "yoga/post-run-reset": (9, 11),
    "mobility/hip-rotation-primer": (4, 6),
    "mobility/floor-mobility-circuit": (9, 11),
    "foam-rolling/foam-roll-and-release": (7, 9),
    "banded-strength/runners-hip-strength": (13.5, 16.5),
}


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.stem)
def test_each_builtin_pack_is_clean_and_complete(path: Path) -> None:
    result = load_pack_file(path)
    assert result.problems == [] and result.pack is not None
    pack = result.pack
    assert pack.id == path.stem and len(pack.moves) >= 12
    for move in pack.moves:
        assert 2 <= len(move.steps) <= 6, move.id
        assert move.cues and move.targets and move.position and move.when, move.id


def test_the_packs_cover_at_least_seventy_moves_with_cautions_and_stretches() -> None:
    moves = [m for p in load_library().packs for m in p.moves]
    assert len(moves) >= 70
    assert sum(bool(m.cautions) for m in moves) >= len(moves) // 2
    assert sum(m.category == "stretch" for m in moves) >= 10


def test_the_six_routines_resolve_and_last_about_as_long_as_the_brief_says() -> None:
    catalog = Catalog(load_library().packs)
    for gid, (low, high) in TARGET_MINUTES.items():
        routine = catalog.routines[gid]
        assert routine.missing == [], gid
        minutes = build_timeline([QueueItem(i.move, i.dose) for i in routine.items]).total_seconds / 60
        assert low <= minutes <= high, (gid, minutes)


def test_the_builtin_packs_keep_to_the_shared_tags() -> None:
    from hiptui.base.terms import EQUIPMENT, POSITIONS, TARGETS

    for pack in load_library().packs:
        for move in pack.moves:
            assert set(move.targets) <= set(TARGETS), (pack.id, move.id)
            assert set(move.equipment) <= set(EQUIPMENT), (pack.id, move.id)
            assert move.position in POSITIONS, (pack.id, move.id)
