"""Golden corpus of broken packs: what `hiptui pack validate` tells their authors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hiptui.cli import main

BAD_PACKS = Path(__file__).parent / "bad_packs"
CASES = sorted(BAD_PACKS.glob("*.toml"))

HEAD = 'format = 1\n\n[pack]\nid = "bad-example"\nname = "Bad Example"\nversion = "1.0.0"\n'
MOVE = '\n[[moves]]\nid = "m{i}"\nname = "Move"\ncategory = "yoga"\nhold = 60\nsteps = ["Breathe."]\n'


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["pack", "validate", str(path)])
    return status, capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_bad_pack(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    expected = [line.replace("{path}", str(path)) for line in template]
    warnings_only = all(": warning: " in line for line in expected)

    assert validate(path, capsys) == (0 if warnings_only else 1, expected)


GENERATED = {
    "too-big": (
        HEAD + "#" * (2 * 1024 * 1024 - len(HEAD)) + "\n",
        "{path}:1:1: the file is 2097153 bytes; a pack may be at most 2 MiB (2097152 bytes)",
    ),
    "moves-5001": (
        HEAD + "".join(MOVE.format(i=i) for i in range(5001)),
        "{path}:35008:1: the pack has 5001 moves; a pack may have at most 5000",
    ),
    "nested-50000": (
        HEAD + MOVE.format(i=0).replace('["Breathe."]', "[" * 50_000 + "]" * 50_000),
        "{path}:13:9: invalid TOML: values are nested too deeply",
    ),
    "integer-10000-digits": (
        HEAD + MOVE.format(i=0).replace("hold = 60", "hold = " + "9" * 10_000),
        "{path}:12:8: invalid TOML: the number has 10000 digits; at most 4300 are allowed",
    ),
}


@pytest.mark.parametrize("name", GENERATED)
def test_generated_bad_pack(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = GENERATED[name]
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")

    assert validate(path, capsys) == (1, [expected.replace("{path}", str(path))])


def test_long_word_is_checked_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "long-word.toml"
    path.write_text(HEAD + 'description = "' + "a" * 100_000 + '"\n', encoding="utf-8")
    command = [sys.executable, "-m", "hiptui", "pack", "validate", str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("validating a pack with a 100,000-letter word took over 10 s")

    assert (done.returncode, done.stderr.splitlines()) == (
        1,
        [f"{path}:7:1: pack.description: is longer than 2000 characters"],
    )


def test_whole_corpus_never_shows_a_traceback() -> None:
    command = [sys.executable, "-m", "hiptui", "pack", "validate", str(BAD_PACKS)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert len(done.stderr.splitlines()) >= len(CASES)
