"""Words of a piece of text, spelled the same way everywhere: the base of the package.

The loader normalises aliases and topic phrases with these functions and the
router normalises questions with them, so both sides of every comparison match.
Imports nothing from bot.
"""

from __future__ import annotations

import re

MAX_TOKENS = 60

_APOSTROPHE = re.compile(r"(?<=\w)['\u2019](?=\w)")
_NON_WORD = re.compile(r"[\W_]+")


# Nouns ending in -che whose plural looks like "reaches": "caches" is "cache".
_E_NOUNS = frozenset({"cache", "niche", "ache", "headache", "avalanche", "moustache"})


def fold_plural(word: str) -> str:
    """A light plural fold ("skills" -> "skill", "duties" -> "duty"), applied to both sides."""
    if len(word) > 4 and word.isascii():
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith(("ches", "shes", "xes", "sses", "zzes")) and word[:-1] not in _E_NOUNS:
            return word[:-2]  # "reaches", "pushes", "boxes", "processes"
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
    return word


def words(text: str, fold: bool = True, case: bool = False) -> list[str]:
    """Lower case (unless case=True), apostrophes closed up, split on anything that is
    not a letter or digit, plurals folded (unless fold=False); at most MAX_TOKENS words."""
    text = _APOSTROPHE.sub("", text if case else text.casefold())
    split = _NON_WORD.sub(" ", text).split()[:MAX_TOKENS]
    return [fold_plural(w) for w in split] if fold else split


def normalise(text: str) -> str:
    return " ".join(words(text))
