"""Property tests: the loader fails only in its own words, timelines add up, the timer keeps its invariants."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiptui.catalog.catalog import CatalogMove, QueueItem
from hiptui.packs.loader import LoadResult, load_pack_bytes
from hiptui.packs.plain import Dose, Move
from hiptui.session.timeline import build_timeline
from hiptui.session.timer import Timer

VALID = (Path(__file__).resolve().parents[1] / "packs" / "yoga.toml").read_bytes()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(result: LoadResult, data: bytes) -> None:
    lines = data.count(b"\n") + 1
    assert result.pack is not None or result.errors
    for problem in result.problems:
        assert problem.line is None or 1 <= problem.line <= lines, (problem, lines)
        assert "\x1b" not in str(problem)


toml_values = st.recursive(
    st.none().map(lambda _: "true")
    | st.integers(-(10**6), 10**6).map(str)
    | st.text(max_size=20).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"')
    | st.floats(allow_nan=False, allow_infinity=False).map(repr),
    lambda children: st.lists(children, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
    max_leaves=8,
)
keys = st.sampled_from(
    ["id", "name", "version", "hold", "reps", "sets", "rest", "steps", "moves", "pack", "x", "per_side", "format"]
)
lines = st.one_of(
    st.tuples(keys, toml_values).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    st.sampled_from(["[pack]", "[[moves]]", "[[routines]]", "[moves]", "# comment", "", "[[pack]]"]),
    st.text(max_size=30),
)


@FAST
@given(st.lists(lines, max_size=25))
def test_random_toml_documents_fail_only_with_located_problems(document: list[str]) -> None:
    data = "\n".join(document).encode("utf-8", errors="surrogatepass")
    check(load_pack_bytes(data, "random.toml"), data)


@FAST
@given(st.data())
def test_mutated_valid_packs_fail_only_with_located_problems(data: st.DataObject) -> None:
    mutated = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(mutated) - 1))
        action = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        byte = data.draw(st.sampled_from(list(b'[]{}="\n#.,0a-\\\x00\xff')))
        if action == "delete":
            del mutated[position]
        elif action == "insert":
            mutated.insert(position, byte)
        else:
            mutated[position] = byte
    check(load_pack_bytes(bytes(mutated), "mutated.toml"), bytes(mutated))


@FAST
@given(st.data())
def test_every_reported_line_exists_for_line_mutations(data: st.DataObject) -> None:
    rows = VALID.decode().splitlines()
    index = data.draw(st.integers(0, len(rows) - 1))
    rows[index] = data.draw(
        st.sampled_from(["hodl = 5", "hold = 0", 'id = "X"', "steps = []", "sets = 99", "reps = '3'"])
    )
    text = "\n".join(rows).encode()
    result = load_pack_bytes(text, "line.toml")
    check(result, text)
    try:
        tomllib.loads(text.decode())
    except tomllib.TOMLDecodeError:
        assert result.errors


doses = st.builds(
    Dose,
    hold=st.one_of(st.none(), st.integers(1, 120)),
    sets=st.integers(1, 4),
    rest=st.integers(0, 30),
    per_side=st.booleans(),
).map(lambda d: d if d.hold is not None else dataclasses.replace(d, reps=5))


def item(dose: Dose) -> QueueItem:
    move = Move(id="m", name="M", category="yoga", hold=1, steps=["s"])
    return QueueItem(CatalogMove("p/m", "p", "P", move), dose)


@FAST
@given(st.lists(doses, max_size=8), st.integers(0, 20), st.integers(0, 10))
def test_a_timeline_total_is_the_sum_of_its_segments(queue: list[Dose], ready: int, switch: int) -> None:
    timeline = build_timeline([item(d) for d in queue], ready, switch)
    assert timeline.total_seconds == sum(s.seconds for s in timeline.segments)
    assert all(s.seconds > 0 for s in timeline.segments)
    for dose in queue:
        assert dose.work_seconds > 0


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


commands = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(0, 40)),
        st.sampled_from(
            [("pause",), ("resume",), ("next",), ("previous",), ("plus",), ("minus",), ("update",), ("stop",)]
        ),
    ),
    max_size=60,
)


@FAST
@given(st.lists(doses, min_size=1, max_size=4), commands)
def test_random_keys_keep_the_timer_invariants(queue: list[Dose], keys: list[tuple]) -> None:
    clock = Clock()
    timer = Timer(build_timeline([item(d) for d in queue]), clock=clock)
    timer.start()
    for key in keys:
        before = (timer.state, timer.index, timer.remaining)
        if key[0] == "advance":
            clock.now += key[1]
        elif key[0] == "plus":
            timer.adjust(10)
        elif key[0] == "minus":
            timer.adjust(-10)
        else:
            getattr(timer, key[0])()
        assert timer.remaining >= 0 and timer.session_remaining >= timer.remaining - 1e-9
        if before[0] == "paused" and key[0] in ("advance", "update"):
            assert (timer.state, timer.index, timer.remaining) == before, "a pause never advances"
        if before[0] == "finished":
            assert (timer.state, timer.remaining) == ("finished", before[2]), "finished is final"
        if timer.state != "finished":
            assert 0 <= timer.index < len(timer.timeline.segments)
