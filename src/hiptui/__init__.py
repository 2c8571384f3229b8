"""hiptui: hip mobility for runners, in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    import pluggy

    from hiptui.packs.model import Pack

    hookimpl: pluggy.HookimplMarker

__all__ = ["Pack", "__version__", "hookimpl"]


def __getattr__(name: str) -> Any:
    # Both are made on first use, so that `hiptui --version` never pays for pydantic and the app's
    # first frame never pays for pluggy (the packs, and with them the plugins, load after it).
    if name == "Pack":
        from hiptui.packs.model import Pack

        return Pack
    if name == "hookimpl":
        import pluggy

        # The marker for plugin hook implementations: ``@hiptui.hookimpl``.
        globals()["hookimpl"] = marker = pluggy.HookimplMarker("hiptui")
        return marker
    raise AttributeError(f"module 'hiptui' has no attribute {name!r}")
