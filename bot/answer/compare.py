"""Two roles compared: a short list of what changes, not two cards side by side.

What the ladder says about the two (steps apart, alternatives, different tracks),
then the facts only one of them has (the higher level's first), then one line for
what both share. Facts are matched by their text, so a framework that repeats a
competency at every level ("Mentors: ...") shows it once, under what they share.
"""

from __future__ import annotations

from ..ladder.model import Fact, KnowledgeBase, Role
from ..understand.intent import Intent
from .ladder import Citations, Section, short, steps_between

ONLY_SHOWN = 4  # facts only the higher (or first) role has
OTHER_SHOWN = 3  # ...and only the other
SHARED_NAMED = 3  # shared facts named in the "both" line
LEAD_WORDS = 4  # words of a shared fact that name it, when it has no "Label:" lead-in


def compare(
    kb: KnowledgeBase, a: Role, b: Role, cited: Citations, topics, intent: Intent, led: bool
) -> tuple[Section, ...]:
    """`led`: the answer already leads with the fact asked for (one line fewer here)."""
    paths = list(dict.fromkeys(p for t in topics for p in t.paths))
    if not any(r.get(p) for r in (a, b) for p in paths):
        paths = list(dict.fromkeys([*a.facts, *b.facts]))  # lists no compared topic reads
    upper, lower = _order(kb, a, b)
    first, second = (upper, lower) if upper else (a, b)
    facts_1, facts_2 = _facts(kb, first, paths, intent), _facts(kb, second, paths, intent)
    texts_1, texts_2 = {f.text for f in facts_1}, {f.text for f in facts_2}
    only_1 = [f for f in facts_1 if f.text not in texts_2]
    only_2 = [f for f in facts_2 if f.text not in texts_1]
    shared = [f for f in facts_1 if f.text in texts_2]
    changes = list(_relation(kb, a, b, upper, lower, cited))
    if shared:
        names = ", ".join(f"\u201c{_name(f)}\u201d" for f in shared[:SHARED_NAMED])
        more = f" and {len(shared) - SHARED_NAMED} more" if len(shared) > SHARED_NAMED else ""
        changes.append(f"Both: {names}{more}.")
    sections = [Section("What changes", tuple(changes))]
    sections.append(
        Section(f"Only {first.title}", cited.lines(only_1, ONLY_SHOWN - led)),
    )
    sections.append(Section(f"Only {second.title}", cited.lines(only_2, OTHER_SHOWN)))
    if not only_1 and not only_2 and a.summary.text != b.summary.text:
        sections.append(
            Section("In short", pair=((a.title, (a.summary.text,)), (b.title, (b.summary.text,))))
        )
        cited.ids.update(dict.fromkeys((*a.summary.sources, *b.summary.sources)))
    return tuple(s for s in sections if s.lines or s.pair)


def _facts(kb: KnowledgeBase, role: Role, paths: list[str], intent: Intent) -> list[Fact]:
    """The role's facts on these lists, those the question matches first."""
    facts = [f for p in paths for f in role.get(p)]
    ranked = [r.fact(kb) for r in intent.ranked if r.role == role.id and r.path in paths]
    return list(dict.fromkeys([*ranked, *facts]))


def _order(kb: KnowledgeBase, a: Role, b: Role) -> tuple[Role | None, Role | None]:
    if kb.distance(a.id, b.id) is None or kb.alternatives(a.id, b.id):
        return None, None
    return (b, a) if b.id in _above(kb, a.id) else (a, b)


def _relation(kb, a, b, upper, lower, cited: Citations):
    shared = kb.alternatives(a.id, b.id)
    if shared:
        after = " or ".join(kb.roles[r].title for r in shared)
        yield (
            f"{a.title} and {b.title} are alternative moves after {after}; "
            "the sources don't rank one above the other."
        )
    elif upper is None:
        yield f"{a.title} and {b.title} are on different tracks of the ladder."
    else:
        d = kb.distance(a.id, b.id)
        between = steps_between(kb, lower.id, upper.id)
        names = ", ".join(" / ".join(short(kb.roles[r], kb) for r in step) for step in between)
        via = f" (via {names})" if between else ""
        yield f"{upper.title} is {d} step{'s' if d > 1 else ''} above {lower.title}{via}."
        yield from cited.lines(kb.moves_to(upper.id), 1)


def _name(fact: Fact) -> str:
    """A short name for a fact: its "Label:" lead-in, else its first words."""
    head, sep, _ = fact.text.partition(":")
    if sep and 0 < len(head.split()) <= LEAD_WORDS:
        return head.strip()
    first = fact.text.split()
    return " ".join(first[:LEAD_WORDS]) + ("…" if len(first) > LEAD_WORDS else "")


def _above(kb: KnowledgeBase, role_id: str) -> set[str]:
    out: set[str] = set()
    for track in kb.tracks_for(role_id):
        for step in track.steps[track.position(role_id) + 1 :]:
            out.update(step)
    return out
