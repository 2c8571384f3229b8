"""The packs that ship with hiptui, given as a plugin's register_packs gives its own (without pluggy)."""

from __future__ import annotations

from pathlib import Path


def builtin_packs_dir() -> Path:
    """The shipped packs: inside the installed wheel, or the repository's packs/ in a development install."""
    installed = Path(__file__).parents[1] / "builtin_packs"
    return installed if installed.is_dir() else Path(__file__).parents[3] / "packs"


def register_packs() -> list[Path]:
    return [builtin_packs_dir()]
