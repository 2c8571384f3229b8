"""Drag and drop for Textual, which has none: a mixin for sources and one screen-level manager.

A press starts nothing; only moving the pointer DRAG_THRESHOLD cells turns it into a drag, so a
click stays a click. The source captures the mouse, the manager draws a ghost and asks the
widget under the pointer (a DropTarget) where the item would land, and a drop posts `Dropped`
for the screen to turn into a plain model operation. Escape or a release elsewhere cancels.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol, runtime_checkable

from textual import events
from textual.geometry import Offset
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from hiptui.tui.safe import plain

DRAG_THRESHOLD = 2


class DragPayload(NamedTuple):
    kind: str
    value: Any
    label: str


@runtime_checkable
class DropTarget(Protocol):
    def accepts(self, payload: DragPayload) -> bool: ...

    def drop_index_at(self, screen_offset: Offset) -> int: ...

    def show_drop_marker(self, index: int | None) -> None: ...


class DragManager(Static):
    """The ghost that follows the pointer, and the bookkeeping of one drag at a time."""

    DEFAULT_CSS = """
    DragManager {
        layer: overlay;
        position: absolute;
        display: none;
        width: auto;
        max-width: 40;
        height: 1;
        padding: 0 1;
        background: $accent;
        color: $text;
        text-style: bold;
    }
    """

    class Dropped(Message):
        def __init__(self, payload: DragPayload, target: Widget, index: int) -> None:
            super().__init__()
            self.payload = payload
            self.target = target
            self.index = index

    def __init__(self) -> None:
        super().__init__(id="drag-manager")
        self.payload: DragPayload | None = None
        self._target: DropTarget | None = None

    @property
    def active(self) -> bool:
        return self.payload is not None

    def begin(self, payload: DragPayload, at: Offset) -> None:
        self.payload = payload
        self.update(plain(f"⠿ {payload.label}"))
        self.display = True
        self.follow(at)

    def follow(self, at: Offset) -> None:
        if self.payload is None:
            return
        self.styles.offset = (at.x + 2, at.y + 1)
        target = self._target_at(at)
        if target is not self._target and self._target is not None:
            self._target.show_drop_marker(None)
        self._target = target
        if target is not None:
            target.show_drop_marker(target.drop_index_at(at))

    def drop(self, at: Offset) -> bool:
        payload, target = self.payload, self._target_at(at)
        index = target.drop_index_at(at) if target is not None else None
        self.cancel()
        if payload is None or target is None or index is None:
            return False
        self.screen.post_message(self.Dropped(payload, target, index))  # type: ignore[arg-type]
        return True

    def cancel(self) -> None:
        if self._target is not None:
            self._target.show_drop_marker(None)
        self.payload = None
        self._target = None
        self.display = False

    def _target_at(self, at: Offset) -> DropTarget | None:
        try:
            widget, _ = self.screen.get_widget_at(at.x, at.y)
        except Exception:
            return None
        node: Any = widget
        while node is not None:
            if isinstance(node, DropTarget) and self.payload and node.accepts(self.payload):
                return node
            node = node.parent
        return None


class DragSource:
    """Mix into a widget that can start drags; implement `drag_payload(offset)`.

    Textual calls the handler of every class in the MRO, so these run besides Widget's own and are
    async, as Widget's are, only so that their signatures agree."""

    _press: Offset | None = None
    _dragging: bool = False

    def drag_payload(self, screen_offset: Offset) -> DragPayload | None:
        raise NotImplementedError

    def _drag_manager(self) -> DragManager | None:
        matches = self.screen.query(DragManager)  # type: ignore[attr-defined]
        return matches.first() if matches else None

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1:
            self._press = event.screen_offset
            self.capture_mouse()  # type: ignore[attr-defined]

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        if self._press is None:
            return
        manager = self._drag_manager()
        if manager is None:
            return
        if not self._dragging:
            moved = abs(event.screen_x - self._press.x) + abs(event.screen_y - self._press.y)
            payload = self.drag_payload(self._press) if moved >= DRAG_THRESHOLD else None
            if payload is None:
                return
            self._dragging = True
            manager.begin(payload, event.screen_offset)
        manager.follow(event.screen_offset)

    async def _on_mouse_up(self, event: events.MouseUp) -> None:
        manager = self._drag_manager()
        if self._dragging and manager is not None:
            manager.drop(event.screen_offset)
        self._end_drag()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self._dragging:
            event.stop()
            event.prevent_default()
            manager = self._drag_manager()
            if manager is not None:
                manager.cancel()
            self._end_drag()

    def _end_drag(self) -> None:
        self._press = None
        self._dragging = False
        self.release_mouse()  # type: ignore[attr-defined]
