"""Ranked, case- and accent-insensitive search over moves, built once and fast per keystroke.

Rank: the name starts with the query, then a word of the name does, then the name contains it,
then an alias matches, then any other field (targets, equipment, category, position, pack).
Every word of the query must match somewhere. Ties keep the catalogue's order (by name).

Matching goes through the vocabulary, not the moves: a query word can only match inside one word
of a field, so the index keeps, for each distinct word, the moves that have it, and a query looks
through a few thousand short words instead of ten thousand long texts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from typing import TYPE_CHECKING, ClassVar, TypeVar

from hiptui.text import fold

if TYPE_CHECKING:
    from hiptui.catalog import CatalogMove

V = TypeVar("V")
REMEMBERED_QUERIES = 64
REMEMBERED_WORDS = 8
_SEPARATORS = re.compile(r"[\s\-_/,.()'’&]+")
_SEARCHED = attrgetter("name", "aliases", "targets", "equipment", "category", "position", "style")
_SEPARATORS_TO_SPACES = str.maketrans(dict.fromkeys("-_/,.()'’&", " "))


def _words(text: str) -> str:
    """Text with separators folded to single spaces and a leading space, so ' word' finds a word start."""
    return " " + _SEPARATORS.sub(" ", text).strip()


def _words_of_each(texts: list[str]) -> list[str]:
    """`_words(fold(text))` of each text, folded and split in one pass over them all."""
    if not texts:
        return []
    joined = " ".join(fold("\0".join(texts)).translate(_SEPARATORS_TO_SPACES).split())
    joined = joined.replace(" \0", "\0").replace("\0 ", "\0").replace("\0", "\0 ")
    return (" " + joined).split("\0")


def _remember(kept: dict[str, V], key: str, value: V, limit: int | None) -> None:
    """Keep `value` under `key`, dropping the oldest entry first when `limit` entries are kept."""
    if limit is not None and len(kept) >= limit:
        del kept[next(iter(kept))]
    kept[key] = value


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


class _Postings:
    """Each distinct key (a word, or the words of a tag) with the indexes of the moves that have it.
    A move may be listed twice under a key: lookups return sets, and deduplicating costs more."""

    def __init__(self, moves_by_key: dict[str, list[int]]) -> None:
        self._moves = moves_by_key
        self._sorted = sorted(moves_by_key)

    @classmethod
    def of(cls, keys_of_each_move: Iterable[Iterable[str]]) -> _Postings:
        moves: defaultdict[str, list[int]] = defaultdict(list)
        for index, keys in enumerate(keys_of_each_move):
            for key in keys:
                moves[key].append(index)
        return cls(dict(moves))

    def containing(self, part: str) -> set[int]:
        """Moves with a key that contains `part` (which has no spaces, so it lies within one word)."""
        return self._union(key for key in self._sorted if part in key)

    def starting(self, part: str) -> set[int]:
        """Moves with a key that starts with `part`: for keys of one word, a word that starts with it."""
        keys = self._sorted
        return self._union(islice(keys, bisect_left(keys, part), bisect_left(keys, part + "\U0010ffff")))

    def _union(self, keys: Iterable[str]) -> set[int]:
        return set().union(*map(self._moves.__getitem__, keys))


class SearchIndex:
    def __init__(self, entries: Sequence[CatalogMove]) -> None:
        self._entries = list(entries)
        # Every field in one pass: ten thousand models lie all over memory, and a pass per field
        # costs more in cache misses than the work done with the fields.
        fields = list(zip(*map(_SEARCHED, (entry.move for entry in self._entries)))) or [()] * 7
        names, aliases, targets, equipment, categories, positions, styles = fields
        self._names = _words_of_each(list(names))
        self._aliases = _words_of_each([" | ".join(each) for each in aliases])
        name_words = [name.split() for name in self._names]
        self._first_word = _Postings.of(words[:1] for words in name_words)
        self._in_name = _Postings.of(name_words)
        self._in_alias = _Postings.of(each.split(" | ") for each in self._aliases)
        tags: defaultdict[str, list[int]] = defaultdict(list)
        for index, values in enumerate(zip(targets, equipment)):
            for tag in (*values[0], *values[1]):
                tags[tag].append(index)
        pack_ids = [entry.pack_id for entry in self._entries]
        pack_names = [entry.pack_name for entry in self._entries]
        for values in (categories, [position or "" for position in positions], styles, pack_ids, pack_names):
            for index, value in enumerate(values):
                tags[value].append(index)
        by_words: defaultdict[str, list[int]] = defaultdict(list)
        for words, indexes in zip(_words_of_each(list(tags)), tags.values()):
            by_words[words] += indexes
        self._in_tags = _Postings(dict(by_words))
        self._letters: dict[str, list[int]] = {}
        self._words: dict[str, set[int]] = {}
        self._ranked: dict[str, list[int]] = {}

    def search(self, query: str = "", filters: Filters | None = None) -> list[CatalogMove]:
        ranked = self.ranked(_words(fold(query)).strip())
        entries = self._entries
        if filters:
            return [entries[i] for i in ranked if filters.accepts(entries[i])]
        return list(map(entries.__getitem__, ranked))

    def ranked(self, query: str) -> list[int]:
        """Indexes of the moves matching a folded query, best first. Remembered: one-letter queries
        (the slowest, as nearly everything matches) for good, the last few longer ones for backspace."""
        remembered = self._letters if len(query) == 1 else self._ranked
        found = remembered.get(query)
        if found is None:
            found = self._rank(query) if query else list(range(len(self._entries)))
            _remember(remembered, query, found, None if remembered is self._letters else REMEMBERED_QUERIES)
        return found

    def warm(self) -> None:
        """Rank every one-letter query ahead of time."""
        for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
            self.ranked(letter)

    def _rank(self, query: str) -> list[int]:
        words = query.split()
        matching = set.intersection(*map(self._anywhere, words))
        if len(words) > 1:
            return self._rank_phrase(query, sorted(matching))
        tiers = [
            self._first_word.starting(query),
            self._in_name.starting(query),
            self._in_name.containing(query),
            self._in_alias.containing(query),
            matching,
        ]
        ranked: list[int] = []
        seen: set[int] = set()
        for tier in tiers:
            tier -= seen
            ranked += sorted(tier)
            seen |= tier
        return ranked

    def _anywhere(self, word: str) -> set[int]:
        """Moves with `word` in any field; the last few are kept, as each word of a longer query
        is looked up again at every keystroke after it."""
        found = self._words.get(word)
        if found is None:
            if word in self._letters:  # one letter matches nearly everything: its ranking has them all
                found = set(self._letters[word])
            else:
                found = self._in_name.containing(word) | self._in_alias.containing(word) | self._in_tags.containing(word)
            _remember(self._words, word, found, REMEMBERED_WORDS)
        return found

    def _rank_phrase(self, query: str, matching: list[int]) -> list[int]:
        """The tiers of a query of several words, which may span words of a name."""
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
