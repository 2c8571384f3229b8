"""The built-in plugin: registers the packs that ship with hiptui, through the same hook as any plugin."""

from __future__ import annotations

from pathlib import Path

import hiptui


def builtin_packs_dir() -> Path:
    """The shipped packs: inside the installed wheel, or the repository's packs/ in a development install."""
    installed = Path(__file__).parents[1] / "builtin_packs"
    return installed if installed.is_dir() else Path(__file__).parents[3] / "packs"


@hiptui.hookimpl
def register_packs() -> list[Path]:
    return [builtin_packs_dir()]
