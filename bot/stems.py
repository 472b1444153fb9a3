"""Word stems, so that "estimates", "estimating" and "estimation" meet in one form.

Snowball's English stemmer (Porter2), after folding British "-ise" spellings into
"-ize" ("optimise" and "optimize" meet too). Stems are cached: the vocabulary of
questions and facts is small and stemming a word in pure Python costs ~40 us.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from snowballstemmer.english_stemmer import EnglishStemmer

_stemmer = EnglishStemmer()  # keeps state while it works: one thread at a time
_lock = threading.Lock()
_BRITISH = re.compile(r"is(e|es|ed|ing|ation|ations)$")


# Words spelt "-ise" in American English too (mostly verbs; a few nouns and adjectives
# end so): "supervised" is not "supervized", and folding it would part it from
# "supervision". With "un"/"re" before them too ("unsupervised").
_ALWAYS_ISE = frozenset(
    "advise apprise appraise advertise bruise chastise comprise compromise concise "
    "cruise demise despise devise disguise enterprise excise exercise expertise franchise "
    "improvise incise merchandise noise otherwise poise praise precise premise promise "
    "raise revise supervise surprise televise".split()
)


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    british = _BRITISH.search(word) if len(word) > 5 else None
    base = word[: british.start()] + "ise" if british else ""
    if british and not {base, base.removeprefix("un"), base.removeprefix("re")} & _ALWAYS_ISE:
        word = _BRITISH.sub(lambda m: "iz" + m.group(1), word)
    with _lock:
        return _stemmer.stemWord(word)
