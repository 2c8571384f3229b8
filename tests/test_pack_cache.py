from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from hiptui.catalog.library import load_library
from hiptui.packs import cache as pack_cache
from hiptui.packs.cache import PackCache
from hiptui.packs.plain import pack_data
from tests.helpers import move_toml, pack_toml


def write_pack(path: Path, name: str = "Mine") -> None:
    path.write_text(pack_toml("mine", move_toml("a", name=f'"{name}"')))


def test_an_unchanged_file_comes_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    source, cache = tmp_path / "mine.toml", PackCache(tmp_path / "cache")
    write_pack(source)
    first = cache.load(source)
    cache.flush()

    def no_parsing(path):
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(pack_cache, "_load_file", no_parsing)
    second = cache.load(source)
    assert second.pack == first.pack and second.problems == first.problems


def test_a_changed_file_is_loaded_again(tmp_path: Path) -> None:
    source, cache = tmp_path / "mine.toml", PackCache(tmp_path / "cache")
    write_pack(source, "Before")
    cache.load(source)
    write_pack(source, "After longer")
    assert cache.load(source).pack.moves[0].name == "After longer"


def _cached(tmp_path: Path) -> tuple[Path, PackCache, Path]:
    """A pack file named "Real", the cache that read it, and the one entry it wrote."""
    source, cache = tmp_path / "mine.toml", PackCache(tmp_path / "cache")
    write_pack(source, "Real")
    cache.load(source)
    cache.flush()
    (entry,) = (tmp_path / "cache").iterdir()
    return source, cache, entry


def test_a_corrupt_or_tampered_entry_is_ignored(tmp_path: Path) -> None:
    source, cache, entry = _cached(tmp_path)
    for content in (b"{not json", b'{"key": 1}', entry.read_bytes().replace(b'"steps":["Do it."]', b'"steps":[]')):
        entry.write_bytes(content)
        assert cache.load(source).pack.moves[0].name == "Real"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_an_entry_that_is_not_a_regular_file_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    source, _, entry = _cached(tmp_path)
    entry.unlink()
    os.mkfifo(entry)  # read as it is, a FIFO would block every start
    again = PackCache(tmp_path / "cache")
    assert again.load(source).pack.moves[0].name == "Real"
    again.flush()
    assert entry.is_file()


def test_the_library_uses_the_cache_and_gives_the_same_packs(hiptui_home: Path) -> None:
    cold = load_library()
    assert not (hiptui_home / "cache").exists(), "nothing is written until the packs are shown"
    cold.save_cache()
    assert (hiptui_home / "cache").is_dir()
    warm = load_library()
    assert [p for p in cold.packs] == [p for p in warm.packs]
    assert load_library(use_cache=False).packs == warm.packs


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    source = tmp_path / "mine.toml"
    write_pack(source)
    assert PackCache(blocker).load(source).pack is not None


FIGURE = """
[moves.figure]
view = "front"
props = ["wall", { prop = "mini-band", at = "knee", to = "front" }]
poses = [{ base = "supine", hip = 90, knee = 90 }, { base = "supine", hip = 45, knee = 10.5 }]
motion = "loop"
hold_pose = 2
"""


def test_a_cached_pack_is_the_pack_a_fresh_load_gives(tmp_path: Path) -> None:
    """Built without validation, yet equal field by field, figures and routines included."""
    from hiptui.plugins.builtin import builtin_packs_dir

    mine = tmp_path / "mine.toml"
    routine = '[[routines]]\nid = "r"\nname = "R"\nmoves = ["a", { move = "b", hold = 20 }, "yoga/pigeon"]\n'
    mine.write_text(
        pack_toml("mine", move_toml("a", cues='["Breathe."]') + FIGURE + move_toml("b", "reps = 5"), routine)
    )
    for path in [*sorted(builtin_packs_dir().glob("*.toml")), mine]:
        cache = PackCache(tmp_path / "cache")
        fresh = cache.load(path)
        cache.flush()
        cached = PackCache(tmp_path / "cache").load(path)
        assert fresh.pack is not None and cached.pack is not None and cached.pack is not fresh.pack
        assert cached.pack == fresh.pack and cached.problems == fresh.problems
        assert pack_data(cached.pack) == pack_data(fresh.pack)
        for ours, theirs in zip(cached.pack.moves, fresh.pack.moves, strict=True):
            assert ours.dose == theirs.dose and ours.figure == theirs.figure
            if theirs.figure is not None:
                assert ours.figure is not None and ours.figure.to_plain() == theirs.figure.to_plain()
    assert any(move.figure for move in cached.pack.moves)


def test_the_cache_builds_every_nested_object() -> None:
    """Each field that holds a plain object (or a list of them) is in NESTED, so none is left a dict, and
    the tables of figures are checked with their model's fields."""
    import dataclasses
    import typing

    from hiptui.packs import figure_model, plain

    def classes_in(annotation: object) -> list[type]:
        if annotation in pack_cache.CLASSES:
            return [annotation]  # type: ignore[list-item]
        return [found for arg in typing.get_args(annotation) for found in classes_in(arg)]

    seen: set[type] = set()
    todo: list[type] = [plain.Pack]
    while todo:
        cls = todo.pop()
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for field in dataclasses.fields(cls):
            inner = classes_in(hints[field.name])
            if inner:
                assert pack_cache.NESTED[cls][field.name][0] is inner[0], (cls.__name__, field.name)
                todo += [c for c in inner if c not in seen]
            else:
                assert field.name not in pack_cache.NESTED.get(cls, {})
    assert seen == set(pack_cache.CLASSES)
    tables = pack_cache.TABLES[plain.FigureTable]
    assert tables["poses"] == set(figure_model.FigurePose.model_fields)
    assert tables["props"] == set(figure_model.FigureProp.model_fields)


def test_an_entry_with_a_good_digest_but_the_wrong_fields_is_rebuilt(tmp_path: Path) -> None:
    """As if someone rewrote the entry and its digest: every object must have exactly its fields."""
    import json

    import orjson

    source, cache = tmp_path / "mine.toml", PackCache(tmp_path / "cache")
    write_pack(source, "Real")
    cache.load(source)
    cache.flush()
    (entry,) = (tmp_path / "cache").iterdir()
    header_line, body = entry.read_bytes().split(b"\n", 1)
    header = json.loads(header_line)
    document = json.loads(body)
    for change in ({"moves": [{**document["moves"][0], "name": "Forged", "run": "code"}]}, {"moves": [{"id": "x"}]}):
        forged = json.dumps({**document, **change}).encode()
        header["digest"] = pack_cache._digest(orjson.dumps(header["key"]), forged)
        entry.write_bytes(json.dumps(header).encode() + b"\n" + forged)
        assert cache.load(source).pack.moves[0].name == "Real"


def test_a_cached_object_copied_with_changes_leaves_the_others_alone(tmp_path: Path) -> None:
    source, cache = tmp_path / "mine.toml", PackCache(tmp_path / "cache")
    source.write_text(pack_toml("mine", move_toml("a") + move_toml("b", "reps = 5")))
    cache.load(source)
    cache.flush()
    pack = PackCache(tmp_path / "cache").load(source).pack
    assert pack is not None
    first, second = pack.moves
    changed = dataclasses.replace(first, name="Changed")
    assert changed.name == "Changed" and first.name == "A" and second.name == "B"
    assert vars(first).keys() == vars(second).keys() == vars(changed).keys()
