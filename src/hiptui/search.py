"""Ranked, case- and accent-insensitive search over moves, built once and fast per keystroke.

Rank: the name starts with the query, then a word of the name does, then the name contains it,
then an alias matches, then any other field (targets, equipment, category, position, pack).
Every word of the query must match somewhere. Ties keep the catalogue's order (by name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from hiptui.text import fold

if TYPE_CHECKING:
    from hiptui.catalog import CatalogMove

REMEMBERED_QUERIES = 64
_SEPARATORS = re.compile(r"[\s\-_/,.()'’&]+")


def _words(text: str) -> str:
    """Text with separators folded to single spaces and a leading space, so ' word' finds a word start."""
    return " " + _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class Filters:
    """Library filters: a move passes when, for each facet given, it has one of the wanted values."""

    FACETS: ClassVar[tuple[str, ...]] = ("pack", "category", "equipment", "position", "when", "style")

    pack: frozenset[str] = frozenset()
    category: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    position: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    style: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return any(getattr(self, facet) for facet in self.FACETS)

    def accepts(self, entry: CatalogMove) -> bool:
        move = entry.move
        return (
            (not self.pack or entry.pack_id in self.pack)
            and (not self.category or move.category in self.category)
            and (not self.equipment or bool(self.equipment & set(move.equipment or ["none"])))
            and (not self.position or move.position in self.position)
            and (not self.when or bool(self.when & set(move.when)))
            and (not self.style or move.style in self.style)
        )


class SearchIndex:
    def __init__(self, entries: Sequence[CatalogMove]) -> None:
        self._entries = list(entries)
        self._names = [_words(fold(e.move.name)) for e in self._entries]
        self._aliases = [" | ".join(_words(fold(alias)) for alias in e.move.aliases) for e in self._entries]
        self._others = [
            _words(
                fold(
                    " ".join(
                        [*e.move.targets, *e.move.equipment, e.move.category, e.move.position or "",
                         e.pack_id, e.pack_name, e.move.style]
                    )
                )
            )
            for e in self._entries
        ]
        self._haystacks = [f"{n}\n{a}\n{o}" for n, a, o in zip(self._names, self._aliases, self._others)]
        self._ranked: dict[str, list[int]] = {"": list(range(len(self._entries)))}

    def search(self, query: str = "", filters: Filters | None = None) -> list[CatalogMove]:
        ranked = self.ranked(_words(fold(query)).strip())
        entries = self._entries
        if filters:
            return [entries[i] for i in ranked if filters.accepts(entries[i])]
        return [entries[i] for i in ranked]

    def ranked(self, query: str) -> list[int]:
        """Indexes of the moves matching a folded query, best first; remembered, so typing on and
        deleting back cost little."""
        found = self._ranked.get(query)
        if found is None:
            found = self._rank(query)
            if len(self._ranked) >= REMEMBERED_QUERIES:
                self._ranked.pop(next(key for key in self._ranked if key))
            self._ranked[query] = found
        return found

    def warm(self) -> None:
        """Rank every one-letter query ahead of time (the slowest, as nearly everything matches)."""
        for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
            self.ranked(letter)

    def _matching(self, query: str) -> list[int]:
        """Indexes whose fields contain every word of the query, narrowed from the longest remembered prefix."""
        prefix = next((query[:n] for n in range(len(query) - 1, 0, -1) if query[:n] in self._ranked), "")
        candidates: Iterable[int] = self._ranked[prefix] if prefix else range(len(self._entries))
        haystacks = self._haystacks
        for word in query.split():
            candidates = [i for i in candidates if word in haystacks[i]]
        return sorted(candidates)

    def _rank(self, query: str) -> list[int]:
        matching = self._matching(query)
        names, aliases = self._names, self._aliases
        word_start = " " + query
        tiers: list[list[int]] = [[], [], [], [], []]
        for i in matching:
            name = names[i]
            if name.startswith(word_start):
                tiers[0].append(i)
            elif word_start in name:
                tiers[1].append(i)
            elif query in name:
                tiers[2].append(i)
            elif query in aliases[i]:
                tiers[3].append(i)
            else:
                tiers[4].append(i)
        return [i for tier in tiers for i in tier]
