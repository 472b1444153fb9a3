"""Stage 3: Intent + knowledge base -> Answer (what to say, not how to draw it).

Every line of an answer is a fact from the knowledge base or a sentence about the
ladder's structure. A specific question gets the facts that answer it first ("Yes
— ..." only when a fact of the role says so); where the role's sources are silent
the answer says so and shows what other roles' sources say, never a made-up fact.
How each topic is answered comes from topics.yaml (`answer:`), not from code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ladder.model import KnowledgeBase, Role, Topic
from ..understand.intent import Intent
from . import ladder
from .ladder import Citations, Section, roles_listed, short, track_lines

TERM_SHOWN = 40  # characters of each word asked about that an answer quotes
MAX_FACTS_SHOWN = 8  # per list; the rest are counted, and found by asking specifically
# A fact with one of these is not a plain "yes" ("a master's degree is optional").
_HEDGES = re.compile(r"\b(not|no|optional|without|rather than|instead|never|rarely|may)\b", re.I)
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|vs|approx)\.$", re.I)


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


def first_sentence(text: str) -> str:
    """The first sentence, not cut inside "e.g." or "i.e."."""
    pieces = text.split(". ")
    out = pieces[0]
    for piece in pieces[1:]:
        if not _ABBREVIATION.search(out + "."):
            break
        out += ". " + piece
    return out.rstrip(".") + "."


def _by_question(facts, path: str, intent: Intent):
    """A list with the facts that share words with the question first, best first, then
    the rest in the order the knowledge base gives them."""
    first = [ref.index for ref in intent.ranked if ref.path == path and ref.index < len(facts)]
    if not first:
        return facts
    chosen = set(first)
    return [facts[i] for i in first] + [f for i, f in enumerate(facts) if i not in chosen]


def _facts_sections(
    role: Role, topic: Topic, cited: Citations, intent: Intent
) -> tuple[Section, ...]:
    out = []
    for spec in topic.fields:
        facts = _by_question(role.get(spec.path), spec.path, intent)
        lines = cited.lines(facts, MAX_FACTS_SHOWN)
        rest = len(facts) - MAX_FACTS_SHOWN
        if rest > 0:
            lines += (f"…and {rest} more; ask about something specific to see it.",)
        out.append(Section(spec.heading, lines))
    return tuple(out)


def _nearest_with(kb: KnowledgeBase, role_id: str, paths: tuple[str, ...]) -> Role | None:
    """The closest role on the ladder whose facts cover these fields: neighbours on the
    role's own tracks first (nearest step first), then the discipline, then any role."""

    def covers(rid: str) -> bool:
        return rid != role_id and any(kb.roles[rid].get(p) for p in paths)

    on_tracks = [
        (abs(t.position(s) - t.position(role_id)), s)
        for t in kb.tracks_for(role_id)
        for s in t.members
        if covers(s)
    ]
    if on_tracks:
        return kb.roles[min(on_tracks)[1]]
    for path in paths:
        for rid in kb.roles_with(path):
            if rid != role_id:
                return kb.roles[rid]
    return None


def _gap(kb: KnowledgeBase, role: Role, topic: Topic, cited: Citations):
    intro = (
        f"The sources don't cover {topic.title.lower()} for the {role.title} role, "
        "so I won't guess."
    )
    near = _nearest_with(kb, role.id, topic.paths)
    if near is None:
        return intro, ()
    facts = [f for p in topic.paths for f in near.get(p)][:4]
    return intro, (Section(f"What they do say, for {near.title}", cited.lines(facts)),)


def _direct(kb: KnowledgeBase, intent: Intent, role: Role, cited: Citations):
    """(intro, sections) that lead with the facts a specific question asked for."""
    facts = [ref.fact(kb) for ref in intent.facts]
    own = [f for ref, f in zip(intent.facts, facts) if ref.role == role.id]
    if own:
        lead = cited.text(own[0])
        yes = intent.form == "yes_no" and intent.supported and not _HEDGES.search(lead)
        intro = f"Yes — {lead}" if yes else lead
        more = cited.lines(own[1:])
        return intro, ((Section("Also in the sources", more),) if more else ())
    asked = ", ".join(t[:TERM_SHOWN] for t in intent.terms[:3])
    if not facts:
        if intent.form == "yes_no" and asked:
            return f"The sources for {role.title} don't mention {asked}.", ()
        return "", ()
    intro = f"The sources for {role.title} don't mention {asked}." if asked else ""
    by_role: dict[str, list] = {}
    for ref, fact in zip(intent.facts, facts):
        by_role.setdefault(ref.role, []).append(fact)
    sections = tuple(
        Section(f"What they say for {kb.roles[rid].title}", cited.lines(found))
        for rid, found in by_role.items()
    )
    return intro, sections


def compose(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    """Build the Answer for an Intent; small talk, unknown roles and declined questions
    get a short, helpful reply instead."""
    if intent.chat:
        return chat_answer(intent, kb, question)
    if intent.unknown_role:
        return unknown_role_answer(intent, kb, question)
    if not intent.answered or intent.role not in kb.roles:
        return decline(intent, kb, question)
    role, cited = kb.roles[intent.role], Citations()
    # A topic a newer ladder no longer has (an old button) gets the role's overview.
    topic = kb.topics.get(intent.topic or "") or kb.topics.get(kb.default_topic)
    if topic is None:
        return decline(intent, kb, question)
    other = kb.roles.get(intent.other_role or "")
    if topic.answer == "compare" and other is None:
        # "compare" with no second role: the next step up, else the overview.
        nxt = kb.next_roles(role.id)
        other = kb.roles[nxt[0]] if nxt else None
        if other is None:
            topic = kb.topics.get(kb.default_topic) or topic
    title = f"{role.title}: {topic.title}"
    intro, lead_sections = _direct(kb, intent, role, cited)
    if topic.answer == "overview":
        summary = cited.text(role.summary)
        intro = f"{intro}\n\n{summary}" if intro else summary
        key = [f for p in topic.paths for f in role.get(p)]
        sections = tuple(
            Section(spec.heading, cited.lines(key, 3)) for spec in topic.fields[:1]
        ) + (Section("On the ladder", track_lines(kb, role.id, cited)),)
    elif topic.answer == "ladder":
        _, sections = ladder.progression(
            kb, role, intent.other_role, intent.direction, cited, topic.paths
        )
        if intent.form == "how_long":
            note = "The sources give no timeframe for this move; here is what it takes."
            intro = f"{intro}\n\n{note}" if intro else note
        if intent.guessed_title:
            note = (
                f"This ladder has no {intent.guessed_title} role; "
                f"here is what it says comes after {role.title}."
            )
            intro = f"{note}\n\n{intro}" if intro else note
    elif topic.answer == "compare" and other is not None:
        title = f"{role.title} vs {other.title}"
        compared = [kb.topics[t] for t in topic.compares if t in kb.topics]
        _, sections = ladder.compare(kb, role, other, cited, compared)
    else:
        sections = _facts_sections(role, topic, cited, intent)
        if not any(s.lines for s in sections) and not lead_sections and not intro:
            intro, sections = _gap(kb, role, topic, cited)
    sections = tuple(s for s in (*lead_sections, *sections) if s.lines or s.pair)
    if intent.corrections:
        typed = ", ".join(f"'{a}' as '{b}'" for a, b in intent.corrections)
        intro = (f"(I read {typed}.) " + intro).strip()
    return Answer(question, intent, title, intro, sections, tuple(cited.ids))


EXAMPLES = (
    "what does a senior engineer do?",
    "how do I get from senior to staff?",
    "do leads review code?",
    "principal vs staff",
)
COMMANDS = (
    "`/role LEVEL` — a role's card; `/role` — every role",
    "`/skills LEVEL` — skills, tools and technologies",
    "`/ladder` — the tracks; `/ladder senior principal` — side by side; "
    "`/ladder next senior` — the next step",
)


def chat_answer(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    """Replies to "hi", "thanks" and "help": friendly, short, and saying what to ask."""
    openers = {
        "greeting": ("Hi! I'm ladderbot", "I answer questions about the engineering ladder."),
        "thanks": ("You're welcome!", "Ask me anything else about the engineering ladder."),
    }
    title, intro = openers.get(
        intent.chat or "", ("How to use ladderbot", "I answer questions about the ladder.")
    )
    sections = (
        Section("Try asking", EXAMPLES),
        Section("Commands", COMMANDS),
        Section("Roles I know", (roles_listed(kb, short),)),
    )
    return Answer(question, intent, title, intro, sections)


def unknown_role_answer(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    name = intent.unknown_role or ""
    intro = f"This ladder has no {name} role, so I won't answer as if it were another one."
    sections = [Section("Roles I know", (roles_listed(kb),))]
    if intent.suggestions:
        sections.insert(0, Section("Did you mean", intent.suggestions))
    return Answer(question, intent, f"No {name} role on this ladder", intro, tuple(sections))


def decline(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    topics = ", ".join(t.title.lower() for t in kb.topics.values() if t.answer != "compare")
    intro = (
        "I only answer questions about engineering roles and the career ladder, "
        "so I won't guess at that one."
    )
    sections = [
        Section("Roles I know", (roles_listed(kb, short),)),
        Section("Ask me about", (topics,)),
    ]
    if intent.suggestions:
        sections.insert(0, Section("Did you mean", intent.suggestions))
    return Answer(question, intent, "Sorry, that's outside what I know", intro, tuple(sections))
