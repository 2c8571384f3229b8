from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from hiptui.base.durations import format_duration, parse_duration
from hiptui.packs.loader import load_pack_file, load_pack_text
from hiptui.packs.model import Pack
from hiptui.packs.plain import Dose
from tests.helpers import load_pack, move_toml, pack_toml


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("2m", 120), ("1m30s", 90), ("1m 30s", 90), ("45", 45), ("1h", 3600), (" 2M ", 120)],
)
def test_duration_strings(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "2 minutes", "1.5m", "-3s", "m"])
def test_bad_duration_strings(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)


def test_format_duration() -> None:
    assert [format_duration(s) for s in (0, 45, 60, 125, 3723)] == ["0 s", "45 s", "1:00", "2:05", "1:02:03"]


def test_a_valid_pack_loads_with_defaults_and_durations() -> None:
    pack = load_pack(pack_toml(moves=move_toml("couch", 'hold = "1m30s"', per_side="true")))
    move = pack.moves[0]
    assert (move.hold, move.reps, move.sets, move.rest, move.style, move.per_side) == (90, None, 1, 0, "static", True)
    assert move.dose == Dose(hold=90, per_side=True)


def test_reps_default_to_three_seconds_a_rep() -> None:
    move = load_pack(pack_toml(moves=move_toml("swing", "reps = 10\nsets = 2\nrest = 15"))).moves[0]
    assert move.dose.work_seconds == 30
    assert move.dose.sets == 2 and move.dose.rest == 15


def test_control_characters_are_stripped_at_load_time() -> None:
    text = pack_toml(moves=move_toml("m", name='"Evil \\u001b[31mred\\u001b]52;c;aGk=\\u0007 \\u202emove"'))
    assert load_pack(text).moves[0].name == "Evil red move"


def test_markup_is_kept_as_literal_text() -> None:
    assert load_pack(pack_toml(moves=move_toml("m", name='"[bold]x[/"'))).moves[0].name == "[bold]x[/"


def test_every_problem_of_a_file_is_reported_with_its_line() -> None:
    text = pack_toml(moves=move_toml("a", "hodl = 3") + move_toml("B", "hold = 9000"))
    lines = [str(p) for p in load_pack_text(text, "p.toml").problems]
    assert lines == [
        "p.toml:9:1: moves[0].hodl: unknown key 'hodl' (did you mean 'hold'?)",
        "p.toml:12:1: moves[1].id: 'B' is not a valid id: use only lowercase letters, digits and '-' (no spaces or capitals)",
        "p.toml:15:1: moves[1].hold: must be at most 3600 seconds (got 9000)",
    ]


def test_a_missing_key_points_at_its_table_header() -> None:
    text = '[pack]\nid = "x"\nname = "X"\nversion = "1"\n\n[[moves]]\nid = "m"\ncategory = "yoga"\nhold = 5\nsteps = ["s"]\n'
    (problem,) = load_pack_text(text, "p.toml").problems
    assert str(problem) == "p.toml:6:1: moves[0].name: missing required key 'name'"


def test_a_routine_naming_a_missing_move_of_its_pack_is_a_warning() -> None:
    text = pack_toml(
        moves=move_toml("a"), routines='[[routines]]\nid = "r"\nname = "R"\nmoves = ["a", "b", "other/c"]\n'
    )
    result = load_pack_text(text, "p.toml")
    assert result.pack is not None
    assert [p.severity for p in result.problems] == ["warning"]
    assert "no move 'b' in this pack" in str(result.problems[0])


def test_routine_overrides_change_the_dose() -> None:
    pack = load_pack(
        pack_toml(
            moves=move_toml("a", "reps = 8"),
            routines='[[routines]]\nid = "r"\nname = "R"\nmoves = [{ move = "a", hold = "1m", sets = 2 }]\n',
        )
    )
    entry = pack.routines[0].moves[0]
    dose = entry.apply_to(pack.moves[0].dose)
    assert (dose.hold, dose.reps, dose.sets) == (60, None, 2)


def test_plugins_can_build_packs_in_python() -> None:
    pack = Pack(
        pack={"id": "py", "name": "Python pack", "version": "1"},
        moves=[{"id": "m", "name": "M", "category": "yoga", "hold": 30, "steps": ["Go."]}],
    )
    assert pack.id == "py" and pack.moves[0].dose.hold == 30
    with pytest.raises(ValidationError):
        Pack(pack={"id": "Bad Id", "name": "x", "version": "1"})


def test_a_pack_of_five_thousand_moves_validates(tmp_path: Path) -> None:
    moves = "".join(move_toml(f"move-{n}") for n in range(5000))
    path = tmp_path / "big.toml"
    path.write_text(pack_toml(moves=moves))
    result = load_pack_file(path)
    assert result.pack is not None and len(result.pack.moves) == 5000
    assert result.problems == []


def test_unreadable_paths_are_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = load_pack_file(tmp_path / "missing.toml").problems
    assert "cannot read the file" in problem.message
    (problem,) = load_pack_file(tmp_path).problems
    assert "cannot read the file" in problem.message


def test_a_key_of_twenty_thousand_dotted_parts_is_refused_with_bounded_memory() -> None:
    import tracemalloc

    text = '[pack]\nid = "x"\nname = "X"\nversion = "1"\n' + "a" + ".a" * 20_000 + " = 1\n"
    tracemalloc.start()
    (problem,) = load_pack_text(text, "dotted.toml").problems
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert str(problem) == "dotted.toml:5:1: a key has more than 8 dotted parts"
    assert peak < 10 * len(text), "refused before tomllib's work, which would take gigabytes"
