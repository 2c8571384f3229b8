from __future__ import annotations

from pathlib import Path

from hiptui.catalog.library import load_library
from hiptui.packs import cache as pack_cache
from hiptui.packs.cache import PackCache
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

    monkeypatch.setattr(pack_cache, "load_pack_file", no_parsing)
    second = cache.load(source)
    assert second.pack == first.pack and second.problems == first.problems


def test_a_changed_file_is_loaded_again(tmp_path: Path) -> None:
    source, cache = tmp_path / "mine.toml", PackCache(tmp_path / "cache")
    write_pack(source, "Before")
    cache.load(source)
    write_pack(source, "After longer")
    assert cache.load(source).pack.moves[0].name == "After longer"


def test_a_corrupt_or_tampered_entry_is_ignored(tmp_path: Path) -> None:
    source, cache = tmp_path / "mine.toml", PackCache(tmp_path / "cache")
    write_pack(source, "Real")
    cache.load(source)
    cache.flush()
    (entry,) = (tmp_path / "cache").iterdir()
    for content in (b"{not json", b'{"key": 1}', entry.read_bytes().replace(b'"steps":["Do it."]', b'"steps":[]')):
        entry.write_bytes(content)
        assert cache.load(source).pack.moves[0].name == "Real"


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
