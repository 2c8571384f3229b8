"""The user's own routines ($HIPTUI_HOME/routines/*.toml) and the autosaved queue ($HIPTUI_HOME/queue.toml).

Both are written with tomli-w in the routine format of packs; a file that cannot be read is set
aside and reported, never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hiptui.base.files import atomic_write, set_aside
from hiptui.base.paths import data_home
from hiptui.catalog.catalog import QueueItem
from hiptui.packs.reading import TooBig, read_regular_file

if TYPE_CHECKING:
    from hiptui.packs.plain import Routine, RoutineEntry

ROUTINES_DIR = "routines"
QUEUE_FILE = "queue.toml"


def entry_for(item: QueueItem) -> dict[str, Any]:
    """A routine entry for a queue item: its move's global id, and the dose where it differs from the move's."""
    entry: dict[str, Any] = {"move": item.move.gid}
    dose, default = item.dose, item.move.dose
    if dose.hold != default.hold or dose.reps != default.reps:
        entry["hold" if dose.hold is not None else "reps"] = dose.hold if dose.hold is not None else dose.reps
    for key in ("sets", "rest"):
        if getattr(dose, key) != getattr(default, key):
            entry[key] = getattr(dose, key)
    return entry


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    return slug or "routine"


MAX_FILE_BYTES = 2 * 1024 * 1024
"""A saved queue or routine larger than this is not read (a pack file has the same limit)."""


@dataclass
class ReadResult:
    found: list[Any] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def _read_toml(path: Path, notices: list[str]) -> dict[str, Any] | None:
    """The document in `path`, or None (a broken file is set aside and reported)."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)  # a FIFO put in its place would block a plain read
    except FileNotFoundError:
        return None
    except TooBig:
        notices.append(f"cannot read {path}: it is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB")
        return None
    except OSError as error:
        notices.append(f"cannot read {path}: {error.strerror or error}")
        return None
    import tomli  # here: a person without saved routines or a saved queue never needs it

    try:
        return tomli.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError, ValueError) as error:
        _set_aside(path, str(error), notices)
        return None


def _toml_text(document: dict[str, Any]) -> bytes:
    import tomli_w  # only once something is saved

    return tomli_w.dumps(document).encode()


def _set_aside(path: Path, reason: str, notices: list[str]) -> None:
    reason = reason.splitlines()[0][:200]
    try:
        kept = set_aside(path)
    except OSError:
        notices.append(f"{path} could not be read ({reason})")
        return
    notices.append(f"{path} could not be read ({reason}); it was kept as {kept.name}")


class RoutineNameTaken(ValueError):
    """Two of the user's routines would share a name."""


class SavedRoutines:
    def __init__(self, home: Path | None = None) -> None:
        self.folder = (home or data_home()) / ROUTINES_DIR

    def load(self) -> ReadResult:
        result = ReadResult()
        if not self.folder.is_dir():
            return result
        paths = sorted(self.folder.glob("*.toml"))
        if not paths:
            return result
        from hiptui.data.routine_files import InvalidFile, routine_from

        for path in paths:
            document = _read_toml(path, result.notices)
            if document is None:
                continue
            try:
                result.found.append(routine_from(document))
            except InvalidFile as error:
                _set_aside(path, f"{error.count} problem(s): {error}", result.notices)
        return result

    def path_for(self, routine_id: str) -> Path:
        return self.folder / f"{routine_id}.toml"

    def _free_id(self, name: str) -> str:
        base = slugify(name)
        routine_id, counter = base, 1
        while self.path_for(routine_id).exists():
            counter += 1
            routine_id = f"{base[:56]}-{counter}"
        return routine_id

    def check_name(self, name: str, keeping: Routine | None = None) -> None:
        """Raise RoutineNameTaken if another of the user's routines has this name (in any case)."""
        wanted = " ".join(name.split()).casefold()
        for routine in self.load().found:
            if routine.name.casefold() == wanted and (keeping is None or routine.id != keeping.id):
                raise RoutineNameTaken(f"you already have a routine named {routine.name!r}")

    def free_name(self, name: str) -> str:
        """`name`, or "name (2)", "name (3)"... whichever no routine of the user's has yet."""
        taken = {routine.name.casefold() for routine in self.load().found}
        candidate, counter = name[:80], 1
        while candidate.casefold() in taken:
            counter += 1
            suffix = f" ({counter})"
            candidate = name[: 80 - len(suffix)] + suffix
        return candidate

    def save(self, name: str, items: Iterable[QueueItem], description: str = "") -> Routine:
        """Save the queue as a new routine named `name` (its id made unique); the name must be free."""
        self.check_name(name)
        from hiptui.data.routine_files import routine_from

        moves = [entry_for(i) for i in items]
        routine = routine_from({"id": self._free_id(name), "name": name, "description": description, "moves": moves})
        self.write(routine)
        return routine

    def write(self, routine: Routine) -> None:
        document: dict[str, Any] = {"id": routine.id, "name": routine.name}
        if routine.description:
            document["description"] = routine.description
        document["moves"] = [_compact(entry.as_data()) for entry in routine.moves]
        atomic_write(self.path_for(routine.id), _toml_text(document))

    def rename(self, routine: Routine, name: str) -> Routine:
        self.check_name(name, keeping=routine)
        from hiptui.data.routine_files import routine_from

        renamed = routine_from({**_routine_data(routine), "name": name})
        self.write(renamed)
        return renamed

    def duplicate(self, routine: Routine) -> Routine:
        name = self.free_name(f"{routine.name} (copy)"[:80])
        from hiptui.data.routine_files import routine_from

        copy = routine_from({**_routine_data(routine), "id": self._free_id(name), "name": name})
        self.write(copy)
        return copy

    def delete(self, routine: Routine) -> None:
        self.path_for(routine.id).unlink(missing_ok=True)


def _routine_data(routine: Routine) -> dict[str, Any]:
    return {**vars(routine), "moves": [entry.as_data() for entry in routine.moves]}


def _compact(entry: dict[str, Any]) -> str | dict[str, Any]:
    """An entry as a routine file writes it: the bare move reference when it overrides nothing."""
    return entry["move"] if set(entry) == {"move"} else entry


@dataclass
class SavedQueue:
    entries: list[RoutineEntry] = field(default_factory=list)
    origin: str | None = None
    notices: list[str] = field(default_factory=list)


class QueueStore:
    """The queue, saved on every change and restored at launch."""

    def __init__(self, home: Path | None = None) -> None:
        self.path = (home or data_home()) / QUEUE_FILE

    def load(self) -> SavedQueue:
        result = SavedQueue()
        document = _read_toml(self.path, result.notices)
        if document is None:
            return result
        from hiptui.data.routine_files import InvalidFile, queue_from

        try:
            result.entries, result.origin = queue_from(document)
        except InvalidFile as error:
            _set_aside(self.path, str(error), result.notices)
        return result

    def save(self, items: Iterable[QueueItem], keep: Iterable[RoutineEntry] = (), origin: str | None = None) -> None:
        """Save the queue; `keep` are entries no loaded pack has, kept for when their pack is back."""
        moves = [_compact(entry_for(item)) for item in items]
        moves += [_compact(entry.as_data()) for entry in keep]
        document: dict[str, Any] = {"moves": moves}
        if origin is not None:
            document["origin"] = origin
        atomic_write(self.path, _toml_text(document))
