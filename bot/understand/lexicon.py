"""How common an English word is, from wordfreq's frequency lists.

The speller asks this before it changes a word: "learn", "leader" and "mind" are
English and stay as typed, however close they are to "earn", "ladder" and "mid";
"senoir" and "skils" are not, and get corrected. wordfreq's "small" English list
holds every word at least as common as COMMON (29,000 words, read in a few
milliseconds); wordfreq is imported the first time a word needs checking (~70 ms).
"""

from __future__ import annotations

import math
import threading

# Zipf scale: log10 of occurrences per billion words. 3 is about once per million
# words ("senor" 2.6, "manger" 3.0, "toll" 4.1, "learn" 5.2); below it a word
# that is one slip away from a ladder word is far more likely that slip.
COMMON = 3.0

_lock = threading.Lock()
_frequencies: dict[str, float] | None = None


def _load() -> dict[str, float]:
    global _frequencies
    with _lock:
        if _frequencies is None:
            _frequencies = _read_packed() or _from_wordfreq()
    return _frequencies


def _from_wordfreq() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="small")


def _read_packed() -> dict[str, float] | None:
    """wordfreq's English list read straight from its data file, without importing
    wordfreq (its tokenizers and language tables take ~130 ms to import; the CLI
    starts in well under half a second). The file is wordfreq's documented "cBpack"
    format: a header, then one list of words per centibel of frequency. Anything
    unexpected falls back to wordfreq itself."""
    try:
        import gzip
        import importlib.util
        import os

        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        if spec is None or not spec.origin:
            return None
        path = os.path.join(os.path.dirname(spec.origin), "data", "small_en.msgpack.gz")
        with gzip.open(path, "rb") as f:
            pack = msgpack.load(f, raw=False)
        if not pack or pack[0] != {"format": "cB", "version": 1}:
            return None
        return {
            word: 10 ** (-centibels / 100)
            for centibels, bucket in enumerate(pack[1:])
            for word in bucket
        }
    except Exception:  # noqa: BLE001 - any surprise: use wordfreq's own reader
        return None


def zipf(word: str) -> float:
    """The word's Zipf frequency in English; 0 for a word rarer than COMMON."""
    freq = (_frequencies or _load()).get(word, 0.0)
    return round(math.log10(freq * 1e9), 2) if freq > 0 else 0.0


def is_english(word: str, plural_folded: bool = True) -> bool:
    """True for a common English word. Words reach the speller with plurals folded
    ("kills" -> "kill", "tolls" -> "toll"), so the unfolded form counts too."""
    if zipf(word) >= COMMON:
        return True
    if plural_folded and (zipf(word + "s") >= COMMON or zipf(word + "es") >= COMMON):
        return True
    return any(zipf(base) >= COMMON for base in _past_tense_bases(word))


def _past_tense_bases(word: str) -> list[str]:
    """What an -ed word may be made from: "mentored" (mentor), "scoped" (scope),
    "planned" (plan), "copied" (copy). A rarer past tense of a common verb is as
    English as the verb: the speller must not read "mentored" as "centred"."""
    if len(word) < 5 or not word.endswith("ed"):
        return []
    bases = [word[:-2], word[:-1]]
    if word[-3] == word[-4]:
        bases.append(word[:-3])  # planned -> plan
    if word.endswith("ied"):
        bases.append(word[:-3] + "y")  # copied -> copy
    return bases


# Adverbs that do not end in -ly: "almost mid", "just senior", "still junior".
_PLAIN_ADVERBS = frozenset(
    "almost nearly just still already now soon even quite pretty very too also ever never "
    "always finally basically kinda sorta yet".split()
)


def is_adverb(word: str) -> bool:
    """An adverb, which describes a verb or a level ("almost mid", "junior realistically")
    and so never makes a compound noun with one ("sales lead", "lead singer"). An -ly
    word counts only when what it is made from is an English word: "realistically"
    (realistic), "easily" (easy), "really" (real) - not "family", "supply" or "rally"."""
    if word in _PLAIN_ADVERBS:
        return True
    if not word.endswith("ly") or len(word) < 5:
        return False
    bases = [word[:-2]]
    if word.endswith("ally"):
        bases.append(word[:-4])  # realistically -> realistic
    if word.endswith("ily"):
        bases.append(word[:-3] + "y")  # easily -> easy
    if word.endswith("ably") or word.endswith("ibly"):
        bases.append(word[:-1] + "e")  # reasonably -> reasonable
    return any(len(b) >= 4 and zipf(b) >= COMMON for b in bases)
