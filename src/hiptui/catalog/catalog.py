"""Every move of the packs in use, by global id `pack/move`, with routines resolved against them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from hiptui.base.gc_pause import gc_paused
from hiptui.base.problems import Problem
from hiptui.catalog.search import Filters, SearchIndex

if TYPE_CHECKING:
    from hiptui.figure import Figure
    from hiptui.packs.plain import Dose, Move, Pack, Routine, RoutineEntry


_ID_AND_NAME = attrgetter("id", "name")

SAVED = "saved"
"""The owner of the user's own routines, as in the global id "saved/my-routine"."""


@dataclass(frozen=True, slots=True, eq=False)
class CatalogMove:
    """A move with the pack it came from."""

    gid: str
    pack_id: str
    pack_name: str
    move: Move

    @property
    def name(self) -> str:
        return self.move.name

    @property
    def dose(self) -> Dose:
        return self.move.dose


@dataclass(frozen=True, slots=True)
class QueueItem:
    """A move with the dose it will be done at: an entry of a routine, of the queue, of a session."""

    move: CatalogMove
    dose: Dose

    @classmethod
    def of(cls, move: CatalogMove) -> QueueItem:
        return cls(move, move.dose)

    @property
    def name(self) -> str:
        return self.move.name


@dataclass
class ResolvedRoutine:
    """A routine whose moves were looked up; moves no loaded pack has are listed in `missing`."""

    gid: str
    pack_id: str
    routine: Routine
    items: list[QueueItem]
    missing: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.routine.name


class Catalog:
    def __init__(self, packs: Iterable[Pack]) -> None:
        with gc_paused():
            self._build(list(packs))

    def _build(self, packs: list[Pack]) -> None:
        self.packs: list[Pack] = packs
        self.moves: dict[str, CatalogMove] = {}
        by_name: list[tuple[str, str, CatalogMove]] = []
        linked: list[CatalogMove] = []
        for pack in self.packs:
            pack_id, pack_name = pack.id, pack.name
            for move in pack.moves:
                move_id, name = _ID_AND_NAME(move)
                gid = f"{pack_id}/{move_id}"
                entry = self.moves[gid] = CatalogMove(gid, pack_id, pack_name, move)
                by_name.append((name.casefold(), gid, entry))
                if move.easier or move.harder:
                    linked.append(entry)
        self.problems: list[Problem] = []
        self._figures: dict[str, Figure | None] = {}
        self._progressions = {entry.gid: self._link(entry) for entry in linked}
        self.routines: dict[str, ResolvedRoutine] = {}
        for pack in self.packs:
            for routine in pack.routines:
                resolved = self._resolve(pack, routine)
                self.routines[resolved.gid] = resolved
        by_name.sort()  # by (name, gid): the ids are unique, so no two entries are ever compared
        self._ordered = [entry for _, _, entry in by_name]
        self.index = SearchIndex(self._ordered)

    def __len__(self) -> int:
        return len(self.moves)

    def all_moves(self) -> list[CatalogMove]:
        """Every move, by name."""
        return list(self._ordered)

    def get(self, ref: str, pack_id: str | None = None) -> CatalogMove | None:
        """A move by global id, or by a bare id within `pack_id`."""
        if "/" not in ref and pack_id is not None:
            ref = f"{pack_id}/{ref}"
        return self.moves.get(ref)

    def search(self, query: str = "", filters: Filters | None = None) -> list[CatalogMove]:
        return self.index.search(query, filters)

    def routine(self, ref: str) -> ResolvedRoutine | None:
        """A routine by global id `pack/routine`, or by its bare id when only one pack has it."""
        if ref in self.routines:
            return self.routines[ref]
        matches = [r for r in self.routines.values() if r.routine.id == ref]
        return matches[0] if len(matches) == 1 else None

    def resolve(self, entries: Iterable[RoutineEntry], pack_id: str | None = None) -> tuple[list[QueueItem], list[str]]:
        """Look up routine entries (bare ids within `pack_id`); returns the items and the refs not found."""
        items: list[QueueItem] = []
        missing: list[str] = []
        for entry in entries:
            found = self.get(entry.move, pack_id)
            if found is None:
                missing.append(entry.move)
            else:
                items.append(QueueItem(found, entry.apply_to(found.dose)))
        return items, missing

    def resolve_routine(self, routine: Routine, owner: str) -> ResolvedRoutine:
        """A routine that lives outside the packs, such as a saved one (`owner` = "saved")."""
        items, missing = self.resolve(routine.moves)
        return ResolvedRoutine(f"{owner}/{routine.id}", owner, routine, items, missing)

    def _resolve(self, pack: Pack, routine: Routine) -> ResolvedRoutine:
        items, missing = self.resolve(routine.moves, pack.id)
        gid = f"{pack.id}/{routine.id}"
        for ref in missing:
            message = f"routine {gid!r} names {ref!r}, which no loaded pack has; it is left out"
            self.problems.append(Problem(pack.id, message, severity="warning"))
        return ResolvedRoutine(gid, pack.id, routine, items, missing)

    def progressions(self, move: CatalogMove) -> tuple[list[CatalogMove], list[CatalogMove]]:
        """The move's easier and harder versions that a loaded pack has, in the order its pack lists them."""
        easier, harder = self._progressions.get(move.gid, ((), ()))
        return list(easier), list(harder)

    def figure(self, move: CatalogMove) -> Figure | None:
        """The move's figure, ready to draw (converted once, so every drawing of it can be cached)."""
        if move.gid not in self._figures:
            spec = move.move.figure
            self._figures[move.gid] = None if spec is None else spec.to_plain()
        return self._figures[move.gid]

    def _link(self, entry: CatalogMove) -> tuple[tuple[CatalogMove, ...], tuple[CatalogMove, ...]]:
        return self._look_up(entry, "easier", entry.move.easier), self._look_up(entry, "harder", entry.move.harder)

    def _look_up(self, entry: CatalogMove, field_name: str, refs: list[str]) -> tuple[CatalogMove, ...]:
        found: list[CatalogMove] = []
        for ref in refs:
            move = self.get(ref, entry.pack_id)
            if move is None:
                message = f"move {entry.gid!r} names {ref!r} as {field_name}, which no loaded pack has; it is left out"
            elif move is entry:
                message = f"move {entry.gid!r} names itself as {field_name}; it is left out"
            else:
                found.append(move)
                continue
            self.problems.append(Problem(entry.pack_id, message, severity="warning"))
        return tuple(found)

    def facets(self) -> dict[str, list[str]]:
        """The values each filter can take, for pickers."""
        values: dict[str, set[str]] = {name: set() for name in Filters.FACETS}
        for entry in self.moves.values():
            move = entry.move
            values["pack"].add(entry.pack_id)
            values["category"].add(move.category)
            values["style"].add(move.style)
            values["equipment"].update(move.equipment or ["none"])
            values["when"].update(move.when)
            if move.position:
                values["position"].add(move.position)
        return {name: sorted(found) for name, found in values.items()}
