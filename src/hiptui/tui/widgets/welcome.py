"""What an empty queue shows: three ways to get going at once, each with its key, each clickable.

It stands below the queue's (empty) list, so the list's rows never move when it goes, and a move dropped on
it goes into the queue."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Offset
from textual.widgets import Static

from hiptui.tui.keys import BY_ID
from hiptui.tui.services import app_of
from hiptui.tui.widgets.drag import DragPayload
from hiptui.tui.widgets.move_lists import QueueList

CHOICES = [
    ("builder.before-run", "Before a run", "the pre-run warm-up"),
    ("builder.after-run", "After a run", "the post-run reset"),
    ("builder.plan", "Plan one for me", "for the time you have"),
]


class Welcome(Static):
    """Shown above the queue while it is empty (again, once emptied: it is the way back in)."""

    def on_mount(self) -> None:
        self.update(self.text())

    def text(self) -> Content:
        app = app_of(self)
        lines = [Content.from_markup("[b]Start here[/b]"), Content("")]
        for binding_id, title, what in CHOICES:
            shown = app.key_name(binding_id)
            action = f"screen.{BY_ID[binding_id].action}"
            lines.append(Content.from_markup(f"[b][@click={action}] $key  $title [/][/b]", key=shown, title=title))
            lines.append(Content.from_markup("     [dim]$what[/]", what=what))
        return Content("\n").join(lines)

    # -- a drop here is a drop at the end of the queue ---------------------------------------

    def _queue(self) -> QueueList:
        return self.screen.query_one(QueueList)

    def accepts(self, payload: DragPayload) -> bool:
        return self._queue().accepts(payload)

    def drop_index_at(self, screen_offset: Offset) -> int:
        return len(self._queue().items)

    def show_drop_marker(self, index: int | None) -> None:
        self._queue().show_drop_marker(index)
