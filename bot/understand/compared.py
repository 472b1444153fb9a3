"""Stage 10b: a comparison that asks something specific ("D4 vs D5: who defines the
system's SLAs?", "is hiring the EM's or the TL's job"). The fact that answers it is
one only one of the two roles' sources hold; that role is the one the answer is about
(the other is what it is compared with), and the fact leads the answer."""

from __future__ import annotations

from .asked import quoted
from .facts import FactHit
from .frame import Frame
from .index import RouterIndex

SEARCHED = 8


def compared_ask(frame: Frame, index: RouterIndex) -> None:
    role, other = frame.role, frame.other
    if not role or not other or role == other:
        return
    kb, asked = frame.kb, frame.asked
    if not asked.rare:  # "what's the difference between D6 and D7": nothing specific
        return
    hits = asked.search(asked.query, [role, other], limit=SEARCHED)
    # a fact that holds everything specific asked, where the other role's hold less
    whole = [h for h in hits if asked.covered_by(h)]
    if not whole or len({h.ref.role for h in whole}) > 1:
        return
    best = whole[0]
    if not _only_in(best, kb, role if best.ref.role == other else other):
        return  # a competency both levels share: nothing to choose between them
    own = [h for h in whole if _only_in(h, kb, role if h.ref.role == other else other)]
    if best.ref.role == other:
        frame.role, frame.other = other, role
        frame.note("topic", f"the fact asked for is {other}'s: the answer is about it")
    frame.facts = quoted([h for h in own if h.ref.role == best.ref.role])
    frame.terms = tuple(asked.phrases(set(best.matched)))


def _only_in(hit: FactHit, kb, other: str) -> bool:
    """The fact's text is not also one of the other role's (a shared competency)."""
    text = hit.ref.fact(kb).text
    role = kb.roles.get(other)
    return role is not None and all(f.text != text for facts in role.facts.values() for f in facts)
