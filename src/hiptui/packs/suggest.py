"""'did you mean ...?' hints at a bounded cost, however many names there are and however many are wrong.

difflib compares a word with each candidate, so hinting every missing reference of a pack against every
move would cost references x moves. Here a word is compared only with the candidates that share its
longest leading (or, failing that, trailing) letters, at most `per_word` of them, each word once, and
only the first `words` distinct words get a hint at all.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

_AFFIX = 3


class Suggester:
    def __init__(self, choices: Iterable[str], words: int = 200, per_word: int = 100) -> None:
        self._choices = list(dict.fromkeys(choices))
        self._per_word = per_word
        self._words_left = words
        self._known: dict[str, str | None] = {}
        self._by_affix: defaultdict[str, list[str]] | None = None

    def __call__(self, word: str) -> str:
        """' (did you mean 'x'?)', or '' when nothing is close (or the budget is spent)."""
        if word not in self._known:
            if self._words_left <= 0:
                return ""
            self._words_left -= 1
            close = difflib.get_close_matches(word, self._candidates(word), n=1, cutoff=0.6)
            self._known[word] = close[0] if close else None
        found = self._known[word]
        return f" (did you mean {found!r}?)" if found else ""

    def _candidates(self, word: str) -> list[str]:
        if len(self._choices) <= self._per_word:
            return self._choices
        if self._by_affix is None:
            self._by_affix = defaultdict(list)
            for choice in self._choices:
                for length in range(1, _AFFIX + 1):
                    self._by_affix["<" + choice[:length]].append(choice)
                    self._by_affix[">" + choice[-length:]].append(choice)
        for length in range(_AFFIX, 0, -1):
            for key in ("<" + word[:length], ">" + word[-length:]):
                if found := self._by_affix.get(key):
                    return found[: self._per_word]
        return []
