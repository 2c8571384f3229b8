from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hiptui.base.text import fold
from hiptui.catalog.catalog import Catalog
from hiptui.catalog.library import load_library
from hiptui.catalog.search import Filters, SearchIndex, _words
from hiptui.packs.plain import Move, Pack, PackInfo
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


def test_an_apostrophe_joins_a_word_instead_of_splitting_it() -> None:
    catalog = builtin_catalog()
    for query in ("runners", "runner's", "runner’s", "runner"):
        assert "Banded Runner's Hip-Flexion March" in names(catalog.search(query)), query
    assert "Wide-Knee Child's Pose" in names(catalog.search("childs"))


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


def reference_search(catalog: Catalog, query: str) -> list[str]:
    """The ranking rule as written in the search module's docstring, over whole texts, move by move."""
    query = _words(fold(query)).strip()
    tiers: list[list[str]] = [[], [], [], [], []]
    for entry in catalog.all_moves():
        move = entry.move
        name = _words(fold(move.name))
        aliases = [_words(fold(alias)) for alias in move.aliases]
        tags = [
            *move.targets,
            *move.equipment,
            move.category,
            move.position or "",
            entry.pack_id,
            entry.pack_name,
            move.style,
        ]
        fields = [name, *aliases, _words(fold(" ".join(tags)))]
        if not all(any(word in field for field in fields) for word in query.split()):
            continue
        if name.startswith(" " + query):
            tiers[0].append(entry.gid)
        elif " " + query in name:
            tiers[1].append(entry.gid)
        elif query in name:
            tiers[2].append(entry.gid)
        elif any(query in alias for alias in aliases):
            tiers[3].append(entry.gid)
        else:
            tiers[4].append(entry.gid)
    return [gid for tier in tiers for gid in tier]


WORD_PARTS = ["hip", "flex", "or", "pi", "geon", "ba", "nd", "é", "Ro", "ll", "90", "a", "'s", "’"]
texts = st.lists(st.sampled_from(WORD_PARTS), min_size=1, max_size=4).map("".join)
phrases = st.lists(texts, min_size=1, max_size=4).map(" ".join)
tag_slugs = st.lists(st.sampled_from(["hip-flexors", "glutes", "band", "roller", "a-b"]), max_size=2, unique=True)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.tuples(phrases, st.lists(phrases, max_size=2), tag_slugs, tag_slugs), min_size=1, max_size=12),
    st.lists(st.one_of(phrases, texts.map(lambda text: text[:2])), min_size=1, max_size=6),
)
def test_the_word_index_ranks_as_the_rule_says(moves, queries) -> None:
    pack = Pack(
        pack=PackInfo(id="p", name="Pack", version="1"),
        moves=[
            Move(
                id=f"m{i}",
                name=name,
                aliases=aliases,
                targets=targets,
                equipment=gear,
                category="mobility",
                hold=30,
                steps=["Go."],
            )
            for i, (name, aliases, targets, gear) in enumerate(moves)
        ],
    )
    catalog = Catalog([pack])
    for query in queries:
        assert [entry.gid for entry in catalog.search(query)] == reference_search(catalog, query), query


def test_the_moves_are_listed_before_the_vocabulary_is_built_and_one_is_built_for_every_thread() -> None:
    import threading

    from hiptui.catalog import search

    catalog = builtin_catalog()
    index = SearchIndex(catalog.all_moves())
    built: list[object] = []
    original = search._Vocabulary

    class Counted(original):  # type: ignore[misc, valid-type]
        def __init__(self, entries: list) -> None:  # type: ignore[type-arg]
            built.append(self)
            super().__init__(entries)

    search._Vocabulary = Counted  # type: ignore[misc]
    try:
        assert index.search("") == catalog.all_moves() and built == []
        answers: list[list[str]] = []
        threads = [threading.Thread(target=lambda: answers.append(names(index.search("pigeon")))) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        search._Vocabulary = original  # type: ignore[misc]
    assert len(built) == 1 and answers == [names(catalog.search("pigeon"))] * 4


def test_warming_stops_when_asked() -> None:
    index = SearchIndex(builtin_catalog().all_moves())
    asked: list[bool] = []

    def three_steps() -> bool:
        asked.append(len(asked) < 3)
        return asked[-1]

    index.warm(keep_going=three_steps)
    assert asked == [True, True, True, False] and list(index._letters) == ["a", "b", "c"]
