"""Which role a question is about: the roles it names that mean this ladder's roles,
and, when it names several, the subject, the second role of a comparison or move,
or the ladder itself. Also titles the ladder does not have, when they are what the
question is about, and the role whose guide a fact comes from.

The router (bot/understand/router.py) calls these after finding the mentions
(bot/understand/mentions.py) and the topic phrases.
"""

from __future__ import annotations

from ..ladder.model import KnowledgeBase
from . import lexicon
from .facts import FactRef
from .index import OUT_OF_SCOPE, RouterIndex
from .mentions import (
    Mention,
    OtherRole,
    is_unknown,
    keep_contextual,
    trap_beside,
)
from .moves import (
    all_roles,
    asks_range,
    branching_into,
    contrasted,
    listed,
    offered,
    reaching,
    stands_at,
)
from .prepare import Words
from .sentence import (
    PEERS,
    asker_first,
    index_before,
    joined,
    subject,
    word_before_index,
)
from .topics import ROLE

SCOPE_THRESHOLD = 0.5
ALONE_COMPARE = 0.1  # model probability a one-role comparison needs
UNKNOWN_SCOPE_THRESHOLD = 0.055  # measured: in-scope questions up to 0.04, traps from 0.08
_OR = frozenset({"or", "vs", "versus", "and"})
_POSITION = frozenset({"abov", "below", "higher", "lower"})  # stems: "above", "below"...
_TO = frozenset({"to", "into"})
_CHOOSING = frozenset("torn choose choosing pick picking decide deciding stuck".split())


def role_free(words: list[str], mentions: list[Mention], index: RouterIndex) -> list[str]:
    """The question as the topic model sees it: roles as ROLE, no words like "engineer"."""
    out, skip = [], {j for m in mentions for j in range(m.start + 1, m.end)}
    starts = {m.start for m in mentions}
    for j, w in enumerate(words):
        if j in starts:
            out.append(ROLE)
        elif j not in skip and w not in index.domain_words:
            out.append(w)
    return out


def meant(mentions, w: Words, index: RouterIndex, engineering: bool, strong, asked) -> tuple:
    """(kept, near misses, trapped): the mentions that mean a role on this ladder. A
    level word that means something else here ("senior discount") makes the whole
    question about that, whatever else it names (trapped)."""
    words = w.words
    traps = sum(word in index.trap_words for word in words)
    near, kept, trapped = [], [], False
    for m in mentions:
        plural = w.typed[m.start] != words[m.start] and w.typed[m.start].endswith("s")
        if m.contextual and not keep_contextual(
            m,
            words,
            index,
            engineering=engineering,
            strong_topic=bool(strong),
            traps=traps,
            plural=plural,
        ):
            near.append(m.role)
            trapped = trapped or trap_beside(m, words, index)
        else:
            kept.append(m)
    if trapped and not kept:
        # "senior discount": the whole question is about that - unless another role is
        # named as well ("senoir eng TC at a mid-size startup", "how much lead time
        # do seniors need")
        return [], near, True
    if (
        kept
        and all(m.contextual for m in kept)
        and not engineering
        and not strong
        and len({m.role for m in kept}) < 2  # "lead or manager, which should I pick"
        and not asked.search(asked.query, [m.role for m in kept])  # "containers"
        # Only a level word and a question frame: "who is the principal of the school"
        # is not about engineering when the rest reads like the out-of-scope examples.
        and reads_out_of_scope(words, kept, index)
    ):
        return [], near + [m.role for m in kept], False
    return kept, near, False


def reads_out_of_scope(words: list[str], kept: list[Mention], index: RouterIndex) -> bool:
    """Whether a question naming a role only by a level word reads more like the
    out-of-scope examples ("who is the principal of the school") than like the
    questions people ask about the ladder."""
    p = index.scope.probabilities(role_free(words, kept, index)).get(OUT_OF_SCOPE, 0.0)
    role_words = {j for m in kept for j in range(m.start, m.end)}
    if any(
        is_unknown(x, index) and not lexicon.is_adverb(x)
        for j, x in enumerate(words)
        if j not in role_words
    ):
        # Words the ladder never uses ("melting", "school"): in scope only when the
        # rest of the question is clearly like the questions people ask about it. An
        # adverb ("realistically") says how, never what the question is about.
        return p > UNKNOWN_SCOPE_THRESHOLD
    return p > SCOPE_THRESHOLD


def who(kb: KnowledgeBase, index: RouterIndex, kept: list[Mention], words, phrases, strong):
    """(role, other role, topic or None): which role the question is about and, for a
    comparison or a move, the second one."""
    compare_cue = index.compare_topic in strong
    pairs = [(a, b) for i, a in enumerate(kept) for b in kept[i + 1 :] if a.role != b.role]
    ladder_cue = (
        index.ladder_topic in strong
        or any(joined(a, b, words, _TO) for a, b in pairs)
        # "what does a mid need to make senior", "is she ready for senior"
        or any(reaching(m, words) for m in kept[1:])
    )
    roles = list(dict.fromkeys(m.role for m in kept))
    named = _fact_topics(kb, phrases, lambda found: found.naming)
    compared = kb.topics[index.compare_topic].compares if index.compare_topic else ()
    if (
        (listed(kept, words) or asks_range(kept, words) or all_roles(words))
        and (ladder_cue or index.ladder_topic in phrases)
        and not named  # "the pay range for backend engineers across all levels"
    ):
        # "junior mid senior then what": the ladder itself, not one of its steps
        return kb.default_role, None, index.ladder_topic
    if len(roles) >= 2:
        j = index_before(words, min(m.start for m in kept))
        between = j >= 0 and words[j] == "between"
        weighed = j > 0 and words[j - 1] in _CHOOSING  # "torn between"
        if between and not compare_cue and not weighed:
            # "is there a level between mid and senior": where they sit on the ladder.
            return roles[0], roles[1], index.ladder_topic
        # "what separates senior from staff for promotion": the move, not a side by side.
        # "senior vs staff"; "X and Y" only with a word that compares ("compare junior
        # and mid"), not "im mid level and my mgr keeps saying..."
        joiners = _OR - {"or"} if index.compare_topic in phrases else _OR - {"or", "and"}
        side_by_side = any(joined(a, b, words, joiners) for a, b in pairs)
        either = [(a, b) for a, b in pairs if joined(a, b, words, frozenset({"or"}))]
        loose = [(a, b) for a, b in pairs if offered(a, b, words, kept)]
        alternatives = {m.role for pair in loose for m in pair}
        standing = [m for m in kept if m.role not in alternatives and stands_at(m, words)]
        if loose and standing and not compare_cue:
            # "im senior now, should i aim for staff or lead": a move from where one is
            return standing[0].role, None, index.ladder_topic
        # "staff or lead, which is right for me" - but "whats the next rung, staff or lead"
        if (
            (compare_cue and not ladder_cue)
            or side_by_side
            or (either and (compare_cue or index.ladder_topic not in strong))
        ):
            # a topic asked about outright, or by a strong phrase ("get hired")
            asked_about = _fact_topics(kb, phrases, lambda found: found.strong)
            uncompared = [t for t in dict.fromkeys(named + asked_about) if t not in compared]
            than = phrases.get(index.compare_topic)
            if uncompared and than and than.stems and all("than" in p for p in than.stems):
                # "do TLs get paid more than seniors": a side by side would not show pay
                return roles[0], None, min(uncompared, key=index.topic_order.__getitem__)
            return roles[0], roles[1], index.compare_topic
        if not named and any(
            contrasted(b, words) for a, b in pairs if kb.default_role not in (a.role, b.role)
        ):
            # "what do seniors do that mids dont": the two levels, side by side
            return roles[0], roles[1], index.compare_topic
        if ladder_cue or index.ladder_topic in phrases:
            ordered = asker_first(kept, words)
            if named:
                # "does comp jump going from mid to senior", "do i need a masters to move
                # up from mid": the topic they name, not the ladder.
                return ordered[0], None, min(named, key=index.topic_order.__getitem__)
            if branching_into(kb, ordered[0], ordered[1], kept, words):
                # "how do i go from senior to tech lead": how to become the other role
                return ordered[1], None, index.ladder_topic
            return ordered[0], ordered[1], index.ladder_topic
        return subject(kept, words, index).role, None, None  # "do leads mentor juniors"
    role = roles[0]
    compare = phrases.get(index.compare_topic)
    if compare_cue and compare.stems and all(set(p) <= _POSITION for p in compare.stems):
        # "whats above senior on the ladder": where it sits, not a side by side
        return role, None, index.ladder_topic
    if (
        compare_cue
        and len(strong) == 1
        and kb.next_roles(role)
        and not _things_compared(kept, words)
    ):
        # "how does staff differ": with the next step up, unless the examples say the
        # question is about something else ("what difference does a senior make").
        p = index.model.probabilities(role_free(words, kept, index))
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


def _things_compared(kept: list[Mention], words: list[str]) -> bool:
    """ "node vs django for a new api service": the comparison is between two things
    the sentence names, not between the role and another."""
    at = {j for m in kept for j in range(m.start, m.end)}
    return any(
        w in ("vs", "versus") and 0 < i < len(words) - 1 and i - 1 not in at and i + 1 not in at
        for i, w in enumerate(words)
    )


def guide_role(kb: KnowledgeBase, index: RouterIndex, refs, topic: str) -> str | None:
    """No role named, and the fact the answer leads with is one the discipline carries
    from a level's own guide ("software developer jobs are expected to grow 22%" is the
    senior guide's): that level, if it states the same fact. The discipline stays the
    answer whenever its own guide says it, or the level's copy differs."""
    lead = next((r for r in refs if index.field_topic.get(r.path) == topic), None)
    if lead is None:
        return None
    fact = lead.fact(kb)
    owners = {kb.sources[s].role for s in fact.sources if s in kb.sources}
    if len(owners) != 1:
        return None
    (owner,) = owners
    if owner == lead.role or owner not in kb.roles:
        return None
    return owner if same_fact(kb, lead, owner) != lead else None


def same_fact(kb: KnowledgeBase, ref: FactRef, role: str) -> FactRef:
    """The same statement in another role's list, or ref itself."""
    texts = kb.roles[role].get(ref.path)
    text = ref.fact(kb).text
    for i, f in enumerate(texts):
        if f.text == text:
            return FactRef(role, ref.path, i)
    return ref


def unknown_role(
    others: list[OtherRole], kept: list[Mention], strong, index, words: list[str]
) -> OtherRole | None:
    """A title the ladder does not have, when it is what the question is about: no
    ladder role named, or a level word describing it ("senior data scientist"), or
    compared with one ("backend engineer vs product manager")."""
    if not others:
        return None
    if not kept:
        return others[0]
    for other in others:
        # A level describing the title: "senior data scientist", "sr frontend dev".
        if any(m.end == other.start and m.end - m.start == 1 for m in kept):
            return other
    if index.compare_topic in strong and len({m.role for m in kept}) < 2:
        # "backend engineer vs product manager"; not "recruiter question: is a
        # principal the same as a staff engineer", which compares two ladder roles.
        return others[0]
    if all(m.contextual for m in kept):
        # Only a level word beside the title, which is then the subject: "the path for
        # a ux designer to go senior". Not when the title is the level's company:
        # "do seniors work with product managers".
        for other in others:
            if other.start > kept[0].start and _another_clause(words, kept[0].end, other.start):
                continue  # "is a senior on the hook for tuning or is that an sre thing"
            if other.start < kept[0].start or word_before_index(words, other.start) not in PEERS:
                return other
    return None


_CLAUSE_STARTS = frozenset("is are was do does should would will can".split())


def _another_clause(words: list[str], start: int, end: int) -> bool:
    """ "..., or is that an sre thing": an "or" between start and end opens a question
    of its own, not a list of two titles ("a senior or a data scientist")."""
    return any(
        w == "or" and words[i + 1 : i + 2] and words[i + 1] in _CLAUSE_STARTS
        for i, w in enumerate(words[start:end], start)
    )
