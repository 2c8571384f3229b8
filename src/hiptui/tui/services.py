"""The app, typed, for the screens and widgets that call it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from hiptui.tui.app import HiptuiApp
    from hiptui.workspace import Workspace


def app_of(node: DOMNode) -> HiptuiApp:
    return cast("HiptuiApp", node.app)


def workspace_of(node: DOMNode) -> Workspace:
    """The workspace: there once the first frame is out, before any screen but the builder can open."""
    return app_of(node).workspace
