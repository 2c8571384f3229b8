"""hiptui: hip mobility for runners, in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("hiptui")
"""Marker for plugin hook implementations: ``@hiptui.hookimpl``."""

if TYPE_CHECKING:
    from hiptui.model import Pack

__all__ = ["Pack", "__version__", "hookimpl"]


def __getattr__(name: str) -> Any:
    # Pack is loaded lazily so that `hiptui --version` never pays for pydantic.
    if name == "Pack":
        from hiptui.model import Pack

        return Pack
    raise AttributeError(f"module 'hiptui' has no attribute {name!r}")
