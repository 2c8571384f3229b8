from __future__ import annotations

import pytest

from hiptui.catalog.catalog import CatalogMove, QueueItem
from hiptui.packs.plain import Dose, Move
from hiptui.session.queue import SessionQueue
from hiptui.session.timeline import Pacing, build_timeline, total_seconds
from hiptui.session.timer import CountdownBeep, SegmentStarted, SessionFinished, Timer


def item(dose: Dose, name: str = "Move") -> QueueItem:
    move = Move(id="m", name=name, category="yoga", hold=1, steps=["s"])
    return QueueItem(CatalogMove(f"p/{name}", "p", "P", move), dose)


def kinds(items) -> list[tuple[str, str | None, int]]:
    return [(s.kind, s.side, s.seconds) for s in build_timeline(items).segments]


def test_a_hold_becomes_get_ready_then_work() -> None:
    assert kinds([item(Dose(hold=30))]) == [("ready", None, 10), ("work", None, 30)]


def test_per_side_sets_with_rest_expand_in_order() -> None:
    segments = kinds([item(Dose(reps=8, rep_seconds=2, sets=2, rest=20, per_side=True))])
    assert segments == [
        ("ready", "left", 10),
        ("work", "left", 16),
        ("switch", "right", 5),
        ("work", "right", 16),
        ("rest", "left", 20),
        ("work", "left", 16),
        ("switch", "right", 5),
        ("work", "right", 16),
    ]


def test_zero_rest_adds_no_segment_and_totals_add_up() -> None:
    timeline = build_timeline([item(Dose(hold=20, sets=3)), item(Dose(reps=5, per_side=True))])
    assert [s.kind for s in timeline.segments] == ["ready", "work", "work", "work", "ready", "work", "switch", "work"]
    assert timeline.total_seconds == sum(s.seconds for s in timeline.segments) == 10 + 60 + 10 + 15 + 5 + 15


def test_rep_counter() -> None:
    work = build_timeline([item(Dose(reps=8, rep_seconds=3))]).segments[1]
    assert [work.rep_at(t) for t in (0, 2.9, 3, 23.9, 24)] == [1, 1, 2, 8, 8]


def test_queue_operations() -> None:
    a, b, c = (item(Dose(hold=10), name) for name in "abc")
    queue = SessionQueue([a, b])
    assert queue.insert(1, [c]) == 1 and [i.move.name for i in queue] == ["a", "c", "b"]
    assert queue.move(0, 2) == 2 and [i.move.name for i in queue] == ["c", "b", "a"]
    assert queue.insert(99, [a]) == 3
    queue.remove(3)
    queue.set_dose(0, Dose(hold=99))
    assert queue[0].dose.hold == 99
    assert total_seconds(queue.items, Pacing()) == (10 + 99) + 2 * (10 + 10)
    assert total_seconds(queue.items, Pacing(ready_seconds=2)) == (2 + 99) + 2 * (2 + 10)


def test_every_change_to_the_queue_can_be_undone_in_order() -> None:
    a, b, c = (item(Dose(hold=10), name) for name in "abc")
    queue = SessionQueue([a, b])
    queue.insert(None, [c])
    queue.move(2, 0)
    queue.set_dose(1, Dose(hold=50))
    queue.remove(0)
    queue.clear()
    queue.load([c], "demo/routine", replace=True)
    names = lambda: [(i.move.name, i.dose.hold) for i in queue]  # noqa: E731
    assert queue.undo() == "load demo/routine" and names() == []
    assert queue.undo() == "clear 2 moves" and names() == [("a", 50), ("b", 10)]
    assert queue.undo() == "remove c" and names() == [("c", 10), ("a", 50), ("b", 10)]
    assert queue.undo() == "change the dose of a" and names() == [("c", 10), ("a", 10), ("b", 10)]
    assert queue.undo() == "move c" and queue.undo() == "add c" and names() == [("a", 10), ("b", 10)]
    assert queue.undo() is None and not queue.can_undo


def test_the_queue_is_its_routine_only_while_unchanged() -> None:
    a, b, c = (item(Dose(hold=10), name) for name in "abc")
    queue = SessionQueue()
    queue.load([a, b], "demo/evening", replace=True)
    assert queue.origin == "demo/evening"
    queue.insert(None, [c])
    assert queue.origin is None, "an edited routine is not that routine any more"
    queue.undo()
    assert queue.origin == "demo/evening"
    queue.move(0, 1)
    assert queue.origin is None
    queue.move(1, 0)
    assert queue.origin == "demo/evening", "the same moves at the same doses, in the same order"
    queue.set_dose(0, Dose(hold=11))
    assert queue.origin is None
    queue.load([a], "demo/other", replace=False)
    assert queue.origin is None, "a routine added after other moves does not name the queue"


def make_timer(clock, *doses: Dose) -> Timer:
    return Timer(build_timeline([item(d) for d in doses]), clock=clock)


def test_the_timer_counts_down_from_deadlines(clock) -> None:
    timer = make_timer(clock, Dose(hold=30))
    assert timer.start() == [SegmentStarted(0, timer.segment)]
    clock.advance(4.5)
    assert timer.remaining == pytest.approx(5.5)
    clock.advance(5.5)
    events = timer.update()
    assert isinstance(events[0], SegmentStarted) and timer.segment.kind == "work"
    assert timer.remaining == pytest.approx(30)


def test_pauses_never_count(clock) -> None:
    timer = make_timer(clock, Dose(hold=30))
    timer.start()
    clock.advance(3)
    timer.pause()
    clock.advance(500)
    assert timer.update() == [] and timer.remaining == pytest.approx(7)
    timer.resume()
    clock.advance(7)
    timer.update()
    assert timer.segment.kind == "work" and timer.session_remaining == pytest.approx(30)


def test_a_late_update_catches_up_without_drift(clock) -> None:
    timer = make_timer(clock, Dose(hold=30), Dose(hold=30))
    timer.start()
    clock.advance(10 + 30 + 4)
    events = timer.update()
    assert [e.index for e in events if isinstance(e, SegmentStarted)] == [1, 2]
    assert timer.remaining == pytest.approx(6)


def test_skip_back_and_adjust(clock) -> None:
    timer = make_timer(clock, Dose(hold=30), Dose(hold=30))
    timer.start()
    timer.next()
    assert timer.index == 1 and [(r.index, r.outcome) for r in timer.records] == [(0, "skipped")]
    clock.advance(12)
    timer.adjust(10)
    assert timer.remaining == pytest.approx(28) and timer.duration == 40
    timer.adjust(-100)
    assert timer.remaining == pytest.approx(1)
    timer.previous()
    assert timer.index == 0 and timer.remaining == pytest.approx(10)
    clock.advance(10)
    timer.update()
    assert [(r.index, r.outcome) for r in timer.records] == [(0, "skipped"), (0, "done")]
    assert [(r.index, r.outcome) for r in timer.final_records] == [(0, "done")]


def test_countdown_beeps_once_each_at_three_two_one(clock) -> None:
    timer = make_timer(clock, Dose(hold=5))
    timer.start()
    clock.advance(10)
    timer.update()
    beeps = []
    for _ in range(50):
        clock.advance(0.1)
        beeps += [e.seconds_left for e in timer.update() if isinstance(e, CountdownBeep)]
    assert beeps == [3, 2, 1]


def test_the_last_segment_finishes_and_finished_is_final(clock) -> None:
    timer = make_timer(clock, Dose(hold=5))
    timer.start()
    clock.advance(15)
    assert timer.update()[-1] == SessionFinished(completed=True)
    assert timer.state == "finished" and timer.remaining == 0 and timer.session_remaining == 0
    for command in (timer.next, timer.previous, timer.update, timer.toggle_pause):
        command()
    assert timer.state == "finished"


def test_stopping_records_an_abandoned_session(clock) -> None:
    timer = make_timer(clock, Dose(hold=5), Dose(hold=5))
    timer.start()
    clock.advance(12)
    timer.update()
    assert timer.stop() == [SessionFinished(completed=False)]
    assert timer.stopped and [r.outcome for r in timer.records] == ["done", "stopped"]
    assert timer.remaining == pytest.approx(3), "the countdown stays where it was stopped"


def test_a_minute_of_pauses_and_skips_keeps_the_countdown_exact(clock) -> None:
    timer = make_timer(clock, *(Dose(hold=20, per_side=True) for _ in range(4)))
    timer.start()
    for step in range(60):
        clock.advance(0.7)
        if step % 7 == 3:
            timer.pause()
            clock.advance(2.3)
            timer.resume()
        if step % 17 == 5:
            timer.next()
        timer.update()
    assert timer.session_remaining == pytest.approx(
        timer.remaining + sum(s.seconds for s in timer.timeline.segments[timer.index + 1 :])
    )
    assert timer.remaining >= 0
