from __future__ import annotations

import importlib.util
import os
import stat
import sys
import time
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[1]


def load_plugin():
    spec = importlib.util.spec_from_file_location(
        "hiptui_voice_under_test", PLUGIN / "src" / "hiptui_voice" / "__init__.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake_espeak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An espeak-ng on PATH that writes what it was asked to say to a file."""
    said = tmp_path / "said.txt"
    program = tmp_path / "bin" / "espeak-ng"
    program.parent.mkdir()
    program.write_text(f"#!{sys.executable}\nimport sys\nopen({str(said)!r}, 'a').write(sys.argv[-1] + '\\n')\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    return said


def wait_for_lines(path: Path, count: int) -> list[str]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = path.read_text().splitlines() if path.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    return path.read_text().splitlines() if path.exists() else []


def test_it_speaks_segments_and_the_countdown(fake_espeak: Path) -> None:
    voice = load_plugin()
    voice.segment_started(move="Pigeon", side="left", kind="work")
    voice.countdown(seconds_left=3)
    voice.session_finished(record={"status": "finished"})
    assert sorted(wait_for_lines(fake_espeak, 3)) == sorted(["Pigeon, left side", "3", "Session complete. Well done."])


def test_it_does_nothing_without_a_speech_program(monkeypatch: pytest.MonkeyPatch) -> None:
    voice = load_plugin()
    monkeypatch.setattr(voice.shutil, "which", lambda name: None)
    assert voice.speech_command() is None
    voice.segment_started(move="Pigeon", side=None, kind="work")


def test_the_hooks_match_hiptui_hookspecs() -> None:
    from hiptui.plugins.host import make_plugin_manager

    manager = make_plugin_manager()
    manager.register(load_plugin(), name="voice")
    assert {impl.plugin_name for impl in manager.hook.segment_started.get_hookimpls()} == {"voice"}


def test_phrases() -> None:
    voice = load_plugin()
    assert voice.phrase("Pigeon", "right", "ready") == "Get ready: Pigeon, right side"
    assert voice.phrase("Pigeon", "right", "switch") == "Switch sides"
    assert voice.phrase("Pigeon", None, "rest") == "Rest"
