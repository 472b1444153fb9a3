"""The short replies: small talk, a title the ladder lacks, a question outside the
ladder, and the clarifying question when a name could mean several roles. The
examples they give use the ladder's own role names, never the built-in ladder's."""

from __future__ import annotations

from ..ladder.model import KnowledgeBase, Role
from ..understand.intent import Intent
from .answers import Answer
from .ladder import Section, distinct_title, roles_listed, short


def _roles_known(kb: KnowledgeBase) -> str:
    """The roles by their short names, told apart where two share a title."""
    return roles_listed(kb, lambda r: distinct_title(kb, r, short(r, kb)))


def spoken(role: Role) -> str:
    """What people call a role in a sentence: its title when short ("senior backend
    engineer", "developer 3"), else its shortest alias."""
    if len(role.title.split()) <= 3:
        return role.title.lower()
    return min(role.aliases, key=len, default=role.title.lower())


def typed(role: Role) -> str:
    """What people type for a role after a command: its level word ("senior"), else its
    shortest alias ("d3")."""
    if role.context_aliases:
        return role.context_aliases[0]
    return min((*role.aliases, role.id), key=len)


def _samples(kb: KnowledgeBase) -> tuple[Role, Role, Role] | None:
    """A role from the middle of the main track, the next one, and the top one."""
    main = [r for r in kb.main_track_members() if r in kb.roles]
    if len(main) < 2:
        main = list(kb.ladder_order())
    if len(main) < 2:
        return None
    i = min(len(main) // 2, len(main) - 2)
    return kb.roles[main[i]], kb.roles[main[i + 1]], kb.roles[main[-1]]


def examples(kb: KnowledgeBase) -> tuple[str, ...]:
    samples = _samples(kb)
    if samples is None:
        return ("what does this role do?", "what skills does it need?")
    a, b, top = (spoken(r) for r in samples)
    return (
        f"what does a {a} do?",
        f"how do I get from {typed(samples[0])} to {typed(samples[1])}?",
        f"what skills does a {b} need?",
        f"{typed(samples[2])} vs {typed(samples[1])}",
    )


def commands(kb: KnowledgeBase) -> tuple[str, ...]:
    samples = _samples(kb)
    a, top = (typed(samples[0]), typed(samples[2])) if samples else ("LEVEL", "LEVEL")
    return (
        "`/role LEVEL` — a role's card; `/role` — every role",
        "`/skills LEVEL` — skills, tools and technologies",
        f"`/ladder` — the tracks; `/ladder {a} {top}` — side by side; "
        f"`/ladder next {a}` — the next step",
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
        Section("Try asking", examples(kb)),
        Section("Commands", commands(kb)),
        Section("Roles I know", (_roles_known(kb),)),
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
        Section("Roles I know", (_roles_known(kb),)),
        Section("Ask me about", (topics,)),
    ]
    if intent.suggestions:
        sections.insert(0, Section("Did you mean", intent.suggestions))
    return Answer(question, intent, "Sorry, that's outside what I know", intro, tuple(sections))


def clarify_answer(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    """Which role? A name several roles share ("IC 5"), or none on a ladder with several
    paths: the roles it could mean, as buttons in Slack, instead of a guess."""
    titles = [distinct_title(kb, kb.roles[r]) for r in intent.choices if r in kb.roles]
    if intent.asked_as:
        title = f"Which {intent.asked_as} do you mean?"
        intro = f"{intent.asked_as} is a level on several tracks: {', '.join(titles)}."
    else:
        title = "Which role do you mean?"
        intro = "This ladder has several paths; name a role or a level, for instance:"
    lines = tuple(titles)
    return Answer(question, intent, title, intro, (Section("Roles it could be", lines),))
