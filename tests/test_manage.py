"""Authoring and managing packs through the command line, in a temporary HIPTUI_HOME."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hiptui.catalog.library import load_library
from hiptui.cli import main
from hiptui.packs.fieldref import END, START, render_field_reference
from hiptui.packs.figure_model import MoveFigure
from hiptui.packs.loader import load_pack_file, load_pack_text
from hiptui.packs.model import Move, PackInfo, Routine

REPO = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_writes_a_commented_template_that_validates(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "pack", "new", "my-pack", "--dir", str(tmp_path))
    path = tmp_path / "my-pack.toml"
    assert code == 0 and str(path) in out
    result = load_pack_file(path)
    assert result.problems == [] and result.pack is not None
    pack = result.pack
    assert [m.hold is not None for m in pack.moves] == [True, False] and pack.moves[1].per_side
    assert len(pack.routines) == 1
    commented = {line.split("=")[0].strip() for line in path.read_text().splitlines() if "=" in line and "#" in line}
    commented |= {line.split("]")[0].rpartition(".")[2] for line in path.read_text().splitlines() if "[moves." in line}
    for model in (PackInfo, Move, Routine, MoveFigure):
        assert set(model.model_fields) <= commented, set(model.model_fields) - commented
    assert run(capsys, "pack", "new", "my-pack", "--dir", str(tmp_path))[0] == 1
    assert run(capsys, "pack", "new", "Bad Id", "--dir", str(tmp_path))[0] == 1


def test_a_typo_is_reported_at_its_line_and_nothing_is_installed(tmp_path: Path, hiptui_home: Path, capsys) -> None:
    run(capsys, "pack", "new", "mine", "--dir", str(tmp_path))
    path = tmp_path / "mine.toml"
    text = path.read_text().replace('hold = "40s"', 'hodl = "40s"')
    path.write_text(text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("hodl"))
    code, _, err = run(capsys, "pack", "install", str(path))
    assert code == 1
    assert f"{path}:{line}:1: moves[0].hodl: unknown key 'hodl' (did you mean 'hold'?)" in err.splitlines()
    assert not (hiptui_home / "packs").exists()


def test_install_copies_the_file_as_written_and_refuses_taken_ids(tmp_path: Path, hiptui_home: Path, capsys) -> None:
    run(capsys, "pack", "new", "mine", "--dir", str(tmp_path))
    source = tmp_path / "mine.toml"
    assert run(capsys, "pack", "install", str(source))[0] == 0
    installed = hiptui_home / "packs" / "mine.toml"
    assert installed.read_bytes() == source.read_bytes()
    code, _, err = run(capsys, "pack", "install", str(source))
    assert code == 1 and "use --force to replace it" in err
    source.write_text(source.read_text().replace('version = "0.1.0"', 'version = "0.2.0"'))
    assert run(capsys, "pack", "install", "--force", str(source))[0] == 0
    assert 'version = "0.2.0"' in installed.read_text()
    clash = tmp_path / "clash.toml"
    clash.write_text('[pack]\nid = "yoga"\nname = "Mine"\nversion = "1"\n')
    code, _, err = run(capsys, "pack", "install", str(clash))
    assert code == 1 and "already taken by builtin" in err


def test_remove_a_user_pack_and_explain_the_others(tmp_path: Path, hiptui_home: Path, capsys) -> None:
    run(capsys, "pack", "new", "mine", "--dir", str(tmp_path))
    run(capsys, "pack", "install", str(tmp_path / "mine.toml"))
    assert run(capsys, "pack", "remove", "mine")[0] == 0
    assert not (hiptui_home / "packs" / "mine.toml").exists()
    code, _, err = run(capsys, "pack", "remove", "yoga")
    assert code == 1 and "built in" in err
    code, _, err = run(capsys, "pack", "remove", "nothing-here")
    assert code == 1 and "no pack 'nothing-here'" in err


def test_export_round_trips_every_builtin_pack(tmp_path: Path, capsys) -> None:
    for pack in load_library().packs:
        out_file = tmp_path / f"{pack.id}.toml"
        assert run(capsys, "pack", "export", pack.id, "-o", str(out_file))[0] == 0
        result = load_pack_file(out_file)
        assert result.problems == [] and result.pack is not None and result.pack.to_plain() == pack


def test_export_to_stdout(capsys) -> None:
    code, out, _ = run(capsys, "pack", "export", "mobility")
    assert code == 0 and load_pack_text(out, "-").pack is not None


def test_reload_keeps_the_last_good_version_of_a_broken_file(hiptui_home: Path) -> None:
    packs = hiptui_home / "packs"
    packs.mkdir()
    path = packs / "mine.toml"
    path.write_text('[pack]\nid = "mine"\nname = "Mine"\nversion = "1"\n')
    first = load_library()
    path.write_text('[pack]\nid = "mine"\nname = "Mine"\n')
    second = load_library(previous=first)
    (record,) = [r for r in second.records if r.source == "user"]
    assert record.stale and record.usable and "missing required key 'version'" in (record.error or "")
    assert "mine" in {p.id for p in second.packs}
    path.write_text('[pack]\nid = "mine"\nname = "Mine v2"\nversion = "2"\n')
    third = load_library(previous=second)
    assert [p.name for p in third.packs if p.id == "mine"] == ["Mine v2"]


def test_disabled_packs_leave_the_catalogue() -> None:
    library = load_library()
    assert "yoga" not in {p.id for p in library.enabled_packs(["yoga"])}


def test_contributing_field_reference_matches_the_model() -> None:
    document = (REPO / "CONTRIBUTING.md").read_text()
    block = document.split(START, 1)[1].split(END, 1)[0]
    assert block.strip() == render_field_reference().strip(), (
        "CONTRIBUTING.md is out of date: run python -m hiptui.packs.fieldref --update CONTRIBUTING.md"
    )


def test_pack_list_json_includes_user_packs(tmp_path: Path, capsys) -> None:
    run(capsys, "pack", "new", "mine", "--dir", str(tmp_path))
    run(capsys, "pack", "install", str(tmp_path / "mine.toml"))
    code, out, _ = run(capsys, "pack", "list", "--json")
    mine = [p for p in json.loads(out) if p["id"] == "mine"]
    assert code == 0 and mine == [
        {"id": "mine", "name": "Mine", "version": "0.1.0", "source": "user", "moves": 2, "routines": 1, "error": None}
    ]
