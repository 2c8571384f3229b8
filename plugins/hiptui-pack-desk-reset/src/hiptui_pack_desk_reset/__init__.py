"""Desk Reset for Runners: an example hiptui pack plugin (copy it to make your own)."""

from __future__ import annotations

from pathlib import Path

import hiptui

__version__ = "1.0.0"


@hiptui.hookimpl
def register_packs() -> list[Path]:
    """Give hiptui the path of this plugin's pack file."""
    return [Path(__file__).parent / "desk_reset.toml"]
