from __future__ import annotations

from pathlib import Path

import pytest

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


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
