"""Plugins hear the timer: session_started, segment_started, countdown and session_finished, in order."""

from __future__ import annotations

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
