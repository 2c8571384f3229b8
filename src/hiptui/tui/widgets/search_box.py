"""The library's search box, answered inside the keystroke's own frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input


class SearchBox(Input):
    """An Input that calls `on_change` while it handles the key itself.

    An `Input.Changed` message reaches the screen only after the typed character has been drawn,
    so a list updated from there waits for the next frame (up to 1/60 s) and its message hops.
    Called from the value's watcher, the list changes in the same frame as the character.
    """

    def __init__(self, on_change: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_change = on_change

    def watch_value(self, value: str) -> None:
        if self.is_mounted:
            self._on_change(value)
