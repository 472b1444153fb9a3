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

from ..ladder.model import LADDER, KnowledgeBase
from .frame import Frame, Span
from .index import RouterIndex
from .markers import (
    COMPARING_JOINERS,
    COMPARING_WORDS,
    EITHER,
    POSITION,
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
)
from .readiness import readiness, told
from .sense import model_words
from .shared import settle_shared_names
from .subject import subject, unknown_role

ALONE_COMPARE = 0.1  # model probability a one-role comparison needs


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
        # "I'm a senior who just joined. What does a staff engineer focus on?": the
        # question names its own subject, so where the asker stands is only context
        asked_of = {
            m.role
            for m in kept
            if m.start >= frame.focus
            and {"aux", "copula"} & m.marks
            # "Is staff the right next step for me?": where the asker may go, not whom
            # the question is about
            and not {"target", "toward", "first_person_after"} & m.marks
            and m.role != kb.default_role  # "how do backend teams ship...": the discipline
        }
        path = frame.phrases.get(index.ladder_topic)
        if path and path.strong and any(at >= frame.focus for at in path.at):
            asked_of = set()  # a question about the path starts where the asker stands
        asking += [
            m
            for m in kept
            if m.end <= frame.focus
            and (
                not {"self", "stands", "source", "as", "here"} & m.marks
                or bool(asked_of - {m.role})
            )
            and m not in asking
        ]
    if frame.cues.refers_back and kept and all(m.end <= frame.focus for m in kept):
        # "I'm a senior thinking of applying for lead roles. What do companies require
        # for those positions?": the role pointed back at, not where the asker stands
        asking += [m for m in kept if {"self", "stands"} & m.marks and m not in asking]
    rest = [m for m in kept if m not in asking]
    if (
        asking
        and rest
        and (frame.focus or len({m.role for m in kept}) > len({m.role for m in asking}))
    ):
        # "manager question: is one of my mids ready for senior", "my manager says im
        # operating at staff": who asks or is quoted, not whom the question is about
        # (after a story, whatever its story names: "...has a staff engineer title. What
        # does a staff engineer focus on?")
        kept = rest
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
        # "into management": a condition on the path - but a title named as where one
        # is heading is the move ("interested in becoming a people manager")
        kept = [
            m
            for m in kept
            if "condition" not in m.marks or (not m.contextual and {"target", "reaching"} & m.marks)
        ]
    if len({m.role for m in kept}) > 1:
        # "the most senior IC", "more junior folks": the adjective, not the level;
        # "the IC and management tracks": the track, not the manager
        kept = [m for m in kept if not ({"adjective", "track"} & m.marks)] or kept
    # "sr dev D4 -> D5": a family's name beside its own levels' codes only qualifies them
    named = {m.role for m in kept if not m.ambiguous}
    kept = [m for m in kept if not (m.ambiguous and set(m.roles) & named)] or kept
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
    share ("IC 5") is settled by the rest of the question, or the bot asks which
    (shared.py)."""
    frame.role, frame.other, frame.topic = _who(frame, index, frame.kept)
    readiness(frame, index)
    settle_shared_names(frame)


def _first_held(kb: KnowledgeBase, index: RouterIndex, topics, roles) -> str:
    """The first of the topics named that the roles have facts under, else the first:
    "what changes in the leadership theme" names "Leadership" and "Leadership of Self
    and Others", and an engineering level has only the second."""
    held = [t for t in topics if any(kb.has_facts(r, t) for r in roles)]
    return min(held or topics, key=index.topic_order.__getitem__)


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
    told_at = told(frame.words)  # "I own two services": the asker's story, not the topic
    named = _fact_topics(kb, phrases, lambda found: found.naming and not found.at <= told_at)
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
            # "weighing an SA role against staying senior, which pays better"
            or (cues.weighing and named and not ladder_cue)
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
                topic = _first_held(kb, index, uncompared, roles[:2])
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
            if not named and cues.weighing:
                # "would I earn more if I moved from senior to staff": a topic's phrase
                # that weighs ("earn more") names it too
                named = _fact_topics(kb, phrases, lambda found: found.strong)
            if named:
                # "does comp jump going from mid to senior", "do i need a masters to move
                # up from mid": the topic they name, not the ladder - for both, when what
                # differs is asked ("em5 -> em6 whats different in the system axis")
                topic = _first_held(kb, index, named, ordered[:2])
                if cues.readiness and not compare_cue:
                    # "D1 -> D2 what changes on the people side": what the level one is
                    # heading to expects there, beside where one is
                    frame.note("structure", "a move weighed on one topic, from its target")
                    return ordered[1], ordered[0], topic
                # "is it better money to stay a senior or become an EM", "how does pay
                # change from mid to senior": the topic on both sides of the move
                frame.note("structure", "a move weighed on one topic")
                return ordered[0], ordered[1], topic
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
