from __future__ import annotations

import asyncio
import inspect
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from tui_support import FakeClock  # noqa: E402

from hiptui.catalog.library import load_library  # noqa: E402
from hiptui.tui.app import HiptuiApp  # noqa: E402


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop: no asyncio plugin is installed, none is needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture
def make_app(clock: FakeClock):
    """The app on the built-in packs only (installed plugins would change what the screens show)."""

    def make(**kwargs) -> HiptuiApp:
        kwargs.setdefault("library", load_library(entry_points=[]))
        kwargs.setdefault("clock", clock)
        return HiptuiApp(**kwargs)

    return make
