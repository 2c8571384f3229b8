"""Progressions (`easier`, `harder`) and the one-line `why` and `feel` of a move."""

from __future__ import annotations

import pytest

from hiptui.packs.loader import load_pack_text
from tests.helpers import catalog_of, load_pack, move_toml, pack_toml


def test_a_move_without_the_new_fields_is_still_valid_and_has_no_progressions() -> None:
    catalog = catalog_of(pack_toml("demo", move_toml("plain")))
    move = catalog.moves["demo/plain"]

    assert (move.move.easier, move.move.harder, move.move.why, move.move.feel) == ([], [], "", "")
    assert catalog.progressions(move) == ([], [])
    assert catalog.problems == []


def test_progressions_resolve_bare_and_global_refs_in_file_order() -> None:
    base = pack_toml(
        "base",
        move_toml("bridge", easier='["other/wall-sit", "hold"]', harder='["single-leg", "other/march"]')
        + move_toml("hold")
        + move_toml("single-leg"),
    )
    other = pack_toml("other", move_toml("wall-sit") + move_toml("march"))
    catalog = catalog_of(base, other)

    easier, harder = catalog.progressions(catalog.moves["base/bridge"])

    assert [m.gid for m in easier] == ["other/wall-sit", "base/hold"]
    assert [m.gid for m in harder] == ["base/single-leg", "other/march"]
    assert catalog.problems == []


def test_a_ref_no_loaded_pack_has_is_a_warning_naming_the_move_and_the_ref() -> None:
    catalog = catalog_of(pack_toml("demo", move_toml("bridge", harder='["gone", "elsewhere/far"]') + move_toml("x")))

    assert catalog.progressions(catalog.moves["demo/bridge"]) == ([], [])
    messages = [(p.source, p.severity, p.message) for p in catalog.problems]
    assert messages == [
        ("demo", "warning", "move 'demo/bridge' names 'gone' as harder, which no loaded pack has; it is left out"),
        (
            "demo",
            "warning",
            "move 'demo/bridge' names 'elsewhere/far' as harder, which no loaded pack has; it is left out",
        ),
    ]


def test_a_move_that_lists_itself_is_warned_about_and_left_out() -> None:
    catalog = catalog_of(
        pack_toml("demo", move_toml("loop", easier='["loop", "demo/loop", "other"]') + move_toml("other"))
    )

    easier, _ = catalog.progressions(catalog.moves["demo/loop"])

    assert [m.gid for m in easier] == ["demo/other"]
    assert [p.message for p in catalog.problems] == ["move 'demo/loop' names itself as easier; it is left out"] * 2


def test_why_and_feel_are_cleaned_to_one_line() -> None:
    pack = load_pack(pack_toml("demo", move_toml("m", why='"For the\\n hips\\u001b[31m."', feel='"  Outer hip. "')))

    assert (pack.moves[0].why, pack.moves[0].feel) == ("For the hips.", "Outer hip.")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("why", '"' + "a" * 161 + '"', "moves[0].why: is longer than 160 characters"),
        ("feel", "3", "moves[0].feel: must be text in quotes (got 3)"),
        ("easier", '"bridge"', "moves[0].easier: must be a list like"),
        ("harder", '["Not A Ref"]', "moves[0].harder[0]: 'Not A Ref' is not a move reference"),
    ],
)
def test_bad_new_fields_are_errors_where_they_stand(field: str, value: str, expected: str) -> None:
    result = load_pack_text(pack_toml("demo", move_toml("m", **{field: value})), "test.toml")

    assert result.pack is None
    assert [expected in str(p) for p in result.problems] == [True], [str(p) for p in result.problems]
