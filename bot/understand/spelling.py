"""Stage 1b: typo correction against the knowledge base's own vocabulary.

"senoir" -> "senior", "skils" -> "skill", "principle" -> "principal", while real
words stay as typed ("project" is not "prospect").
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Indel

MAX_CACHE = 50_000


def _deletions(word: str, twice: bool = False) -> set[str]:
    once = {word[:i] + word[i + 1 :] for i in range(len(word))}
    return {d[:i] + d[i + 1 :] for d in once for i in range(len(d))} if twice else once


class Speller:
    """Corrects a word to the closest of `choices`, if it is close enough.

    Indel distance counts inserted and deleted letters, so a dropped letter
    ("skils") costs 1 and a swap or wrong letter ("senoir", "principle") costs 2.
    Allowing 1 for short words and 2 for longer ones fixes slips of the fingers
    but leaves real words alone ("project" is 3 from "prospect", "stuff" 2 from
    "staff"). Unlike partial_ratio or WRatio it compares whole words, so "lead"
    never matches inside "leadership". Candidates come from a deletion index
    rather than a scan of every choice, because the vocabulary grows with the
    ladder (30,000 words at 10,000 roles); rapidfuzz then picks among them.
    """

    def __init__(self, choices: list[str], leave_alone: frozenset[str]):
        self.choices = sorted(choices)
        self.leave_alone = leave_alone  # known words and stopwords: never corrected
        self._choice_set = frozenset(self.choices)
        self._deletions: dict[str, set[str]] = {}
        for word in self.choices:  # each choice under itself and its one-letter deletions
            for key in (word, *_deletions(word)):
                self._deletions.setdefault(key, set()).add(word)
        self._alphabet = "".join(sorted({ch for word in self.choices for ch in word}))
        self._cache: dict[str, tuple[str, float]] = {}

    def correct(self, word: str) -> tuple[str, float]:
        """The choice a typo most likely meant with its similarity 0..1, or the word as is."""
        cached = self._cache.get(word)
        if cached is None:
            cached = (word, 1.0)
            if (
                word not in self.leave_alone
                and word.isalpha()
                and word.isascii()
                and len(word) >= 4
            ):
                allowed = 1 if len(word) <= 5 else 2
                hit = process.extractOne(
                    word, self.candidates(word), scorer=Indel.distance, score_cutoff=allowed
                )
                if hit:
                    cached = (hit[0], round(1 - hit[1] / (len(word) + len(hit[0])), 3))
            if len(self._cache) < MAX_CACHE:
                self._cache[word] = cached
        return cached

    def candidates(self, word: str) -> list[str]:
        """Every choice within Indel distance 2 of word: two words are that close when they
        share a one-letter deletion (or one is the other less a letter), or when one is
        the other less two letters."""
        found: set[str] = set()
        for key in (word, *_deletions(word)):
            found |= self._deletions.get(key, set())
        found.update(w for w in _deletions(word, twice=True) if w in self._choice_set)
        for i in range(len(word) + 1):  # choices two letters longer than word
            for ch in self._alphabet:
                found |= self._deletions.get(word[:i] + ch + word[i:], set())
        return sorted(found)
