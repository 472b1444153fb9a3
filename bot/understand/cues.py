"""Stage 7: what the words around the roles say about them, read once.

Every rule that looks at the words beside a role lives here, and leaves its finding
as a named mark on the span (`Span.marks`), on a title (`Title.marks`), on a pair
of spans (`Pair`) or on the question (`Cues`). Later stages (structure.py, topic.py)
reason over those and never go back to the words. The marker words themselves are
English and live in one table (markers.py); words a ladder owns (its level words
that English also grades, "senior", "junior") come from the index.
"""

from __future__ import annotations

from dataclasses import replace

from ..stems import stem
from . import lexicon
from . import markers as M
from .conditions import condition_of
from .frame import Cues, Frame, Pair, Span, Title
from .index import RouterIndex
from .requests import (
    announcement_of,
    broken_of,
    errand_of,
    own_conduct_of,
    person_asked_for,
    person_wanted,
    request_of,
)


def read_cues(frame: Frame, index: RouterIndex) -> None:
    words = frame.words
    present = set(words)
    condition, at = condition_of(words)
    for span in frame.spans:
        span.marks = _span_marks(span, words, index)
        if span.start <= at < span.end:  # "into management": a condition, not a role
            span.marks |= {"condition"}
    frame.titles = [replace(t, marks=_title_marks(t, words)) for t in frame.titles]
    spans = sorted(frame.spans, key=lambda s: s.start)
    for i, a in enumerate(spans):
        for b in spans[i + 1 :]:
            frame.pairs[(a.start, b.start)] = _pair(a, b, words)
    person = person_wanted(words, frame.spans) or (
        "someone" if any(person_asked_for(sp, words) for sp in frame.spans) else ""
    )
    plain = [w for w in words if w not in M.SOFTENERS and w != "actually"]  # "what really changes"
    # where the ladder itself is named: "our career ladder", "the framework"
    ladder_at = [
        i
        for i, w in enumerate(words)
        if w in M.LADDER_NOUNS
        and (w == "ladder" or w in index.ladder_words)  # a "framework" only if it is one
        and i > 0
        and words[i - 1] in M.THIS_LADDER
    ]
    frame.cues = Cues(
        form=form_of(words),
        asking_form=form_of(words[frame.focus :]),
        refers_back=bool(frame.focus) and _refers_back(words[frame.focus :]),
        weighing=bool(M.WEIGHING & present),
        # "what competency themes are we assessed on", "which axes are people rated on"
        areas_asked=bool(M.AREA_NOUNS & present)
        and bool(M.WHICH & present)
        and bool(M.ASSESSING & present or {"competency", "competencies"} & present),
        head=asked_for(words, frame.focus),
        absence=bool(M.ABSENCE & present),
        all_roles=any(
            w in M.WHOLE and M.ROLE_NOUNS & set(words[i + 1 : i + 4]) for i, w in enumerate(words)
        ),
        how_for_oneself=bool(M.HOW & present and M.FOR_ONESELF & present),
        listing=bool(M.LISTING & present),
        level_words=bool(M.LEVEL_WORDS & present),
        ladder_word="ladder" in present,
        ladder_named=bool(ladder_at),
        ladder_cited=any(i > 1 and words[i - 2] in M.CITING for i in ladder_at),
        things_compared=tuple(
            i for i, w in enumerate(words) if w in M.VS and 0 < i < len(words) - 1
        ),
        individual=bool(M.INDIVIDUAL & present),
        clause_ors=tuple(
            i
            for i, w in enumerate(words)
            if w == "or" and words[i + 1 : i + 2] and words[i + 1] in M.CLAUSE_STARTS
        ),
        tracks_named=_tracks_named(words, frame.free, index),
        condition=condition,
        announcement=announcement_of(frame.text, words, form_of(words), frame.spans),
        request=request_of(words) or bool(person),
        own_conduct=own_conduct_of(words),
        broken=broken_of(words),
        errand=errand_of(words),
        person=person,
        which_level=any(
            w in M.WHICH and M.LEVEL_NOUNS & set(words[i + 1 : i + 4]) for i, w in enumerate(words)
        ),
        readiness=any(
            w in M.READINESS and not (w.startswith("expect") and words[i + 1 : i + 2] == ["to"])
            for i, w in enumerate(words)  # "am i expected to lead projects": a duty
        )
        or any(pair in M.READINESS_PAIRS for pair in zip(plain, plain[1:])),
    )


def _tracks_named(words: list[str], free: list[bool], index: RouterIndex) -> frozenset[str]:
    """The tracks a question names by a word of their title ("ops", "IC") or, when it
    names none so, by another form of one ("management" for People Manager) - not
    beside a track named outright: "ops SE1 incident management" is the ops track."""
    said = [w for j, w in enumerate(words) if free[j]]
    named = frozenset(t for w in said for t in index.track_words.get(w, ()))
    if named:
        return named
    return frozenset(t for w in said for t in index.track_stems.get(stem(w), ()))


def _refers_back(asking: list[str]) -> bool:
    """The asking sentence points back at a role its story named: "What is *that
    role*, exactly?", "what should *that person* be on the hook for?"."""
    return any(
        w in M.POINTING and asking[i + 1 : i + 2] and asking[i + 1] in M.ROLE_REFERENCES
        for i, w in enumerate(asking)
    )


def _report(m: Span, words: list[str], index: RouterIndex) -> bool:
    """Someone the asker manages: after "my" with a verb of helping before it ("help my
    mid", "promote my junior"), or a role that manages nobody ("my senior engineer
    wants to..."; "my lead says" is the asker's own lead); after "my report is a", "one
    of my reports is"; after "I manage a"."""
    before = words[max(0, m.start - 5) : m.start]
    if m.start > 0 and words[m.start - 1] in M.OUR:
        verb = words[m.start - 2] if m.start > 1 else ""
        helped = verb in M.REPORT_VERBS or verb == "of"  # "help my", "one of my"
        return helped or not (set(m.roles) & index.managing)
    if M.REPORT_NOUNS & set(before) and M.OUR & set(before):
        return True
    # "got a mid eng on my team who wants sr": one person on the asker's team (not "the
    # seniors on my team", the asker's peers)
    after = words[m.end : m.end + 3]
    one = m.start > 0 and words[m.start - 1] in ("a", "an")
    on_my_team = after[:2] in (["on", "my"], ["in", "my"]) and after[2:] and after[2] in M.GROUPS
    if one and on_my_team and _said_by_a_manager(words, m.start, index):
        return True
    # "I am manager of two junior engineers", "lead of three mids": the people they manage
    k = m.start - 1
    while k >= 0 and (words[k] in M.ARTICLES or words[k] in M.FEW or words[k].isdigit()):
        k -= 1
    if k > 0 and words[k] == "of" and _manages(words[k - 1], index):
        return True
    # "I manage a staff engineer": one person (not "as a senior do i mentor juniors")
    j = index_before(words, m.start)
    one = m.start > 0 and words[m.start - 1] in ("a", "an")
    return one and j > 0 and words[j] in M.MANAGING_VERBS and words[j - 1] in M.FIRST_PERSON


def _said_by_a_manager(words: list[str], start: int, index: RouterIndex) -> bool:
    """The asker manages people: "manager here - got a mid eng on my team", "how do I
    support her" - not a junior about a staff engineer on their team."""
    return any(w in M.MANAGE_WORDS or _manages(w, index) for w in words[:start]) or any(
        w in M.REPORT_VERBS and words[k + 1 : k + 2] in (["him"], ["her"], ["them"])
        for k, w in enumerate(words)
    )


def _manages(word: str, index: RouterIndex) -> bool:
    """ "manager", "lead" (a title of a role that manages people) or "charge" ("in
    charge of"), before "of two juniors"."""
    named = index.aliases.get((word,))
    return word == "charge" or (named is not None and named[0] in index.managing)


def index_before(words: list[str], start: int) -> int:
    """The position of the word before `start`, articles skipped (-1 if none)."""
    j = start - 1
    while j >= 0 and words[j] in M.ARTICLES:
        j -= 1
    return j


def word_before(words: list[str], start: int) -> str:
    j = index_before(words, start)
    return words[j] if j >= 0 else ""


def _span_marks(m: Span, words: list[str], index: RouterIndex) -> frozenset[str]:
    before = word_before(words, m.start)
    after = words[m.end : m.end + 2]
    marks = set()

    def mark(name: str, cond) -> None:
        if cond:
            marks.add(name)

    mark("aux", before in M.AUXILIARIES)  # "does a principal ..."
    mark("early_subject", (before in M.AUXILIARIES or before in M.IS_ARE) and m.start <= 2)
    mark("copula", before in M.IS_ARE)  # "what is a senior ... supposed to be"
    mark("after", before == "after")
    mark("after_any", before in M.AFTER)  # "what's beyond principal"
    mark("source", before in M.SOURCE)  # "from senior", "as a senior"
    j = index_before(words, m.start)
    aiming = before == "for" and j > 0 and words[j - 1] in M.AIMING  # "aiming for staff"
    # "open to a principal", "available to seniors": for them, not a move to them
    for_them = before == "to" and j > 0 and words[j - 1] in M.AVAILABLE
    mark("target", (before in M.TARGET and not for_them) or aiming)  # "to staff", "become a"
    mark("onward", before in M.ONWARD or "next" in words[m.end :])
    mark("self", before in M.SELF)  # "as a backend dev", "im a senior"
    mark("as", before == "as")
    mark("that", before == "that")
    mark("from", before == "from")
    mark("without", before == "without")
    mark("stands", before in ("im", "am", "as", "after") or "here" in after)
    mark("here", m.start <= 2 and "here" in after)  # "sr eng here - ..."
    mark("question_lead", m.start <= 1 and words[m.end : m.end + 1] == ["question"])
    # "my manager says ...": someone quoted - but "my junior wants to ..." is a report
    saying = bool(after) and (after[0] in M.SAYING or tuple(after) in M.KEEP_SAYING)
    # "backend dev, want to lead a team": the asker, "I" left out - not someone quoted
    # ("managers say seniors should..." quotes people: the verb's own subject follows)
    elided = words[m.end + 1 : m.end + 2] in (["to"], *([w] for w in M.FIRST_PERSON))
    saying = saying and not (m.start == 0 and after[0] in M.BARE_SAYING and elided)
    # ...not the asker's own level: "im mid level, want to stay hands-on"
    report = _report(m, words, index)
    mark("quoted", saying and not report and before not in M.SELF)
    mark("report", report)  # "help my mid get to senior": someone the asker manages
    mark(
        "company",  # "show my manager": whom the asker reports to
        not report and m.start > 0 and words[m.start - 1] in M.OUR and before not in M.STOPWORDS,
    )
    mark("set_aside", set_aside(m, words))
    mark("adjective", _adjective(m, words, index))
    mark("track", m.contextual and m.end < len(words) and words[m.end] in M.TRACK_WORDS)
    mark("reaching", _reaching(m, words, before))
    mark("toward", before in M.TOWARD)  # "ready for senior", "what changes at EM7"
    # "what does staff expect (from me)", "what does an EM role require": its demands
    demands = after[1:2] if after[:1] and after[0] in M.LEVEL_NOUNS else after[:1]
    mark("demands", bool(demands) and demands[0] in M.EXPECTING)
    mark("denied_after", bool(M.NEGATIONS & set(words[m.end : m.end + 3])))
    mark("first_person_after", bool(M.FIRST_PERSON & set(words[m.end :])))
    mark("group_after", bool(set(words[m.end : m.end + 1]) & (M.GROUPS | M.PASSIVE)))
    mark("top_after", bool(M.TOP & set(words[m.end : m.end + 5])))
    # "people axis for the top dev level" - not "what do top developers do differently"
    mark("highest", before in M.HIGHEST and bool(after) and after[0] in M.LEVEL_NOUNS)
    j = index_before(words, m.start)
    mark("between", before == "between")
    mark("weighed", before == "between" and j > 0 and words[j - 1] in M.CHOOSING)
    # the object of a verb or preposition, not the subject ("do leads mentor juniors")
    how_for = before == "for" and word_before(words, j) in M.HOW_IT
    mark("how_for", how_for)  # "how does code review work for juniors": about them
    mark("object_word", before in M.OBJECT)
    mark(
        "or_alternative",  # "hiring mids right now or only seniors"
        before in ("only", "just") and word_before(words, m.start - 1) == "or",
    )
    mark(
        "verb_before",
        bool(before)
        and before not in M.STOPWORDS
        and before not in index.alias_words
        and before not in index.domain_words
        and m.start > 0,
    )
    return frozenset(marks)


def _title_marks(t: Title, words: list[str]) -> frozenset[str]:
    marks = set()
    if set_aside(t, words):
        marks.add("set_aside")  # "besides frontend devs, ..."
    before = word_before(words, t.start)
    if before in M.PEERS:
        marks.add("peer")  # "do seniors work with product managers"
    if t.start >= 2 and words[t.start - 1] in M.OUR and words[t.start - 2] not in M.STOPWORDS:
        marks.add("peer")  # "I ... mentor our intern": someone the asker works with
    if before in ("is", "or"):
        marks.add("put_forward")  # "is CTO next", "staff or CTO"
    if _a_duty_as(words, index_before(words, t.start)):
        marks.add("complement")  # "is a principal supposed to be a project manager too"
    last = words[t.end - 1]
    if last not in M.TITLE_HEADS and stem(last) in _HEAD_STEMS:
        marks.add("field")  # "project management", "data engineering": the work itself
    return frozenset(marks)


_HEAD_STEMS = frozenset(stem(h) for h in M.TITLE_HEADS)


def _a_duty_as(words: list[str], j: int) -> bool:
    """A title as what a role is expected to be or act as ("supposed to be a project
    manager", "act as scrum master"), not a move to it ("switch to be a designer")."""
    if j < 0:
        return False
    if words[j] == "be":
        return j >= 2 and words[j - 2] in M.DUTY_TO_BE and words[j - 1] == "to"
    return words[j] == "as" and j >= 1 and words[j - 1] in M.ACTING


def _pair(a: Span, b: Span, words: list[str]) -> Pair:
    raw = words[a.end : b.start]
    between = [w for w in raw if w not in M.ARTICLES]
    distinct = set(raw)
    return Pair(
        joiner=between[0] if len(between) == 1 else "",
        in_a_row=not raw or tuple(raw) in M.IN_A_ROW,
        or_near="or" in raw and len(raw) <= 4,
        or_between="or" in raw,
        picked=word_before(words, a.start) == "between" and raw == ["and"],
        up_to=bool(distinct & M.UP_TO) and len(distinct) <= 2,
        to_between="to" in raw,
    )


def set_aside(m: Span | Title, words: list[str]) -> bool:
    """The role follows a word that excludes it ("besides management")."""
    j = m.start - 1
    skip = M.ARTICLES | M.MODIFIERS | M.SOFTENERS | M.MOVING | M.HAVING
    while j >= 0 and words[j] in skip:
        j -= 1  # "rather than just a very good senior", "besides moving into management"
    if j < 0:
        return False
    return words[j] in M.EXCLUDING or (j > 0 and (words[j - 1], words[j]) in M.EXCLUDING_PAIRS)


def _adjective(m: Span, words: list[str], index: RouterIndex) -> bool:
    """A level word used as an adjective of degree: "the most senior IC", "more junior
    people" - seniority, not the role. Which level words English grades is the
    ladder's to say (ladder.yaml `graded_words`). Also the work a role's word names,
    before qualities: "management abilities expected of a principal"."""
    if m.end - m.start == 1 and words[m.start] == "management" and m.end < len(words):
        return words[m.end] in M.QUALITIES
    if not (m.end - m.start == 1 and words[m.start] in index.graded_words and m.start > 0):
        return False
    before = words[m.start - 1]
    after_or = words[m.end + 1 : m.end + 2]
    if words[m.end : m.end + 1] and words[m.end] in M.EITHER and not set(after_or) & M.DEGREE:
        # "which pays more, senior or staff": one of two roles offered - but "more senior
        # or less senior than staff" grades
        return False
    if before in ("most", "least"):
        # "the most senior IC" - but "do most senior folks have a degree": most of them
        return m.start > 1 and words[m.start - 2] == "the"
    return before in M.DEGREE


def _reaching(m: Span, words: list[str], before: str) -> bool:
    """The level is where someone is heading: "make senior", "ready for senior"."""
    if before in M.REACHING:
        return True
    j = index_before(words, m.start)
    if before in M.MADE_ONES and j > 0 and words[j - 1] in M.REACHING:
        return True  # "before they make me mid", "to make her senior"
    if before == "be" and j > 0 and words[j - 1] == "to":  # "want to be a TL"
        return True
    if before == "i" and j > 0 and words[j - 1] == "am":  # "am i mid-level yet"
        return True
    if before in ("to", "into") and j > 0 and words[j - 1] in M.SWITCHING:
        return True  # "considering switching to people management", "moving into EM"
    return before == "for" and m.start >= 2 and words[m.start - 2] in M.READY


def _open_alternative(words: list[str]) -> bool:
    """ "... or something else?", "... or what?": the asker expects another answer than
    the one put to the question, so it is not answered yes or no."""
    return any(a == "or" and b in M.OTHER_THAN for a, b in zip(words, words[1:]))


def _share_asked(then: list[str]) -> bool:
    """What follows "how much" asks for a share: "how much of a lead's time is coding",
    "how much coding", "how much IC (hands-on) work does a director do" - not "how much
    time off" nor "how much autonomy"."""
    if then[:1] == ["of"] or (then[:1] and then[0] in M.SHARE_OF):
        return True
    if then[:1] and then[0] in M.HANDS_ON_WORK:  # "how much IC work", "hands on coding"
        return bool(set(then[1:3]) & (M.SHARE_OF | {"work"}))
    return False


def _share_form(words: list[str]) -> bool:
    if M.PAY_WORDS & set(words):
        return False  # "how much of a raise comes with senior"
    return bool(M.PERCENT & set(words)) or any(
        a == "how" and b == "much" and _share_asked(words[i + 2 : i + 5])
        for i, (a, b) in enumerate(zip(words, words[1:]))
    )


def form_of(words: list[str]) -> str:
    """ "yes_no" for "do seniors...", "how_long" for "how long / how many years"."""
    i = 0
    while i < len(words) - 1 and words[i] in M.LEAD_IN:
        i += 1
    if words[i : i + 1] and words[i] in M.YES_NO and not _open_alternative(words):
        return "yes_no"
    if "how" in words and ("long" in words or ("many" in words and "year" in words)):
        return "how_long"
    if _share_form(words):
        return "share"
    if "horizon" in words or any(
        a == "how" and b == "far" and c in M.AHEAD for a, b, c in zip(words, words[1:], words[2:])
    ):
        return "how_long"  # "how far out should a staff look", "planning horizon": a time
    return ""


def asked_for(words: list[str], start: int = 0) -> int:
    """Where the thing a question asks for is, or -1: the first word after "what",
    "which", "any" or "how much" that is not an article or a word like "kind of"
    ("what *tools* should a mid know", "how much *impact*"), or after "need a"
    ("does a lead need a *degree*")."""
    for i in range(start, min(len(words), start + 4)):
        # "how much impact": the thing after "how much" too ("how many years" asks
        # for a time, not for experience)
        much = words[i] == "much" and i > 0 and words[i - 1] == "how"
        if words[i] in M.WH or much:
            j = i + 1
            while j < len(words) and j - i <= 4:
                if words[j] in ("level", "amount", "degree") and words[j + 1 : j + 2] == ["of"]:
                    j += 2  # "what level of technical depth": the depth
                elif words[j] in M.BEFORE_HEAD:
                    j += 1
                else:
                    break
            # "what is a lead accountable for", "what's considered key": a frame or a
            # verb, no thing asked for
            if j >= len(words) or words[j] in M.STOPWORDS or _participle(words[j]):
                return -1
            return j
    # "does a lead need a degree", "do i need any certs": what is needed
    for i in range(start, len(words) - 2):
        if words[i] == "need" and words[i + 1] in M.SOME and words[i + 2] not in M.STOPWORDS:
            return i + 2
    return -1


def _participle(word: str) -> bool:
    """ "considered", "used": a verb made from an English one - not "speed" or
    "embedded" (whose stems "spe", "embedd" are not words)."""
    return (
        len(word) > 4
        and word.endswith("ed")
        and (lexicon.is_english(word[:-2]) or lexicon.is_english(word[:-1]))
    )
