"""Stage 9, in part: which of several roles a name they share means ("IC 5" on three
tracks, "Senior Engineer 1" in two frameworks). Another role named beside it, a track
the question names, a topic only one of them has facts under, or the only one whose
facts hold what is asked settles it; a family's name ("tech lead" for Tech Lead 4-7)
is its first level; a ladder-wide topic ("ic3 band?") is the ladder's; else the bot
asks which.
"""

from __future__ import annotations

from functools import lru_cache

from ..ladder.model import LADDER
from .frame import Frame, Span
from .normalise import tokens

HELD_MOST = 0.4  # share of what is asked one role's fact holds, the others' none: that role
FAR_AHEAD = 2.0  # ...or the others' best holds far less (a score this many times lower)


def settle_shared_names(frame: Frame) -> None:
    """frame.role and frame.other, where either is a name several roles share."""
    for attr in ("role", "other"):
        span = next((m for m in frame.kept if m.role == getattr(frame, attr)), None)
        if span is None or not span.ambiguous:
            continue
        meant = _settle_shared(frame, span)
        if meant is not None:
            setattr(frame, attr, meant)
        elif _one_family(frame.kb, span.roles):
            # "tech lead" for Tech Lead 4-7: the family's first level, the answer saying
            # so - its last for "the top dev level"
            pick = max if "highest" in span.marks else min
            first = pick(span.roles, key=frame.kb.ladder_position)
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


def _one_family(kb, roles: tuple[str, ...]) -> bool:
    """Levels of one track, one after another (Tech Lead 4, 5, 6, 7): a family's name,
    not a code several tracks share."""
    for track in kb.tracks:
        steps = [i for i, step in enumerate(track.steps) if set(step) & set(roles)]
        members = {r for step in track.steps for r in step}
        if set(roles) <= members and steps == list(range(steps[0], steps[0] + len(steps))):
            return True
    return False


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
        # ...or on the track its own path branches from ("lead eng on the dev side":
        # Senior -> Lead Engineer branches from the track Engineer is on)
        [r for r in span.roles if any(o in t.members for o in others for t in _joined(kb, r))],
    ):
        if len(candidates) == 1:
            return candidates[0]
    holding = _holding_asked_topics(frame, span.roles)
    if len(holding) == 1:
        # "SE1 planning expectations": only the engineering Senior Engineer 1 has a
        # planning competency; the operations one of the same title has none
        frame.note("structure", f"{frame.span_text(span)!r}: only {holding[0]} has that topic")
        return holding[0]
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


def _joined(kb, role_id: str) -> list:
    """The tracks a role's own tracks branch from: those holding their first level."""
    firsts = {t.members[0] for t in kb.tracks_for(role_id) if t.members}
    return [t for t in kb.tracks if firsts & set(t.members)]


def _holding_asked_topics(frame: Frame, roles: tuple[str, ...]) -> list[str]:
    """Of the roles, those with facts under every topic the question names strongly
    that only some of them have facts under; all of them when no topic tells them
    apart, or when the topics named point to different roles ("SE1 delivery and
    planning": operations has the one, engineering the other - asked which)."""
    kb, left = frame.kb, set(roles)
    for tid in sorted(frame.strong):  # a set: in a fixed order, whatever the hash seed
        having = {r for r in roles if kb.has_facts(r, tid)}
        if having and having != set(roles):
            left &= having
    return [r for r in roles if r in left] if left else list(roles)
