"""Issue 16, the loading half: packs built to hang, exhaust, forge output or make hiptui remove the wrong file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hiptui.base.text import clean_text
from hiptui.catalog.library import load_library
from hiptui.cli import main
from hiptui.packs.loader import MAX_PACK_BYTES, MAX_PROBLEMS, load_pack_bytes, load_pack_text
from hiptui.packs.reading import NotARegularFile, TooBig, read_regular_file
from hiptui.packs.suggest import Suggester
from tests.helpers import move_toml, pack_toml

HANG = 20
"""Seconds past which a command counts as hung: generous, the files below take well under one."""
HEAD = 'format = 1\n\n[pack]\nid = "hostile"\nname = "Hostile"\nversion = "1.0.0"\n'
MOVE = '\n[[moves]]\nid = "m{i}"\nname = "Move {i}"\ncategory = "yoga"\n{dose}\nsteps = ["Breathe."]\n'
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")


def hiptui(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`hiptui ARGS` in a fresh process, failing the test if it does not end within HANG seconds."""
    env = {**os.environ, **({"HIPTUI_HOME": str(home)} if home else {})}
    try:
        return subprocess.run(
            [sys.executable, "-m", "hiptui", *args], capture_output=True, text=True, timeout=HANG, env=env
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hiptui {' '.join(args)[:80]} did not end within {HANG} s")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# 1. Linear time -------------------------------------------------------------------------------------------


def test_a_hold_of_800_spaces_is_refused_at_once_and_the_message_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "spaces.toml"
    path.write_text(HEAD + MOVE.format(i=0, dose=f'hold = "{" " * 800}x"'))
    done = hiptui("pack", "validate", str(path))
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert "is not a duration" in line and "…" in line and len(line) < len(str(path)) + 160


def test_duration_messages_quote_at_most_60_characters() -> None:
    result = load_pack_text(HEAD + MOVE.format(i=0, dose=f'hold = "{"9m" * 1000}"'), "long.toml")
    (problem,) = result.problems
    assert problem.message.startswith("'9m9m") and len(problem.message.split(" is not")[0]) == 60


def test_a_2_mib_comment_line_of_dots_loads_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "dots.toml"
    text = HEAD + MOVE.format(i=0, dose="hold = 30")
    path.write_text(text + "#" + "." * (MAX_PACK_BYTES - len(text) - 10) + "\n")
    done = hiptui("pack", "validate", str(path))
    assert done.returncode == 0, done.stderr


def test_100000_missing_references_among_5000_moves_are_counted_not_all_listed(tmp_path: Path) -> None:
    moves = "".join(MOVE.format(i=i, dose="hold = 30") for i in range(5000))
    refs = ", ".join(f'"gone-{j}"' for j in range(200))
    routines = "".join(
        f'\n[[routines]]\nid = "r{i}"\nname = "R"\nmoves = [{refs.replace("gone-", f"gone{i}-")}]\n' for i in range(500)
    )
    path = tmp_path / "refs.toml"
    path.write_text(HEAD + moves + routines)
    done = hiptui("pack", "validate", str(path))
    lines = done.stderr.splitlines()
    assert done.returncode == 0 and len(lines) == MAX_PROBLEMS + 1
    assert lines[0].endswith("no move 'gone0-0' in this pack") and lines[-1].endswith(
        "99,900 more warnings, not listed"
    )


def test_hints_stay_useful_among_many_names_and_cost_a_bounded_number_of_comparisons(monkeypatch) -> None:
    names = [f"move-{i:04d}" for i in range(5000)] + ["pigeon-pose"]
    hint = Suggester(names, words=3, per_word=100)
    compared: list[int] = []
    import difflib

    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda w, c, **k: compared.append(len(c)) or real(w, c, **k))
    assert hint("pigoen-pose") == " (did you mean 'pigeon-pose'?)"
    assert hint("move-00x1").startswith(" (did you mean 'move-00")
    assert [hint(f"nothing-{i}") for i in range(10)] == [""] * 10
    assert max(compared) <= 100 and len(compared) == 3


def test_many_errors_are_counted_past_the_first_hundred() -> None:
    text = HEAD + "".join(f"k{i} = 1\n" for i in range(50_000))
    text = text.replace("[pack]\n", "").replace('id = "hostile"', '[pack]\nid = "hostile"')
    result = load_pack_text(text, "dense.toml")
    assert len(result.problems) == MAX_PROBLEMS + 1
    assert str(result.problems[-1]) == "dense.toml: 49,900 more errors, not listed"


def test_more_tables_than_a_pack_can_have_are_refused_before_parsing() -> None:
    result = load_pack_text(HEAD + "".join(f"[x{i}]\na = 1\n" for i in range(6000)), "tables.toml")
    (problem,) = result.problems
    assert problem.message.startswith("the pack has more than 5501 tables") and problem.line == 7 + 2 * 5500


# 2. Special files -----------------------------------------------------------------------------------------


@posix_only
def test_a_fifo_and_dev_zero_in_the_packs_folder_are_reported_and_the_rest_loads(hiptui_home: Path) -> None:
    packs = hiptui_home / "packs"
    packs.mkdir()
    os.mkfifo(hiptui_home / "pipe")
    (packs / "pipe.toml").symlink_to(hiptui_home / "pipe")
    (packs / "zero.toml").symlink_to("/dev/zero")
    (packs / "good.toml").write_text(pack_toml("good", move_toml("a")))
    done = hiptui("pack", "list", home=hiptui_home)
    assert done.returncode == 0
    assert any(line.startswith("good ") for line in done.stdout.splitlines())
    assert "pipe.toml: cannot read the file: it is a FIFO (named pipe), not a regular file" in done.stderr
    assert "zero.toml: cannot read the file: it is a character device, not a regular file" in done.stderr


@posix_only
def test_install_and_validate_of_a_fifo_say_what_it_is(tmp_path: Path, hiptui_home: Path) -> None:
    for name in ("pipe.toml", "pipe"):
        os.mkfifo(tmp_path / name)
        done = hiptui("pack", "install", str(tmp_path / name))
        assert done.returncode == 1 and "it is a FIFO (named pipe)" in done.stderr, done.stderr
    done = hiptui("pack", "validate", str(tmp_path / "pipe"))
    assert done.returncode == 1 and "it is a FIFO (named pipe)" in done.stderr
    assert not (hiptui_home / "packs").exists()


def test_a_file_is_never_read_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * 101)
    with pytest.raises(TooBig):
        read_regular_file(path, 100)
    assert read_regular_file(path, 101) == b"#" * 101
    with pytest.raises(NotARegularFile, match="a folder"):
        read_regular_file(tmp_path, 100)


# 6. The right file ----------------------------------------------------------------------------------------


def test_after_symlinks_are_re_pointed_remove_deletes_the_pack_it_names(
    tmp_path: Path, hiptui_home: Path, capsys
) -> None:
    store, packs = tmp_path / "store", hiptui_home / "packs"
    store.mkdir()
    packs.mkdir()
    (store / "cached.toml").write_text(pack_toml("cached", move_toml("a")))
    (store / "other.toml").write_text(pack_toml("other", move_toml("b")))
    (packs / "first.toml").symlink_to(store / "cached.toml")
    load_library().save_cache()
    (packs / "first.toml").unlink()
    (packs / "first.toml").symlink_to(store / "other.toml")
    (packs / "second.toml").symlink_to(store / "cached.toml")

    assert run(capsys, "pack", "remove", "cached")[0] == 0
    assert (packs / "first.toml").is_symlink() and not (packs / "second.toml").exists()
    assert [p.id for p in load_library().packs if p.id in ("cached", "other")] == ["other"]


def test_install_will_not_replace_a_broken_pack_of_the_same_name_without_force(
    tmp_path: Path, hiptui_home: Path, capsys
) -> None:
    packs = hiptui_home / "packs"
    packs.mkdir()
    (packs / "mine.toml").write_text("my work in progress = \n")
    source = tmp_path / "mine.toml"
    source.write_text(pack_toml("mine", move_toml("a")))
    code, _, err = run(capsys, "pack", "install", str(source))
    assert code == 1 and "a pack that does not load" in err and "use --force" in err
    assert (packs / "mine.toml").read_text() == "my work in progress = \n"
    assert run(capsys, "pack", "install", "--force", str(source))[0] == 0
    assert (packs / "mine.toml").read_bytes() == source.read_bytes()


@posix_only
def test_export_writes_through_a_fifo_and_refuses_one_nobody_reads(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "pack", "export", "mobility", "-o", str(fifo))
    assert code == 1 and "nothing is reading" in err
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        for _ in range(200):
            code, _, err = run(capsys, "pack", "export", "mobility", "-o", str(fifo))
            if "nothing is reading" not in err:
                break
            threading.Event().wait(0.05)
    finally:
        reader.join(HANG)
    assert code == 0 and load_pack_bytes(received[0], "fifo").pack is not None
    assert fifo.is_fifo()


def test_export_follows_a_symlink_and_refuses_a_folder(tmp_path: Path, capsys) -> None:
    target, link = tmp_path / "real.toml", tmp_path / "link.toml"
    target.write_text("old")
    link.symlink_to(target)
    assert run(capsys, "pack", "export", "mobility", "-o", str(link))[0] == 0
    assert link.is_symlink() and load_pack_bytes(target.read_bytes(), "t").pack is not None
    code, _, err = run(capsys, "pack", "export", "mobility", "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err and "unexpected" not in err


@posix_only
def test_export_to_a_character_device_writes_through(capsys) -> None:
    assert run(capsys, "pack", "export", "mobility", "-o", os.devnull)[0] == 0
    assert not Path(os.devnull).is_file()


# 8. Text that reaches the terminal ------------------------------------------------------------------------

EVIL = "evil\x1b]52;c;aGk=\x07\x1b[31m"


def test_escape_codes_in_a_file_name_never_reach_the_terminal(tmp_path: Path, capsys) -> None:
    good, bad = tmp_path / f"{EVIL}.toml", tmp_path / f"bad{EVIL}.toml"
    good.write_text(pack_toml("evil", move_toml("a")))
    bad.write_text("x = \n")
    outputs = [
        run(capsys, "pack", "validate", str(good), str(bad)),
        run(capsys, "pack", "install", str(bad)),
        run(capsys, "pack", "install", str(good)),
        run(capsys, "pack", "remove", "evil"),
        run(capsys, "pack", "install", str(tmp_path / f"missing{EVIL}.toml")),
        run(capsys, "pack", "new", EVIL),
    ]
    for _, out, err in outputs:
        assert "\x1b" not in out + err and "\x07" not in out + err
    assert outputs[0][1].startswith(f"{tmp_path}/evil.toml: ok: pack 'evil'")


def test_a_newline_in_a_name_cannot_forge_a_line_of_output(hiptui_home: Path, capsys) -> None:
    packs = hiptui_home / "packs"
    packs.mkdir()
    move = move_toml("forged", name='"Newline\\nFAKE MOVE LINE"', aliases='["a\\u2028b"]')
    routine = '[[routines]]\nid = "r"\nname = "Routine\\r\\nFAKE ROUTINE LINE"\nmoves = ["forged"]\n'
    (packs / "evil.toml").write_text(pack_toml("evil", move, routine).replace('"Demo evil"', '"Evil\\nFAKE PACK"'))
    for command in (["moves", "--pack", "evil"], ["pack", "list"], ["routine", "list"]):
        code, out, _ = run(capsys, *command)
        assert code == 0 and not any(line.startswith("FAKE") for line in out.splitlines()), command
    assert load_library().record_for("evil").pack.moves[0].name == "Newline FAKE MOVE LINE"


def test_pack_new_refuses_an_id_with_a_line_break(tmp_path: Path, capsys) -> None:
    (folder := tmp_path / "new").mkdir()
    code, _, err = run(capsys, "pack", "new", "ok\n", "--dir", str(folder))
    assert code == 1 and "'ok\\n' is not a valid pack id" in err
    assert list(folder.iterdir()) == []


def test_the_cleaner_gives_one_line() -> None:
    assert clean_text("a\nb\tc\r\nd\u2028e\x85f") == "a b c  d e f"
    assert clean_text(" \x1b[31mred\x1b[0m\n") == "red"
    assert clean_text("plain") == "plain"


# 9. Smaller -----------------------------------------------------------------------------------------------


def test_a_byte_order_mark_at_the_top_is_accepted() -> None:
    result = load_pack_bytes(("\ufeff" + pack_toml("bom", move_toml("a"))).encode(), "bom.toml")
    assert result.problems == [] and result.pack is not None


def test_deeply_nested_inline_tables_are_refused_at_a_line_and_column() -> None:
    text = HEAD + 'x = "{ not a table"  # {\n' + "y = " + "{ a = " * 5000 + "1" + " }" * 5000 + "\n"
    (problem,) = load_pack_text(text, "deep.toml").problems
    assert (problem.line, problem.column, problem.message) == (8, 5, "invalid TOML: values are nested too deeply")
