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
    if "%" in text:  # "~80%", "% wise": the word, so a question can ask for it
        text = text.replace("%", " percent ")
    split = _NON_WORD.sub(" ", text).split()[:MAX_TOKENS]
    return [fold_plural(w) for w in split] if fold else split


def normalise(text: str) -> str:
    return " ".join(words(text))


_LEAD_IN = re.compile(r"([A-Z][\w&/-]*(?: [\w&/-]+){0,3}): ")


def lead_in(text: str) -> str:
    """The name a line opens with, one to four words and a colon: "Influence" of
    "Influence: Is a visible role model...", "Delivery Process" of "Delivery Process:
    ..."; "" when it opens with none."""
    found = _LEAD_IN.match(text)
    return found.group(1) if found else ""


_CODE = re.compile(r"^([a-z]{1,4})(\d{1,2}[a-z]?)$")  # "ic3a", "d3", "tl5", "l5"
_NUMBERED = re.compile(r"^\d{1,2}[a-z]?$")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7"}
_ROMAN.update({"viii": "8", "ix": "9", "x": "10"})
_FIGURES = {v: k for k, v in _ROMAN.items()}
NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six"}
NUMBER_WORDS.update({"7": "seven", "8": "eight", "9": "nine", "10": "ten"})


def spoken_forms(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The ways people type a name with a level code or number in it, the name first:
    letters and figures together or apart ("IC3a", "IC 3a"; "D3", "d 3"), roman or
    arabic figures after a word ("Engineer II", "engineer 2", "level three"), and "L5"
    as "level 5"."""
    if not key:
        return []
    out = [key]
    last = key[-1]
    code = _CODE.match(last)
    if code:  # "d3" -> "d 3"
        out.append((*key[:-1], code.group(1), code.group(2)))
    if len(key) >= 2 and key[-2].isalpha() and len(key[-2]) <= 4 and _NUMBERED.match(last):
        out.append((*key[:-2], key[-2] + last))  # "ic 3a" -> "ic3a"
    for form in list(out):
        *rest, end = form
        if rest and len(rest[-1]) > 4 and end in _ROMAN:
            out.append((*rest, _ROMAN[end]))  # "engineer ii" -> "engineer 2"
            out.append((*rest, NUMBER_WORDS[_ROMAN[end]]))  # "senior i" -> "senior one"
        elif rest and len(rest[-1]) > 4 and end in _FIGURES:
            out.append((*rest, _FIGURES[end]))  # "engineer 2" -> "engineer ii"
            out.append((*rest, NUMBER_WORDS[end]))  # "level 3" -> "level three"
        if len(form) == 2 and form[0] == "l" and _NUMBERED.match(end):
            out.append(("level", end))  # "l 5" -> "level 5"
        if len(form) == 2 and form[0] == "level" and _NUMBERED.match(end):
            out += [("l", end), ("l" + end,)]  # "level 5" -> "l 5", "l5"
    return list(dict.fromkeys(out))


# How people shorten the words of job titles in chat. A name's shortened forms are
# matched as the name ("sr eng 2" for "Senior Engineer 2", "tech director" for
# "Technology Director"), on any ladder, without the ladder listing them.
SHORT_WORDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("senior",): ("sr", "snr"),
    ("junior",): ("jr", "jnr"),
    ("engineer",): ("eng",),
    ("engineering",): ("eng",),
    ("technology",): ("tech",),
    ("technical",): ("tech",),
    ("director",): ("dir",),
    ("manager",): ("mgr",),
    ("management",): ("mgmt",),
    ("principal",): ("princ",),
    ("associate",): ("assoc",),
    ("software",): ("sw",),
    ("developer",): ("dev",),
    ("development",): ("dev",),
    ("architect",): ("arch",),
    ("administrator",): ("admin",),
    ("operations",): ("ops",),
    ("operation",): ("ops",),
    ("infrastructure",): ("infra",),
    ("security",): ("sec",),
    ("information", "security"): ("infosec",),
    ("cybersecurity",): ("cybersec",),
    ("quality",): ("qa",),
    ("intermediate",): ("mid",),
    ("middle",): ("mid",),
    ("individual", "contributor"): ("ic",),
    ("software", "engineer"): ("swe",),
    ("software", "engineers"): ("swes",),
    ("vice", "president"): ("vp",),
}
# A title's head noun a ladder may use alone for its one such role ("manager" for its
# Engineering Manager): the importer names the role so, the understanding reads it.
HEAD_NOUNS = frozenset({"manager", "director", "architect"})
SHORT_FORMS_MAX = 16  # per name: every combination of a long title would be hundreds


def short_forms(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name with its words shortened the ways people type them, the name itself first:
    ("senior", "engineer", "2") -> also ("sr", "engineer", "2"), ("senior", "eng", "2"),
    ("sr", "eng", "2") ..."""
    forms: list[tuple[str, ...]] = [()]
    i = 0
    while i < len(key):
        two = key[i : i + 2]
        if len(two) == 2 and two in SHORT_WORDS:
            options = [two, *((s,) for s in SHORT_WORDS[two])]
            i += 2
        else:
            options = [key[i : i + 1], *((s,) for s in SHORT_WORDS.get(key[i : i + 1], ()))]
            i += 1
        forms = [f + o for f in forms for o in options][: SHORT_FORMS_MAX * 4]
    return list(dict.fromkeys(forms))[:SHORT_FORMS_MAX] if key else []
