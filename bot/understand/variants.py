"""British and American spellings of one word: "behaviour" is the ladder's "behavior".

People write in the spelling they learnt, ladders in the one their authors did. Both
are English, so the speller leaves them alone and the words never meet: a question
about "behaviour summary" missed a ladder's "Behavior" list. `spelling_variants` pairs
each word of the ladder with its other spelling, made by the regular differences
at its end (-our/-or, -ise/-ize, -yse/-yze, -elled/-eled) and kept only when that other
spelling is itself a common English word ("colour"); a longer word only ("for" is not
"four"), and never in a word's middle ("forth" is not "fourth").
"""

from __future__ import annotations

from collections.abc import Iterable

from . import lexicon

# Where the two spellings part, at a word's end, and what may follow: (American,
# British, suffixes).
_ENDINGS = (
    ("or", "our", ("", "s", "ed", "ing", "al", "ally", "ite", "ites", "able", "ful", "less")),
    ("iz", "is", ("e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational")),
    ("yz", "ys", ("e", "es", "ed", "ing", "er", "ers")),
    ("el", "ell", ("ed", "ing", "er", "ers")),
)
_SHORTEST = 5  # "color"; "for", "hour", "tour" are other words


def _respellings(word: str) -> set[str]:
    """The word spelled the other way at its end: "behavior" <-> "behaviour",
    "organize(d)" <-> "organise(d)", "modeling" <-> "modelling" - never in its middle,
    where "forth" and "fourth", "morning" and "mourning" part."""
    out = set()
    for us, uk, tails in _ENDINGS:
        for tail in tails:
            for old, new in ((us, uk), (uk, us)):
                ending = old + tail
                if word.endswith(ending) and len(word) > len(ending):
                    out.add(word[: len(word) - len(ending)] + new + tail)
    out.discard(word)
    return out


def spelling_variants(vocabulary: Iterable[str]) -> dict[str, str]:
    """Other spelling -> the ladder's word, for the words of the ladder that have one
    and whose other spelling the ladder does not itself use."""
    known = set(vocabulary)
    variants: dict[str, str] = {}
    for word in sorted(known):
        if len(word) < _SHORTEST or not word.isalpha() or not lexicon.is_english(word):
            continue
        for other in sorted(_respellings(word)):
            if other not in known and len(other) >= _SHORTEST and lexicon.is_english(other):
                variants.setdefault(other, word)
    return variants
