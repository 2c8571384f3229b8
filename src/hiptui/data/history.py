"""Session history in SQLite: written as a session goes, so a killed process keeps what was done.

Only a file that is not a database, or whose schema or newest rows SQLite finds damaged, is corrupt and
set aside: opening checks the header, the schema and the last page of each table, in time that does not
grow with the history (`quick_check` reads every page: 0.2 s over 100,000 sessions, at every start). A
page damaged further in is reported when a reader reaches it, and the file is kept. Anything else
(a full disk, a lock held past the busy timeout, a read-only file or folder, a history written by a
newer hiptui) leaves the file as it is: the history opens read-only when it can, says why in
`notice`, and every write raises `HistoryUnavailable`.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from hiptui.base.text import clean_text
from hiptui.data.history_rows import (
    GOOD_SEGMENT,
    GOOD_SESSION,
    SEGMENT_COLUMNS,
    SESSION_COLUMNS,
    SUMMARY_OF_SEGMENTS,
    SegmentDone,
    SessionRecord,
    SessionSummary,
    segment_from_row,
    session_from_row,
    summary_from_row,
)
from hiptui.data.session_locks import SessionLocks

__all__ = [
    "HISTORY_FILE",
    "MIGRATIONS",
    "History",
    "HistoryUnavailable",
    "SegmentDone",
    "SessionRecord",
    "SessionSummary",
]

HISTORY_FILE = "history.sqlite3"
UTC = dt.UTC
PAGE = 500
"""Sessions read at a time: what a screen shows at once, and the memory any reader needs."""
CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}

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
    # 3: the process running a session (informative: liveness is decided by a lock, see session_locks).
    """
    ALTER TABLE sessions ADD COLUMN pid INTEGER;
    """,
    # 4: the sessions still running, found at every start without reading every row (close_interrupted).
    """
    CREATE INDEX sessions_running ON sessions(id) WHERE status = 'running';
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryUnavailable(Exception):
    """History cannot be opened, read or written (read-only, full, locked); what is saved stays saved."""


class _Corrupt(Exception):
    """The file is not a database, or SQLite finds its schema or newest rows damaged."""


def _now() -> dt.datetime:
    return dt.datetime.now(UTC)


def _reason(error: BaseException) -> str:
    return clean_text(str(error) or type(error).__name__)[:200]


class History:
    """One SQLite file; every write is its own transaction."""

    def __init__(self, path: Path, now: Callable[[], dt.datetime] = _now, busy_timeout: float = 5.0) -> None:
        self.path = path
        self.now = now
        self.busy_timeout = busy_timeout
        self.notice: str | None = None
        self.read_only = False
        """Opened for reading only; `notice` says why. Every write raises HistoryUnavailable."""
        self.unreadable_rows = 0
        """Rows that passed SQL's checks but not Python's, skipped by the readers so far."""
        self._locks = SessionLocks(path)
        self._db = self._open()

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        name = clean_text(str(self.path))
        if self.path.exists() and not self.path.is_file():
            raise HistoryUnavailable(f"{name} is not a regular file; history is off")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HistoryUnavailable(f"cannot create the folder of {name}: {_reason(error)}") from None
        try:
            return self._open_for_writing()
        except _Corrupt as corrupt:
            try:
                kept = self._set_aside()
            except OSError as error:
                raise HistoryUnavailable(
                    f"{name} is damaged ({corrupt}) and cannot be set aside: {_reason(error)}"
                ) from None
            self.notice = f"{name} is damaged ({corrupt}); it was kept as {kept.name} and a new history was started"
            return self._open_for_writing()

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        uri = self.path.absolute().as_uri() + ("?mode=ro" if read_only else "?mode=rwc")
        try:
            return sqlite3.connect(
                uri, uri=True, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise HistoryUnavailable(f"cannot open {clean_text(str(self.path))}: {_reason(error)}") from None

    def _check(self, db: sqlite3.Connection) -> int:
        """The schema version of a readable database; _Corrupt if SQLite says it is not one or is damaged.

        Reads the header, the schema and the right edge of each table's tree (its newest rows, where a
        write cut short would have left damage): a few pages, whatever the history's length."""
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            tables = {str(row[0]) for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in sorted(tables & {"sessions", "segments"}):
                db.execute(f"SELECT max(rowid) FROM {table}").fetchone()
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorname", None) in CORRUPT:
                raise _Corrupt(_reason(error)) from None
            raise
        return version

    def _open_for_writing(self) -> sqlite3.Connection:
        db = self._connect(read_only=False)
        try:
            version = self._check(db)
        except sqlite3.Error as error:
            db.close()
            raise HistoryUnavailable(f"cannot read {clean_text(str(self.path))}: {_reason(error)}") from None
        except _Corrupt:
            db.close()
            raise
        if version > SCHEMA_VERSION:
            db.close()
            return self._open_read_only(
                f"{self.path.name} was written by a newer hiptui (schema {version}; this one knows"
                f" {SCHEMA_VERSION}): it is shown as it is, and new sessions are not saved"
            )
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db, version)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # a write: can this file be written now?
        except sqlite3.Error as error:
            db.close()
            why = _reason(error)
            if version < SCHEMA_VERSION:
                raise HistoryUnavailable(
                    f"cannot update {clean_text(str(self.path))} ({why}); history is off"
                ) from None
            return self._open_read_only(f"history cannot be written ({why}): sessions are not saved for now")
        return db

    def _open_read_only(self, why: str) -> sqlite3.Connection:
        db = self._connect(read_only=True)
        try:
            db.execute("SELECT count(*) FROM sessions").fetchone()
        except sqlite3.Error as error:
            db.close()
            raise HistoryUnavailable(f"{why}; it cannot be read either: {_reason(error)}") from None
        self.read_only = True
        self.notice = why
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: int) -> None:
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                db.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
            except sqlite3.Error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def _set_aside(self) -> Path:
        from hiptui.base.files import set_aside  # rarely: tempfile and shutil are not worth every start

        kept = set_aside(self.path)
        for suffix in ("-wal", "-shm"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                companion.replace(kept.with_name(kept.name + suffix))
        return kept

    def close(self) -> None:
        self._locks.release_all()
        self._db.close()

    # -- writing -------------------------------------------------------------------------------

    def _write(self, sql: str, parameters: Iterable[object]) -> sqlite3.Cursor:
        if self.read_only:
            raise HistoryUnavailable(self.notice or f"{clean_text(str(self.path))} is read-only")
        try:
            return self._db.execute(sql, tuple(parameters))
        except sqlite3.Error as error:
            raise HistoryUnavailable(f"cannot write to {clean_text(str(self.path))}: {_reason(error)}") from None

    def start_session(self, planned_seconds: int, routine: str | None = None) -> int:
        """A new running session, locked as this process's until end_session, discard or close."""
        if self.read_only:
            self._write("", ())
        try:
            self._db.execute("BEGIN IMMEDIATE")
            cursor = self._db.execute(
                "INSERT INTO sessions (started_at, planned_seconds, routine, pid) VALUES (?, ?, ?, ?)",
                (self.now().isoformat(), planned_seconds, routine, os.getpid()),
            )
            session_id = int(cursor.lastrowid or 0)
            self._locks.hold(session_id)  # before anyone can see the row: never a running row without its lock
            self._db.execute("COMMIT")
        except (sqlite3.Error, OSError) as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise HistoryUnavailable(f"cannot write to {clean_text(str(self.path))}: {_reason(error)}") from None
        return session_id

    def add_segment(self, session_id: int, segment: SegmentDone) -> int:
        """Record a segment; returns its row, which `update_segment` can rewrite (a segment under way)."""
        cursor = self._write(
            "INSERT INTO segments (session_id, position, kind, move_id, move_name, side, set_number,"
            " planned_seconds, done_seconds, outcome, at, targets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id, segment.position, segment.kind, segment.move_id, segment.move_name, segment.side,
                segment.set_number, segment.planned_seconds, segment.done_seconds, segment.outcome,
                self.now().isoformat(), ",".join(segment.targets),
            ),
        )  # fmt: skip
        self._write(
            "UPDATE sessions SET done_seconds = done_seconds + ? WHERE id = ?", (segment.done_seconds, session_id)
        )
        return int(cursor.lastrowid or 0)

    def update_segment(self, session_id: int, row: int, done_seconds: float, outcome: str) -> None:
        """Rewrite the seconds and outcome of a segment recorded while under way (the session's total follows)."""
        self._write(
            "UPDATE sessions SET done_seconds = done_seconds + ? - (SELECT done_seconds FROM segments WHERE rowid = ?)"
            " WHERE id = ?",
            (done_seconds, row, session_id),
        )
        self._write("UPDATE segments SET done_seconds = ?, outcome = ? WHERE rowid = ?", (done_seconds, outcome, row))

    def end_session(self, session_id: int, finished: bool) -> None:
        try:
            self._write(
                "UPDATE sessions SET ended_at = ?, status = ? WHERE id = ?",
                (self.now().isoformat(), "finished" if finished else "stopped", session_id),
            )
        finally:
            self._locks.release(session_id)

    def discard(self, session_id: int) -> None:
        """Forget a session that never got going (stopped before any work)."""
        try:
            self._write("DELETE FROM segments WHERE session_id = ?", (session_id,))
            self._write("DELETE FROM sessions WHERE id = ?", (session_id,))
        finally:
            self._locks.release(session_id)

    def close_interrupted(self) -> int:
        """Sessions left running by a process that ended: stopped, ending at their last segment. A
        session whose process still holds its lock (the app, seen from another terminal) is left.
        Never raises: a history that cannot be written keeps them running and says so in `notice`."""
        if self.read_only:
            return 0
        try:
            running = [row[0] for row in self._db.execute("SELECT id FROM sessions WHERE status = 'running'")]
        except sqlite3.Error:
            return 0
        closed = 0
        for session_id in running:
            if not isinstance(session_id, int) or self._locks.alive(session_id):
                continue
            try:
                cursor = self._write(
                    "UPDATE sessions SET status = 'stopped', ended_at = COALESCE("
                    "(SELECT MAX(at) FROM segments WHERE session_id = sessions.id), started_at)"
                    " WHERE id = ? AND status = 'running'",
                    (session_id,),
                )
            except HistoryUnavailable as error:
                self.notice = self.notice or str(error)
                break
            if cursor.rowcount:
                closed += 1
                self._locks.forget(session_id)
        return closed

    # -- reading -------------------------------------------------------------------------------

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, tuple(parameters))
        except sqlite3.Error as error:
            raise HistoryUnavailable(f"cannot read {clean_text(str(self.path))}: {_reason(error)}") from None

    def query(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[object, ...]]:
        """Rows of a read-only query (for the aggregates in stats); HistoryUnavailable if it fails."""
        try:
            return self._read(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise HistoryUnavailable(f"cannot read {clean_text(str(self.path))}: {_reason(error)}") from None

    def stream(self, sql: str, parameters: Iterable[object] = ()) -> Iterator[tuple[object, ...]]:
        """Rows of a read-only query one at a time, so a reader can stop early."""
        cursor = self._read(sql, parameters)
        while True:
            try:
                row = cursor.fetchone()
            except sqlite3.Error as error:
                raise HistoryUnavailable(f"cannot read {clean_text(str(self.path))}: {_reason(error)}") from None
            if row is None:
                return
            yield row

    def count(self, include_running: bool = False) -> int:
        """Sessions a reader can show."""
        where = "" if include_running else " AND status != 'running'"
        return _whole(self.query(f"SELECT count(*) FROM sessions WHERE {GOOD_SESSION}{where}")[0][0])

    def bad_rows(self) -> int:
        """Rows of sessions and segments no reader can use (written by hand or by another program)."""
        sessions = _whole(self.query(f"SELECT count(*) FROM sessions WHERE NOT {GOOD_SESSION}")[0][0])
        segments = _whole(self.query(f"SELECT count(*) FROM segments WHERE NOT {GOOD_SEGMENT}")[0][0])
        return sessions + segments + self.unreadable_rows

    def bad_rows_near(self, shown: Sequence[SessionSummary]) -> int:
        """The bad rows a listing passed over to reach `shown`, the newest sessions (as `summaries` gives
        them): sessions stored in the index no older than the last of them, and their segments. What a
        listing of the newest few must say, in time that grows with those few; `bad_rows()` for all."""
        if not shown:
            return self.bad_rows()
        ids = tuple(session.id for session in shown)
        sessions = self.query(
            f"SELECT count(*) FROM sessions WHERE started_at >= (SELECT started_at FROM sessions WHERE id = ?)"
            f" AND NOT {GOOD_SESSION}",
            (ids[-1],),
        )[0][0]
        segments = self.query(
            f"SELECT count(*) FROM segments WHERE session_id IN ({','.join('?' * len(ids))}) AND NOT {GOOD_SEGMENT}",
            ids,
        )[0][0]
        return _whole(sessions) + _whole(segments) + self.unreadable_rows

    def page(self, offset: int = 0, limit: int = PAGE, include_running: bool = False) -> list[SessionRecord]:
        """Sessions newest first, `limit` of them (at most PAGE) from `offset`, with their segments."""
        where = GOOD_SESSION + ("" if include_running else " AND status != 'running'")
        rows = self.query(
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE {where} ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?",
            (max(0, min(limit, PAGE)), max(0, offset)),
        )
        return self._with_segments(rows)

    def iter_sessions(self, limit: int | None = None, include_running: bool = False) -> Iterator[SessionRecord]:
        """Every session newest first (or the newest `limit`), a page at a time: memory stays bounded."""
        where = GOOD_SESSION + ("" if include_running else " AND status != 'running'")
        after = ""
        key: tuple[object, ...] = ()
        left = limit
        while left is None or left > 0:
            size = PAGE if left is None else min(PAGE, left)
            rows = self.query(
                f"SELECT {SESSION_COLUMNS} FROM sessions WHERE {where}{after}"
                " ORDER BY started_at DESC, id DESC LIMIT ?",
                (*key, size),
            )
            records = self._with_segments(rows)
            yield from records
            if len(rows) < size:
                return
            if left is not None:
                left -= len(records)
            after = " AND (started_at, id) < (?, ?)"
            key = (rows[-1][1], rows[-1][0])

    def summaries(self, limit: int | None = None, offset: int = 0) -> Iterator[SessionSummary]:
        """Ended sessions newest first with their segments added up in SQL, streamed: for long lists."""
        cursor = self._read(
            f"SELECT {SESSION_COLUMNS}, {SUMMARY_OF_SEGMENTS} FROM sessions WHERE {GOOD_SESSION}"
            " AND status != 'running' ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else max(0, limit), max(0, offset)),
        )
        while True:
            try:
                rows = cursor.fetchmany(PAGE)
            except sqlite3.Error as error:
                raise HistoryUnavailable(f"cannot read {clean_text(str(self.path))}: {_reason(error)}") from None
            if not rows:
                return
            for row in rows:
                summary = summary_from_row(row)
                if summary is None:
                    self.unreadable_rows += 1
                else:
                    yield summary

    def sessions(self, limit: int | None = None, include_running: bool = False) -> list[SessionRecord]:
        """Sessions newest first, as a list: for a few; iter_sessions or page for many."""
        return list(self.iter_sessions(limit, include_running))

    def _with_segments(self, rows: list[tuple[object, ...]]) -> list[SessionRecord]:
        records = []
        for row in rows:
            record = session_from_row(row)
            if record is None:
                self.unreadable_rows += 1
            else:
                records.append(record)
        if records:
            by_id = {record.id: record for record in records}
            marks = ",".join("?" * len(by_id))
            for segment in self.query(
                f"SELECT {SEGMENT_COLUMNS} FROM segments WHERE session_id IN ({marks}) AND {GOOD_SEGMENT}"
                " ORDER BY session_id, rowid",
                tuple(by_id),
            ):
                record = by_id.get(_whole(segment[0]))
                if record is not None:
                    record.segments.append(segment_from_row(segment))
        return records


def _whole(value: object) -> int:
    return value if isinstance(value, int) else 0


def history_path(home: Path) -> Path:
    return home / HISTORY_FILE
