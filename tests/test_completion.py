"""`hiptui completion bash|zsh|fish`: valid scripts that offer the commands, options and the packs' ids."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hiptui.catalog.catalog import SAVED
from hiptui.catalog.library import CACHE_DIR
from hiptui.cli import build_parser
from hiptui.cli.complete_ids import INDEX, ROUTINES_DIR, completion_ids
from hiptui.cli.completion import ARGUMENT_KINDS, commands_of, core_functions
from hiptui.data.routines import ROUTINES_DIR as DATA_ROUTINES_DIR
from tests.test_cli import hiptui

SHELL_CHECKS = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}


@pytest.mark.parametrize("shell", sorted(SHELL_CHECKS))
def test_each_script_parses_in_its_shell(shell: str, tmp_path: Path, hiptui_home: Path) -> None:
    result = hiptui("completion", shell, home=hiptui_home)
    assert result.returncode == 0 and "_hiptui_candidates" in result.stdout
    if shutil.which(SHELL_CHECKS[shell][0]) is None:
        pytest.skip(f"{shell} is not installed")
    script = tmp_path / f"hiptui.{shell}"
    script.write_text(result.stdout)
    check = subprocess.run([*SHELL_CHECKS[shell], str(script)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stderr


def test_the_shared_walk_is_posix_sh() -> None:
    if shutil.which("sh") is None:
        pytest.skip("no sh")
    core = core_functions(build_parser())
    check = subprocess.run(["sh", "-n"], input=core, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    walk = core + "_hiptui_candidates hiptui plan --minutes 5 --equipment foam-roller,mi"
    run = subprocess.run(["sh", "-c", walk], capture_output=True, text=True, timeout=60)
    offered = run.stdout.split()  # all of them: the shell keeps those that fit what is typed
    assert "foam-roller,mini-band" in offered and all(word.startswith("foam-roller,") for word in offered), run.stderr
    assert "local path" not in core and "place" in core  # zsh ties `path` to PATH


def test_every_argument_kind_names_a_real_argument() -> None:
    arguments = {
        (path, action.option_strings[-1] if action.option_strings else action.dest)
        for path, parser in commands_of(build_parser())
        for action in parser._actions
    }
    assert set(ARGUMENT_KINDS) <= arguments, set(ARGUMENT_KINDS) - arguments


DRIVER = """
source "$1"; shift
complete_words() {
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  _hiptui
  printf '%s\\n' "${COMPREPLY[*]}"
}
"""


@pytest.fixture
def bash_complete(tmp_path: Path, hiptui_home: Path):
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    script = tmp_path / "hiptui.bash"
    script.write_text(hiptui("completion", "bash", home=hiptui_home).stdout)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "hiptui").write_text(f'#!/bin/sh\nexec {sys.executable} -m hiptui "$@"\n')
    (bin_dir / "hiptui").chmod(0o755)
    env = {**os.environ, "HIPTUI_HOME": str(hiptui_home), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}

    def complete(*words: str) -> list[str]:
        code = DRIVER + "complete_words " + " ".join(f"'{w}'" for w in words)
        result = subprocess.run(
            ["bash", "-c", code, "bash", str(script)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    return complete


def test_bash_offers_commands_options_choices_and_ids(bash_complete, tmp_path: Path, hiptui_home: Path) -> None:
    assert "pack" in bash_complete("hiptui", "") and "completion" in bash_complete("hiptui", "")
    assert bash_complete("hiptui", "pack", "re") == ["remove"]
    assert bash_complete("hiptui", "pack", "remove", "mo") == ["mobility"]
    assert bash_complete("hiptui", "moves", "--json", "--pack", "fo") == ["foam-rolling"]
    assert bash_complete("hiptui", "show", "yoga/pige") == ["yoga/pigeon"]
    assert "mobility/pre-run-warm-up" in bash_complete("hiptui", "run", "mobility/")
    assert bash_complete("hiptui", "plan", "--when", "p") == ["pre-run", "post-run"]
    assert "hip-flexors,glutes" in bash_complete("hiptui", "plan", "--focus", "hip-flexors,gl")
    assert bash_complete("hiptui", "plan", "--minutes", "10", "--lev") == ["--level"]
    assert bash_complete("hiptui", "completion", "f") == ["fish"]
    (tmp_path / "mine.toml").write_text("")
    assert bash_complete("hiptui", "pack", "validate", f"{tmp_path}/mi") == [f"{tmp_path}/mine.toml"]
    assert bash_complete("hiptui", "history", "--limit", "") == []


def test_a_hostile_routine_file_name_runs_nothing_and_is_not_offered(
    bash_complete, tmp_path: Path, hiptui_home: Path
) -> None:
    routines = hiptui_home / ROUTINES_DIR
    routines.mkdir()
    for name in ("$(touch PWNED)", "`touch PWNED`", "x;touch PWNED", "ok-one", "*"):
        (routines / f"{name}.toml").write_text("")
    offered = bash_complete("hiptui", "run", "saved/")
    assert not (tmp_path / "PWNED").exists()
    assert offered == [f"{SAVED}/ok-one"]
    assert completion_ids(hiptui_home)["routine"][-1:] == [f"{SAVED}/ok-one"]


def test_bash_offers_file_names_as_they_are_never_as_patterns(bash_complete, tmp_path: Path) -> None:
    (tmp_path / "[ab].toml").write_text("")
    (tmp_path / "a.toml").write_text("")
    assert bash_complete("hiptui", "pack", "validate", f"{tmp_path}/[") == [f"{tmp_path}/[ab].toml"]


def test_the_ids_index_is_used_until_a_pack_or_routine_changes(hiptui_home: Path) -> None:
    first = completion_ids(hiptui_home)
    assert "yoga" in first["pack"] and "yoga/pigeon" in first["move"]
    index = hiptui_home / CACHE_DIR / INDEX
    assert index.is_file()
    (hiptui_home / ROUTINES_DIR).mkdir()
    (hiptui_home / ROUTINES_DIR / "evening.toml").write_text("")
    assert f"{SAVED}/evening" in completion_ids(hiptui_home)["routine"]
    index.write_text('{"key": [], "pack": 3}')  # a broken index is rebuilt, never trusted
    assert completion_ids(hiptui_home)["pack"] == first["pack"]
    index.unlink()
    os.mkfifo(index)  # read as it is, a FIFO would hang the shell at every Tab
    assert completion_ids(hiptui_home)["pack"] == first["pack"] and index.is_file()


def test_complete_callback_prints_ids_one_a_line_and_refuses_an_unknown_kind(hiptui_home: Path) -> None:
    result = hiptui("_complete", "pack", "yo", home=hiptui_home)
    assert (result.returncode, result.stdout) == (0, "yoga\n")
    wrong = hiptui("_complete", "nope", "", home=hiptui_home)
    assert wrong.returncode == 2 and len(wrong.stderr.splitlines()) == 1 and "Traceback" not in wrong.stderr


def test_names_agree_with_the_layers_this_does_not_import() -> None:
    assert ROUTINES_DIR == DATA_ROUTINES_DIR
