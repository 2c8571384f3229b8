"""Ranked, case- and accent-insensitive search over moves, built once and fast per keystroke.

Rank: the name starts with the query, then a word of the name does, then the name contains it,
then an alias matches, then any other field (targets, equipment, category, position, pack).
Every word of the query must match somewhere. Ties keep the catalogue's order (by name).

Matching goes through the vocabulary, not the moves: a query word can only match inside one word
of a field, so the index keeps, for each distinct word, the moves that have it, and a query looks
through a few thousand short words instead of ten thousand long texts. A query of two words does the
same with the pairs of adjacent words in names. The moves found are bitsets (`hiptui.base.bitset`): ranking
thousands of them into tiers is then a few operations on ints instead of set arithmetic and sorting.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, reduce
from itertools import islice, pairwise
from operator import and_, attrgetter
from typing import TYPE_CHECKING, ClassVar, TypeVar

from hiptui.base import bitset
from hiptui.base.gc_pause import gc_paused
from hiptui.base.text import fold

if TYPE_CHECKING:
    from hiptui.catalog.catalog import CatalogMove

V = TypeVar("V")
REMEMBERED_QUERIES = 64
REMEMBERED_WORDS = 8
_SEARCHED = attrgetter("name", "aliases", "targets", "equipment", "category", "position", "style")
# Separators become spaces; apostrophes are dropped, not split on: "Runner's" is found by "runners".
_SEPARATORS_TO_SPACES = str.maketrans({**dict.fromkeys("-_/,.()&", " "), **dict.fromkeys("'’")})


def _words(text: str) -> str:
    """Text with separators folded to single spaces and a leading space, so ' word' finds a word start."""
    return " " + " ".join(text.translate(_SEPARATORS_TO_SPACES).split())


def _words_of_each(texts: list[str]) -> list[str]:
    """`_words(fold(text))` of each text, folded and split in one pass over them all."""
    if not texts:
        return []
    joined = " ".join(fold("\0".join(texts)).translate(_SEPARATORS_TO_SPACES).split())
    joined = joined.replace(" \0", "\0").replace("\0 ", "\0").replace("\0", "\0 ")
    return (" " + joined).split("\0")


def _remembered(key: str, for_good: dict[str, V], recent: dict[str, V], limit: int, make: Callable[[str], V]) -> V:
    """`make(key)`, kept: in `for_good` when `key` is one letter (nearly everything matches it, so it is
    the slowest), else among the last `limit` in `recent` (for backspace and the words typed after it)."""
    kept = for_good if len(key) == 1 else recent
    found = kept.get(key)
    if found is None:
        found = make(key)
        _remember(kept, key, found, None if kept is for_good else limit)
    return found


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
    Lookups answer with a bitset. A key's bitset is kept once made, if it costs less than its list:
    a rare key's moves are gathered with the others' and made into one bitset per lookup."""

    def __init__(self, moves_by_key: dict[str, list[int]], size: int) -> None:
        self._moves = moves_by_key
        self._sorted = sorted(moves_by_key)
        self._size = size
        self._kept: dict[str, int] = {}
        self._kept_from = size // 64 + 1  # a list holds 8 bytes a move, a bitset size / 8 bytes

    @classmethod
    def of(cls, keys_of_each_move: Iterable[Iterable[str]], size: int) -> _Postings:
        moves: defaultdict[str, list[int]] = defaultdict(list)
        for index, keys in enumerate(keys_of_each_move):
            for key in keys:
                moves[key].append(index)
        return cls(dict(moves), size)

    def containing(self, part: str) -> int:
        """Moves with a key that contains `part` (which has no spaces, so it lies within one word)."""
        return self._union(key for key in self._sorted if part in key)

    def starting(self, part: str) -> int:
        """Moves with a key that starts with `part`: for keys of one word, a word that starts with it."""
        keys = self._sorted
        return self._union(islice(keys, bisect_left(keys, part), bisect_left(keys, part + "\U0010ffff")))

    def _union(self, keys: Iterable[str]) -> int:
        found = 0
        rare: list[int] = []
        for key in keys:
            bits = self._kept.get(key)
            if bits is None:
                moves = self._moves[key]
                if len(moves) < self._kept_from:
                    rare += moves
                    continue
                bits = self._kept[key] = bitset.of(moves, self._size)
            found |= bits
        return found | bitset.of(rare, self._size) if rare else found


class _Vocabulary:
    """The words of every move's fields, and the moves that have each: what a query is matched against."""

    def __init__(self, entries: list[CatalogMove]) -> None:
        # Every field in one pass: ten thousand models lie all over memory, and a pass per field
        # costs more in cache misses than the work done with the fields.
        fields = list(zip(*map(_SEARCHED, (entry.move for entry in entries)))) or [()] * 7
        names, aliases, targets, equipment, categories, positions, styles = fields
        self.size = size = len(entries)
        self.names = _words_of_each(list(names))
        self.aliases = _words_of_each([" | ".join(each) for each in aliases])
        self.name_words = name_words = [name.split() for name in self.names]
        self.first_word = _Postings.of((words[:1] for words in name_words), size)
        self.in_name = _Postings.of(name_words, size)
        self.in_alias = _Postings.of((each.split(" | ") for each in self.aliases), size)
        tags: defaultdict[str, list[int]] = defaultdict(list)
        for index, (move_targets, move_equipment) in enumerate(zip(targets, equipment)):
            for tag in (*move_targets, *move_equipment):
                tags[tag].append(index)
        pack_ids = [entry.pack_id for entry in entries]
        pack_names = [entry.pack_name for entry in entries]
        for values in (categories, [position or "" for position in positions], styles, pack_ids, pack_names):
            for index, value in enumerate(values):
                tags[value].append(index)
        by_words: defaultdict[str, list[int]] = defaultdict(list)
        for words, indexes in zip(_words_of_each(list(tags)), tags.values()):
            by_words[words] += indexes
        self.in_tags = _Postings(dict(by_words), size)

    @cached_property
    def pairs(self) -> tuple[_Postings, _Postings]:
        """The first pair of words of each name, and every pair: what a query of two words ranks by,
        as a query of one word ranks by the words."""
        with gc_paused():
            pairs = [[f"{a} {b}" for a, b in pairwise(words)] for words in self.name_words]
            return _Postings.of((each[:1] for each in pairs), self.size), _Postings.of(pairs, self.size)


class SearchIndex:
    """The moves in the catalogue's order, searched. The vocabulary is built at the first query that
    needs it (or `warm()`), so the moves can be listed before it exists; a query on another thread
    meanwhile waits for the one being built."""

    def __init__(self, entries: Sequence[CatalogMove]) -> None:
        self._entries = list(entries)
        self._built: _Vocabulary | None = None
        self._building = threading.Lock()
        self._letters: dict[str, list[CatalogMove]] = {}
        self._letter_words: dict[str, int] = {}
        self._words: dict[str, int] = {}
        self._ranked: dict[str, list[CatalogMove]] = {}

    @property
    def _vocabulary(self) -> _Vocabulary:
        built = self._built
        if built is None:
            with self._building:
                if self._built is None:
                    with gc_paused():  # a hundred thousand objects that live as long as the index, no cycles
                        self._built = _Vocabulary(self._entries)
                built = self._built
        return built

    def search(self, query: str = "", filters: Filters | None = None) -> list[CatalogMove]:
        ranked = self.ranked(_words(fold(query)).strip())
        if filters:
            return [entry for entry in ranked if filters.accepts(entry)]
        return list(ranked)

    def ranked(self, query: str) -> list[CatalogMove]:
        """The moves matching a folded query, best first; remembered (not a copy)."""
        return _remembered(query, self._letters, self._ranked, REMEMBERED_QUERIES, self._rank)

    def warm(self, keep_going: Callable[[], bool] = lambda: True) -> None:
        """Build the vocabulary, rank every one-letter query and index the pairs of words, ahead of time;
        between steps, stop once `keep_going()` is false."""
        for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
            if not keep_going():
                return
            self.ranked(letter)
        self._vocabulary.pairs  # noqa: B018

    def _rank(self, query: str) -> list[CatalogMove]:
        if not query:
            return self._entries
        words = query.split()
        matching = reduce(and_, map(self._anywhere, words))
        vocabulary = self._vocabulary
        if len(words) > 2:
            return self._rank_phrase(vocabulary, query, words, matching)
        first, inside = (vocabulary.first_word, vocabulary.in_name) if len(words) == 1 else vocabulary.pairs
        return self._in_tiers(
            first.starting(query),
            inside.starting(query),
            inside.containing(query),
            vocabulary.in_alias.containing(query),
            matching,
        )

    def _in_tiers(self, *tiers: int) -> list[CatalogMove]:
        """The moves of each tier in the catalogue's order, each move in the first tier that has it."""
        ranked: list[CatalogMove] = []
        seen = 0
        for tier in tiers:
            ranked += bitset.members(tier & ~seen, self._entries)
            seen |= tier
        return ranked

    def _anywhere(self, word: str) -> int:
        """Moves with `word` in any field; remembered, as each word of a longer query is looked up again
        at every keystroke after it."""
        return _remembered(word, self._letter_words, self._words, REMEMBERED_WORDS, self._anywhere_now)

    def _anywhere_now(self, word: str) -> int:
        vocabulary = self._vocabulary
        return (
            vocabulary.in_name.containing(word)
            | vocabulary.in_alias.containing(word)
            | vocabulary.in_tags.containing(word)
        )

    def _rank_phrase(self, vocabulary: _Vocabulary, query: str, words: list[str], matching: int) -> list[CatalogMove]:
        """The tiers of a query of three words or more. Only names with each pair of its words in a
        pair of theirs may hold it, and only those are read."""
        pairs = vocabulary.pairs[1]
        size = vocabulary.size
        maybe_in_name = reduce(and_, (pairs.containing(f"{a} {b}") for a, b in pairwise(words)), matching)
        word_start = " " + query
        at_start: list[int] = []
        at_word: list[int] = []
        inside: list[int] = []
        for index in bitset.members(maybe_in_name, range(size)):
            name = vocabulary.names[index]
            if name.startswith(word_start):
                at_start.append(index)
            elif word_start in name:
                at_word.append(index)
            elif query in name:
                inside.append(index)
        return self._in_tiers(
            *(bitset.of(tier, size) for tier in (at_start, at_word, inside)),
            vocabulary.in_alias.containing(query),
            matching,
        )
