"""British and American spellings of one word: "behaviour" is the ladder's "behavior".

People write in the spelling they learnt, ladders in the one their authors did. Both
are English, so the speller leaves them alone and the words never meet: a question
about "behaviour summary" missed a ladder's "Behavior" list. `spelling_variants` pairs
each word of the ladder with its other spelling, made by the regular differences
(-our/-or, -ise/-ize, -yse/-yze, -elled/-eled) and kept only when that other spelling
is itself a common English word ("colour"), never a different word that happens to
look alike ("for" is not "four": the rule wants a longer word).
"""

from __future__ import annotations

from collections.abc import Iterable

from . import lexicon

# (American, British), each a piece inside a word; tried both ways.
_PAIRS = (("or", "our"), ("iz", "is"), ("yz", "ys"), ("eled", "elled"), ("eling", "elling"))
_SHORTEST = 5  # "color"; "for", "hour", "tour" are other words


def _respellings(word: str) -> set[str]:
    out = set()
    for us, uk in _PAIRS:
        for old, new in ((us, uk), (uk, us)):
            start = word.find(old, 1)  # not at the start: "organise" has "or" as its first letters
            while start != -1:
                out.add(word[:start] + new + word[start + len(old) :])
                start = word.find(old, start + 1)
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
