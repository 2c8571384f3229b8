from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from hiptui.catalog.library import load_library

FIXTURES = "tests.plugin_fixtures"


def entry_point(dist: str, target: str) -> importlib.metadata.EntryPoint:
    module, _, attr = target.partition(":")
    ep = importlib.metadata.EntryPoint(
        name=dist, value=f"{FIXTURES}.{module}" + (f":{attr}" if attr else ""), group="hiptui"
    )
    return ep._for(SimpleNamespace(name=dist))  # type: ignore[attr-defined]


def records_by_source(*points: importlib.metadata.EntryPoint):
    library = load_library(entry_points=points)
    return library, {record.source: record for record in library.records}


def test_builtin_packs_arrive_through_the_builtin_plugin() -> None:
    library, _ = records_by_source()
    assert {r.id for r in library.records if r.source == "builtin"} == {
        "mobility",
        "yoga",
        "foam-rolling",
        "banded-strength",
    }


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
        (
            "broken_import",
            "could not load plugin 'tests.plugin_fixtures.broken_import': ImportError: this plugin needs",
        ),
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
    library, by_source = records_by_source(
        entry_point("bad-plugin", target), entry_point("good-plugin", "plugins:good")
    )
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
    library, by_source = records_by_source(
        entry_point("impostor", "plugins:claims_yoga"), entry_point("extras", "plugins:good")
    )
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
        library_module,
        "load_library",
        lambda *args, **kw: slow_load(*args, **{**kw, "entry_points": [entry_point("slow", "plugins:slow")]}),
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


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("exits_at_import", "could not load plugin 'tests.plugin_fixtures.exits_at_import': SystemExit: this plugin"),
        (
            "interrupts_at_import",
            "could not load plugin 'tests.plugin_fixtures.interrupts_at_import': KeyboardInterrupt",
        ),
        ("plugins:exits", "register_packs() failed: SystemExit: 3"),
        ("plugins:interrupts", "register_packs() failed: KeyboardInterrupt"),
        ("plugins:misspelled", "unknown hook segment_strated (did you mean segment_started?)"),
    ],
)
def test_a_plugin_that_exits_or_breaks_the_rules_is_reported(target: str, reason: str) -> None:
    library, by_source = records_by_source(
        entry_point("bad-plugin", target), entry_point("good-plugin", "plugins:good")
    )
    assert reason in (by_source["plugin:bad-plugin"].error or "")
    assert "runner-extras" in {p.id for p in library.packs}
    assert not library.hooks._implementations("segment_started"), "a broken plugin's hooks are never called"


@pytest.mark.parametrize("target", ["hangs_at_import", "plugins:sleeps"])
def test_a_plugin_past_its_time_budget_is_left_out(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("HIPTUI_PLUGIN_TIMEOUT", "0.5")
    started = time.monotonic()
    library, by_source = records_by_source(
        entry_point("slow-plugin", target), entry_point("good-plugin", "plugins:good")
    )
    assert time.monotonic() - started < 15, "the budget is kept, not the plugin's 20 s or more"
    error = by_source["plugin:slow-plugin"].error or ""
    assert "did not answer within 0.5 s and was left out of this run (set HIPTUI_PLUGIN_TIMEOUT" in error
    assert "runner-extras" in {p.id for p in library.packs}


@pytest.mark.parametrize(("value", "budget"), [("2.5", 2.5), ("", 5.0), ("soon", 5.0), ("-1", 5.0), ("nan", 5.0)])
def test_the_budget_comes_from_the_environment(value: str, budget: float, monkeypatch: pytest.MonkeyPatch) -> None:
    from hiptui.plugins.host import plugin_budget

    monkeypatch.setenv("HIPTUI_PLUGIN_TIMEOUT", value)
    assert plugin_budget() == budget


LOAD_THEN_PRINT = """
import importlib.metadata, json, sys, time
from types import SimpleNamespace
from hiptui.catalog.library import load_library
ep = importlib.metadata.EntryPoint(name="x", value="tests.plugin_fixtures.{target}", group="hiptui")._for(SimpleNamespace(name="x"))
print("loading", flush=True)
library = load_library(entry_points=[ep])
print(json.dumps([r.error for r in library.records if r.error]), flush=True)
"""


def run_loader(target: str, budget: str) -> subprocess.Popen[str]:
    env = {**os.environ, "HIPTUI_PLUGIN_TIMEOUT": budget, "PYTHONPATH": str(Path(__file__).parents[1])}
    return subprocess.Popen(
        [sys.executable, "-c", LOAD_THEN_PRINT.format(target=target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env, cwd=Path(__file__).parents[1], preexec_fn=_as_from_a_terminal,
    )  # fmt: skip


def _as_from_a_terminal() -> None:
    """Ctrl+C as a shell gives it: a test run in the background (`.ci/run &`) inherits SIGINT ignored,
    and Python then never raises KeyboardInterrupt."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_a_hung_plugin_never_keeps_the_command_from_ending() -> None:
    process = run_loader("hangs_at_import", "0.5")
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "did not answer within 0.5 s" in out.splitlines()[-1]


def test_the_users_ctrl_c_still_ends_a_slow_start() -> None:
    import signal

    process = run_loader("plugins:sleeps", "30")
    assert process.stdout is not None and process.stdout.readline().strip() == "loading"
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert process.returncode != 0 and "KeyboardInterrupt" in err
