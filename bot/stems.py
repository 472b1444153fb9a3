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


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    if len(word) > 5 and _BRITISH.search(word):
        word = _BRITISH.sub(lambda m: "iz" + m.group(1), word)
    with _lock:
        return _stemmer.stemWord(word)
