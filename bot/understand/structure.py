"""Stage 9: the question's structure. Who asks, whom it is about, the second role of a
comparison or a move, and titles the ladder lacks that the question is about.

Reads the spans' marks, the pairs and the cues (cues.py), never the words. The
decisions, in order:
- who asks or is quoted ("manager question: ...", "my manager says ...") is context;
- a title the ladder lacks is named when it is what the question is about, and one
  guessed as the next step ("whats after principal? is CTO next?") is noted;
- roles set aside ("besides management"), used as adjectives ("the most senior
  IC") or naming a track ("the management track") give way to the others;
- then `who`: the subject, and the second role of a comparison or a move, or the
  whole ladder when several roles are listed ("junior, mid, senior, then what").
"""

from __future__ import annotations

from functools import lru_cache

from ..ladder.model import LADDER, KnowledgeBase
from .frame import Frame, Span, Title
from .index import RouterIndex
from .markers import (
    AUXILIARIES,
    COMPARING_JOINERS,
    COMPARING_WORDS,
    EITHER,
    POSITION,
    READINESS,
    TO,
)
from .moves import (
    asker_first,
    asks_range,
    branching_into,
    guessed_next,
    joined,
    listed,
    offered,
    pair_of,
)
from .normalise import tokens
from .sense import model_words

ALONE_COMPARE = 0.1  # model probability a one-role comparison needs
TELLING_SUBJECTS = frozenset({"i", "ive", "we", "weve"})
# ...but "I need", "I want", "I wonder": what follows is what they ask about
NOT_TELLING = frozenset(
    "need needs want wanna wonder wondering would like hope think know guess am was "
    "m have to".split()
)
TOLD_WORDS = 7  # "if I've never had direct reports": the clause a subject says
HELD_MOST = 0.4  # share of what is asked one role's fact holds, the others' none: that role
FAR_AHEAD = 2.0  # ...or the others' best holds far less (a score this many times lower)


def settle(frame: Frame, index: RouterIndex) -> bool:
    """Settle which spans the question is about (frame.kept), or decline it
    (frame.declined, frame.unknown). False when the question is declined."""
    kb, kept = frame.kb, frame.kept
    reporting = any("report" in m.marks for m in kept)
    asking = [
        m
        for m in kept
        if "question_lead" in m.marks
        or "quoted" in m.marks
        # "manager here: my report is a mid...": who asks, when they ask about a report
        or (reporting and "report" not in m.marks and {"here", "self", "as"} & m.marks)
        # "manager here: onboarding two juniors, what should they own": a manager who
        # says who they are before asking about the people they manage (not "lead
        # here - how do i get to principal", where they ask about themselves)
        or (
            "here" in m.marks
            and "first_person_after" not in m.marks
            and m.end <= frame.focus
            and m.role in index.managing
        )
    ]
    if frame.focus and any(m.start >= frame.focus for m in kept):
        # "lead: what should my seniors own?": who asks, before the question that names
        # its own role - unless it is where the asker stands ("senior here - how do i
        # get to staff"), which a move starts from
        asking += [
            m
            for m in kept
            if m.end <= frame.focus
            and not {"self", "stands", "source", "as", "here"} & m.marks
            and m not in asking
        ]
    if asking and len({m.role for m in kept}) > len({m.role for m in asking}):
        # "manager question: is one of my mids ready for senior", "my manager says im
        # operating at staff": who asks or is quoted, not whom the question is about
        kept = [m for m in kept if m not in asking]
    titles = [t for t in frame.titles if "set_aside" not in t.marks and t.start >= frame.focus]
    if frame.trapped:
        # "principal component analysis in python": the level word means something
        # else here, so the question is about that, not about a role with no name.
        frame.declined = True
        return False
    frame.guessed = guessed_next(frame, titles, kept, index)
    if frame.guessed:
        titles = [t for t in titles if t is not frame.guessed]
    frame.unknown = unknown_role(frame, titles, kept, index)
    if frame.unknown:
        frame.note("structure", f"about {frame.unknown.title}, a title the ladder lacks")
        frame.declined = True
        return False
    kept = [m for m in kept if not ("track" in m.marks and frame.cues.individual)]
    if any("condition" not in m.marks for m in kept):
        kept = [m for m in kept if "condition" not in m.marks]  # "into management"
    if len({m.role for m in kept}) > 1:
        # "the most senior IC", "more junior folks": the adjective, not the level;
        # "the IC and management tracks": the track, not the manager
        kept = [m for m in kept if not ({"adjective", "track"} & m.marks)] or kept
    if any("set_aside" in m.marks for m in kept):
        # "what can a backend dev branch into besides management": not the manager.
        rest = [m for m in kept if "set_aside" not in m.marks]
        # "what happens to a project without a principal": what its absence does
        lacking = [m for m in kept if frame.cues.absence and "without" in m.marks]
        kept = rest or lacking or [m for m in kept if m.role == kb.default_role]
        compare = frame.phrases.get(index.compare_topic)
        if compare and all(p == ("than",) for p in compare.stems):
            # the "than" of "other than lead" compares nothing
            frame.phrases.pop(index.compare_topic)
            frame.strong.discard(index.compare_topic)
    specific = [m for m in kept if m.role != kb.default_role]
    if specific and index.compare_topic not in frame.strong:
        # "senior engineer in backend": backend is a domain word here - unless it is
        # who is asking: "do i have to go into management as a backend dev"
        kept = [
            m
            for m in kept
            if m in specific
            or "self" in m.marks
            or (  # "my options after backend: IC or mgmt?" - where the move starts
                "after_any" in m.marks and index.ladder_topic in frame.strong
            )
            or any(joined(frame, m, s, EITHER) for s in specific)  # "backend dev or SA"
        ]
    elif specific:
        # "sr backend eng" is one title, the level's, even in "what difference does
        # a strong sr backend eng make": the discipline right after a level is part of it.
        after_level = {m.end for m in specific if m.end - m.start == 1}
        kept = [m for m in kept if not (m.role == kb.default_role and m.start in after_level)]
    frame.kept = kept
    return True


def who(frame: Frame, index: RouterIndex) -> None:
    """Fill frame.role and, for a comparison or a move, frame.other; frame.topic too
    when the structure decides it (the ladder, a comparison). A name several roles
    share ("IC 5") is settled by the rest of the question, or the bot asks which."""
    frame.role, frame.other, frame.topic = _who(frame, index, frame.kept)
    _readiness(frame, index)
    for attr in ("role", "other"):
        span = next((m for m in frame.kept if m.role == getattr(frame, attr)), None)
        if span is None or not span.ambiguous:
            continue
        meant = _settle_shared(frame, span)
        if meant is not None:
            setattr(frame, attr, meant)
        elif _one_family(frame.kb, span.roles):
            # "tech lead" for Tech Lead 4-7: the family's first level, the answer saying so
            first = min(span.roles, key=frame.kb.ladder_position)
            setattr(frame, attr, first)
            if attr == "role":
                frame.family, frame.asked_as = span.roles, frame.span_text(span)
        elif attr == "role" and _ladder_wide_topic(frame, span):
            # "ic3 band?": pay is set per level code, for everyone at it - the
            # ladder-wide facts answer, the one naming the code first
            frame.role, frame.asked_as = LADDER, frame.span_text(span)
            frame.note("structure", f"{frame.asked_as!r} is several roles' code: the ladder's")
        elif attr == "role":
            frame.choices, frame.asked_as = span.roles, frame.span_text(span)
            frame.note("structure", f"{frame.asked_as!r} names several roles: asking which")


def _ladder_wide_topic(frame: Frame, span: Span) -> bool:
    """A topic named whose facts are the ladder's, not the roles' own: "IC 5 salary
    range", "ic3 band?" on a ladder whose pay bands are set per code."""
    kb = frame.kb
    code = "".join(frame.words[span.start : span.end])  # "b30", "ic3"
    for tid in frame.phrases:  # weak ones too: "ic3 band?"
        topic = kb.topics.get(tid)
        if topic is None or topic.answer not in ("facts", "ladder"):
            continue
        wide = [f for p in topic.paths for f in kb.ladder_facts.get(p, ())]
        own = any(kb.roles[r].get(p) for r in span.roles for p in topic.paths)
        # ...or its lines name the code ("B30 | £72k–£90k"), whatever a role adds
        named = any(code in _joined_words(f.text) for f in wide)
        if wide and (not own or named):
            return True
    return False


@lru_cache(maxsize=8192)
def _joined_words(text: str) -> frozenset[str]:
    """A fact's words, with each letter-code and its number also as one ("B 30" and
    "B30" both give "b30")."""
    said = tokens(text)
    return frozenset(said) | {a + b for a, b in zip(said, said[1:]) if b.isdigit()}


def _told(words: list[str]) -> set[int]:
    """Positions of what the asker says of themselves: the words after "I", "I've" or
    "we" that is no question's subject ("I own two services", "if I've never had
    direct reports"; not "do I own", "am I ready")."""
    told: set[int] = set()
    for j, w in enumerate(words):
        verb = words[j + 1] if j + 1 < len(words) else ""
        if (
            w in TELLING_SUBJECTS
            and not (j and words[j - 1] in AUXILIARIES)
            and verb not in NOT_TELLING  # "I need to understand...": a question still
        ):
            told.update(range(j + 1, min(len(words), j + 1 + TOLD_WORDS)))
    return told


def _one_family(kb, roles: tuple[str, ...]) -> bool:
    """Levels of one track, one after another (Tech Lead 4, 5, 6, 7): a family's name,
    not a code several tracks share."""
    for track in kb.tracks:
        steps = [i for i, step in enumerate(track.steps) if set(step) & set(roles)]
        members = {r for step in track.steps for r in step}
        if set(roles) <= members and steps == list(range(steps[0], steps[0] + len(steps))):
            return True
    return False


def _readiness(frame: Frame, index: RouterIndex) -> None:
    """ "what do I need to show for D4", "am I ready for senior", "what changes at EM7":
    about the level someone is heading for - what it expects, and what changes from
    where they are (`other`) - unless the question names a topic of its own ("do I need
    a degree to be senior")."""
    cues, kb = frame.cues, frame.kb
    if not cues.readiness or cues.form == "how_long" or not index.ladder_topic:
        return
    if frame.topic not in (None, index.ladder_topic):
        return
    heading = [m for m in frame.kept if {"target", "reaching", "toward"} & m.marks]
    if not heading:
        return
    target = heading[-1]
    told = _told(frame.words)
    named = [  # not "what actually changes" (impact's phrase): that is the readiness;
        # nor what the asker says they do ("I own two services. am I ready for senior")
        t
        for t in frame.strong
        if t in kb.topics
        and kb.topics[t].answer == "facts"
        and any(not set(p) & COMPARING_WORDS for p in frame.phrases[t].words)
        and not frame.phrases[t].at <= told
    ]
    if named:
        # "how does the process expectation change from em5 to em6": that topic, there
        # ("going for senior, do i need to spread best practices": that, not the move;
        # but "what is required to be promoted" asks what it takes)
        frame.role, frame.other = target.role, None
        thing = [t for t in named if any(not set(p) & READINESS for p in frame.phrases[t].words)]
        frame.topic = thing[0] if len(thing) == 1 else None
        return
    others = [m for m in frame.kept if m.role != target.role]
    standing = [m for m in others if {"self", "source", "stands"} & m.marks]
    sources = standing or [m for m in others if m.start < target.start]
    frame.role, frame.topic, frame.direction = target.role, index.ladder_topic, "ready"
    frame.other = sources[-1].role if sources else None
    frame.note("structure", f"what {target.role} expects, before reaching it")


def _settle_shared(frame: Frame, span: Span) -> str | None:
    """Which of the roles a shared name means: the one another role named in the
    question sits beside on a track, or the one on a track the question names
    ("IC 5 on the security path")."""
    kb = frame.kb
    others = {m.role for m in frame.kept if m is not span and not m.ambiguous}
    named = frame.cues.tracks_named
    for candidates in (
        [r for r in span.roles if r in others],
        [r for r in span.roles if any(t.id in named for t in kb.tracks_for(r))],
        [r for r in span.roles if any(o in t.members for o in others for t in kb.tracks_for(r))],
    ):
        if len(candidates) == 1:
            return candidates[0]
    # "do IC2s go on call?": only one of them has a fact holding all that is asked, or
    # most of it, and the others' facts hold none of it or far less
    asked = frame.asked
    found = {r: asked.search(asked.query, [r], limit=1) for r in span.roles}
    ranked = sorted((hits[0].score, r) for r, hits in found.items() if hits)
    if not ranked:
        return None
    top, meant = ranked[-1]
    best = found[meant][0]
    alone = len(ranked) == 1 or top >= FAR_AHEAD * ranked[-2][0]
    if alone and (
        asked.covered_by(best) or (asked.coverage(best) >= HELD_MOST and len(best.matched) >= 2)
    ):
        frame.note(
            "structure", f"{frame.span_text(span)!r}: only {meant}'s facts hold what is asked"
        )
        return meant
    return None


def _who(frame: Frame, index: RouterIndex, kept: list[Span]):
    kb, phrases, strong, cues = frame.kb, frame.phrases, frame.strong, frame.cues
    compare_cue = index.compare_topic in strong
    pairs = [(a, b) for i, a in enumerate(kept) for b in kept[i + 1 :] if a.role != b.role]
    ladder_cue = (
        index.ladder_topic in strong
        or any(joined(frame, a, b, TO) for a, b in pairs)
        # "what does a mid need to make senior", "is she ready for senior"
        or any("reaching" in m.marks for m in kept[1:])
        # "I manage a staff engineer who wants principal": a report's move
        or (
            any("report" in m.marks for m in kept[:1])
            and any("target" in m.marks for m in kept[1:])
        )
    )
    roles = list(dict.fromkeys(m.role for m in kept))
    told = _told(frame.words)  # "I own two services": the asker's story, not the topic
    named = _fact_topics(kb, phrases, lambda found: found.naming and not found.at <= told)
    compared = kb.topics[index.compare_topic].compares if index.compare_topic else ()
    if (
        (listed(frame, kept) or asks_range(frame, kept) or cues.all_roles)
        and (ladder_cue or index.ladder_topic in phrases)
        and not named  # "the pay range for backend engineers across all levels"
    ):
        # "junior mid senior then what": the ladder itself, not one of its steps
        frame.note("structure", "several roles listed: the ladder itself")
        return kb.default_role or LADDER, None, index.ladder_topic
    if len(roles) >= 2:
        first = min(kept, key=lambda m: m.start)
        if "between" in first.marks and not compare_cue and "weighed" not in first.marks:
            # "is there a level between mid and senior": where they sit on the ladder.
            return roles[0], roles[1], index.ladder_topic
        # "what separates senior from staff for promotion": the move, not a side by side.
        # "senior vs staff"; "X and Y" only with a word that compares ("compare junior
        # and mid"), not "im mid level and my mgr keeps saying..."
        joiners = COMPARING_JOINERS - {"or"}
        if index.compare_topic not in phrases:
            joiners = joiners - {"and"}
        side_by_side = any(joined(frame, a, b, joiners) for a, b in pairs)
        either = [(a, b) for a, b in pairs if joined(frame, a, b, frozenset({"or"}))]
        loose = [(a, b) for a, b in pairs if offered(frame, a, b, kept)]
        alternatives = {m.role for pair in loose for m in pair}
        standing = [m for m in kept if m.role not in alternatives and "stands" in m.marks]
        if loose and standing and not compare_cue:
            # "im senior now, should i aim for staff or lead": a move from where one is
            frame.note("structure", "alternatives offered from where the asker stands")
            return standing[0].role, None, index.ladder_topic
        # "staff or lead, which is right for me" - but "whats the next rung, staff or lead"
        if (
            (compare_cue and not ladder_cue)
            or side_by_side
            or (either and (compare_cue or index.ladder_topic not in strong))
        ):
            # a topic asked about outright, or by a strong phrase ("get hired")
            # ("what actually changes" in "senior vs staff" is the comparison itself)
            asked_about = _fact_topics(
                kb,
                phrases,
                lambda found: any(not set(p) & COMPARING_WORDS for p in found.words),
            )
            uncompared = [t for t in dict.fromkeys(named + asked_about) if t not in compared]
            if uncompared:
                # "do TLs get paid more than seniors", "EM or tech lead, which pays more":
                # that topic for both; a side by side of duties would not show pay
                frame.note("structure", "two roles weighed on one topic")
                topic = min(uncompared, key=index.topic_order.__getitem__)
                return roles[0], roles[1], topic
            return roles[0], roles[1], index.compare_topic
        if not named and any(
            "that" in b.marks and "denied_after" in b.marks
            for a, b in pairs
            if kb.default_role not in (a.role, b.role)
        ):
            # "what do seniors do that mids dont": the two levels, side by side
            return roles[0], roles[1], index.compare_topic
        if ladder_cue or index.ladder_topic in phrases:
            ordered = asker_first(frame, kept)
            if named:
                # "does comp jump going from mid to senior", "do i need a masters to move
                # up from mid": the topic they name, not the ladder - for both, when what
                # differs is asked ("em5 -> em6 whats different in the system axis")
                topic = min(named, key=index.topic_order.__getitem__)
                if cues.readiness and not compare_cue:
                    # "D1 -> D2 what changes on the people side": what the level one is
                    # heading to expects there, beside where one is
                    frame.note("structure", "a move weighed on one topic, from its target")
                    return ordered[1], ordered[0], topic
                if compare_cue:
                    frame.note("structure", "a move weighed on one topic")
                    return ordered[0], ordered[1], topic
                return ordered[0], None, topic
            if branching_into(frame, ordered[0], ordered[1], kept):
                # "how do i go from senior to tech lead": how to become the other role
                return ordered[1], None, index.ladder_topic
            return ordered[0], ordered[1], index.ladder_topic
        return subject(frame, kept).role, None, None  # "do leads mentor juniors"
    role = roles[0]
    compare = phrases.get(index.compare_topic)
    if compare_cue and compare.stems and all(set(p) <= POSITION for p in compare.stems):
        # "whats above senior on the ladder": where it sits, not a side by side
        return role, None, index.ladder_topic
    if (
        compare_cue
        and len(strong) == 1
        and kb.next_roles(role)
        and not _things_compared(frame, kept)
    ):
        # "how does staff differ": with the next step up, unless the examples say the
        # question is about something else ("what difference does a senior make").
        p = index.model.probabilities(model_words(frame, kept, index))
        if p.get(index.compare_topic, 0.0) >= ALONE_COMPARE:
            return role, kb.next_roles(role)[0], index.compare_topic
    return role, None, None


def _fact_topics(kb: KnowledgeBase, phrases, has) -> list[str]:
    """Topics answered from facts whose phrases found in the question pass `has`."""
    return [
        t
        for t, found in phrases.items()
        if has(found) and t in kb.topics and kb.topics[t].answer == "facts"
    ]


def _things_compared(frame: Frame, kept: list[Span]) -> bool:
    """ "node vs django for a new api service": the comparison is between two things
    the sentence names, not between the role and another."""
    at = {j for m in kept for j in range(m.start, m.end)}
    return any(i - 1 not in at and i + 1 not in at for i in frame.cues.things_compared)


def subject(frame: Frame, mentions: list[Span]) -> Span:
    """The role a sentence is about when it names several with no comparison or move:
    the first that is not an object ("do leads mentor *juniors*", "is mentoring
    *juniors* part of the lead role")."""
    objects: dict[int, bool] = {}

    def is_object(m: Span) -> bool:
        if m.start not in objects:
            objects[m.start] = _is_object(m)
        return objects[m.start]

    def _is_object(m: Span) -> bool:
        if "how_for" in m.marks:
            return False  # "how does code review work for juniors": about the juniors
        if "object_word" in m.marks or "or_alternative" in m.marks:
            return True
        if any(
            p.end <= m.start and pair_of(frame, p, m).or_between and is_object(p) for p in mentions
        ):
            return True  # "hiring mid folks or is it all senior reqs": the alternative
        return "verb_before" in m.marks

    def is_asker(m: Span) -> bool:
        # "as an EM, what should my tech lead handle", "manager question: ...": who
        # is asking, when the question is about someone else.
        return bool({"as", "quoted", "question_lead", "here"} & m.marks)

    subjects = [m for m in mentions if not is_object(m)]
    # the asker only when no one else is: "as a senior, do i mentor juniors"
    found = next((m for m in subjects if not is_asker(m)), None)
    if found:
        return found
    askers = [m for m in mentions if is_asker(m)]
    if askers and "first_person_after" not in askers[0].marks:
        # "as a manager justifying headcount: what does adding a senior bring" - the
        # question is not about the asker, so the role it names, even as an object
        return next((m for m in mentions if not is_asker(m)), mentions[0])
    return subjects[0] if subjects else mentions[0]


def unknown_role(frame: Frame, titles: list[Title], kept: list[Span], index) -> Title | None:
    """A title the ladder does not have, when it is what the question is about: no
    ladder role named, or a level word describing it ("senior data scientist"), or
    compared with one ("backend engineer vs product manager")."""
    if not titles:
        return None
    if not kept:
        return titles[0]
    for title in titles:
        # A level describing the title: "senior data scientist", "sr frontend dev".
        if any(m.end == title.start and m.end - m.start == 1 for m in kept):
            return title
    if index.compare_topic in frame.strong and len({m.role for m in kept}) < 2:
        # "backend engineer vs product manager"; not "recruiter question: is a
        # principal the same as a staff engineer", which compares two ladder roles.
        return titles[0]
    if all(m.contextual for m in kept):
        # Only a level word beside the title, which is then the subject: "the path for
        # a ux designer to go senior". Not when the title is the level's company:
        # "do seniors work with product managers".
        for title in titles:
            if title.start > kept[0].start and any(
                kept[0].end <= i < title.start for i in frame.cues.clause_ors
            ):
                continue  # "is a senior on the hook for tuning or is that an sre thing"
            if "field" in title.marks:
                continue  # "does the TL role include project management": the TL's work
            if "complement" in title.marks and title.start > kept[0].start:
                continue  # "is a principal supposed to be a project manager too": its work
            if title.start < kept[0].start or "peer" not in title.marks:
                return title
    return None
