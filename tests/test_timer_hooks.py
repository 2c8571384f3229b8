"""Plugins hear the timer: session_started, segment_started, countdown and session_finished, in order."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import hiptui
from hiptui.catalog.catalog import Catalog, QueueItem
from hiptui.catalog.library import load_library
from hiptui.plugins.host import HookRelay, make_plugin_manager
from hiptui.session.recorder import SessionRecorder
from hiptui.session.timeline import build_timeline
from hiptui.session.timer import Timer


class Listener:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    @hiptui.hookimpl
    def session_started(self, planned_seconds, routine, moves):
        self.calls.append(("session_started", planned_seconds, routine, tuple(moves)))

    @hiptui.hookimpl
    def segment_started(self, move, side, seconds, kind):
        self.calls.append(("segment_started", move, side, seconds, kind))

    @hiptui.hookimpl
    def countdown(self, seconds_left):
        self.calls.append(("countdown", seconds_left))

    @hiptui.hookimpl
    def session_finished(self, record):
        self.calls.append(("session_finished", record["status"], record["moves"]))


class Broken:
    @hiptui.hookimpl
    def segment_started(self, move):
        raise RuntimeError("speaker on fire")


def run(clock, *plugins) -> HookRelay:
    manager = make_plugin_manager()
    for number, plugin in enumerate(plugins):
        manager.register(plugin, name=f"plugin-{number}")
    relay = HookRelay(manager)
    catalog = Catalog(load_library().packs)
    timer = Timer(build_timeline([QueueItem.of(catalog.moves["yoga/pigeon"])]), clock=clock)
    recorder = SessionRecorder(None, timer, "yoga/post-run-reset", relay)
    events = timer.start()
    recorder.start()
    recorder.sync(events)
    while timer.state != "finished":
        clock.advance(0.5)
        recorder.sync(timer.update())
    assert relay.drain()
    return relay


def test_hooks_are_called_in_order_with_the_right_arguments(clock) -> None:
    listener = Listener()
    run(clock, listener)
    pigeon = listener.calls
    assert pigeon[0] == ("session_started", 10 + 45 + 5 + 45, "yoga/post-run-reset", ("Pigeon",))
    segments = [c for c in pigeon if c[0] == "segment_started"]
    assert segments == [
        ("segment_started", "Pigeon", "left", 10, "ready"),
        ("segment_started", "Pigeon", "left", 45, "work"),
        ("segment_started", "Pigeon", "right", 5, "switch"),
        ("segment_started", "Pigeon", "right", 45, "work"),
    ]
    assert [c[1] for c in pigeon if c[0] == "countdown"] == [3, 2, 1, 3, 2, 1]
    assert pigeon[-1] == ("session_finished", "finished", ["yoga/pigeon"])


def test_a_failing_plugin_never_disturbs_the_timer_or_the_others(clock) -> None:
    listener = Listener()
    relay = run(clock, Broken(), listener)
    assert "segment_started() failed: RuntimeError: speaker on fire" in relay.failures["plugin-0"]
    assert listener.calls[-1][0] == "session_finished"


class Exits:
    @hiptui.hookimpl
    def segment_started(self, move):
        raise SystemExit("speaker unplugged")


class Slow:
    def __init__(self) -> None:
        self.finished = threading.Event()

    @hiptui.hookimpl
    def countdown(self, seconds_left):
        time.sleep(0.05)

    @hiptui.hookimpl
    def session_finished(self, record):
        self.finished.set()


class Stuck:
    @hiptui.hookimpl
    def segment_started(self, move):
        threading.Event().wait(30)


def relay_of(*plugins) -> HookRelay:
    manager = make_plugin_manager()
    for number, plugin in enumerate(plugins):
        manager.register(plugin, name=f"plugin-{number}")
    return HookRelay(manager)


def test_a_plugin_that_exits_in_a_hook_is_reported_and_the_others_hear_the_end(clock) -> None:
    listener = Listener()
    relay = run(clock, Exits(), listener)
    assert "segment_started() failed: SystemExit: speaker unplugged" in relay.failures["plugin-0"]
    assert listener.calls[-1][0] == "session_finished"


def test_close_delivers_every_queued_call_before_the_end() -> None:
    slow, listener = Slow(), Listener()
    relay = relay_of(slow, listener)
    for second in range(20, 0, -1):
        relay.call("countdown", seconds_left=second)
    relay.call("session_finished", record={"status": "finished", "moves": []})
    assert not slow.finished.is_set()
    assert relay.close(timeout=20)
    assert slow.finished.is_set() and listener.calls[-1] == ("session_finished", "finished", [])


def test_a_stuck_plugin_delays_only_itself() -> None:
    listener = Listener()
    relay = relay_of(Stuck(), listener)
    relay.call("segment_started", move="Pigeon", side=None, seconds=30, kind="work", set_number=1)
    relay.call("session_finished", record={"status": "stopped", "moves": []})
    assert relay.close(timeout=0.5) is False
    assert listener.calls[-1] == ("session_finished", "stopped", [])


def test_hooks_never_swap_sys_stdout_under_the_app() -> None:
    seen = []
    entered, leave = threading.Event(), threading.Event()

    class Printer:
        @hiptui.hookimpl
        def countdown(self, seconds_left):
            entered.set()
            leave.wait(10)
            print("beep")

    before = sys.stdout
    relay = relay_of(Printer())
    relay.call("countdown", seconds_left=3)
    assert entered.wait(10)
    seen.append(sys.stdout)
    leave.set()
    assert relay.close(10)
    assert seen == [before] and sys.stdout is before


def test_hooks_queued_when_the_process_ends_are_delivered(tmp_path) -> None:
    """The hook threads are daemons: at exit, what is still queued is delivered before they are ended."""
    done = tmp_path / "finished.json"
    script = textwrap.dedent(
        f"""
        import json, time
        import hiptui
        from hiptui.plugins.host import HookRelay, make_plugin_manager

        class Slow:
            @hiptui.hookimpl
            def countdown(self, seconds_left):
                time.sleep(0.1)

            @hiptui.hookimpl
            def session_finished(self, record):
                open({str(done)!r}, "w").write(json.dumps(record))

        manager = make_plugin_manager()
        manager.register(Slow(), name="slow")
        relay = HookRelay(manager)
        for second in (3, 2, 1):
            relay.call("countdown", seconds_left=second)
        relay.call("session_finished", record={{"status": "finished"}})
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=30)
    assert done.read_text() == '{"status": "finished"}'


def test_the_segment_under_way_is_kept_on_disk_as_it_goes(tmp_path) -> None:
    """A process killed outright leaves the segment under way in history, as of its last checkpoint."""
    from hiptui.data.history import History
    from hiptui.session.session import Session
    from hiptui.session.timeline import Pacing
    from tests.helpers import FakeClock, catalog_of, move_toml, pack_toml

    history = History(tmp_path / "history.sqlite3")
    move = catalog_of(pack_toml("p", move_toml("m", "hold = 600"))).moves["p/m"]
    clock = FakeClock()
    session = Session([QueueItem.of(move)], Pacing(0, 5), clock=clock, history=history)
    session.start()
    for _ in range(12):
        clock.advance(1)
        session.update()
    assert history.query("SELECT outcome, done_seconds FROM segments") == [("stopped", 10.0)]
    assert history.query("SELECT done_seconds, status FROM sessions") == [(10.0, "running")]
    session.stop()
    assert history.query("SELECT outcome, done_seconds FROM segments") == [("stopped", 12.0)], "rewritten, not added"
    assert history.query("SELECT done_seconds, status FROM sessions") == [(12.0, "stopped")]
