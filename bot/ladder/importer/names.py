"""The names a level is asked about by, beyond its title: the forms people type for a
numbered or qualified title ("Senior Engineer 2 (Individual Contributor)" as "senior 2
ic", "SE2 IC", "senior engineer 2 individual contributor"). Shortened words ("sr eng")
are the understanding's to match, on any ladder; these depend on the ladder's titles."""

from __future__ import annotations

import re

from .levels import TITLE_NOUNS, Level

_NUMBER = re.compile(r"^(\d{1,2}[a-z]?|[ivx]{1,4})$", re.I)


def head_noun(levels: list[Level]) -> str:
    """The noun most titles end in ("engineer"), if more than half of them do; a title
    is then also asked about without it ("senior 1" for "Senior Engineer 1")."""
    counts: dict[str, int] = {}
    for level in levels:
        words = [w for w in level.title.lower().split() if not _NUMBER.match(w)]
        if len(words) >= 2:
            counts[words[-1]] = counts.get(words[-1], 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
    return best[0] if best[1] >= 2 and best[1] * 2 > len(levels) else ""


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isalpha())


def aliases(level: Level, shown: str, head: str) -> list[str]:
    title = level.title.lower()
    words = title.split()
    number = words[-1] if len(words) >= 2 and _NUMBER.match(words[-1]) else ""
    named = words[:-1] if number else words
    bases = [title]
    dropped = [w for w in named if w != head]
    if head and head in named and dropped and (level.variant or len(dropped) + bool(number) >= 2):
        bases.append(" ".join(dropped + ([number] if number else [])))  # "senior 1"
    if number and len(named) >= 2 and all(w.isalpha() for w in named):
        bases.append(_initials(named) + number)  # "se1"
    choices = [c.strip() for c in re.split(r"\s*/\s*", title)]
    if len(choices) > 1 and all(choices):
        # each alternative, a one-word one with the words the others share: "Software
        # Engineering Intern / Apprentice" gives "software engineering apprentice",
        # "Senior / Staff Engineer" gives "senior engineer"
        lead, tail = choices[0].split()[:-1], choices[-1].split()[1:]
        for i, c in enumerate(choices):
            if len(c.split()) > 1:
                bases.append(c)
            elif i == 0 and tail:
                bases.append(" ".join([c, *tail]))
            elif i > 0 and lead:
                bases.append(" ".join([*lead, c]))
            elif not lead and not tail and c in TITLE_NOUNS:
                bases.append(c)  # "Trainee/Intern": "trainee", "intern"
    parts = title.split(" of ")
    if len(parts) == 2 and all(parts):  # "VP of Engineering": "vp engineering",
        bases += [f"{parts[0]} {parts[1]}", f"{parts[1]} {parts[0]}"]  # "engineering vp"
    # a variant's bare title ("principal engineer") is the code both variants share
    out = [shown.lower()] if level.variant else [title]
    if level.variant:
        variant = level.variant.lower()
        short = _initials(variant.split())
        qualifiers = [variant] + ([short] if len(short) >= 2 else [])
        out += [f"{base} {q}" for base in bases for q in qualifiers]
    else:
        out += bases[1:]
    codes = {" ".join(re.findall(r"\w+", c.lower())) for c in level.codes}
    return [a for a in dict.fromkeys(out) if a and a not in codes]


def title_initials(title: str) -> str:
    """How chat shortens a title of two or three plain words: "Engineering Manager" ->
    "EM", "Team Lead" -> "TL", "Chief Technology Officer" -> "CTO"; none for a title
    with a number, a joining word ("Head of Data") or a word already short ("VP")."""
    words = title.split()
    if not 2 <= len(words) <= 3 or any(_NUMBER.match(w) for w in words):
        return ""
    if any(not w.isalpha() or len(w) < 3 or w.isupper() for w in words):
        return ""
    if any(w.lower() in ("of", "and", "the", "for") for w in words):
        return ""
    return "".join(w[0] for w in words).upper()
