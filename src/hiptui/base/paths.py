"""Where hiptui keeps a user's data (SPEC section 3)."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "HIPTUI_HOME"


def data_home() -> Path:
    """$HIPTUI_HOME, or the platform's user data folder for hiptui."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_path

    return user_data_path("hiptui", appauthor=False)


def user_packs_dir(home: Path | None = None) -> Path:
    return (home or data_home()) / "packs"
