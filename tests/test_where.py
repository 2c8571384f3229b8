"""`hiptui --where`: the data folder and its files, named as the data layer names them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hiptui.catalog.library import CACHE_DIR
from hiptui.cli.where import CONTENTS
from hiptui.data.history import HISTORY_FILE
from hiptui.data.routines import QUEUE_FILE, ROUTINES_DIR
from hiptui.data.settings import SETTINGS_FILE
from tests.test_cli import hiptui


def test_the_names_are_the_data_layers() -> None:
    names = {name.rstrip("/") for name, _ in CONTENTS}
    assert names == {"packs", ROUTINES_DIR, QUEUE_FILE, SETTINGS_FILE, HISTORY_FILE, CACHE_DIR}


def test_where_prints_the_folder_first_then_its_files(hiptui_home: Path) -> None:
    (hiptui_home / "packs").mkdir()
    result = hiptui("--where", home=hiptui_home)
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines[0] == str(hiptui_home)
    assert lines[1].split()[0] == "packs/" and "not yet made" not in lines[1]
    assert any(line.split()[0] == "history.sqlite3" and "not yet made" in line for line in lines)
    assert "--where" in hiptui("--help", home=hiptui_home).stdout


def test_where_imports_neither_the_parser_nor_the_data_layer() -> None:
    code = (
        "import sys, io, contextlib; from hiptui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['--where'])\n"
        "print(sorted(m for m in ('argparse', 'sqlite3', 'pydantic', 'hiptui.data', 'hiptui.cli.parser') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
