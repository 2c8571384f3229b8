from __future__ import annotations

from hiptui.catalog import Catalog
from hiptui.library import load_library
from hiptui.search import Filters, SearchIndex
from tests.helpers import catalog_of, move_toml, pack_toml


def builtin_catalog() -> Catalog:
    return Catalog(load_library().packs)


def names(found) -> list[str]:
    return [entry.name for entry in found]


def test_moves_have_global_ids() -> None:
    catalog = builtin_catalog()
    assert catalog.get("yoga/pigeon").name == "Pigeon"
    assert catalog.get("pigeon", pack_id="yoga") is catalog.get("yoga/pigeon")


def test_ranking_name_prefix_then_word_then_substring_then_other_fields() -> None:
    catalog = catalog_of(
        pack_toml(
            "p",
            move_toml("a", name='"Rollover"')
            + move_toml("b", name='"Glute roll"')
            + move_toml("c", name='"Bankroll stretch"')
            + move_toml("d", name='"Lizard"', aliases='["roll-ish lizard"]')
            + move_toml("e", name='"Quad smash"', equipment='["foam-roller"]'),
        )
    )
    assert names(catalog.search("roll")) == ["Rollover", "Glute roll", "Bankroll stretch", "Lizard", "Quad smash"]


def test_search_is_case_and_accent_insensitive_and_finds_aliases() -> None:
    catalog = builtin_catalog()
    assert names(catalog.search("PIGEON"))[0] == "Pigeon"
    assert "Pigeon" in names(catalog.search("kapotásana"))
    assert "Pigeon" in names(catalog.search("eka pada"))


def test_every_word_must_match_somewhere() -> None:
    catalog = builtin_catalog()
    found = catalog.search("roll calves")
    assert found and all("calves" in e.move.targets or "calves" in e.name.lower() for e in found)
    assert catalog.search("pigeon zzz") == []


def test_search_by_target_equipment_and_pack() -> None:
    catalog = builtin_catalog()
    assert all(e.pack_id == "foam-rolling" or "foam-roller" in e.move.equipment for e in catalog.search("foam"))
    assert any("mini-band" in e.move.equipment for e in catalog.search("mini band"))
    assert any("hip-flexors" in e.move.targets for e in catalog.search("hip flexors"))


def test_typing_on_and_deleting_gives_the_same_answers_as_a_fresh_search() -> None:
    catalog = builtin_catalog()
    for query in ("p", "pi", "pig", "pige", "pi", "", "g", "glute", "glute b", "glute", "hip flex"):
        fresh = SearchIndex(catalog.all_moves())
        assert catalog.search(query) == fresh.search(query), query


def test_filters() -> None:
    catalog = builtin_catalog()
    yoga = catalog.search("", Filters(pack=frozenset({"yoga"})))
    assert yoga and {e.pack_id for e in yoga} == {"yoga"}
    no_gear = catalog.search("", Filters(equipment=frozenset({"none"})))
    assert no_gear and all(not e.move.equipment for e in no_gear)
    before_run = catalog.search("", Filters(when=frozenset({"pre-run"}), style=frozenset({"dynamic"})))
    assert before_run and all("pre-run" in e.move.when and e.move.style == "dynamic" for e in before_run)
    assert set(catalog.facets()) == set(Filters.FACETS)


def test_routines_resolve_and_missing_moves_are_reported_not_dropped_silently() -> None:
    catalog = catalog_of(
        pack_toml(
            "p",
            move_toml("a"),
            '[[routines]]\nid = "r"\nname = "R"\nmoves = ["a", "elsewhere/gone", { move = "a", hold = 45 }]\n',
        )
    )
    routine = catalog.routine("p/r")
    assert routine is catalog.routine("r")
    assert [i.dose.hold for i in routine.items] == [30, 45]
    assert routine.missing == ["elsewhere/gone"]
    assert "names 'elsewhere/gone', which no loaded pack has" in catalog.problems[0].message


def test_search_scales_to_ten_thousand_moves() -> None:
    moves = "".join(move_toml(f"move-{n}", name=f'"Move number {n}"') for n in range(5000))
    catalog = catalog_of(pack_toml("one", moves), pack_toml("two", moves))
    assert len(catalog) == 10_000
    assert names(catalog.search("number 4999"))[:2] == ["Move number 4999", "Move number 4999"]
