"""Session history in SQLite: written as a session goes, so a killed process keeps what was done."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hiptui.base.files import set_aside

HISTORY_FILE = "history.sqlite3"
UTC = dt.UTC

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        planned_seconds INTEGER NOT NULL,
        done_seconds REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'running'
    );
    CREATE TABLE segments (
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        move_id TEXT NOT NULL,
        move_name TEXT NOT NULL,
        side TEXT,
        set_number INTEGER NOT NULL,
        planned_seconds INTEGER NOT NULL,
        done_seconds REAL NOT NULL,
        outcome TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: the routine a session came from, and each segment's targets for the balance chart.
    """
    ALTER TABLE sessions ADD COLUMN routine TEXT;
    ALTER TABLE segments ADD COLUMN targets TEXT NOT NULL DEFAULT '';
    CREATE INDEX segments_by_session ON segments(session_id);
    CREATE INDEX sessions_by_start ON sessions(started_at);
    """,
    # 3: the process running a session, so that another one (a second app, `hiptui history`) can tell a
    # session under way from one whose process died.
    """
    ALTER TABLE sessions ADD COLUMN pid INTEGER;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryUnavailable(Exception):
    """History cannot be written (read-only or full disk); what is saved stays saved."""


@dataclass(frozen=True)
class SegmentDone:
    position: int
    kind: str
    move_id: str
    move_name: str
    side: str | None
    set_number: int
    planned_seconds: int
    done_seconds: float
    outcome: str
    targets: tuple[str, ...] = ()


@dataclass
class SessionRecord:
    id: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    routine: str | None
    planned_seconds: int
    done_seconds: float
    status: str
    segments: list[SegmentDone] = field(default_factory=list)

    @property
    def final_segments(self) -> list[SegmentDone]:
        """The last record of each segment: one skipped and then done again counts as done."""
        last = {segment.position: segment for segment in self.segments}
        return [last[position] for position in sorted(last)]

    @property
    def skipped_work(self) -> int:
        return sum(s.outcome == "skipped" and s.kind == "work" for s in self.final_segments)

    def as_json(self) -> dict[str, object]:
        work = [s for s in self.final_segments if s.kind == "work"]
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "routine": self.routine,
            "status": self.status,
            "planned_seconds": self.planned_seconds,
            "done_seconds": round(self.done_seconds, 1),
            "moves": sorted({s.move_id for s in work if s.outcome == "done"}),
            "segments_done": sum(s.outcome == "done" for s in self.final_segments),
            "segments_skipped": self.skipped_work,
        }


def _now() -> dt.datetime:
    return dt.datetime.now(UTC)


class History:
    """One SQLite file; every write is its own transaction."""

    def __init__(self, path: Path, now: Callable[[], dt.datetime] = _now) -> None:
        self.path = path
        self.now = now
        self.notice: str | None = None
        self._db = self._open()

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.DatabaseError as error:
            if not self.path.exists():
                raise HistoryUnavailable(f"cannot open {self.path}: {error}") from error
            kept = self._set_aside()
            self.notice = f"{self.path} could not be read ({error}); it was kept as {kept.name} and a new history was started"
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            check = db.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else 'no answer'}")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"schema {version} is newer than this hiptui knows ({SCHEMA_VERSION})")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db, version)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: int) -> None:
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    def _set_aside(self) -> Path:
        kept = set_aside(self.path)
        for suffix in ("-wal", "-shm"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                companion.replace(kept.with_name(kept.name + suffix))
        return kept

    def close(self) -> None:
        self._db.close()

    # -- writing -------------------------------------------------------------------------------

    def _write(self, sql: str, parameters: Iterable[object]) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, tuple(parameters))
        except sqlite3.OperationalError as error:
            raise HistoryUnavailable(f"cannot write to {self.path}: {error}") from error

    def start_session(self, planned_seconds: int, routine: str | None = None) -> int:
        cursor = self._write(
            "INSERT INTO sessions (started_at, planned_seconds, routine, pid) VALUES (?, ?, ?, ?)",
            (self.now().isoformat(), planned_seconds, routine, os.getpid()),
        )
        return int(cursor.lastrowid or 0)

    def add_segment(self, session_id: int, segment: SegmentDone) -> None:
        self._write(
            "INSERT INTO segments (session_id, position, kind, move_id, move_name, side, set_number,"
            " planned_seconds, done_seconds, outcome, at, targets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id, segment.position, segment.kind, segment.move_id, segment.move_name, segment.side,
                segment.set_number, segment.planned_seconds, segment.done_seconds, segment.outcome,
                self.now().isoformat(), ",".join(segment.targets),
            ),
        )
        self._write("UPDATE sessions SET done_seconds = done_seconds + ? WHERE id = ?", (segment.done_seconds, session_id))

    def end_session(self, session_id: int, finished: bool) -> None:
        self._write(
            "UPDATE sessions SET ended_at = ?, status = ? WHERE id = ?",
            (self.now().isoformat(), "finished" if finished else "stopped", session_id),
        )

    def discard(self, session_id: int) -> None:
        """Forget a session that never got going (stopped before any work)."""
        self._write("DELETE FROM segments WHERE session_id = ?", (session_id,))
        self._write("DELETE FROM sessions WHERE id = ?", (session_id,))

    def close_interrupted(self) -> int:
        """Sessions left running by a process that died: stopped, ending at their last segment. A
        session whose process is still running (the app, while you look from another terminal) is left."""
        running = self._db.execute("SELECT id, pid FROM sessions WHERE status = 'running'").fetchall()
        dead = [session for session, pid in running if not _process_alive(pid)]
        for session in dead:
            self._write(
                "UPDATE sessions SET status = 'stopped', ended_at = COALESCE("
                "(SELECT MAX(at) FROM segments WHERE session_id = sessions.id), started_at) WHERE id = ?",
                (session,),
            )
        return len(dead)

    # -- reading -------------------------------------------------------------------------------

    def sessions(self, limit: int | None = None, include_running: bool = False) -> list[SessionRecord]:
        where = "" if include_running else "WHERE status != 'running'"
        rows = self._db.execute(
            f"SELECT id, started_at, ended_at, routine, planned_seconds, done_seconds, status FROM sessions {where}"
            " ORDER BY started_at DESC, id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        ).fetchall()
        records = [
            SessionRecord(row[0], _parse(row[1]), _parse(row[2]) if row[2] else None, row[3], row[4], row[5], row[6])
            for row in rows
        ]
        by_id = {record.id: record for record in records}
        if by_id:
            marks = ",".join("?" * len(by_id))
            for row in self._db.execute(
                "SELECT session_id, position, kind, move_id, move_name, side, set_number, planned_seconds,"
                f" done_seconds, outcome, targets FROM segments WHERE session_id IN ({marks}) ORDER BY rowid",
                tuple(by_id),
            ):
                targets = tuple(t for t in row[10].split(",") if t)
                by_id[row[0]].segments.append(SegmentDone(*row[1:10], targets=targets))
        return records


def _parse(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def history_path(home: Path) -> Path:
    return home / HISTORY_FILE


def _process_alive(pid: int | None) -> bool:
    """Whether process `pid` still runs on this machine (unknown, for sessions older than the pid
    column, counts as gone; so does any pid on Windows, where signal 0 is not a probe)."""
    if pid is None or sys.platform == "win32":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it runs
        return True
    return True
