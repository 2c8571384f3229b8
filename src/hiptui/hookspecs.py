"""The hooks a hiptui plugin can implement."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from hiptui.model import Pack

hookspec = pluggy.HookspecMarker("hiptui")


@hookspec
def register_packs() -> Iterable[Path | Pack]:
    """Return the content packs this plugin provides: paths to pack files or folders of them, or Pack objects."""
