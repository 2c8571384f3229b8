from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import FakeClock

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def hiptui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder and no stray plugin settings."""
    home = tmp_path / "hiptui-home"
    home.mkdir()
    monkeypatch.setenv("HIPTUI_HOME", str(home))
    for name in ("HIPTUI_LOAD_PLUGINS", "HIPTUI_DISABLE_PLUGINS", "HIPTUI_TRACE_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
