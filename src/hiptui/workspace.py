"""The state a person works with, with one owner: the packs and their catalogue, the queue and where it came
from, the saved routines, the settings and the history.

Opened once and shared: each command of the CLI takes one, and the app holds one that its screens observe
(`observe`) and change only through its methods. Nothing here knows of a terminal: what a person should be
told is queued in `notices` (`take_notices()`), and a failed write is reported, never raised at the caller.
"""

from __future__ import annotations

import dataclasses
import importlib
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from hiptui.base.paths import data_home
from hiptui.base.text import clean_text
from hiptui.catalog.catalog import SAVED, Catalog, CatalogMove, QueueItem, ResolvedRoutine
from hiptui.data.routines import QueueStore, SavedRoutines
from hiptui.data.settings import Loaded, Settings, load_settings, save_settings
from hiptui.session.planner import Plan, PlanRequest, make_plan
from hiptui.session.queue import SessionQueue
from hiptui.session.timeline import Pacing, total_seconds

if TYPE_CHECKING:
    import importlib.metadata

    from hiptui.catalog.library import Library
    from hiptui.data.history import History
    from hiptui.packs.plain import Dose, Routine, RoutineEntry
    from hiptui.session.session import Session

Direction = Literal["easier", "harder"]
T = TypeVar("T")


class WorkspaceError(ValueError):
    """What the person asked for cannot be done; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class QueueChange:
    """The queue changed: what happened, and the item the lists should put their cursor on."""

    label: str
    cursor: int | None = None


class Workspace:
    def __init__(self, home: Path | None = None, settings: Loaded | None = None) -> None:
        self.home = home or data_home()
        loaded = settings or load_settings(self.home)
        self.settings: Settings = loaded.settings
        self.notices: list[str] = [loaded.notice] if loaded.notice else []
        self.saved_routines = SavedRoutines(self.home)
        self.queue_store = QueueStore(self.home)
        self._history: History | None = None
        self._history_opened = False
        self._history_lock = threading.Lock()
        self.library: Library | None = None
        self.catalog = Catalog([])
        self.queue = SessionQueue()
        self.session: Session | None = None
        """The latest session made, the one on the timer while it is under way."""
        self._kept_aside: list[RoutineEntry] = []
        """Entries of the saved queue that no loaded pack has: kept in the file until their pack is back."""
        self._queue_restored = False
        self._told_save_problem = False
        self._observers: list[Callable[[QueueChange], None]] = []

    @classmethod
    def open(
        cls, home: Path | None = None, entry_points: Iterable[importlib.metadata.EntryPoint] | None = None
    ) -> Workspace:
        """A workspace with every pack loaded and the saved queue back: what a CLI command needs."""
        workspace = cls(home)
        library = workspace.load_library(entry_points=entry_points)
        workspace.use_library(library)
        library.save_cache()
        return workspace

    @property
    def history(self) -> History | None:
        """The history, opened at its first use (sessions left running by a process that ended are closed
        then); None when it cannot be opened, and `notices` says why. The app opens it once the moves are
        on screen: nothing there waits for SQLite."""
        with self._history_lock:
            if not self._history_opened:
                self._history = self._open_history()
                self._history_opened = True
            return self._history

    def _open_history(self) -> History | None:
        from hiptui.data.history import History, HistoryUnavailable, history_path

        try:
            history = History(history_path(self.home))
            history.close_interrupted()
        except (HistoryUnavailable, OSError) as error:
            self.notices.append(f"History is off: {error}")
            return None
        if history.notice:
            self.notices.append(history.notice)
        return history

    def take_notices(self) -> list[str]:
        """What the person should be told since the last call, once each."""
        taken, self.notices = self.notices, []
        return taken

    # -- packs -----------------------------------------------------------------------------------

    def load_library(
        self, previous: Library | None = None, entry_points: Iterable[importlib.metadata.EntryPoint] | None = None
    ) -> Library:
        """Every pack, read again, and its catalogue for the current settings; changes nothing here (it may
        run in a worker thread): `use_library` it."""
        from hiptui.catalog.library import load_library

        if not self._queue_restored and self.queue_store.path.exists():
            # restoring it validates the file with pydantic: imported here, off the app's event loop
            importlib.import_module("hiptui.data.routine_files")
        library = load_library(self.home, entry_points=entry_points, previous=previous)
        library.catalog(self.settings.disabled_packs)
        return library

    def use_library(self, library: Library) -> None:
        self.library = library
        self.catalog = self._make_catalog()
        if not self._queue_restored:
            self._queue_restored = True
            self._restore_queue()

    def _make_catalog(self) -> Catalog:
        return self.library.catalog(self.settings.disabled_packs) if self.library else Catalog([])

    def toggle_pack(self, pack_id: str) -> bool:
        """Enable or disable a pack; returns whether it is now enabled. Its moves stay in the queue."""
        disabled = set(self.settings.disabled_packs) ^ {pack_id}
        self.update_settings(self.settings.replace(disabled_packs=sorted(disabled)))
        self.catalog = self._make_catalog()
        return pack_id not in disabled

    # -- settings --------------------------------------------------------------------------------

    @property
    def pacing(self) -> Pacing:
        return Pacing(self.settings.ready_seconds, self.settings.switch_seconds)

    def update_settings(self, settings: Settings) -> None:
        self.settings = settings
        try:
            save_settings(settings, self.home)
        except OSError as error:
            self.notices.append(f"Cannot save settings: {error.strerror or error}")

    # -- the queue -------------------------------------------------------------------------------

    def observe(self, observer: Callable[[QueueChange], None]) -> None:
        """Call `observer` after every change to the queue (it is saved by then)."""
        self._observers.append(observer)

    def total_seconds(self, items: Sequence[QueueItem] | None = None) -> int:
        """How long a session of `items` (the queue, by default) takes with the user's settings."""
        return total_seconds(self.queue.items if items is None else items, self.pacing)

    def add(self, entries: Sequence[CatalogMove | QueueItem], at: int | None = None) -> None:
        items = [e if isinstance(e, QueueItem) else QueueItem.of(e) for e in entries]
        index = self.queue.insert(at, items)
        self._changed(f"added {_names(items)}", index + len(items) - 1 if items else None)

    def move(self, source: int, target: int) -> None:
        if 0 <= source < len(self.queue):
            self._changed("moved", self.queue.move(source, target))

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.queue):
            removed = self.queue.remove(index)
            self._changed(f"removed {removed.name}", min(index, len(self.queue) - 1))

    def clear(self) -> None:
        self.queue.clear()
        self._changed("cleared the queue", 0)

    def set_dose(self, index: int, dose: Dose) -> None:
        if 0 <= index < len(self.queue):
            self.queue.set_dose(index, dose)
            self._changed("changed the dose", index)

    def variations(self, index: int, direction: Direction) -> list[CatalogMove]:
        """The easier or harder moves the pack links to the queue item at `index`."""
        if not 0 <= index < len(self.queue):
            return []
        easier, harder = self.catalog.progressions(self.queue[index].move)
        return list(easier if direction == "easier" else harder)

    def swap(self, index: int, direction: Direction) -> CatalogMove | None:
        """Swap the item at `index` for its first easier or harder variation; the dose is kept where it fits."""
        found = self.variations(index, direction)
        if not found:
            return None
        item, move = self.queue[index], found[0]
        self.queue.swap(index, move, _fitted_dose(item, move))
        self._changed(f"swapped in {move.name}", index)
        return move

    def load(self, items: Sequence[QueueItem], origin: str | None, replace: bool) -> None:
        """Put a routine or a plan in the queue, in place of what is there or after it (one rule for both)."""
        start = 0 if replace else len(self.queue)
        self.queue.load(items, origin, replace)
        self._changed(f"loaded {origin or 'the plan'}", start)

    def undo(self) -> str | None:
        """Take back the last change to the queue; returns what it was, or None when there is none."""
        label = self.queue.undo()
        if label is not None:
            self._changed(f"undid: {label}", None)
        return label

    def _changed(self, label: str, cursor: int | None) -> None:
        self._save_queue()
        change = QueueChange(label, cursor)
        for observer in self._observers:
            observer(change)

    def _save_queue(self) -> None:
        try:
            self.queue_store.save(self.queue.items, keep=self._kept_aside, origin=self.queue.origin)
        except OSError as error:
            if not self._told_save_problem:
                self._told_save_problem = True
                self.notices.append(
                    f"Cannot save the queue: {error.strerror or error}. The app goes on; what was saved before is kept."
                )

    def _restore_queue(self) -> None:
        """The queue as it was; moves of disabled packs stay in it, and moves no pack has are kept in the
        file (and named) so that they come back when their pack does."""
        saved = self.queue_store.load()
        self.notices.extend(saved.notices)
        off = set(self.settings.disabled_packs)
        disabled = Catalog([p for p in self.library.packs if p.id in off]) if self.library and off else None
        items: list[QueueItem] = []
        for entry in saved.entries:
            found, _ = self.catalog.resolve([entry])
            if not found and disabled is not None:
                found, _ = disabled.resolve([entry])
            if found:
                items.append(found[0])
            else:
                self._kept_aside.append(entry)
        self.queue.restore(items, saved.origin)
        if self._kept_aside:
            names = ", ".join(clean_text(entry.move) for entry in self._kept_aside)
            self.notices.append(f"Kept aside from the saved queue until their packs are back: {names}")

    # -- routines --------------------------------------------------------------------------------

    def routines(self) -> list[ResolvedRoutine]:
        """The packs' routines, then the user's own, resolved against the moves in use."""
        saved = self.saved_routines.load()
        self.notices.extend(saved.notices)
        return [*self.catalog.routines.values(), *(self.catalog.resolve_routine(r, SAVED) for r in saved.found)]

    def find_routine(self, ref: str) -> ResolvedRoutine:
        """A routine by global id (`pack/routine`, `saved/routine`), or by its bare id when only one has it."""
        routines = self.routines()
        return _find(ref, routines, [(r.gid, r.routine.id) for r in routines], "routine", "hiptui routine list")

    def find_move(self, ref: str) -> CatalogMove:
        """A move by global id (`pack/move`), or by its bare id when only one pack has it."""
        moves = self.catalog.all_moves()
        return _find(ref, moves, [(m.gid, m.move.id) for m in moves], "move", "hiptui moves")

    def saved_routine(self, gid: str) -> Routine | None:
        return next((r for r in self.saved_routines.load().found if f"{SAVED}/{r.id}" == gid), None)

    def routine_name_problem(self, name: str, keeping: Routine | None = None) -> str | None:
        """Why `name` will not do for one of the user's routines (another has it), or None."""
        try:
            self.saved_routines.check_name(name, keeping)
        except ValueError as error:
            return str(error).capitalize() + "."
        return None

    def save_queue_as(self, name: str) -> Routine:
        """Save the queue as the user's own routine; raises WorkspaceError (a name taken, a full disk)."""
        if not self.queue:
            raise WorkspaceError("the queue is empty: an empty queue makes an empty routine")
        routine = self._routine_write(lambda: self.saved_routines.save(name, self.queue.items), "save")
        self.queue.mark_saved_as(f"{SAVED}/{routine.id}")
        self._save_queue()
        return routine

    def copy_routine(self, gid: str) -> Routine:
        """Copy any routine (a pack's included) into the user's own, to adjust it."""
        routine = self.find_routine(gid)
        name = self.saved_routines.free_name(f"{routine.name} (copy)")
        return self._routine_write(lambda: self.saved_routines.save(name, routine.items), "copy")

    def rename_routine(self, routine: Routine, name: str) -> Routine:
        return self._routine_write(lambda: self.saved_routines.rename(routine, name), "rename")

    def duplicate_routine(self, routine: Routine) -> Routine:
        return self._routine_write(lambda: self.saved_routines.duplicate(routine), "duplicate")

    def delete_routine(self, routine: Routine) -> None:
        self._routine_write(lambda: self.saved_routines.delete(routine), "delete")

    @staticmethod
    def _routine_write(write: Callable[[], T], what: str) -> T:
        try:
            return write()
        except OSError as error:
            raise WorkspaceError(f"cannot {what} the routine: {error.strerror or error}") from None
        except ValueError as error:
            raise WorkspaceError(f"cannot {what} the routine: {error}") from None

    # -- plans and sessions ----------------------------------------------------------------------

    def plan(self, request: PlanRequest) -> Plan:
        return make_plan(self.catalog.all_moves(), request, self.pacing)

    def new_session(
        self,
        items: Sequence[QueueItem] | None = None,
        routine: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> Session:
        """A session of `items` (the queue, recorded under the routine it is, by default)."""
        if items is None:
            items, routine = self.queue.items, self.queue.origin
        if not items:
            raise WorkspaceError("the queue is empty: add a move first")
        from hiptui.session.session import Session

        hooks = self.library.hooks if self.library is not None else None
        session = Session(items, self.pacing, routine=routine, clock=clock, history=self.history, hooks=hooks)
        self.session = session
        return session

    def close(self, timeout: float = 5.0) -> None:
        """Record the session still under way, if one is, as stopped where it is; then deliver the plugins' queued
        timer hooks, write the cache entries of packs parsed and not yet written, and close history: called as
        the app or a command ends, however it ends."""
        if self.session is not None and self.session.under_way:
            self.session.stop()
        if self.library is not None:
            self.library.hooks.close(timeout)
        with self._history_lock:
            if self._history is not None:
                self._history.close()
            self._history_opened = True  # closed: a late use finds no history rather than a new connection
            self._history = None
        if self.library is not None:
            self.library.save_cache()  # last: the session is safe whatever happens to the cache


def _find(ref: str, things: Sequence[T], ids: list[tuple[str, str]], noun: str, listing: str) -> T:
    """The one thing whose global id is `ref`, or whose bare id is `ref` and no other's; else why not."""
    exact = [thing for thing, (gid, _) in zip(things, ids, strict=True) if gid == ref]
    bare = [(thing, gid) for thing, (gid, bare_id) in zip(things, ids, strict=True) if bare_id == ref]
    if exact or len(bare) == 1:
        return exact[0] if exact else bare[0][0]
    if bare:
        raise WorkspaceError(f"{ref!r} names several {noun}s: {', '.join(gid for _, gid in bare)}; give one of them")
    import difflib

    close = difflib.get_close_matches(ref, [name for pair in ids for name in pair], n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise WorkspaceError(f"no {noun} {clean_text(ref)[:80]!r}{hint} (see '{listing}')")


def _fitted_dose(item: QueueItem, move: CatalogMove) -> Dose:
    """The new move's dose, with the user's sets, rest and amount kept where the two moves are alike."""
    mine, theirs = item.dose, move.dose
    if (mine.hold is None) == (theirs.hold is None) and mine.per_side == theirs.per_side:
        return dataclasses.replace(theirs, sets=mine.sets, rest=mine.rest, hold=mine.hold, reps=mine.reps)
    return dataclasses.replace(theirs, sets=mine.sets, rest=mine.rest)


def _names(items: Sequence[QueueItem]) -> str:
    return items[0].name if len(items) == 1 else f"{len(items)} moves"
