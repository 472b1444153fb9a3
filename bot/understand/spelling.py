"""Stage 1b: typo correction towards the knowledge base's own vocabulary.

Two rules keep it honest:
- a word the knowledge base knows, a function word, or a common English word
  (bot/understand/lexicon.py) is never corrected on its own: "learn", "leader" and
  "mind" stay as typed;
- anything else within one slip of a knowledge-base word (a letter dropped, added,
  changed, or two letters swapped; two slips for words of eight letters or more)
  is read as that word: "senoir" -> "senior", "skils" -> "skill",
  "responsabilites" -> "responsibility".
A real word can still be a slip ("principle engineer", "stuff engineer"); the
router decides those from context with `near_words`, never the speller alone.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import lexicon

MAX_CACHE = 50_000
LONG_WORD = 8  # from this length two slips are allowed


def _deletions(word: str, twice: bool = False) -> set[str]:
    once = {word[:i] + word[i + 1 :] for i in range(len(word))}
    return {d[:i] + d[i + 1 :] for d in once for i in range(len(d))} if twice else once


def _shorthand(word: str) -> bool:
    """Chat shorthand without vowels ("nxt", "whn"): listed by wordfreq, since people
    type it, but never a word we should leave alone when a ladder word is one slip away."""
    return not any(v in word for v in "aeiouy")


# In a word this short a changed letter makes another abbreviation ("pms", "dms",
# "brs" are not "ems", "ems", "jrs"): only swapped letters are corrected.
SHORT_WORD = 3


def _too_short(word: str, fix: str) -> bool:
    """Too short to tell a slip from another abbreviation: a word of three letters, or
    a four-letter one becoming an abbreviation ("sres" is not "srs", "sdes" not "swes";
    "lesd" is "lead")."""
    abbreviation = len(fix) <= 4 and sum(ch in "aeiou" for ch in fix) <= 1
    return len(word) <= SHORT_WORD or (len(word) <= SHORT_WORD + 1 and abbreviation)


def _acronym(typed: str) -> bool:
    """Typed in capitals, short, perhaps with a plural "s" ("PMs", "SREs", "QA"): an
    abbreviation someone meant, never a slip. A long word in capitals is shouted."""
    letters = typed[:-1] if typed.endswith("s") else typed
    return 2 <= len(letters) <= 4 and letters.isupper()


class Speller:
    """Corrects words towards `targets`, a mapping word -> priority (higher wins a tie:
    role words over topic words over words that only occur in facts).

    Candidates come from a deletion index rather than a scan of every target, because
    the vocabulary grows with the ladder (30,000 words at 10,000 roles); rapidfuzz's
    OSA distance (a swap of two neighbouring letters costs one, as people type them)
    then decides.
    """

    def __init__(self, targets: dict[str, int], leave_alone: frozenset[str]):
        self.targets = targets
        self.choices = sorted(targets)
        self.leave_alone = leave_alone  # known words and function words: never corrected
        self._choice_set = frozenset(self.choices)
        self._deletions: dict[str, set[str]] = {}
        for word in self.choices:  # each target under itself and its one-letter deletions
            for key in (word, *_deletions(word)):
                self._deletions.setdefault(key, set()).add(word)
        self._alphabet = "".join(sorted({ch for word in self.choices for ch in word}))
        self._cache: dict[tuple[str, str], tuple[str, float]] = {}
        self._near: dict[str, tuple[str, ...]] = {}

    @staticmethod
    def _eligible(word: str) -> bool:
        return word.isalpha() and word.isascii() and len(word) >= 3

    def correct(self, word: str, typed: str = "", cased: str = "") -> tuple[str, float]:
        """The target a non-word most likely meant, with a similarity 0..1, or the word
        itself with 1.0 when it is known, English, or not close to anything. `typed` is
        the word before plurals were folded ("movies" for "movy"): either being English
        is enough. `cased`: as typed with its capitals ("PMs" is an abbreviation)."""
        if _acronym(cased):
            return word, 1.0
        key = (word, typed)
        cached = self._cache.get(key)
        if cached is None:
            cached = (word, 1.0)
            if (
                word not in self.leave_alone
                and self._eligible(word)
                and (
                    _shorthand(word)
                    or not (
                        # With the word as typed at hand, its own spelling decides: the
                        # folded "degre" is not English just because "degrees" is.
                        lexicon.is_english(word, plural_folded=not typed)
                        or (typed and lexicon.is_english(typed, plural_folded=False))
                    )
                )
            ):
                allowed = 2 if len(word) >= LONG_WORD else 1
                best = self._best(word, allowed)
                if best and sorted(best[0]) != sorted(word) and _too_short(word, best[0]):
                    best = None  # "pms" is not a slip for "ems"; "hwo" is for "how"
                if best is None and word.endswith("s") and len(word) > SHORT_WORD:
                    best = self._best(word[:-1], allowed)  # "tols": a plural of "tool"
                    if best and _too_short(word, best[0]):
                        best = None
                if best:
                    fixed, distance = best
                    cached = (fixed, round(1 - distance / max(len(word), len(fixed)), 3))
            if len(self._cache) < MAX_CACHE:
                self._cache[key] = cached
        return cached

    def near_words(self, word: str) -> tuple[str, ...]:
        """Targets one slip away (two in a long word) from a word that is not itself a
        role or topic word, best first, for the router's context rules ("principle" ->
        "principal" only beside "engineer" or a topic word)."""
        found = self._near.get(word)
        if found is None:
            found = ()
            if self.targets.get(word, 0) < 2 and self._eligible(word) and len(word) >= 4:
                allowed = 2 if len(word) >= LONG_WORD else 1
                close = [
                    c
                    for c in self.candidates(word, far=allowed >= 2)
                    if c != word and OSA.distance(word, c) <= allowed
                ]
                found = tuple(sorted(close, key=lambda c: (-self.targets[c], c)))
            if len(self._near) < MAX_CACHE:
                self._near[word] = found
        return found

    def _best(self, word: str, allowed: int) -> tuple[str, int] | None:
        scored = [(OSA.distance(word, c), c) for c in self.candidates(word, far=allowed >= 2)]
        scored = [(d, c) for d, c in scored if d <= allowed]
        if allowed >= 2 and not any(d <= 1 for d, _ in scored):
            # Two slips in a long word can be further apart than the index reaches
            # (two changed letters), so a long word with no one-slip match is scanned.
            hits = process.extract(
                word, self.choices, scorer=OSA.distance, score_cutoff=allowed, limit=None
            )
            scored = sorted(set(scored) | {(int(d), c) for c, d, _ in hits})
        if not scored:
            return None
        # Ties: a swap of letters ("hwo" -> "how") before a changed letter ("two"), then
        # the more important word, then the alphabet.
        letters = sorted(word)
        distance, fixed = min(
            scored,
            key=lambda dc: (dc[0], sorted(dc[1]) != letters, -self.targets[dc[1]], dc[1]),
        )
        return fixed, distance

    def candidates(self, word: str, far: bool = True) -> list[str]:
        """Every target within Indel distance 2 of word (which includes every target one
        slip away): they share a one-letter deletion, or one is the other less a letter,
        or one is the other less two letters. `far=False`: only what one slip can reach
        (shared deletions, one letter more or less), for a word allowed one slip."""
        found: set[str] = set()
        for key in (word, *_deletions(word)):
            found |= self._deletions.get(key, set())
        if not far:
            return sorted(found)
        found.update(w for w in _deletions(word, twice=True) if w in self._choice_set)
        for i in range(len(word) + 1):  # targets two letters longer than word
            for ch in self._alphabet:
                found |= self._deletions.get(word[:i] + ch + word[i:], set())
        return sorted(found)
