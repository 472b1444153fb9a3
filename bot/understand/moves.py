"""Moves along the ladder, read from the structure of a question: alternatives
offered ("staff or lead"), several roles listed or a range asked for (the whole
ladder), a move off the main track ("how do i go from senior to tech lead"), where
the asker stands before where they head ("... or stay IC as a senior"), and a title
the ladder lacks put forward as the next step ("whats after principal? is CTO
next?"). structure.py decides with these; they read marks, pairs and cues only.
"""

from __future__ import annotations

from .frame import Frame, Pair, Span, Title


def pair_of(frame: Frame, a: Span, b: Span) -> Pair:
    key = (a.start, b.start) if a.start < b.start else (b.start, a.start)
    return frame.pairs[key]


def joined(frame: Frame, a: Span, b: Span, joiners) -> bool:
    """Two spans with only a joining word (and articles) between: "staff or principal"."""
    return pair_of(frame, a, b).joiner in joiners


def offered(frame: Frame, a: Span, b: Span, kept: list[Span]) -> bool:
    """Two roles offered as alternatives: "staff or lead", "going TL or pushing for
    staff" (a few words around the "or", no other role between), "pick between staff
    and mgmt"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    if any(first.end <= m.start < second.start for m in kept):
        return False
    pair = pair_of(frame, first, second)
    return pair.picked or pair.or_near


def listed(frame: Frame, kept: list[Span]) -> bool:
    """Three different roles named one after another: "junior, mid, senior, then
    what" - not "sr -> staff or sr -> EM"."""
    run = [kept[0]] if kept else []
    for a, b in zip(kept, kept[1:]):
        in_a_row = pair_of(frame, a, b).in_a_row
        run = run + [b] if in_a_row and b.role not in {m.role for m in run} else [b]
        if len(run) >= 3:
            return True
    return False


def asks_range(frame: Frame, kept: list[Span]) -> bool:
    """ "all the levels from jr up to principal": the ladder between two roles, asked
    for as a list."""
    cues = frame.cues
    if not kept or not cues.level_words:
        return False
    first, last = kept[0], kept[-1]
    listing = cues.listing or cues.ladder_word
    if len(kept) > 1 and listing and pair_of(frame, first, last).up_to:
        return True  # "all the levels on the ladder, junior thru principal"
    if "from" not in first.marks:
        return False
    if len(kept) == 1:  # "the ladder from entry level to the top", "...from entry level up"
        return "top_after" in first.marks
    return cues.listing and pair_of(frame, first, last).to_between


def branching_into(frame: Frame, source: str, target: str, kept: list[Span]) -> bool:
    """ "how do i move from senior into a tech lead role", "im a backend dev, how would
    i pivot to solutions architect": asked how to make a move off the main track from
    the step right before it, the question is about the role one is moving into. Up
    the main track ("how do i go from senior to staff") it stays with the role one is
    in, as the public set files it; so does a move from anywhere else ("from mid to
    EM"), which the answer shows as a move."""
    kb = frame.kb
    if target in kb.main_track_members() or source not in kb.previous_roles(target):
        return False
    if not frame.cues.how_for_oneself:
        return False
    into = [m for m in kept if m.role == target]
    return bool(into) and "target" in into[0].marks


def asker_first(frame: Frame, mentions: list[Span]) -> list[str]:
    """Roles in mention order, except that the one the asker is comes before the one
    they are heading to: "should I go into management or stay IC as a senior"."""
    offered_any = any(
        joined(frame, a, b, frozenset({"or"})) for a, b in zip(mentions, mentions[1:])
    )

    def rank(m: Span) -> int:
        if "quoted" in m.marks:
            return 3  # "my manager says im operating at staff": someone quoted
        if "after" in m.marks:
            # "is lead or EM the next move after sr": with alternatives offered, where
            # one stands; "is staff the next step after senior": the subject, staff
            return -1 if offered_any else 0
        if "early_subject" in m.marks:
            return 0  # "is staff a promotion from senior": the subject
        if "company" in m.marks:
            return 3  # "what do i need to show my manager to get out of junior": company
        if "report" in m.marks and "target" not in m.marks:
            return 0  # "help my mid get to senior": the one who moves
        return 0 if "source" in m.marks else 2 if "target" in m.marks else 1

    return list(dict.fromkeys(m.role for m in sorted(mentions, key=rank)))


def direction(m: Span) -> str:
    """ "into" for how to become the role ("to staff"), "onward" for what comes after it
    ("after staff", "from senior", "senior, what's next"), else ""."""
    if "target" in m.marks:
        return "into"
    if "onward" in m.marks:
        return "onward"
    return ""


def guessed_next(frame: Frame, titles: list[Title], kept: list[Span], index) -> Title | None:
    """A title the ladder lacks, put forward as the next step after a level: "whats
    after principal? is CTO the next step", "what comes after principal? cto?". The
    question is about the level's next step, not about that title. Put forward means
    right after "is" or "or" ("is staff or CTO next") - not "what's next after senior
    for a QA engineer", nor "after senior data scientist"."""
    if not titles or not kept or index.ladder_topic not in frame.strong:
        return None
    onward = [m for m in kept if "after_any" in m.marks]
    if not onward:
        return None
    for title in titles:
        if title.start > onward[0].end and "put_forward" in title.marks:
            return title
    return None
