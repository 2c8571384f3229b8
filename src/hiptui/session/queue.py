"""The session queue: the moves a user lines up, and the few operations on it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from hiptui.catalog.catalog import QueueItem
from hiptui.session.timeline import Timeline, build_timeline

if TYPE_CHECKING:
    from hiptui.packs.model import Dose


class SessionQueue:
    def __init__(self, items: Iterable[QueueItem] = ()) -> None:
        self._items: list[QueueItem] = list(items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[QueueItem]:
        return iter(self._items)

    def __getitem__(self, index: int) -> QueueItem:
        return self._items[index]

    @property
    def items(self) -> list[QueueItem]:
        return list(self._items)

    def append(self, item: QueueItem) -> int:
        self._items.append(item)
        return len(self._items) - 1

    def extend(self, items: Iterable[QueueItem]) -> None:
        self._items.extend(items)

    def insert(self, index: int, item: QueueItem) -> int:
        """Insert before `index` (clamped to the queue); returns where the item landed."""
        index = max(0, min(index, len(self._items)))
        self._items.insert(index, item)
        return index

    def move(self, source: int, target: int) -> int:
        """Move the item at `source` so it ends up at `target` (clamped); returns its new index."""
        item = self._items.pop(source)
        target = max(0, min(target, len(self._items)))
        self._items.insert(target, item)
        return target

    def remove(self, index: int) -> QueueItem:
        return self._items.pop(index)

    def clear(self) -> None:
        self._items.clear()

    def set_dose(self, index: int, dose: Dose) -> None:
        self._items[index] = QueueItem(self._items[index].move, dose)

    def timeline(self, ready_seconds: int | None = None, switch_seconds: int | None = None) -> Timeline:
        kwargs = {k: v for k, v in (("ready_seconds", ready_seconds), ("switch_seconds", switch_seconds)) if v is not None}
        return build_timeline(self._items, **kwargs)
