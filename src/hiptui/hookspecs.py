"""The hooks a hiptui plugin can implement."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from hiptui.packs.model import Pack

hookspec = pluggy.HookspecMarker("hiptui")


@hookspec
def register_packs() -> Iterable[Path | Pack]:
    """Return the content packs this plugin provides: paths to pack files or folders of them, or Pack objects."""
    raise NotImplementedError  # a specification: pluggy calls the plugins' implementations, never this


@hookspec
def session_started(planned_seconds: int, routine: str | None, moves: list[str]) -> None:
    """Called when a session starts on the timer, with its planned length and the names of its moves."""


@hookspec
def segment_started(move: str, side: str | None, seconds: int, kind: str, set_number: int) -> None:
    """Called when a segment begins: the move's name, LEFT/RIGHT side (or None), its seconds, and its kind
    ("ready", "work", "switch" or "rest")."""


@hookspec
def countdown(seconds_left: int) -> None:
    """Called at 3, 2 and 1 seconds before the end of a work segment."""


@hookspec
def session_finished(record: dict[str, Any]) -> None:
    """Called when a session ends, finished or stopped, with a summary such as `hiptui history --json` gives."""
