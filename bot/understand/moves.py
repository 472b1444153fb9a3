"""Questions about moving along the ladder: whether several roles named are the whole
ladder ("junior, mid, senior, then what"), alternatives offered from where someone
stands ("im senior, staff or lead?"), a move off the main track ("how do i go from
senior to tech lead"), and a title the ladder lacks put forward as the next step
("whats after principal? is CTO next?"). bot/understand/who.py uses these to decide
which role, second role and kind of answer a question is about.
"""

from __future__ import annotations

from ..ladder.model import KnowledgeBase
from .mentions import Mention, OtherRole
from .sentence import (
    AFTER_MARKERS,
    FIRST_PERSON,
    REACHING,
    TARGET_MARKERS,
    index_before,
    word_before_index,
)

_HOW = frozenset({"how", "where"})
_ASKING_FOR_ONESELF = FIRST_PERSON | {"you", "one"}  # "how do i / how would you / can one"


def branching_into(kb: KnowledgeBase, source: str, target: str, kept, words: list[str]) -> bool:
    """ "how do i move from senior into a tech lead role", "im a backend dev, how would
    i pivot to solutions architect": asked how to make a move off the main track (the
    first track ladder.yaml lists) from the step right before it, the question is
    about the role one is moving into. Up the main track ("how do i go from senior to
    staff") it stays with the role one is in, as the public set files it; so does a
    move from anywhere else ("from mid to EM"), which the answer shows as a move."""
    main = kb.tracks[0].members if kb.tracks else ()
    if target in main or source not in kb.previous_roles(target):
        return False
    if not (_HOW & set(words) and _ASKING_FOR_ONESELF & set(words)):
        return False
    into = [m for m in kept if m.role == target]
    return bool(into) and word_before_index(words, into[0].start) in TARGET_MARKERS


_NOT = frozenset("dont doesnt cant cannot wont never not".split())


def contrasted(b: Mention, words: list[str]) -> bool:
    """ "what can a mid do that a junior cant": the second role, after "that", is said
    not to do what the first does."""
    denied = _NOT & set(words[b.end : b.end + 3])
    return word_before_index(words, b.start) == "that" and bool(denied)


def offered(a: Mention, b: Mention, words: list[str], kept: list[Mention]) -> bool:
    """Two roles offered as alternatives: "staff or lead", "going TL or pushing for
    staff" (a few words around the "or", no other role between), "pick between staff
    and mgmt"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = words[first.end : second.start]
    if any(first.end <= m.start < second.start for m in kept):
        return False
    picked = word_before_index(words, first.start) == "between" and between == ["and"]
    return picked or ("or" in between and len(between) <= 4)


def stands_at(m: Mention, words: list[str]) -> bool:
    """The asker's own level: "im senior", "as a senior", "sr eng here", "...or EM
    after senior"."""
    # "sr eng here": the discipline's word may come between
    return (
        word_before_index(words, m.start) in ("im", "am", "as", "after")
        or "here" in words[m.end : m.end + 2]
    )


def listed(kept: list[Mention], words: list[str]) -> bool:
    """Three different roles named one after another: "junior, mid, senior, then
    what" - not "sr -> staff or sr -> EM"."""
    run = [kept[0]] if kept else []
    for a, b in zip(kept, kept[1:]):
        between = words[a.end : b.start]
        in_a_row = not between or between in (["and"], ["then"])
        run = run + [b] if in_a_row and b.role not in {m.role for m in run} else [b]
        if len(run) >= 3:
            return True
    return False


_LISTING = frozenset({"all", "every", "list", "full", "whole", "entire"})
_UP_TO = frozenset({"to", "through", "thru", "till", "until"})


def asks_range(kept: list[Mention], words: list[str]) -> bool:
    """ "all the levels from jr up to principal": the ladder between two roles, asked
    for as a list."""
    if not kept or not ({"level", "ladder"} & set(words)):
        return False
    first, last = kept[0], kept[-1]
    between = set(words[first.end : last.start])
    listing = _LISTING & set(words) or "ladder" in words
    if len(kept) > 1 and listing and between & _UP_TO and len(between) <= 2:
        return True  # "all the levels on the ladder, junior thru principal"
    if word_before_index(words, first.start) != "from":
        return False
    if len(kept) == 1:  # "the ladder from entry level to the top", "...from entry level up"
        return bool({"top", "up", "upward", "upwards"} & set(words[first.end : first.end + 5]))
    return bool(_LISTING & set(words)) and "to" in words[first.end : last.start]


def all_roles(words: list[str]) -> bool:
    """ "what are all the roles on the ladder, including management": the whole ladder."""
    return any(
        w in ("all", "every") and {"role", "level", "title"} & set(words[i + 1 : i + 4])
        for i, w in enumerate(words)
    )


def reaching(m: Mention, words: list[str]) -> bool:
    """The level is where someone is heading: "make senior", "ready for senior"."""
    before = word_before_index(words, m.start)
    if before in REACHING:
        return True
    j = index_before(words, m.start)
    if before == "be" and j > 0 and words[j - 1] == "to":  # "want to be a TL"
        return True
    return before == "for" and m.start >= 2 and words[m.start - 2] in ("ready", "readiness")


def guessed_next(
    others: list[OtherRole], kept: list[Mention], strong, index, words: list[str]
) -> OtherRole | None:
    """A title the ladder lacks, put forward as the next step after a level: "whats
    after principal? is CTO the next step", "what comes after principal? cto?". The
    question is about the level's next step, not about that title. Put forward means
    right after "is" or "or" ("is staff or CTO next") - not "what's next after senior
    for a QA engineer", nor "after senior data scientist"."""
    if not others or not kept or index.ladder_topic not in strong:
        return None
    onward = [m for m in kept if word_before_index(words, m.start) in AFTER_MARKERS]
    if not onward:
        return None
    for other in others:
        if other.start < onward[0].end:
            continue
        before = index_before(words, other.start)
        if before >= onward[0].end and words[before] in ("is", "or"):
            return other
    return None
