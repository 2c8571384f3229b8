"""Real installs into a fresh virtual environment: the wheel ships the built-in packs, and the
example plugin installs through `hiptui pack install` and registers its pack."""

from __future__ import annotations

import json
import os
import subprocess
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_PLUGIN = REPO / "plugins" / "hiptui-pack-desk-reset"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("installed")
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    subprocess.run(
        [env_dir / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", str(REPO)],
        check=True,
        timeout=900,
    )
    env = {**os.environ, "HIPTUI_HOME": str(root / "home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def hiptui(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [env_dir / "bin" / "hiptui", *args], capture_output=True, text=True, env=env, cwd=root, timeout=900
        )

    return hiptui


def test_a_plain_install_lists_the_builtin_packs(installed) -> None:
    packs = json.loads(installed("pack", "list", "--json").stdout)
    assert {p["id"] for p in packs if p["source"] == "builtin" and p["error"] is None} == {
        "mobility",
        "yoga",
        "foam-rolling",
        "banded-strength",
    }
    found = json.loads(installed("moves", "--search", "pigeon", "--json").stdout)
    assert found[0]["id"] == "yoga/pigeon"


def test_the_example_plugin_installs_with_pip_and_registers_its_pack(installed) -> None:
    result = installed("pack", "install", str(EXAMPLE_PLUGIN))
    assert result.returncode == 0, result.stderr
    assert "hiptui-pack-desk-reset registers: desk-reset" in result.stdout
    packs = {p["id"]: p for p in json.loads(installed("pack", "list", "--json").stdout)}
    assert packs["desk-reset"]["source"] == "plugin:hiptui-pack-desk-reset" and packs["desk-reset"]["error"] is None
    removal = installed("pack", "remove", "desk-reset")
    assert removal.returncode == 1 and "pip uninstall hiptui-pack-desk-reset" in removal.stderr
    assert installed("pack", "remove", "desk-reset", "--uninstall").returncode == 0
    assert "desk-reset" not in {p["id"] for p in json.loads(installed("pack", "list", "--json").stdout)}


def test_the_voice_plugin_installs_and_breaks_nothing(installed) -> None:
    result = installed("pack", "install", str(REPO / "plugins" / "hiptui-voice"))
    assert result.returncode == 0, result.stderr
    assert "registers no pack" in result.stdout
    packs = json.loads(installed("pack", "list", "--json").stdout)
    assert all(p["error"] is None for p in packs) and len(packs) == 4
