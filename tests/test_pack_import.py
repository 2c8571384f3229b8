"""`hiptui pack import`: free-exercise-db's JSON as a user pack that validates and installs, whatever the file holds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hiptui.catalog.library import load_library
from hiptui.cli import main
from hiptui.packs.importer import import_exercises, parse_exercises
from hiptui.packs.loader import load_pack_file
from tests.test_cli import hiptui

SAMPLE = Path(__file__).parent / "data" / "free-exercise-db-sample.json"
INFO = {"id": "fx", "name": "FX", "version": "1"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def exercise(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "Calf_Stretch", "name": "Calf Stretch", "force": "static", "level": "expert", "mechanic": None,
        "equipment": "body only", "primaryMuscles": ["calves"], "secondaryMuscles": [],
        "instructions": ["Stand facing a wall.", "Lean in with one leg back until the calf stretches."],
        "category": "stretching", "images": [],
    }  # fmt: skip
    return {**base, **changes}


def test_the_sample_installs_as_a_pack_with_attribution_and_a_summary(capsys, hiptui_home: Path) -> None:
    code, out, err = run(capsys, "pack", "import", str(SAMPLE))
    assert code == 0, err
    assert "installed pack 'free-exercise-db' (5 moves" in out
    assert "read 7 exercises: kept 5, skipped 2 (1 strength with gym equipment; 1 category cardio)" in err
    assert "guessed: equipment 'bands' taken as long-band" in err and "guessed: doses:" in err
    pack = load_library().record_for("free-exercise-db").pack
    assert pack.pack.license.startswith("Unlicense") and "free-exercise-db" in pack.pack.homepage
    moves = {move.id: move for move in pack.moves}
    assert set(moves) == {
        "90-90-hamstring", "adductor", "band-hip-adductions", "chest-stretch-on-stability-ball", "kneeling-hip-flexor",
    }  # fmt: skip
    assert moves["adductor"].category == "foam-rolling" and moves["adductor"].equipment == ["foam-roller"]
    assert moves["adductor"].hold == 45 and moves["adductor"].style == "release"
    band = moves["band-hip-adductions"]
    assert (band.category, band.reps, band.sets, band.equipment) == ("banded-strength", 10, 2, ["long-band"])
    assert moves["90-90-hamstring"].reps == 10  # a "stretch" whose steps count repetitions
    assert "hip-flexors" in moves["kneeling-hip-flexor"].targets and moves["kneeling-hip-flexor"].hold == 30
    assert moves["chest-stretch-on-stability-ball"].aliases == ["Ball chest opener"]
    assert run(capsys, "pack", "import", str(SAMPLE))[0] == 1  # already yours: --force replaces it
    assert run(capsys, "pack", "import", str(SAMPLE), "--force")[0] == 0


def test_all_keeps_everything_and_out_writes_a_file_that_validates(tmp_path: Path, capsys) -> None:
    out = tmp_path / "fx.toml"
    code, _, err = run(capsys, "pack", "import", str(SAMPLE), "--all", "--id", "gym", "--out", str(out))
    assert code == 0, err
    result = load_pack_file(out)
    assert result.errors == [] and result.pack is not None and result.pack.id == "gym"
    assert len(result.pack.moves) == 7
    squat = next(move for move in result.pack.moves if move.id == "barbell-squat")
    assert squat.equipment == ["barbell"] and squat.style == "strength"
    assert "equipment 'barbell' kept as its own tag" in err


def test_hostile_exercises_are_skipped_or_cleaned_never_trusted() -> None:
    exercises = [
        exercise(name="\x1b[31mEvil\x1b]0;title\x07 Stretch\nFAKE LINE" + "x" * 500),
        exercise(name=42),
        exercise(instructions="Stand up."),
        exercise(primaryMuscles=[{"a": 1}]),
        exercise(category=["stretching"]),
        exercise(instructions=["", "   "]),
        "not an object",
        exercise(name="Calf Stretch", instructions=[f"Step {i}." for i in range(50)]),
        exercise(name="Calf Stretch", alternateNames=["a" * 5000] * 100, primaryMuscles=["Neck\u202e"]),
    ]
    imported = import_exercises(exercises, INFO)
    names = [move["name"] for move in imported.document["moves"]]
    assert names[0].startswith("Evil Stretch FAKE LINE") and len(names[0]) == 80
    assert imported.skipped == {
        "no name": 1, "'instructions' is not a list of text": 1, "'primaryMuscles' is not a list of text": 1,
        "'category' is not text": 1, "no instructions": 1, "not an object": 1,
    }  # fmt: skip
    ids = [move["id"] for move in imported.document["moves"]]
    assert len(set(ids)) == len(ids) == 3
    assert len(imported.document["moves"][1]["steps"]) == 20
    assert len(imported.document["moves"][2]["aliases"]) == 20 and imported.document["moves"][2]["targets"] == ["neck"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[pack]\nid = 'x'\n", "is not JSON"),
        (b'{"a": NaN}', "is not JSON"),
        (b"\xff\xfe[]", "not UTF-8"),
        (b'"just a string"', "expected a list of exercises, found str"),
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
        (b"[" + b"1" * 5000 + b"]", "is not JSON"),
        (json.dumps([{}] * 10_001).encode(), "at most 10000 are imported"),
        (b"[]", "no exercise to import (--all keeps every exercise)"),
    ],
    ids=["toml", "nan", "not-utf8", "a-string", "deep", "huge-number", "too-many", "empty"],
)
def test_a_file_that_cannot_be_imported_is_one_line(content: bytes, message: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    code, _, err = run(capsys, "pack", "import", str(path))
    assert code == 1 and message in err.splitlines()[-1] and "Traceback" not in err
    assert not (Path(os.environ["HIPTUI_HOME"]) / "packs").exists()


def test_big_files_folders_and_bad_ids_are_refused(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as stream:
        stream.truncate(16 * 1024 * 1024 + 1)
    assert "is more than 16 MiB" in run(capsys, "pack", "import", str(big))[2]
    assert "cannot read" in run(capsys, "pack", "import", str(tmp_path))[2]
    assert "is not a valid pack id" in run(capsys, "pack", "import", str(SAMPLE), "--id", "Bad Id")[2]


def test_parse_accepts_one_exercise_file() -> None:
    assert parse_exercises(json.dumps(exercise()).encode()) == [exercise()]


def test_a_worst_case_file_imports_in_linear_time_and_says_little(tmp_path: Path, hiptui_home: Path) -> None:
    many = 300_000
    exercises = [
        exercise(primaryMuscles=[f"m{i}" for i in range(many)], secondaryMuscles=[f"s{i}" for i in range(many)]),
        exercise(name="Long", instructions=["Hold."] * many, alternateNames=["a"] * many, equipment=None),
        *(exercise(name=f"Odd {i}", category=f"odd category {i}") for i in range(3000)),
        *(exercise(name="Same", primaryMuscles=[f"own {i}"]) for i in range(4000)),
    ]
    path = tmp_path / "worst.json"
    path.write_text(json.dumps(exercises))
    assert path.stat().st_size < 16 * 1024 * 1024
    out = tmp_path / "worst.toml"
    result = hiptui("pack", "import", str(path), "--out", str(out), home=hiptui_home)  # a hang times out
    assert result.returncode == 0, result.stderr[-500:]
    lines = result.stderr.splitlines()
    assert len(lines) <= 12 and max(map(len, lines)) <= 600, result.stderr[:2000]
    assert "…and 2995 more" in lines[0] and any("…and" in line and "more" in line for line in lines[1:])
    moves = load_pack_file(out).pack.moves
    assert len(moves[0].targets) == 20 and len(moves[1].steps) == 20 and len(moves[1].aliases) == 20


def test_a_muscle_or_name_with_no_letters_is_no_tag_and_ids_stay_unique() -> None:
    exercises = [
        exercise(id="Calf_Stretch", name="!!!", primaryMuscles=["!!!", "calves", "calves", "  "]),
        exercise(id="???", name="!!!"),
        exercise(id=7, name="***"),
    ]
    moves = import_exercises(exercises, INFO).document["moves"]
    assert moves[0]["targets"] == ["calves"]
    assert [move["id"] for move in moves] == ["calf-stretch", "move", "move-2"]
