from __future__ import annotations

import importlib.metadata
from types import SimpleNamespace

import pytest

from hiptui.catalog.library import load_library

FIXTURES = "tests.plugin_fixtures"


def entry_point(dist: str, target: str) -> importlib.metadata.EntryPoint:
    module, _, attr = target.partition(":")
    ep = importlib.metadata.EntryPoint(name=dist, value=f"{FIXTURES}.{module}" + (f":{attr}" if attr else ""), group="hiptui")
    return ep._for(SimpleNamespace(name=dist))  # type: ignore[attr-defined]


def records_by_source(*points: importlib.metadata.EntryPoint):
    library = load_library(entry_points=points)
    return library, {record.source: record for record in library.records}


def test_builtin_packs_arrive_through_the_builtin_plugin() -> None:
    library, _ = records_by_source()
    assert {r.id for r in library.records if r.source == "builtin"} == {"mobility", "yoga", "foam-rolling", "banded-strength"}


def test_a_plugin_adds_its_pack_file_and_pack_objects() -> None:
    library, by_source = records_by_source(
        entry_point("hiptui-pack-extras", "plugins:good"), entry_point("hiptui-python", "plugins:as_object")
    )
    assert by_source["plugin:hiptui-pack-extras"].id == "runner-extras"
    assert by_source["plugin:hiptui-python"].id == "from-python"
    assert {"runner-extras", "from-python"} <= {pack.id for pack in library.packs}


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("broken_import", "could not load plugin 'tests.plugin_fixtures.broken_import': ImportError: this plugin needs"),
        ("plugins:raises", "register_packs() failed: RuntimeError: the plugin fell over"),
        ("plugins:returns_none", "expected a list of paths or Packs, got NoneType"),
        ("plugins:returns_string", "expected a list of paths or Packs, got str"),
        ("plugins:returns_dict", "expected a list of paths or Packs, got dict"),
        ("plugins:returns_missing_path", "registered a path that does not exist"),
        ("plugins:no_hook", "implements no hiptui hook"),
        ("plugins:missing_attribute", "could not load plugin"),
    ],
)
def test_a_broken_plugin_is_reported_and_everything_else_loads(target: str, reason: str) -> None:
    library, by_source = records_by_source(entry_point("bad-plugin", target), entry_point("good-plugin", "plugins:good"))
    broken = by_source["plugin:bad-plugin"]
    assert broken.error is not None and reason in broken.error
    assert {"mobility", "yoga", "foam-rolling", "banded-strength", "runner-extras"} <= {p.id for p in library.packs}


def test_plugin_output_never_reaches_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    records_by_source(entry_point("chatty", "plugins:prints"))
    out, err = capsys.readouterr()
    assert out == "" and "hello from a chatty plugin" in err


def test_the_first_pack_to_claim_an_id_keeps_it(hiptui_home) -> None:
    (hiptui_home / "packs").mkdir()
    (hiptui_home / "packs" / "mine.toml").write_text('[pack]\nid = "runner-extras"\nname = "Mine"\nversion = "1"\n')
    library, by_source = records_by_source(entry_point("impostor", "plugins:claims_yoga"), entry_point("extras", "plugins:good"))
    assert "pack id 'yoga' is already taken by builtin" in (by_source["plugin:impostor"].error or "")
    assert "already taken by plugin:extras" in (by_source["user"].error or "")
    assert [p.name for p in library.packs if p.id == "yoga"] == ["Yoga for Runners' Hips"]


def test_user_packs_load_from_the_data_folder_and_broken_ones_are_reported(hiptui_home) -> None:
    packs = hiptui_home / "packs"
    packs.mkdir()
    (packs / "good.toml").write_text('[pack]\nid = "mine"\nname = "Mine"\nversion = "1"\n')
    (packs / "bad.toml").write_text('[pack]\nid = "oops"\nname = "Oops"\n')
    library, _ = records_by_source()
    user = {r.location.rsplit("/", 1)[-1]: r for r in library.records if r.source == "user"}
    assert user["good.toml"].ok
    assert user["bad.toml"].error.endswith("pack.version: missing required key 'version'")


def test_plugins_can_be_skipped_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    points = (entry_point("one", "plugins:good"), entry_point("two", "plugins:as_object"))
    monkeypatch.setenv("HIPTUI_DISABLE_PLUGINS", "one")
    assert {r.source for r in load_library(entry_points=points).records} == {"builtin", "plugin:two"}
    monkeypatch.delenv("HIPTUI_DISABLE_PLUGINS")
    monkeypatch.setenv("HIPTUI_LOAD_PLUGINS", "")
    assert {r.source for r in load_library(entry_points=points).records} == {"builtin"}


def test_tracing_prints_each_hook_call(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HIPTUI_TRACE_PLUGINS", "1")
    records_by_source(entry_point("extras", "plugins:good"))
    err = capsys.readouterr().err
    assert "calling register_packs() of builtin" in err and "plugin:extras:extras returned 1 item(s)" in err


def test_a_slow_plugin_never_freezes_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Packs load in a worker: the builder shows a loading note at once and the library when the plugin is done."""
    import asyncio
    import time

    from hiptui.catalog import library as library_module
    from hiptui.tui.app import HiptuiApp
    from hiptui.tui.widgets.move_lists import LibraryList

    slow_load = library_module.load_library
    monkeypatch.setattr(
        library_module, "load_library", lambda **kw: slow_load(entry_points=[entry_point("slow", "plugins:slow")], **kw)
    )

    async def run() -> None:
        app = HiptuiApp()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            library = app.builder.query_one(LibraryList)
            assert library.items == [] and library.empty_text == "Loading packs…"
            assert any(worker.group == "packs" and worker.is_running for worker in app.workers)
            await pilot.press("slash", "p")
            assert app.builder.query_one("#search").value == "p", "the screen answers while the plugin works"
            started = time.monotonic()
            while not library.items and time.monotonic() - started < 30:
                await pilot.pause(0.1)
            assert any(entry.pack_id == "runner-extras" for entry in library.items)

    asyncio.run(run())


def test_a_plugin_of_timer_hooks_only_is_no_broken_pack() -> None:
    library, by_source = records_by_source(entry_point("hiptui-voice-like", "plugins:timer_only"))
    assert "plugin:hiptui-voice-like" not in by_source
    assert all(record.error is None for record in library.records)
