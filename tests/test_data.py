"""Nothing lost: saved routines, the queue, settings and history survive crashes and bad files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from hiptui.base import files as store
from hiptui.catalog.catalog import Catalog, QueueItem
from hiptui.catalog.library import load_library
from hiptui.data.history import MIGRATIONS, History, SegmentDone, history_path
from hiptui.data.routines import MAX_FILE_BYTES, QueueStore, RoutineNameTaken, SavedRoutines
from hiptui.data.settings import Settings, load_settings, save_settings
from hiptui.data.stats import minutes_this_week, streak_days, time_per_target, weekly_minutes
from hiptui.session.recorder import SessionRecorder
from hiptui.session.timeline import build_timeline
from hiptui.session.timer import Timer


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(load_library().packs)


def queue_of(catalog: Catalog, *gids: str) -> list[QueueItem]:
    return [QueueItem.of(catalog.moves[gid]) for gid in gids]


def test_atomic_write_failure_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "folder" / "f.toml"
    store.atomic_write(path, b"old")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", fail)
    with pytest.raises(OSError):
        store.atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in path.parent.iterdir()] == ["f.toml"]


def test_saved_routines_round_trip(catalog: Catalog, hiptui_home: Path) -> None:
    items = queue_of(catalog, "yoga/pigeon", "mobility/couch-stretch")
    items[0] = QueueItem(items[0].move, dataclasses.replace(items[0].dose, hold=90, sets=2))
    saved = SavedRoutines()
    routine = saved.save("My Evening!", items)
    assert routine.id == "my-evening" and saved.save("My evening?", items).id == "my-evening-2"
    with pytest.raises(RoutineNameTaken, match="already have a routine named 'My Evening!'"):
        saved.save("my  EVENING!", items)
    text = (hiptui_home / "routines" / "my-evening.toml").read_text()
    assert 'name = "My Evening!"' in text and '"mobility/couch-stretch"' in text
    loaded = {r.id: r for r in saved.load().found}
    resolved = catalog.resolve_routine(loaded["my-evening"], "saved")
    assert [(i.move.gid, i.dose.hold, i.dose.sets) for i in resolved.items] == [
        ("yoga/pigeon", 90, 2),
        ("mobility/couch-stretch", items[1].dose.hold, 1),
    ]
    renamed = saved.rename(loaded["my-evening"], "Evening v2")
    copy = saved.duplicate(renamed)
    with pytest.raises(RoutineNameTaken):
        saved.rename(loaded["my-evening-2"], "evening V2")
    assert saved.duplicate(renamed).name == "Evening v2 (copy) (2)"
    saved.delete(loaded["my-evening-2"])
    assert sorted(r.name for r in saved.load().found) == ["Evening v2", "Evening v2 (copy)", "Evening v2 (copy) (2)"]
    assert copy.moves == renamed.moves


def test_the_queue_round_trips_and_reports_moves_that_are_gone(catalog: Catalog, hiptui_home: Path) -> None:
    items = queue_of(catalog, "yoga/butterfly", "yoga/frog")
    items[1] = QueueItem(items[1].move, dataclasses.replace(items[1].dose, hold=100))
    QueueStore().save(items)
    restored, missing = catalog.resolve(QueueStore().load().entries)
    assert [(i.move.gid, i.dose) for i in restored] == [(i.move.gid, i.dose) for i in items] and missing == []
    (hiptui_home / "queue.toml").write_text('moves = ["yoga/frog", "gone/move"]\n')
    restored, missing = catalog.resolve(QueueStore().load().entries)
    assert [i.move.gid for i in restored] == ["yoga/frog"] and missing == ["gone/move"]


@pytest.mark.parametrize("content", [b"moves = [", b"\xff\xfe", b'moves = "nope"'])
def test_a_corrupt_queue_is_set_aside_and_reported(content: bytes, hiptui_home: Path) -> None:
    (hiptui_home / "queue.toml").write_bytes(content)
    result = QueueStore().load()
    assert result.entries == [] and "it was kept as queue.toml.corrupt-" in result.notices[0]
    (kept,) = hiptui_home.glob("queue.toml.corrupt-*")
    assert kept.read_bytes() == content


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_queue_or_routine_that_is_not_a_regular_file_is_reported_not_read(hiptui_home: Path) -> None:
    os.mkfifo(hiptui_home / "queue.toml")  # read as it is, a FIFO would block the app's start for good
    result = QueueStore().load()
    assert result.entries == [] and "not a regular file" in result.notices[0]
    assert (hiptui_home / "queue.toml").exists(), "nothing is set aside: the file is not damaged"
    SavedRoutines().folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(SavedRoutines().folder / "pipe.toml")
    (SavedRoutines().folder / "big.toml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    notices = SavedRoutines().load().notices
    assert any("not a regular file" in n for n in notices) and any("larger than 2 MiB" in n for n in notices)


def test_settings_round_trip_and_corrupt_file(hiptui_home: Path) -> None:
    save_settings(Settings(ready_seconds=5, bell=False, disabled_packs=("yoga",)))
    assert load_settings().settings == Settings(ready_seconds=5, bell=False, disabled_packs=("yoga",))
    (hiptui_home / "settings.toml").write_text("ready_seconds = [\n")
    loaded = load_settings()
    assert loaded.settings == Settings() and "kept as settings.toml.corrupt-" in (loaded.notice or "")


def test_every_wrong_setting_is_named_and_the_rest_are_kept(hiptui_home: Path) -> None:
    text = 'ready_seconds = -5\nbell = "loud"\ntheme = "high-contrast"\n[keys]\n"builder.start" = "f5"\n'
    (hiptui_home / "settings.toml").write_text(text)
    loaded = load_settings()
    assert loaded.settings.theme == "high-contrast" and loaded.settings.keys == (("builder.start", "f5"),)
    assert loaded.settings.ready_seconds == 10 and loaded.settings.bell is True
    notice = loaded.notice or ""
    assert "ready seconds: must be from 0 to 120 seconds; the default is used" in notice
    assert "bell: must be true or false; the default is used" in notice
    assert (hiptui_home / "settings.toml").read_text() == text and not list(hiptui_home.glob("*.corrupt-*"))


def run_session(history: History, catalog: Catalog, clock, *gids: str, skip_first: bool = False, stop: bool = False):
    timer = Timer(build_timeline(queue_of(catalog, *gids)), clock=clock)
    recorder = SessionRecorder(history, timer, routine="test/routine")
    timer.start()
    recorder.start()
    if skip_first:
        timer.next()
        timer.next()
        recorder.sync()
    while timer.state != "finished":
        clock.advance(1)
        timer.update()
        recorder.sync()
        if stop and len(timer.records) >= 2:
            timer.stop()
            recorder.sync()
    return timer


def test_history_records_sessions_as_they_go(catalog: Catalog, hiptui_home: Path, clock) -> None:
    history = History(history_path(hiptui_home))
    run_session(history, catalog, clock, "yoga/pigeon", "yoga/butterfly", skip_first=True)
    run_session(history, catalog, clock, "yoga/pigeon", stop=True)
    newest, oldest = history.sessions()
    assert (oldest.status, newest.status) == ("finished", "stopped")
    assert oldest.routine == "test/routine"
    assert [s.outcome for s in oldest.segments][:3] == ["skipped", "skipped", "done"]
    pigeon = [s for s in oldest.segments if s.move_id == "yoga/pigeon" and s.kind == "work"]
    assert {s.side for s in pigeon} == {"left", "right"} and "glutes" in pigeon[0].targets
    assert oldest.as_json()["segments_skipped"] == 1


def test_history_survives_a_killed_process(hiptui_home: Path) -> None:
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from hiptui.data.history import History, SegmentDone
        history = History(Path({str(history_path(hiptui_home))!r}))
        session = history.start_session(600, "killed")
        for n in range(3):
            history.add_segment(session, SegmentDone(n, "work", "yoga/pigeon", "Pigeon", "left", 1, 30, 30.0, "done", ("glutes",)))
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    process.send_signal(signal.SIGKILL)
    process.wait()
    history = History(history_path(hiptui_home))
    assert history.close_interrupted() == 1
    (session,) = history.sessions()
    assert session.status == "stopped" and len(session.segments) == 3 and session.done_seconds == 90


def test_a_session_whose_process_still_runs_is_left_running(hiptui_home: Path) -> None:
    history = History(history_path(hiptui_home))
    under_way = history.start_session(600, "in the app")  # this process holds its lock: alive
    gone = history.start_session(600, "crashed")
    history._locks.release(gone)  # as the kernel does when a process dies
    assert history.close_interrupted() == 1  # as `hiptui history` or a second app does
    statuses = dict(history._db.execute("SELECT id, status FROM sessions").fetchall())
    assert statuses == {under_way: "running", gone: "stopped"}
    assert History(history_path(hiptui_home)).close_interrupted() == 0, "another process sees the lock too"


def test_a_dead_session_is_closed_even_when_its_pid_was_reused(hiptui_home: Path) -> None:
    """In a container hiptui is often PID 1: a dead session's pid can be a live process, even this one."""
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from hiptui.data.history import History
        History(Path({str(history_path(hiptui_home))!r})).start_session(600, "killed")
        import os
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    history = History(history_path(hiptui_home))
    history._db.execute("UPDATE sessions SET pid = ?", (os.getpid(),))
    assert history.close_interrupted() == 1
    assert [s.status for s in history.sessions()] == ["stopped"]


def test_migration_from_the_first_schema(hiptui_home: Path) -> None:
    path = history_path(hiptui_home)
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO sessions (started_at, ended_at, planned_seconds, done_seconds, status) VALUES ('2026-11-01T10:00:00+00:00', '2026-11-01T10:10:00+00:00', 600, 580, 'finished')"
    )
    db.commit()
    db.close()
    history = History(path)
    (session,) = history.sessions()
    assert session.routine is None and session.done_seconds == 580
    assert history._db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_corrupt_history_is_set_aside(content: bytes, hiptui_home: Path) -> None:
    path = history_path(hiptui_home)
    path.write_bytes(content)
    history = History(path)
    assert history.notice and "it was kept as history.sqlite3.corrupt-" in history.notice
    assert history.sessions() == []
    (kept,) = hiptui_home.glob("history.sqlite3.corrupt-*")
    assert kept.read_bytes() == content


def test_a_home_that_refuses_writes_loses_nothing(catalog: Catalog, hiptui_home: Path, clock, monkeypatch) -> None:
    history = History(history_path(hiptui_home))
    run_session(history, catalog, clock, "yoga/frog")
    history.close()
    save_settings(Settings(ready_seconds=7))

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError):
        save_settings(Settings(ready_seconds=3))
    assert load_settings().settings.ready_seconds == 7
    read_only = History(history_path(hiptui_home))
    read_only._db.close()
    read_only._db = sqlite3.connect(f"file:{history_path(hiptui_home)}?mode=ro", uri=True)
    recorder_timer = run_session(read_only, catalog, clock, "yoga/frog")
    assert recorder_timer.state == "finished"
    assert len(History(history_path(hiptui_home)).sessions()) == 1


def test_a_failing_history_never_stops_the_timer(catalog: Catalog, hiptui_home: Path, clock) -> None:
    history = History(history_path(hiptui_home))
    history._db.close()
    history._db = sqlite3.connect(":memory:")
    timer = run_session(history, catalog, clock, "yoga/frog")
    assert timer.state == "finished"


def test_stats(hiptui_home: Path) -> None:
    today = dt.date(2026, 11, 22)
    moment = [dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)]
    history = History(history_path(hiptui_home), now=lambda: moment[0])
    for day in (20, 21, 22):
        moment[0] = dt.datetime(2026, 11, day, 12, tzinfo=dt.UTC)
        session = history.start_session(100)
        history.add_segment(session, SegmentDone(0, "work", "y/p", "P", "left", 1, 60, 60.0, "done", ("glutes",)))
        history.add_segment(session, SegmentDone(1, "work", "y/p", "P", "right", 1, 60, 30.0, "done", ("glutes",)))
        history.end_session(session, True)
    assert streak_days(history, today) == 3
    assert minutes_this_week(history, today) == pytest.approx(4.5)
    assert weekly_minutes(history, today)[-1] == pytest.approx(4.5) and len(weekly_minutes(history, today)) == 12
    (glutes,) = time_per_target(history, today)
    assert (glutes.left, glutes.right) == (180, 90)
