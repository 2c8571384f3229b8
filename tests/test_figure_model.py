"""The `figure` of a move in the pack format: what loads, what is refused and where, and the built-in figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptui.figure import draw
from hiptui.packs.loader import load_pack_file, load_pack_text
from tests.helpers import move_toml, pack_toml

PACKS = sorted((Path(__file__).parents[1] / "packs").glob("*.toml"))


def load(figure: str) -> tuple[object, list[str]]:
    text = pack_toml(moves=move_toml("bridge", "reps = 10") + "\n[moves.figure]\n" + figure)
    result = load_pack_text(text, "p.toml")
    return result.pack, [str(problem) for problem in result.problems]


def test_a_good_figure_loads_and_becomes_plain_data() -> None:
    pack, problems = load(
        'view = "side"\nprops = ["wall", { prop = "foam-roller", at = "back" }]\nhold_pose = 1\n'
        'poses = [{ base = "supine", knee = 90 }, { base = "supine", hip = 120, knee = 90.5 }]\n'
    )

    assert problems == [] and pack is not None
    figure = pack.moves[0].figure.to_plain()  # type: ignore[attr-defined]
    assert figure.hold_index == 0 and [p.kind for p in figure.props] == ["wall", "foam-roller"]
    assert (figure.poses[1].hip, figure.poses[1].knee, figure.poses[1].trunk) == (120, 90.5, -90)


def test_a_working_arm_angle_moves_both_arms_unless_the_other_is_given() -> None:
    pack, _ = load("poses = [{ shoulder = 90 }, { shoulder = 90, other_shoulder = 10 }]\n")
    first, second = pack.moves[0].figure.to_plain().poses  # type: ignore[attr-defined]

    assert (first.other_shoulder, second.other_shoulder) == (90, 10)


def test_a_move_without_a_figure_still_loads() -> None:
    result = load_pack_text(pack_toml(moves=move_toml("bridge")), "p.toml")

    assert result.problems == [] and result.pack is not None and result.pack.moves[0].figure is None


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ("poses = []\n", "p.toml:13:1: moves[0].figure.poses: must not be empty"),
        (
            'view = "top"\nposes = [{}]\n',
            "p.toml:13:1: moves[0].figure.view: 'top' is not one of 'side', 'front' or 'three-quarter'",
        ),
        (
            'poses = [\n  { hip = 1 },\n  { base = "supine", other_knee = -361 },\n]\n',
            "p.toml:15:22: moves[0].figure.poses[1].other_knee: must be at least -360 (got -361)",
        ),
        (
            'props = [{ prop = "wall", to = "hand" }]\nposes = [{}]\n',
            "p.toml:13:27: moves[0].figure.props[0].to: 'to' only goes with a mini-band, long-band or strap",
        ),
        (
            'props = [{ prop = "strap", to = "ear" }]\nposes = [{}]\n',
            "p.toml:13:28: moves[0].figure.props[0].to: unknown body point 'ear'; known: head, chest, back, hip, thigh, knee, shin, foot, toe, "
            "hand, elbow, other-thigh, other-knee, other-shin, other-foot, other-toe, other-hand, other-elbow, front, behind",
        ),
        (
            'props = [{ prop = "bandd", to = "knee" }]\nposes = [{}]\n',
            "p.toml:13:12: moves[0].figure.props[0].prop: unknown prop 'bandd'; known: wall, bench, bed, step, chair,"
            " block, mini-band, long-band, strap, foam-roller, massage-ball, slider, balance-board",
        ),
        (
            'props = [{ prop = "bench", at = "front" }]\nposes = [{}]\n',
            "p.toml:13:28: moves[0].figure.props[0].at: 'front' is an anchor on the floor, only for the other end"
            " ('to') of a band or strap",
        ),
        (
            'poses = [{ base = "plnk" }]\n',
            "p.toml:13:12: moves[0].figure.poses[0].base: unknown base 'plnk' (did you mean 'plank'?)",
        ),
        ("poses = [{}]\nspeed = 2\n", "p.toml:14:1: moves[0].figure.speed: unknown key 'speed'"),
        (
            "poses = [{ hip = true }]\n",
            "p.toml:13:12: moves[0].figure.poses[0].hip: must be a number of degrees (got True)",
        ),
        (
            'poses = [{}]\nhold_pose = "2"\n',
            "p.toml:14:1: moves[0].figure.hold_pose: must be a whole number without quotes (got '2')",
        ),
    ],
)
def test_a_bad_figure_is_located(figure: str, expected: str) -> None:
    pack, problems = load(figure)

    assert pack is None and problems == [expected]


@pytest.mark.parametrize("path", PACKS, ids=lambda path: path.stem)
def test_every_built_in_figure_draws_at_any_size(path: Path) -> None:
    result = load_pack_file(path)
    assert result.pack is not None
    for move in result.pack.moves:
        if move.figure is None:
            continue
        figure = move.figure.to_plain()
        for width, height in ((12, 6), (40, 20), (80, 40)):
            for phase in (0.0, 0.37, 0.5):
                for side in ("left", "right"):
                    rows = draw(figure, width, height, phase=phase, side=side)
                    assert len(rows) == height and {len(row) for row in rows} == {width}, move.id
