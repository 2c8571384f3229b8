"""A history that never lies: a full, locked, read-only or newer file is kept as it is; bad rows are
skipped and counted; a long history is read a page at a time (issue 16, items 3 and 5)."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hiptui.cli.data import show_history
from hiptui.data import history as history_module
from hiptui.data.history import SCHEMA_VERSION, History, HistoryUnavailable, SegmentDone, history_path
from hiptui.data.stats import recent_figures, streak_days, time_per_target

REAL_CONNECT = sqlite3.connect


def a_history(home: Path, sessions: int = 2) -> Path:
    moment = [dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)]
    history = History(history_path(home), now=lambda: moment[0])
    for day in range(sessions):
        moment[0] = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC) - dt.timedelta(days=day)
        session = history.start_session(100, "mobility/pre-run-warm-up")
        history.add_segment(session, SegmentDone(0, "work", "y/p", "P", "left", 1, 60, 60.0, "done", ("glutes",)))
        history.end_session(session, True)
    history.close()
    return history_path(home)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_file_set_aside(home: Path) -> bool:
    return not list(home.glob("*.corrupt-*"))


class FullDisk(sqlite3.Connection):
    """Every write fails as on a full disk; reads work."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE", "BEGIN", "ALTER", "CREATE"} or (
            "user_version =" in sql
        ):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def connect_with(monkeypatch: pytest.MonkeyPatch, **extra: object) -> None:
    monkeypatch.setattr(history_module.sqlite3, "connect", lambda *a, **k: REAL_CONNECT(*a, **{**k, **extra}))


def test_a_full_disk_keeps_the_file_and_reads_on(hiptui_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = a_history(hiptui_home)
    connect_with(monkeypatch, factory=FullDisk)
    history = History(path)
    assert history.read_only and "database or disk is full" in (history.notice or "")
    assert len(history.sessions()) == 2 and history.close_interrupted() == 0
    with pytest.raises(HistoryUnavailable):
        history.start_session(100)
    assert no_file_set_aside(hiptui_home)


def test_a_read_only_file_is_read_and_never_written(hiptui_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite opens a file it may not write read-only (chmod cannot show it: the tests may run as root)."""
    path = a_history(hiptui_home)
    before = digest(path)
    monkeypatch.setattr(
        history_module.sqlite3,
        "connect",
        lambda target, **k: REAL_CONNECT(target.replace("mode=rwc", "mode=ro"), **k),
    )
    history = History(path)
    assert history.read_only and "readonly" in (history.notice or "")
    assert [s.routine for s in history.sessions()] == ["mobility/pre-run-warm-up"] * 2
    with pytest.raises(HistoryUnavailable, match="readonly"):
        history.start_session(100)
    history.close()
    assert digest(path) == before and no_file_set_aside(hiptui_home)


def test_a_lock_held_by_another_writer_is_waited_for_then_reads_go_on(hiptui_home: Path) -> None:
    path = a_history(hiptui_home)
    other = REAL_CONNECT(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    history = History(path, busy_timeout=0.2)
    assert history.read_only and "locked" in (history.notice or "")
    assert len(history.sessions()) == 2
    other.execute("ROLLBACK")
    other.close()
    history.close()
    assert no_file_set_aside(hiptui_home)
    assert not History(path).read_only, "once the lock is gone, history is written again"


def test_an_exclusive_lock_that_blocks_reading_too_keeps_the_file(hiptui_home: Path) -> None:
    path = a_history(hiptui_home)
    db = REAL_CONNECT(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")  # an older file, or another program's: readers can be locked out
    db.execute("BEGIN EXCLUSIVE")
    db.execute("UPDATE sessions SET routine = routine")
    with pytest.raises(HistoryUnavailable, match="locked"):
        History(path, busy_timeout=0.2)
    db.execute("ROLLBACK")
    db.close()
    assert no_file_set_aside(hiptui_home) and len(History(path).sessions()) == 2


def test_a_history_from_a_newer_hiptui_is_left_untouched(hiptui_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = a_history(hiptui_home)
    db = REAL_CONNECT(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 4}")
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    before = digest(path)
    history = History(path)
    assert history.read_only and "newer hiptui" in (history.notice or "")
    assert len(history.sessions()) == 2 and history.close_interrupted() == 0
    with pytest.raises(HistoryUnavailable, match="newer hiptui"):
        history.start_session(100)
    history.close()
    assert show_history(argparse.Namespace(json=True, limit=None)) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 2 and "written by a newer hiptui" in err
    assert digest(path) == before and no_file_set_aside(hiptui_home)


def test_only_a_file_that_is_no_database_is_set_aside(hiptui_home: Path) -> None:
    path = history_path(hiptui_home)
    path.write_bytes(b"not a database" * 100)
    history = History(path)
    assert not history.read_only and "kept as history.sqlite3.corrupt-" in (history.notice or "")
    assert len(list(hiptui_home.glob("history.sqlite3.corrupt-*"))) == 1


def test_a_special_file_is_never_opened(hiptui_home: Path) -> None:
    import os

    os.mkfifo(history_path(hiptui_home))
    with pytest.raises(HistoryUnavailable, match="not a regular file"):
        History(history_path(hiptui_home))


def add_bad_rows(path: Path) -> int:
    db = REAL_CONNECT(path)
    good = db.execute("SELECT id FROM sessions LIMIT 1").fetchone()[0]
    rows = [
        ("yesterday", 100, 10.0, "finished"),
        ("2026-11-19T10:00:00+00:00", 100, "a lot", "finished"),
        ("2026-11-19T10:00:00+00:00", "ten", 10.0, "stopped"),
        ("2026-11-19T10:00:00+00:00", 100, 10.0, "paused"),
        ("2026-02-30T10:00:00+00:00", 100, 10.0, "finished"),  # SQLite would take it for 2 March
    ]
    db.executemany("INSERT INTO sessions (started_at, planned_seconds, done_seconds, status) VALUES (?, ?, ?, ?)", rows)
    db.execute(
        "INSERT INTO segments (session_id, position, kind, move_id, move_name, side, set_number, planned_seconds,"
        " done_seconds, outcome, at) VALUES (?, 1, 'work', 'y/p', 'P', 'sideways', 1, 60, 'half', 'done', 'x')",
        (good,),
    )
    db.execute("UPDATE sessions SET ended_at = 'later' WHERE id = ?", (good,))
    db.commit()
    db.close()
    return len(rows) + 1


def test_bad_rows_are_skipped_and_counted_everywhere(hiptui_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = a_history(hiptui_home)
    bad = add_bad_rows(path)
    history = History(path)
    assert len(history.sessions()) == 2
    today = dt.date(2026, 11, 20)
    assert recent_figures(history, today).sessions == 2  # what the History screen reads, part by part
    assert streak_days(history, today) == 2 and history.bad_rows() == bad
    for as_json in (True, False):
        assert show_history(argparse.Namespace(json=as_json, limit=None)) == 0
        out, err = capsys.readouterr()
        assert "could not be read and were skipped" in err
    assert len(json.loads(show_json(capsys))) == 2


def show_json(capsys: pytest.CaptureFixture[str]) -> str:
    show_history(argparse.Namespace(json=True, limit=None))
    return capsys.readouterr().out


def test_the_json_listing_is_streamed_but_the_same_document(hiptui_home: Path, capsys) -> None:
    a_history(hiptui_home, sessions=3)
    history = History(history_path(hiptui_home))
    expected = json.dumps([s.as_json() for s in history.sessions()], indent=2, ensure_ascii=False) + "\n"
    assert show_json(capsys) == expected
    history_path(hiptui_home).unlink()
    assert show_json(capsys) == "[]\n"


def test_limit_is_bounded_with_a_clear_error(hiptui_home: Path) -> None:
    a_history(hiptui_home, sessions=3)
    run = subprocess.run(
        [sys.executable, "-m", "hiptui", "history", "--limit", "99999999999999999999"], capture_output=True, text=True
    )
    assert run.returncode == 2 and "is more than 1,000,000" in run.stderr and "Traceback" not in run.stderr
    run = subprocess.run([sys.executable, "-m", "hiptui", "history", "--limit", "2"], capture_output=True, text=True)
    assert run.returncode == 0 and len(run.stdout.splitlines()) == 2


def test_a_long_history_needs_no_sql_variable_per_session(hiptui_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 260,000 sessions reading them all once hit `too many SQL variables`: here with a low limit."""
    path = history_path(hiptui_home)
    History(path).close()
    db = REAL_CONNECT(path)
    with db:
        db.executemany(
            "INSERT INTO sessions (started_at, planned_seconds, done_seconds, status) VALUES (?, 60, 30, 'finished')",
            [(f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}+00:00",) for n in range(2000)],
        )
    db.close()

    def low_limit(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = REAL_CONNECT(*args, **kwargs)  # type: ignore[arg-type]
        connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 600)
        return connection

    monkeypatch.setattr(history_module.sqlite3, "connect", low_limit)
    history = History(path)
    assert len(history.sessions()) == 2000 and len(list(history.summaries())) == 2000


def test_stats_stream_the_streak_and_split_targets(hiptui_home: Path) -> None:
    history = History(a_history(hiptui_home, sessions=5))
    assert streak_days(history, dt.date(2026, 11, 20)) == 5
    assert streak_days(history, dt.date(2026, 11, 21)) == 5, "today has no session yet: the streak ends yesterday"
    assert streak_days(history, dt.date(2026, 11, 23)) == 0
    (glutes,) = time_per_target(history, dt.date(2026, 11, 20))
    assert (glutes.target, glutes.left, glutes.right) == ("glutes", 300, 0)
