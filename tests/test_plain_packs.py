"""The packs as plain data: the same fields as the models, and a warm start that never imports pydantic."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pydantic_core import PydanticUndefined

from hiptui.packs import figure_model, model, plain
from hiptui.packs.loader import load_pack_file
from hiptui.packs.plain import pack_data
from hiptui.plugins.builtin import builtin_packs_dir
from hiptui.plugins.discovery import may_have_plugins

PAIRS = [
    (plain.Dose, model.Dose),
    (plain.PackInfo, model.PackInfo),
    (plain.Move, model.Move),
    (plain.RoutineEntry, model.RoutineEntry),
    (plain.Routine, model.Routine),
    (plain.Pack, model.Pack),
    (plain.FigureTable, figure_model.MoveFigure),
]


def _default(field: dataclasses.Field[object]) -> object:
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return PydanticUndefined if field.default is dataclasses.MISSING else field.default


@pytest.mark.parametrize(("cls", "validated"), PAIRS, ids=[cls.__name__ for cls, _ in PAIRS])
def test_each_plain_class_has_its_model_s_fields_and_defaults(cls: type, validated: type[model.BaseModel]) -> None:
    ours = {field.name: _default(field) for field in dataclasses.fields(cls)}
    theirs = {name: info.get_default(call_default_factory=True) for name, info in validated.model_fields.items()}
    assert list(ours) == list(theirs) and ours == theirs


def test_a_plain_pack_holds_what_the_model_validated() -> None:
    for path in sorted(builtin_packs_dir().glob("*.toml")):
        validated = load_pack_file(path).pack
        assert validated is not None
        pack = validated.to_plain()
        assert pack_data(pack) == validated.model_dump()
        for ours, theirs in zip(pack.moves, validated.moves, strict=True):
            assert vars(ours.dose) == theirs.dose.model_dump()
            assert (ours.figure and ours.figure.to_plain()) == (theirs.figure and theirs.figure.to_plain())
        for routine, checked in zip(pack.routines, validated.routines, strict=True):
            for entry, theirs_entry in zip(routine.moves, checked.moves, strict=True):
                dose = plain.Dose(hold=30, sets=2, rest=10)
                assert (
                    vars(entry.apply_to(dose))
                    == theirs_entry.apply_to(model.Dose(hold=30, sets=2, rest=10)).model_dump()
                )


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HIPTUI_", "XDG_"))}
    return env | {"HIPTUI_HOME": str(home), "XDG_CACHE_HOME": str(home / "xdg"), "XDG_CONFIG_HOME": str(home / "xdg")}


def _imported(args: list[str], home: Path, wanted: tuple[str, ...] = ("pydantic", "pydantic_core")) -> list[str]:
    """The `wanted` modules (and their submodules) a fresh process running `args` imports (from `-X importtime`)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args], env=_environment(home), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    modules = [line.rpartition("|")[2].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert "hiptui.catalog.catalog" in modules or "hiptui.catalog.library" in modules, "the packs were not loaded"
    return [name for name in modules if name in wanted or name.startswith(tuple(f"{w}." for w in wanted))]


@pytest.mark.parametrize("command", [["moves", "--json"], ["pack", "list"], ["moves", "--search", "pigeon", "--json"]])
def test_a_warm_command_never_imports_pydantic(tmp_path: Path, command: list[str]) -> None:
    fill = ["-m", "hiptui", "moves", "--json"]
    assert _imported(fill, tmp_path), "a cold run validates the packs, with pydantic"
    assert any((tmp_path / "cache").iterdir())
    assert _imported(["-m", "hiptui", *command], tmp_path) == []


@pytest.mark.skipif(may_have_plugins(), reason="a hiptui plugin (or a place the scan cannot read) is on sys.path")
@pytest.mark.parametrize("command", [["moves"], ["pack", "list"]])
def test_with_no_plugin_installed_neither_pluggy_nor_importlib_metadata_is_imported(
    tmp_path: Path, command: list[str]
) -> None:
    _imported(["-m", "hiptui", "moves"], tmp_path)  # pydantic, which reads a cold cache, imports both
    assert _imported(["-m", "hiptui", *command], tmp_path, ("pluggy", "importlib.metadata")) == []


APP = textwrap.dedent(
    """
    import asyncio, sys, threading
    from pathlib import Path

    class NoteWhoImportsPydantic:
        def find_spec(self, name, path=None, target=None):
            if name == "pydantic":
                print("pydantic imported on", threading.current_thread().name, flush=True)
            return None

    sys.meta_path.insert(0, NoteWhoImportsPydantic())
    from hiptui.tui.app import HiptuiApp

    async def main() -> None:
        app = HiptuiApp(home=Path(sys.argv[1]))
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(1200):
                await pilot.pause(0.05)
                if app.library is not None:
                    break
            await app.workers.wait_for_complete()
            print(len(app.workspace.catalog), [item.move.gid for item in app.workspace.queue.items], flush=True)

    asyncio.run(main())
    """
)


def test_the_app_loads_a_warm_library_without_pydantic(tmp_path: Path) -> None:
    args = ["-c", APP, str(tmp_path)]
    assert _imported(args, tmp_path), "a cold start validates the packs, with pydantic"
    assert _imported(args, tmp_path) == []


def test_a_saved_queue_is_validated_with_pydantic_imported_off_the_event_loop(tmp_path: Path) -> None:
    """Restoring the queue validates its file; the app's thread, which shows the library, never waits on the import."""
    (tmp_path / "queue.toml").write_text('moves = ["yoga/pigeon"]\n')
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", APP, str(tmp_path)],
            env=_environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert "['yoga/pigeon']" in done.stdout
        assert "pydantic imported on" in done.stdout and "imported on MainThread" not in done.stdout, done.stdout
