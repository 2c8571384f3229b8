"""A long history costs only what is shown (issue 20): opening checks a few pages, `history --limit N`
reads N sessions and their neighbours, the running sessions come from an index, pages cover every
session once."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hiptui.cli import COMMAND_MODULES, build_parser
from hiptui.cli.data import show_history
from hiptui.data.history import History
from tests.helpers import HISTORY_START, filled_history

START = HISTORY_START


def add_bad(path: Path, started_at: str) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute(
            "INSERT INTO sessions (started_at, planned_seconds, done_seconds, status) VALUES (?, 100, 'lots', 'finished')",
            (started_at,),
        )
    db.close()


def listed(capsys: pytest.CaptureFixture[str], limit: int | None) -> tuple[list[dict[str, object]], str]:
    assert show_history(argparse.Namespace(json=True, limit=limit)) == 0
    out, err = capsys.readouterr()
    return json.loads(out), err


def test_pages_cover_every_session_once_newest_first(hiptui_home: Path) -> None:
    history = History(filled_history(hiptui_home, 450))
    pages = [list(history.summaries(200, offset=offset)) for offset in (0, 200, 400, 600)]
    assert [len(page) for page in pages] == [200, 200, 50, 0]
    ids = [s.id for page in pages for s in page]
    assert ids == list(range(1, 451))
    assert [s.id for s in history.summaries()] == ids


def test_a_limited_listing_reports_the_bad_rows_among_what_it_read(
    hiptui_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled_history(hiptui_home, 50)
    add_bad(path, (START - dt.timedelta(minutes=90)).isoformat())  # between the newest two
    add_bad(path, (START - dt.timedelta(days=30)).isoformat())  # older than all of them
    sessions, err = listed(capsys, 3)
    assert [s["id"] for s in sessions] == [1, 2, 3] and "1 row of the history could not be read" in err
    sessions, err = listed(capsys, None)
    assert len(sessions) == 50 and "2 rows of the history could not be read" in err
    sessions, err = listed(capsys, 100)  # asked for more than there are: everything was read
    assert len(sessions) == 50 and "2 rows" in err


def test_damage_in_a_table_is_found_at_open_and_the_file_set_aside(hiptui_home: Path) -> None:
    path = filled_history(hiptui_home, 300)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()
    (size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = b"\xff" * size  # the root of the sessions table: unreadable
    path.write_bytes(bytes(data))
    history = History(path)
    assert "kept as history.sqlite3.corrupt-" in (history.notice or "") and history.sessions() == []


def test_the_sessions_left_running_are_found_through_an_index(hiptui_home: Path) -> None:
    history = History(filled_history(hiptui_home, 5))
    plan = history.query("EXPLAIN QUERY PLAN SELECT id FROM sessions WHERE status = 'running'")
    assert any("sessions_running" in str(row[-1]) for row in plan)


def test_each_command_is_built_from_its_own_module() -> None:
    for command, module in COMMAND_MODULES.items():
        subcommands = build_parser(command)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert command in subcommands, (command, module)
    everything = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(everything) == set(COMMAND_MODULES)


def test_the_history_command_imports_no_other_command(hiptui_home: Path) -> None:
    code = (
        "import sys; from hiptui.cli import main; main(['history', '--limit', '1']);"
        "print(sorted(m for m in sys.modules if m.startswith(('hiptui.cli.', 'hiptui.catalog', 'hiptui.packs'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "['hiptui.cli.data', 'hiptui.cli.parser']"
