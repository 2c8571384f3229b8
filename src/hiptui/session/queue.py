"""The session queue: the moves a user lines up, where they came from, and the changes that can be undone."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hiptui.catalog.catalog import QueueItem

if TYPE_CHECKING:
    from hiptui.catalog.catalog import CatalogMove
    from hiptui.packs.plain import Dose

UNDO_DEPTH = 100

ItemKey = tuple[str, "Dose"]


def keys_of(items: Iterable[QueueItem]) -> tuple[ItemKey, ...]:
    """What makes two queues the same session: each move by global id, at its dose."""
    return tuple((item.move.gid, item.dose) for item in items)


@dataclass(frozen=True, slots=True)
class Origin:
    """A routine put into the queue, and the queue as it was then."""

    routine: str
    keys: tuple[ItemKey, ...]


@dataclass(frozen=True, slots=True)
class _Before:
    label: str
    items: tuple[QueueItem, ...]
    origin: Origin | None


class SessionQueue:
    """Every change is one method, named for what the user did, and can be undone in order."""

    def __init__(self, items: Iterable[QueueItem] = ()) -> None:
        self._items: list[QueueItem] = list(items)
        self._origin: Origin | None = None
        self._undo: list[_Before] = []

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[QueueItem]:
        return iter(self._items)

    def __getitem__(self, index: int) -> QueueItem:
        return self._items[index]

    @property
    def items(self) -> list[QueueItem]:
        return list(self._items)

    @property
    def origin(self) -> str | None:
        """The routine this queue is, as it was loaded or saved; None once it was changed in any way."""
        if self._origin is not None and self._origin.keys == keys_of(self._items):
            return self._origin.routine
        return None

    # -- changes -----------------------------------------------------------------------------------

    def insert(self, index: int | None, items: Sequence[QueueItem]) -> int:
        """Insert before `index` (the end when None; clamped); returns where the first item landed."""
        at = len(self._items) if index is None else max(0, min(index, len(self._items)))
        if items:
            self._remember(f"add {_names(items)}")
            self._items[at:at] = items
        return at

    def move(self, source: int, target: int) -> int:
        """Move the item at `source` so it ends up at `target` (clamped); returns its new index."""
        target = max(0, min(target, len(self._items) - 1))
        if target != source:
            self._remember(f"move {self._items[source].name}")
            self._items.insert(target, self._items.pop(source))
        return target

    def remove(self, index: int) -> QueueItem:
        self._remember(f"remove {self._items[index].name}")
        return self._items.pop(index)

    def clear(self) -> None:
        if self._items:
            self._remember(f"clear {len(self._items)} moves")
            self._items.clear()

    def set_dose(self, index: int, dose: Dose) -> None:
        item = self._items[index]
        if dose != item.dose:
            self._remember(f"change the dose of {item.name}")
            self._items[index] = QueueItem(item.move, dose)

    def swap(self, index: int, move: CatalogMove, dose: Dose) -> None:
        """Put `move` in place of the item at `index`, at `dose` (an easier or harder variation)."""
        self._remember(f"swap {self._items[index].name} for {move.name}")
        self._items[index] = QueueItem(move, dose)

    def load(self, items: Sequence[QueueItem], origin: str | None, replace: bool) -> None:
        """Put a routine or a plan in the queue: in place of what is there, or after it."""
        self._remember(f"load {origin or 'a plan'}")
        self._items = list(items) if replace else [*self._items, *items]
        if origin is not None and (replace or len(self._items) == len(items)):
            self._origin = Origin(origin, keys_of(self._items))

    def mark_saved_as(self, routine: str) -> None:
        """The queue as it is now was saved as `routine`."""
        self._origin = Origin(routine, keys_of(self._items))

    def restore(self, items: Iterable[QueueItem], origin: str | None) -> None:
        """The queue as it was saved, at launch: not a change the user can undo."""
        self._items = list(items)
        self._origin = Origin(origin, keys_of(self._items)) if origin else None
        self._undo.clear()

    # -- undo --------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> str | None:
        """Take back the last change; returns what it was (e.g. "remove Pigeon"), or None if none is left."""
        if not self._undo:
            return None
        before = self._undo.pop()
        self._items, self._origin = list(before.items), before.origin
        return before.label

    def _remember(self, label: str) -> None:
        self._undo.append(_Before(label, tuple(self._items), self._origin))
        del self._undo[:-UNDO_DEPTH]


def _names(items: Sequence[QueueItem]) -> str:
    return items[0].name if len(items) == 1 else f"{len(items)} moves"
