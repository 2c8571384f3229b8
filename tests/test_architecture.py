"""The core stays free of the UI, and the command line stays fast by never importing Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["model", "loader", "plugins", "library", "catalog", "search", "timeline", "timer", "queue", "cli"]


@pytest.mark.parametrize("module", CORE)
def test_core_modules_never_import_textual(module: str) -> None:
    code = f"import sys, hiptui.{module}; sys.exit('textual' in sys.modules or 'rich' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_hiptui_exports_the_plugin_api() -> None:
    import hiptui

    assert hiptui.hookimpl.project_name == "hiptui"
    assert hiptui.Pack.__name__ == "Pack"


def test_the_builder_s_first_frame_imports_no_pack_or_queue_module() -> None:
    """What the first frame draws needs none of these: they come with the packs, after it."""
    later = ["pydantic", "pluggy", "sqlite3", "hiptui.model", "hiptui.catalog", "hiptui.search", "hiptui.timeline",
             "hiptui.queue", "hiptui.library"]
    code = (
        "import sys, hiptui.tui.app, hiptui.tui.screens.builder; "
        f"print(' '.join(m for m in {later!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []
