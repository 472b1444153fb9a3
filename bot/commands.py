"""Slash commands (/role, /skills, /ladder) as plain functions: (command, text) -> Answer.

Shared by the Slack listeners and the local console, so both answer alike.
"""

from __future__ import annotations

from .answer.compose import (
    Answer,
    Citations,
    Section,
    compose,
    first_sentence,
    roles_listed,
    track_lines,
)
from .ladder.model import KnowledgeBase
from .pipeline import ask
from .understand.router import Intent, find_roles, similar_roles

COMMANDS = ("/role", "/skills", "/ladder")
USAGE = (
    "`/role LEVEL` — the role card: summary, key responsibilities, place on the ladder",
    "`/role` — every role with a one-line summary",
    "`/skills LEVEL` — technical and leadership skills, tools and technologies",
    "`/ladder` — the tracks; `/ladder senior principal` — two roles side by side; "
    "`/ladder next senior` — the step after senior",
    "Or mention me with a question: _how do I get from senior to staff?_",
)


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
    intent = Intent(None, "progression", None, 1.0, True)
    return Answer(
        "", intent, "The engineering ladder", sections=tuple(sections), sources=tuple(cited.ids)
    )


def not_found_answer(kb: KnowledgeBase, typed: str) -> Answer:
    """No role close enough: say what we know and offer did-you-mean buttons."""
    suggestions = tuple(kb.roles[r].title for r in similar_roles(typed, kb))
    intent = Intent(None, None, None, 0.0, False, suggestions)
    known = roles_listed(kb)
    intro = f"I don't know a role called \u201c{typed[:80]}\u201d."
    sections = (Section("Roles I know", (known,)),)
    return Answer(typed, intent, "Role not found", intro, sections)


def _merge(title: str, *answers: Answer) -> Answer:
    first = answers[0]
    sections = tuple(s for a in answers for s in a.sections)
    sources = tuple(dict.fromkeys(s for a in answers for s in a.sources))
    return Answer(first.question, first.intent, title, first.intro, sections, sources)


def run_command(command: str, text: str, kb: KnowledgeBase) -> Answer:
    name, text = command.strip().lower(), " ".join(text.split())
    words = text.lower().split()
    if name not in COMMANDS or words[:1] == ["help"]:
        return help_answer()
    if name == "/ladder" and not text:
        return ladder_answer(kb, with_roles=False)
    if name == "/role" and not text:
        return ladder_answer(kb, with_roles=True)
    wants_next = name == "/ladder" and words[:1] == ["next"]
    query = " ".join(text.split()[1:]) if wants_next else text
    roles, corrections = find_roles(query, kb) if query else ([kb.default_role], ())
    if not roles:
        return not_found_answer(kb, query)

    def make(role: str, topic: str, other: str | None = None) -> Answer:
        return compose(Intent(role, topic, other, 1.0, True, (), corrections), kb, text)

    if name == "/role":
        return make(roles[0], "overview")
    if name == "/skills":
        skills, tools = make(roles[0], "skills"), make(roles[0], "tools")
        return _merge(f"{kb.roles[roles[0]].title}: Skills and tools", skills, tools)
    if len(roles) >= 2 and not wants_next:
        return make(roles[0], "compare", roles[1])
    return make(roles[0], "progression")


def command_or_question(line: str, kb: KnowledgeBase) -> Answer:
    """What the console does with a line: a slash command, or a question for the router."""
    if line.startswith("/"):
        command, _, rest = line.partition(" ")
        return run_command(command, rest, kb)
    return ask(line, kb)
