from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hiptui import __version__


def hiptui(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HIPTUI_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "hiptui", *args], capture_output=True, text=True, env=env, timeout=120)


def test_version(hiptui_home: Path) -> None:
    result = hiptui("--version", home=hiptui_home)
    assert (result.returncode, result.stdout.strip()) == (0, f"hiptui {__version__}")


def test_pack_list_json_shape(hiptui_home: Path) -> None:
    (hiptui_home / "packs").mkdir()
    (hiptui_home / "packs" / "broken.toml").write_text("[pack\n")
    result = hiptui("pack", "list", "--json", home=hiptui_home)
    assert result.returncode == 0, result.stderr
    packs = json.loads(result.stdout)
    assert all(set(p) == {"id", "name", "version", "source", "moves", "routines", "error"} for p in packs)
    builtin = {p["id"]: p for p in packs if p["source"] == "builtin"}
    assert set(builtin) == {"mobility", "yoga", "foam-rolling", "banded-strength"}
    assert all(p["error"] is None and p["moves"] >= 12 for p in builtin.values())
    (broken,) = [p for p in packs if p["source"] == "user"]
    assert broken["id"] is None and "broken.toml:1:6: invalid TOML" in broken["error"]


def test_pack_list_leaves_the_pack_cache_warm_for_the_next_command(hiptui_home: Path) -> None:
    assert hiptui("pack", "list", home=hiptui_home).returncode == 0
    assert len(list((hiptui_home / "cache").glob("*.json"))) >= 4  # one entry per built-in pack file


def test_pack_list_table(hiptui_home: Path) -> None:
    result = hiptui("pack", "list", home=hiptui_home)
    assert result.stdout.splitlines()[0].split() == ["ID", "NAME", "VERSION", "SOURCE", "MOVES", "ROUTINES", "STATE"]
    assert "mobility" in result.stdout


def test_moves_search_finds_pigeon_by_name_and_sanskrit_alias(hiptui_home: Path) -> None:
    by_name = json.loads(hiptui("moves", "--search", "pigeon", "--json", home=hiptui_home).stdout)
    by_alias = json.loads(hiptui("moves", "--search", "rajakapotasana", "--json", home=hiptui_home).stdout)
    assert by_name[0]["id"] == "yoga/pigeon" and by_alias[0]["id"] == "yoga/pigeon"
    assert {"id", "name", "pack", "category", "style", "per_side", "hold", "reps", "sets"} <= set(by_name[0])


def test_moves_filtered_by_pack(hiptui_home: Path) -> None:
    result = hiptui("moves", "--pack", "foam-rolling", home=hiptui_home)
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("foam-rolling/") for line in lines)
    missing = hiptui("moves", "--pack", "nope", home=hiptui_home)
    assert (
        missing.returncode == 1
        and missing.stderr.strip() == "hiptui: no pack 'nope' is loaded (see 'hiptui pack list')"
    )


def test_validate_reports_every_problem_and_exits_1(tmp_path: Path, hiptui_home: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[pack]\nid = "x"\nname = "X"\nversion = "1"\n[[moves]]\nid = "m"\nname = "M"\ncategory = "yoga"\nhodl = 4\nsteps = []\n'
    )
    result = hiptui("pack", "validate", str(bad), home=hiptui_home)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{bad}:9:1: moves[0].hodl: unknown key 'hodl' (did you mean 'hold'?)",
        f"{bad}:10:1: moves[0].steps: must not be empty",
    ]
    assert "Traceback" not in result.stderr


def test_validate_accepts_the_builtin_packs(hiptui_home: Path) -> None:
    packs = Path(__file__).resolve().parents[1] / "packs"
    result = hiptui("pack", "validate", str(packs), home=hiptui_home)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout.count(": ok: pack") == 4


def test_routine_list(hiptui_home: Path) -> None:
    result = hiptui("routine", "list", "--json", home=hiptui_home)
    routines = {r["id"]: r for r in json.loads(result.stdout)}
    assert {"mobility/pre-run-warm-up", "yoga/post-run-reset", "banded-strength/runners-hip-strength"} <= set(routines)
    assert all(not r["missing"] for r in routines.values())


@pytest.mark.parametrize("args", [["pack"], ["pack", "validate"], ["nonsense"]])
def test_usage_errors_are_short_and_have_no_traceback(args: list[str], hiptui_home: Path) -> None:
    result = hiptui(*args, home=hiptui_home)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("hiptui: ") and "--help" in line


def test_moves_lines_up_its_columns_whatever_the_ids(hiptui_home: Path) -> None:
    lines = hiptui("moves", home=hiptui_home).stdout.splitlines()
    names_at = {
        line.index("  ") + len(line[line.index("  ") :]) - len(line[line.index("  ") :].lstrip()) for line in lines
    }
    assert len(lines) >= 98 and len(names_at) == 1


@pytest.mark.parametrize("columns", ["50", "120", "", "wide"])
def test_help_is_laid_out_as_argparse_lays_it_out(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    import argparse

    from hiptui.cli import build_parser

    monkeypatch.setenv("COLUMNS", columns)
    ours, theirs = build_parser("history"), build_parser("history")
    subcommands = [action.choices for action in theirs._actions if isinstance(action.choices, dict)]
    for parser in (theirs, *subcommands[0].values()):
        parser.formatter_class = argparse.HelpFormatter
    assert ours.format_help() == theirs.format_help()
    for action in ours._actions:
        if isinstance(action.choices, dict):
            assert action.choices["history"].format_help() == subcommands[0]["history"].format_help()


def test_json_output_is_the_text_json_dumps_gives() -> None:
    from hiptui.cli.output import json_text

    samples = [
        [{"name": 'Pigeon \u2028 \x1f "quoted" \\ é ✓', "hold": 30, "empty": [], "none": None, "nested": {"x": 1.5}}],
        {"big": 2**70, "float": 1e16},
        [],
    ]
    for sample in samples:
        assert json_text(sample) == json.dumps(sample, indent=2, ensure_ascii=False)
