"""Slash commands (/role, /skills, /ladder) as plain functions: (command, text) -> Answer.

Shared by the Slack listeners and the local console, so both answer alike. A
command's answer depends on what it resolves to (its Intent), not on the exact
text typed, so `resolve` and `answer_for` are separate: Slack caches by the first.
"""

from __future__ import annotations

from dataclasses import dataclass

from .answer.compose import COMMANDS as USAGE_COMMANDS
from .answer.compose import Answer, compose, first_sentence
from .answer.ladder import Citations, Section, roles_listed, track_lines
from .ladder.model import KnowledgeBase
from .pipeline import ask
from .understand.index import build_index
from .understand.intent import Intent
from .understand.lookup import find_roles, similar_roles

COMMANDS = ("/role", "/skills", "/ladder")
USAGE = (
    *USAGE_COMMANDS,
    "Or mention me with a question: _how do I get from senior to staff?_",
)


@dataclass(frozen=True)
class Resolved:
    """What a slash command asks for, once its text is read. Equal texts with the same
    meaning ("/role senoir", "/role sr") resolve alike, so their answers can be shared."""

    command: str
    roles: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    unknown: str = ""  # words that name no role on this ladder ("cto")
    question: str = ""  # "/role senior skills": answered as a question
    wants_next: bool = False


def help_answer() -> Answer:
    intent = Intent(None, None, None, 1.0, True)
    return Answer("", intent, "How to use ladderbot", sections=(Section("Commands", USAGE),))


def ladder_answer(kb: KnowledgeBase, with_roles: bool) -> Answer:
    """The tracks, and optionally every role with the first sentence of its summary."""
    cited = Citations()
    sections = [Section("Tracks", track_lines(kb, None, cited))]
    if with_roles:
        lines = []
        for role_id in kb.ladder_order():
            role = kb.roles[role_id]
            first = first_sentence(cited.text(role.summary))
            lines.append(f"*{role.title}* — {first}")
        sections.append(Section("Roles", tuple(lines)))
    topic = kb.topic_for("ladder")
    intent = Intent(None, topic.id if topic else None, None, 1.0, True)
    return Answer(
        "", intent, "The engineering ladder", sections=tuple(sections), sources=tuple(cited.ids)
    )


def not_found_answer(kb: KnowledgeBase, typed: str, named: tuple[str, ...] = ()) -> Answer:
    """No role (or not every role) recognised: say which word, what we know, and offer
    did-you-mean buttons."""
    suggestions = tuple(kb.roles[r].title for r in similar_roles(typed, kb))
    intent = Intent(None, None, None, 0.0, False, suggestions)
    intro = f"I don't know a role called \u201c{typed[:80]}\u201d"
    if named:
        intro += f", so I can't answer for it alongside {' and '.join(named)}"
    sections = (Section("Roles I know", (roles_listed(kb),)),)
    return Answer(typed, intent, "Role not found", intro + ".", sections)


def resolve(command: str, text: str, kb: KnowledgeBase) -> Resolved:
    name, text = command.strip().lower(), " ".join(text.split())
    words = text.lower().split()
    if name not in COMMANDS or words[:1] == ["help"]:
        return Resolved("help")
    wants_next = name == "/ladder" and words[:1] == ["next"]
    query = " ".join(text.split()[1:]) if wants_next else text
    if not query:
        return Resolved(name, wants_next=wants_next)
    roles, corrections, leftover = find_roles(query, kb)
    index = build_index(kb)
    unknown = [w for w in leftover if not all(p in index.vocabulary for p in w.split())]
    if unknown or not roles:
        return Resolved(name, tuple(roles), corrections, " ".join(unknown) or query)
    if leftover and name == "/role":
        return Resolved(name, tuple(roles), corrections, question=query)
    return Resolved(name, tuple(roles), corrections, wants_next=wants_next)


def answer_for(r: Resolved, kb: KnowledgeBase) -> Answer:
    """The Answer a resolved command stands for: a pure function of (r, ladder)."""
    if r.command == "help":
        return help_answer()
    if r.unknown:
        named = tuple(kb.roles[x].title for x in r.roles)
        return not_found_answer(kb, r.unknown, named)
    if r.question:
        return ask(r.question, kb)
    if not r.roles:
        if r.command == "/role":
            return ladder_answer(kb, with_roles=True)
        if r.command == "/ladder" and not r.wants_next:
            return ladder_answer(kb, with_roles=False)
    roles = r.roles or (kb.default_role,)

    def make(topic: str | None, other: str | None = None) -> Answer:
        intent = Intent(roles[0], topic, other, 1.0, True, (), r.corrections)
        return compose(intent, kb, "")

    ladder_topic = kb.topic_for("ladder")
    if r.command == "/role":
        answer = make(kb.default_topic)
        extra = roles[1:]
        hint = "/ladder " + " ".join(roles[:2])
        note = f"You named {len(roles)} roles; this is {kb.roles[roles[0]].title}. "
        note += f"To compare, try `{hint}`."
    elif r.command == "/skills":
        parts = [make(t) for t in ("skills", "tools") if t in kb.topics]
        answer = _merge(f"{kb.roles[roles[0]].title}: Skills and tools", *parts)
        extra = roles[1:]
        note = f"You named {len(roles)} roles; this is {kb.roles[roles[0]].title}."
    elif len(roles) >= 2 and not r.wants_next:
        compare = kb.topic_for("compare")
        answer = make(compare.id if compare else None, roles[1])
        extra = roles[2:]
        left_out = ", ".join(kb.roles[x].title for x in extra)
        note = f"I compare two roles at a time, so I left out {left_out}."
    else:
        answer = make(ladder_topic.id if ladder_topic else None)
        extra = roles[1:]
        title = kb.roles[roles[0]].title
        note = f"You named {len(roles)} roles; this is the next step for {title}."
    if extra:
        answer = Answer(
            answer.question,
            answer.intent,
            answer.title,
            f"{note}\n\n{answer.intro}".strip(),
            answer.sections,
            answer.sources,
        )
    return answer


def canonical_text(r: Resolved) -> str:
    """A command text that resolves to r again: for buttons that repeat a command."""
    if r.command == "help":
        return "help"
    if r.question:
        return r.question
    if r.unknown:
        return r.unknown
    return ("next " if r.wants_next else "") + " ".join(r.roles)


def run_command(command: str, text: str, kb: KnowledgeBase) -> Answer:
    return answer_for(resolve(command, text, kb), kb)


def _merge(title: str, *answers: Answer) -> Answer:
    """Answers one after another under one title; a heading already used (two gaps
    pointing at the same role) is shown once, with the lines of both."""
    first = answers[0]
    merged: dict[str, Section] = {}
    intros = []
    for answer in answers:
        if answer.intro and answer.intro not in intros:
            intros.append(answer.intro)
        for s in answer.sections:
            seen = merged.get(s.heading)
            if seen is None or s.pair:
                merged[s.heading if seen is None else s.heading + " "] = s
            else:
                lines = tuple(dict.fromkeys(seen.lines + s.lines))
                merged[s.heading] = Section(s.heading, lines)
    sources = tuple(dict.fromkeys(s for a in answers for s in a.sources))
    intro = " ".join(intros)
    return Answer(first.question, first.intent, title, intro, tuple(merged.values()), sources)


def command_or_question(line: str, kb: KnowledgeBase) -> Answer:
    """What the console does with a line: a slash command, or a question for the router."""
    if line.startswith("/"):
        command, _, rest = line.partition(" ")
        return run_command(command, rest, kb)
    return ask(line, kb)
