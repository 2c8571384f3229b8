from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hiptui.catalog.catalog import Catalog, QueueItem
from hiptui.catalog.library import load_library
from hiptui.packs.loader import load_pack_file
from hiptui.session.timeline import build_timeline

REPO = Path(__file__).resolve().parents[1]
PACKS = sorted((REPO / "packs").glob("*.toml"))
DESK_RESET = REPO / "plugins" / "hiptui-pack-desk-reset" / "src" / "hiptui_pack_desk_reset" / "desk_reset.toml"
OWN_WORDS = REPO.parent / "shared" / "tools" / "own-words"
TARGET_MINUTES = {
    "mobility/pre-run-warm-up": (6, 8.5),
    "yoga/post-run-reset": (9, 11),
    "mobility/hip-rotation-primer": (4, 6),
    "mobility/floor-mobility-circuit": (9, 11),
    "foam-rolling/foam-roll-and-release": (7, 9),
    "banded-strength/runners-hip-strength": (13.5, 16.5),
    "mobility/tight-hip-flexors-after-long-runs": (6, 8),
    "mobility/irritable-outer-hip": (7, 9),
    "mobility/tight-piriformis-area": (8, 10),
    "mobility/it-band-care": (8, 10),
    "mobility/groin-care": (8, 10),
    "mobility/rest-day-whole-hip": (18, 22),
}
COMPLAINTS = list(TARGET_MINUTES)[6:]
MILD = "Stretch to mild tension, never to pain."


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


def test_the_routines_resolve_and_last_about_as_long_as_the_brief_says() -> None:
    catalog = Catalog(load_library().packs)
    for gid, (low, high) in TARGET_MINUTES.items():
        routine = catalog.routines[gid]
        assert routine.missing == [], gid
        minutes = build_timeline([QueueItem(i.move, i.dose) for i in routine.items]).total_seconds / 60
        assert low <= minutes <= high, (gid, minutes)


def test_the_builtin_packs_and_the_example_plugin_keep_to_the_shared_tags() -> None:
    from hiptui.base.terms import EQUIPMENT, POSITIONS, TARGETS

    desk_reset = load_pack_file(DESK_RESET).pack
    assert desk_reset is not None
    for pack in [*load_library().packs, desk_reset]:
        for move in pack.moves:
            assert set(move.targets) <= set(TARGETS), (pack.id, move.id)
            assert set(move.equipment) <= set(EQUIPMENT), (pack.id, move.id)
            assert move.position in POSITIONS, (pack.id, move.id)


def test_every_progression_and_routine_reference_resolves_and_no_move_lists_itself() -> None:
    catalog = Catalog(load_library().packs)

    assert catalog.problems == []
    linked = 0
    for entry in catalog.all_moves():
        easier, harder = catalog.progressions(entry)
        assert len(easier) == len(entry.move.easier) and len(harder) == len(entry.move.harder), entry.gid
        assert entry not in easier + harder and not set(easier) & set(harder), entry.gid
        linked += bool(easier or harder)
    assert linked >= 30


def test_progressions_run_both_ways() -> None:
    catalog = Catalog(load_library().packs)
    for entry in catalog.all_moves():
        easier, harder = catalog.progressions(entry)
        for other in harder:
            assert entry in catalog.progressions(other)[0], (entry.gid, other.gid)
        for other in easier:
            assert entry in catalog.progressions(other)[1], (entry.gid, other.gid)


def test_every_builtin_move_says_why_and_where_it_is_felt_and_static_holds_stay_pain_free() -> None:
    moves = [m for p in load_library().packs for m in p.moves]
    assert len(moves) >= 95
    for move in moves:
        assert move.why and move.feel, move.id
        if move.style == "static":
            assert MILD in move.cautions, move.id


def test_no_alias_or_name_is_shared_by_two_moves() -> None:
    desk_reset = load_pack_file(DESK_RESET).pack
    assert desk_reset is not None
    owners: dict[str, str] = {}
    for pack in [*load_library().packs, desk_reset]:
        for move in pack.moves:
            for label in {move.name.casefold(), *(alias.casefold() for alias in move.aliases)}:
                assert owners.setdefault(label, f"{pack.id}/{move.id}") == f"{pack.id}/{move.id}", label


def test_each_complaint_routine_says_when_to_see_a_professional() -> None:
    catalog = Catalog(load_library().packs)
    for gid in COMPLAINTS:
        description = catalog.routines[gid].routine.description
        assert "See a physiotherapist" in description and "night" in description, gid


def test_the_post_run_reset_holds_only_static_stretches() -> None:
    routine = Catalog(load_library().packs).routines["yoga/post-run-reset"]
    assert all(item.move.move.style == "static" for item in routine.items)


@pytest.mark.skipif(not OWN_WORDS.is_file(), reason="the shared own-words tool is not beside the repo")
def test_the_packs_share_no_run_of_words_with_the_source_articles() -> None:
    paths = [str(path) for path in [*PACKS, DESK_RESET]]
    done = subprocess.run([sys.executable, str(OWN_WORDS), *paths], capture_output=True, text=True, timeout=60)

    assert (done.returncode, done.stdout) == (0, "0 shared run(s) of 9 words\n"), done.stdout


def test_moves_json_gives_the_progressions_as_global_ids(capsys: pytest.CaptureFixture[str]) -> None:
    from hiptui.cli import main

    assert main(["moves", "--search", "glute bridge", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    bridge = rows["banded-strength/banded-glute-bridge"]
    assert bridge["easier"] == ["yoga/glute-bridge"]
    assert bridge["harder"] == ["banded-strength/single-leg-glute-bridge"]
    assert bridge["why"] and bridge["feel"]
