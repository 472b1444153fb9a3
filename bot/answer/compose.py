"""Stage 3: Intent + knowledge base -> Answer (what to say, not how to draw it).

Every line of an answer is a fact from the knowledge base or a sentence about
the ladder's structure; where the sources are silent the answer says so and
shows the nearest role they do cover, never a made-up fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ladder.model import TOPIC_FIELDS, Fact, KnowledgeBase, Role
from ..understand.router import Intent

# The heading each list of facts gets in an answer.
_HEADINGS = {
    "responsibilities": "Responsibilities",
    "technical_skills": "Technical skills",
    "leadership_skills": "Leadership and collaboration",
    "tools": "Tools and technologies",
    "education": "Education and certifications",
    "salary": "Salary",
    "hiring": "Demand and hiring",
    "workflows": "Workflows and team practices",
    "impact": "Impact on projects",
}
COMPARE_ITEMS = 4


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...] = ()
    # A side-by-side comparison: ((left title, lines), (right title, lines)).
    pair: tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]] | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    intent: Intent
    title: str
    intro: str = ""
    sections: tuple[Section, ...] = ()
    sources: tuple[str, ...] = ()  # source ids, in order of first use

    @property
    def answered(self) -> bool:
        return self.intent.answered


class Citations:
    """Collects the source ids of every fact an answer shows."""

    def __init__(self) -> None:
        self.ids: dict[str, None] = {}

    def lines(self, facts) -> tuple[str, ...]:
        for fact in facts:
            self.ids.update(dict.fromkeys(fact.sources))
        return tuple(f.text for f in facts)

    def text(self, fact: Fact) -> str:
        return self.lines([fact])[0]


MAX_TRACKS_SHOWN = 12
MAX_ROLES_LISTED = 15


def track_lines(kb: KnowledgeBase, role_id: str | None, cited: Citations) -> tuple[str, ...]:
    """Each track as 'Title: A → *B* → C', the given role in bold; all tracks for the
    discipline or None (at most MAX_TRACKS_SHOWN, then a count of the rest)."""
    whole = role_id is None or role_id == kb.default_role
    tracks = kb.tracks if whole else kb.tracks_for(role_id)
    out = []
    for track in tracks[:MAX_TRACKS_SHOWN]:
        cited.ids.update(dict.fromkeys(track.sources))
        steps = [_short(kb.roles[s]) for s in track.steps]
        steps = [f"*{name}*" if sid == role_id else name for sid, name in zip(track.steps, steps)]
        out.append(f"{track.title}: " + " → ".join(steps))
    if len(tracks) > MAX_TRACKS_SHOWN:
        out.append(f"…and {len(tracks) - MAX_TRACKS_SHOWN} more tracks.")
    return tuple(out)


def roles_listed(kb: KnowledgeBase, name=None) -> str:
    """The roles in ladder order, named by `name` (full titles by default), at most
    MAX_ROLES_LISTED of them and a count of the rest."""
    name = name or (lambda role: role.title)
    order = kb.ladder_order()
    listed = ", ".join(name(kb.roles[r]) for r in order[:MAX_ROLES_LISTED])
    if len(order) > MAX_ROLES_LISTED:
        listed += f" and {len(order) - MAX_ROLES_LISTED} more"
    return listed


def first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def article(title: str) -> str:
    return "an" if title[:1].lower() in "aeiou" else "a"


def _short(role: Role) -> str:
    """'Senior Backend Engineer' -> 'Senior' on ladder drawings; other titles stay whole."""
    return role.title.replace(" Backend Engineer", "") or role.title


def _nearest_with(kb: KnowledgeBase, role_id: str, fields: tuple[str, ...]) -> Role | None:
    """The closest role on the ladder whose facts cover these fields: neighbours on the
    role's own tracks first (nearest step first), then the discipline, then any role."""

    def covers(rid: str) -> bool:
        return rid != role_id and any(getattr(kb.roles[rid], f) for f in fields)

    on_tracks = [
        (abs(t.steps.index(s) - t.steps.index(role_id)), s)
        for t in kb.tracks_for(role_id)
        for s in t.steps
        if covers(s)
    ]
    if on_tracks:
        return kb.roles[min(on_tracks)[1]]
    for name in fields:
        for rid in kb.roles_with(name):
            if rid != role_id:
                return kb.roles[rid]
    return None


def _gap(
    kb: KnowledgeBase, role: Role, topic: str, cited: Citations
) -> tuple[str, tuple[Section, ...]]:
    title = kb.topics[topic].title.lower() if topic in kb.topics else topic
    intro = f"The sources don't cover {title} for the {role.title} role, so I won't guess."
    fields = TOPIC_FIELDS[topic]
    near = _nearest_with(kb, role.id, fields)
    if near is None:
        return intro, ()
    facts = [f for name in fields for f in getattr(near, name)][:4]
    return intro, (Section(f"What they do say, for {near.title}", cited.lines(facts)),)


def _progression(kb: KnowledgeBase, role: Role, other: str | None, cited: Citations):
    sections = [Section("Where it sits", track_lines(kb, role.id, cited))]
    targets = [other] if other else list(kb.next_roles(role.id))
    if role.id == kb.default_role and not other:
        targets = []  # the whole ladder is shown; the notes below explain it
    for target in targets:
        facts = kb.moves_to(target)
        heading = f"Next: {kb.roles[target].title}"
        if kb.distance(role.id, target) is None:
            heading = f"Moving to {kb.roles[target].title}"
        lines = cited.lines(facts) or ("The sources don't say what this move takes.",)
        sections.append(Section(heading, lines))
    if not targets and role.id != kb.default_role:
        sections.append(Section("Next", ("This is the top of its track in this ladder.",)))
    into = kb.moves_to(role.id)
    general = [f for f in role.progression if f.to is None]
    if into and not other:
        sections.append(Section(f"Becoming {article(role.title)} {role.title}", cited.lines(into)))
    if general or role.id == kb.default_role:
        notes = general + (
            [f for f in role.progression if f.to] if role.id == kb.default_role else []
        )
        sections.append(Section("Notes", cited.lines(notes)))
    return "", tuple(s for s in sections if s.lines)


def _compare(kb: KnowledgeBase, a: Role, b: Role, cited: Citations):
    def column(role: Role, facts) -> tuple[str, tuple[str, ...]]:
        return role.title, cited.lines(facts[:COMPARE_ITEMS]) or ("Not covered by the sources.",)

    sections = [Section("In short", pair=(column(a, [a.summary]), column(b, [b.summary])))]
    for name, heading in (("responsibilities", "Responsibilities"), ("skills", "Skills")):
        sections.append(
            Section(
                heading, pair=(column(a, list(getattr(a, name))), column(b, list(getattr(b, name))))
            )
        )
    d = kb.distance(a.id, b.id)
    lower, upper = (a, b) if b.id in _above(kb, a.id) else (b, a)
    if d is None:
        change = (f"{a.title} and {b.title} are on different tracks of the ladder.",)
    else:
        between = _between(kb, lower.id, upper.id)
        via = f" (via {', '.join(_short(kb.roles[r]) for r in between)})" if between else ""
        change = (f"{upper.title} is {d} step{'s' if d > 1 else ''} above {lower.title}{via}.",)
    change += cited.lines(kb.moves_to(upper.id)) if d is not None else ()
    sections.insert(0, Section("What changes", change + track_lines(kb, a.id, cited)[:1]))
    return "", tuple(sections)


def _between(kb: KnowledgeBase, low: str, high: str) -> list[str]:
    for track in kb.tracks_for(low):
        if high in track.steps:
            i, j = track.steps.index(low), track.steps.index(high)
            if i < j:
                return list(track.steps[i + 1 : j])
    return []


def _above(kb: KnowledgeBase, role_id: str) -> set[str]:
    out = set()
    for track in kb.tracks_for(role_id):
        out.update(track.steps[track.steps.index(role_id) + 1 :])
    return out


def compose(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    """Build the Answer for an Intent; declined intents get a short, helpful refusal."""
    if not intent.answered or intent.role not in kb.roles:
        return decline(intent, kb, question)
    role, topic, cited = kb.roles[intent.role], intent.topic or kb.default_topic, Citations()
    topic_title = kb.topics[topic].title if topic in kb.topics else topic.title()
    title = f"{role.title}: {topic_title}"
    intro, sections = "", ()
    if topic == "overview":
        intro = cited.text(role.summary)
        sections = (
            Section("Key responsibilities", cited.lines(role.responsibilities[:3])),
            Section("On the ladder", track_lines(kb, role.id, cited)),
        )
    elif topic == "progression":
        intro, sections = _progression(kb, role, intent.other_role, cited)
    elif topic == "compare" and intent.other_role in kb.roles:
        other = kb.roles[intent.other_role]
        title = f"{role.title} vs {other.title}"
        intro, sections = _compare(kb, role, other, cited)
    elif topic in TOPIC_FIELDS:
        sections = tuple(
            Section(_HEADINGS[name], cited.lines(getattr(role, name)))
            for name in TOPIC_FIELDS[topic]
        )
        if not any(s.lines for s in sections):
            intro, sections = _gap(kb, role, topic, cited)
    sections = tuple(s for s in sections if s.lines or s.pair)
    if intent.corrections:
        typed = ", ".join(f"'{a}' as '{b}'" for a, b in intent.corrections)
        intro = (f"(I read {typed}.) " + intro).strip()
    return Answer(question, intent, title, intro, sections, tuple(cited.ids))


def decline(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    roles = roles_listed(kb, _short)
    topics = ", ".join(t.title.lower() for t in kb.topics.values() if t.id != "compare")
    intro = (
        "I only answer questions about backend engineering roles and the career ladder, "
        "so I won't guess at that one."
    )
    sections = [Section("Roles I know", (roles,)), Section("Ask me about", (topics,))]
    if intent.suggestions:
        sections.insert(0, Section("Did you mean", intent.suggestions))
    return Answer(question, intent, "Sorry, that's outside what I know", intro, tuple(sections))
