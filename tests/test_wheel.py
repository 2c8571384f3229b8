"""A real, non-editable install: the built-in packs must ship inside the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_a_plain_install_lists_the_builtin_packs(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(REPO)],
        check=True,
        timeout=600,
    )
    env = {**os.environ, "HIPTUI_HOME": str(tmp_path / "home")}
    listing = subprocess.run(
        [env_dir / "bin" / "hiptui", "pack", "list", "--json"], capture_output=True, text=True, env=env, check=True,
        cwd=tmp_path,
    )
    packs = json.loads(listing.stdout)
    assert {p["id"] for p in packs if p["source"] == "builtin" and p["error"] is None} == {
        "mobility", "yoga", "foam-rolling", "banded-strength",
    }
    found = subprocess.run(
        [env_dir / "bin" / "hiptui", "moves", "--search", "pigeon", "--json"], capture_output=True, text=True,
        env=env, check=True, cwd=tmp_path,
    )
    assert json.loads(found.stdout)[0]["id"] == "yoga/pigeon"
    assert sys.prefix not in listing.stdout
