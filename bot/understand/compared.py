"""Stage 10b: a question naming two roles that asks something specific ("D4 vs D5: who
defines the system's SLAs?", "who owns promotions, TL or EM?", "is hiring the EM's or
the TL's job"). The fact that answers it is one only one of them holds; that role is
the one the answer is about (the other is what it is weighed against), and the fact
leads the answer. A role named by a family's name ("tech lead": TL4-7) is all its
levels here."""

from __future__ import annotations

from ..stems import stem
from .asked import quoted
from .facts import FactHit
from .frame import Frame
from .index import STOPWORDS, RouterIndex
from .markers import READINESS
from .moves import pair_of

SEARCHED = 8


def compared_ask(frame: Frame, index: RouterIndex) -> None:
    kb, asked = frame.kb, frame.asked
    groups = _named(frame, index)
    if len(groups) < 2 or not asked.rare:  # "the difference between D6 and D7"
        return
    searched = [r for g in groups for r in g]
    hits = asked.search(asked.query, searched, limit=SEARCHED)
    # a fact holding everything specific asked, in the roles of one name only
    whole = [h for h in hits if asked.covered_by(h)]
    owners = {next(i for i, g in enumerate(groups) if h.ref.role in g) for h in whole}
    if len(owners) != 1:
        return
    mine = groups[owners.pop()]
    others = [r for g in groups if g is not mine for r in g]
    own = [h for h in whole if _only_in(h, kb, others)]
    if not own:
        return  # a competency they share: nothing to choose between them
    best = own[0]
    # "D4 vs D5: who defines the SLAs?" is about the one whose fact it is; "staff vs
    # senior pay" is about both, in the order asked, though only one has pay facts
    found = frame.phrases.get(frame.topic or "")
    naming = {x for p in (found.stems if found else ()) for x in p}
    # ...a topic named in other words: "earn" for a fact saying "pay"
    naming |= {s for x in naming for s in index.facts.synonyms.get(x, ())}
    on_the_topic = frame.other is not None and best.matched <= naming
    if best.ref.role != frame.role and not on_the_topic:
        was = frame.role
        frame.role = best.ref.role
        frame.other = was if frame.other or frame.topic == index.compare_topic else None
        frame.family = mine if len(mine) > 1 else ()
        span = next((m for m in frame.kept if m.roles == mine), None)
        frame.asked_as = frame.span_text(span) if span and frame.family else ""
        frame.note("topic", f"the fact asked for is {best.ref.role}'s: the answer is about it")
    frame.facts = quoted([h for h in own if h.ref.role == best.ref.role])
    frame.terms = tuple(asked.phrases(set(best.matched)))


# Roles named as who is asking or where they stand ("sr eng here", "as a senior"), or
# set aside ("besides management"), are not among those weighed.
NOT_WEIGHED = frozenset({"self", "stands", "here", "as", "source", "set_aside", "question_lead"})


def _named(frame: Frame, index: RouterIndex) -> list[tuple[str, ...]]:
    """The roles weighed against each other: the two of a comparison, or two offered as
    alternatives ("TL or EM"); a family's name as all of its levels."""
    spans = [m for m in frame.kept if not (m.marks & NOT_WEIGHED)]
    if (
        frame.topic != index.compare_topic
        and not frame.other
        and not any(
            pair_of(frame, a, b).or_between for i, a in enumerate(spans) for b in spans[i + 1 :]
        )
    ):
        return []
    groups: list[tuple[str, ...]] = []
    for span in spans:
        roles = span.roles if not _settled(frame, span) else (span.role,)
        if not any(set(roles) & set(g) for g in groups):
            groups.append(tuple(roles))
    if frame.other and not any(frame.other in g for g in groups):
        groups.append((frame.other,))
    return groups


def _settled(frame: Frame, span) -> bool:
    """A span naming one role, or one the question settled (not a family's name)."""
    return not span.ambiguous or not (frame.family and frame.role in span.roles)


def _only_in(hit: FactHit, kb, others: list[str]) -> bool:
    """The fact's text is none of the other roles' (a shared competency)."""
    text = hit.ref.fact(kb).text
    return all(
        f.text != text
        for r in others
        if r in kb.roles
        for fs in kb.roles[r].facts.values()
        for f in fs
    )


HOLDERS = 20  # facts searched for "which levels ..."


def which_level(frame: Frame, index: RouterIndex) -> None:
    """ "Which dev levels mentor others?", "from which TL level is someone expected to
    lead technical excellence": the lowest role whose facts hold what was asked, of the
    family named (or of the whole ladder), and every other one that says the same."""
    kb, asked = frame.kb, frame.asked
    if not frame.cues.which_level or not asked.rare:
        return
    candidates = list(frame.family) or (
        list(kb.roles) if not frame.kept or frame.role not in kb.roles else []
    )
    if len(candidates) < 2:
        return
    # "which levels are expected to deal with architecture": the facts holding what is
    # dealt with, not the words saying a duty is asked for ("expected to") or a move
    # between levels ("reach", "switch to") - a phrase naming a thing ("code review")
    # stays what is asked about
    framing = frozenset(
        stem(w)
        for topic, found in frame.phrases.items()
        for p in found.words
        if topic == index.ladder_topic  # "reach", "switch to": moving between levels
        or all(w in READINESS or w in STOPWORDS or stem(w) in index.generic for w in p)
        for w in p
    )
    query = [s for s in asked.query if s not in framing] or asked.query
    hits = asked.search(query, candidates, limit=HOLDERS)
    whole = [h for h in hits if asked.covered_by(h, framing)] or hits[:1]
    if not whole:
        return
    best = whole[0]
    texts = {best.ref.fact(kb).text}
    holders = sorted(
        {h.ref.role for h in hits if h.ref.fact(kb).text in texts or h.score >= 0.95 * best.score},
        key=kb.ladder_position,
    )
    first = holders[0]
    refs = [h for h in hits if h.ref.role == first]
    frame.role, frame.other, frame.family, frame.asked_as = first, None, (), ""
    frame.holders = tuple(holders)
    frame.facts = quoted(refs[:1]) if refs else ()
    frame.note("topic", f"which level: {', '.join(holders)}")
