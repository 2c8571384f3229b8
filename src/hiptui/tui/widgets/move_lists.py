"""The library of moves and the session queue: virtual lists that can be dragged from and dropped on."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.geometry import Offset

from hiptui.catalog.formatting import describe_dose
from hiptui.tui.safe import plain
from hiptui.tui.widgets.drag import DragPayload, DragSource
from hiptui.tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:  # named as strings below: the lists are drawn, empty, before the core is imported
    from hiptui.catalog.catalog import CatalogMove, QueueItem

PER_SIDE_MARK = "⇄"
SHOW_DOSE_WIDTH = 34
SHOW_PACK_WIDTH = 56


class LibraryList(DragSource, VirtualList["CatalogMove"]):
    """Every move that passes the search and filters."""

    COMPONENT_CLASSES: ClassVar[set[str]] = VirtualList.COMPONENT_CLASSES | {"library-list--pack"}

    def row_key(self, index: int) -> CatalogMove:
        return self.items[index]

    def render_row(self, index: int, width: int) -> Text:
        entry = self.items[index]
        right = Text()
        if width >= SHOW_DOSE_WIDTH:
            right.append(f" {PER_SIDE_MARK}" if entry.dose.per_side else "  ")
            right.append_text(Text.assemble(" ", plain(describe_dose(entry.dose))))
        if width >= SHOW_PACK_WIDTH:
            pack_style = self.get_component_rich_style("library-list--pack")
            right.append_text(Text.assemble("  ", plain(entry.pack_id, pack_style)))
        room = max(1, width - right.cell_len)
        left = plain(entry.name)
        left.truncate(room, overflow="ellipsis", pad=True)
        return Text.assemble(left, right)

    def drag_payload(self, screen_offset: Offset) -> DragPayload | None:
        row = self.row_at(screen_offset.y)
        if not 0 <= row < len(self.items):
            return None
        entry = self.items[row]
        return DragPayload("library", entry, entry.name)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1:
            self.select_row_at(event)


class QueueList(DragSource, VirtualList["QueueItem"]):
    """The session being built; accepts drops from the library and from itself."""

    COMPONENT_CLASSES: ClassVar[set[str]] = VirtualList.COMPONENT_CLASSES | {"queue-list--marker"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_text = "Empty: a adds a move, or drag one here."
        self.drop_index: int | None = None

    def extra_rows(self) -> int:
        return 1

    def render_row(self, index: int, width: int) -> Text:
        item: QueueItem = self.items[index]
        gutter = self._gutter(index)
        mark = PER_SIDE_MARK if item.dose.per_side else ""
        right = Text.assemble(f" {mark}" if mark else "  ", f" {describe_dose(item.dose)}")
        left = Text.assemble(gutter, f"{index + 1:>2}. ", plain(item.move.name))
        left.truncate(max(1, width - right.cell_len), overflow="ellipsis", pad=True)
        return Text.assemble(left, right)

    def render_extra_row(self, row: int, width: int) -> Text | None:
        if row == 0 and self.drop_index == len(self.items) and self.items:
            return Text.assemble(self._gutter(len(self.items)), ("end of queue", "italic"))
        return None

    def _gutter(self, index: int) -> Text:
        if self.drop_index == index:
            return Text("▶ ", style=self.get_component_rich_style("queue-list--marker"))
        return Text("  ")

    # -- drag and drop ---------------------------------------------------------------------

    def drag_payload(self, screen_offset: Offset) -> DragPayload | None:
        row = self.row_at(screen_offset.y)
        if not 0 <= row < len(self.items):
            return None
        return DragPayload("queue", row, self.items[row].move.name)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1:
            self.select_row_at(event)

    def accepts(self, payload: DragPayload) -> bool:
        return payload.kind in ("library", "queue")

    def drop_index_at(self, screen_offset: Offset) -> int:
        return max(0, min(self.row_at(screen_offset.y), len(self.items)))

    def show_drop_marker(self, index: int | None) -> None:
        if index != self.drop_index:
            self.drop_index = index
            self.refresh()
