"""Slash commands (/role, /skills, /ladder) as plain functions: (command, text) -> Answer.

A command's argument is read by the same understanding as a question, with the
command as a hint (bot/understand/intent.py, CommandHint): "/role senior skills"
is the senior's skills, "/role sr salay" the senior's salary, "/role em or tech
lead" a comparison, "/ladder what comes after senior" the next step. A word is
never refused as a role because it is not one; what was not read is said beside
the answer ("I read “sr salay” as Senior Backend Engineer, salary").

Shared by the Slack listeners and the local console, so both answer alike. A
command's answer depends on what it resolves to (`Resolved`), not on the exact
text typed, so `resolve` and `answer_for` are separate: Slack caches by the
first, and a Share in channel button carries it (`resolved_value`), so what is
shared is exactly what was shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .answer.compose import TERM_SHOWN, Answer, compose, first_sentence
from .answer.ladder import Citations, Section, roles_listed, track_lines
from .answer.render_blocks import resolve_role_ref, role_ref
from .answer.replies import commands as usage_commands
from .ladder.model import KnowledgeBase
from .pipeline import ask
from .understand.facts import FactRef
from .understand.intent import CommandHint, Intent
from .understand.lookup import similar_roles
from .understand.router import route

COMMANDS = ("/role", "/skills", "/ladder")
SHOWN_TYPED = 80  # characters of an unrecognised argument quoted back

# What a command can resolve to, besides an answer about a role.
HELP, TRACKS, ROLES, NOT_FOUND, ANSWER = "help", "tracks", "roles", "not_found", "answer"
MAINTAINERS = "maintainers"  # "/ladder report", "/ladder reload" outside Slack's admin path
KINDS = (HELP, TRACKS, ROLES, NOT_FOUND, ANSWER, MAINTAINERS)
# "/role list", "/role all roles": every role, though no word of it names one.
_LISTING = frozenset("list all every roles role levels level show me the ladder".split())


@dataclass(frozen=True)
class Resolved:
    """What a slash command asks for, once its text is read. Texts with the same
    meaning ("/role senoir", "/role sr") resolve alike, so their answers can be shared.

    kind: HELP, TRACKS (the ladder), ROLES (every role), NOT_FOUND (nothing in the
    text names a role or a topic: `typed` is quoted back) or ANSWER (`intent`, which
    may be a title this ladder lacks)."""

    command: str
    kind: str
    intent: Intent | None = None
    typed: str = ""
    # How the text was read, for the note beside the answer; not part of the meaning.
    corrections: tuple[tuple[str, str], ...] = ()
    unread: tuple[str, ...] = ()


def help_answer(kb: KnowledgeBase) -> Answer:
    intent = Intent(None, None, None, 1.0, True)
    usage = (*usage_commands(kb), "Or mention me with a question about a role or the ladder.")
    return Answer("", intent, "How to use ladderbot", sections=(Section("Commands", usage),))


def ladder_answer(kb: KnowledgeBase, with_roles: bool) -> Answer:
    """The tracks, and optionally every role with the first sentence of its summary."""
    cited = Citations(kb)
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


def not_found_answer(kb: KnowledgeBase, typed: str) -> Answer:
    """Nothing recognised: say what was typed, what we know, and offer did-you-mean
    buttons."""
    suggestions = tuple(kb.roles[r].title for r in similar_roles(typed, kb))
    intent = Intent(None, None, None, 0.0, False, suggestions)
    intro = f"I don't know a role called \u201c{typed[:SHOWN_TYPED]}\u201d."
    sections = (Section("Roles I know", (roles_listed(kb),)),)
    return Answer(typed, intent, "Role not found", intro, sections)


def maintainers_answer(what: str) -> Answer:
    intent = Intent(None, None, None, 1.0, False)
    lines = (
        "In Slack, `/ladder report` and `/ladder reload` are for the people in ADMIN_USER_IDS.",
        "From a terminal: `python -m bot report` shows the question report (with the "
        "server's DATABASE_URL); the console reads the ladder when it starts, so quit and "
        "start it again to pick up edits (`python -m bot validate` checks them first).",
    )
    title = f"/ladder {what} is for the ladder's maintainers"
    return Answer("", intent, title, sections=(Section("Where to find it", lines),))


def hint_for(command: str, kb: KnowledgeBase) -> CommandHint:
    """The topic a command answers with when its text asks for no other."""
    ladder, compare = kb.topic_for("ladder"), kb.topic_for("compare")
    pair = compare.id if compare and command in ("/role", "/ladder") else None
    if command == "/skills" and "skills" in kb.topics:
        return CommandHint("skills", pair)
    if command == "/ladder" and ladder is not None:
        return CommandHint(ladder.id, pair)
    return CommandHint(kb.default_topic, pair)


def resolve(command: str, text: str, kb: KnowledgeBase) -> Resolved:
    name, text = command.strip().lower(), " ".join(text.split())
    words = text.lower().split()
    if name not in COMMANDS or words[:1] == ["help"]:
        return Resolved("help", HELP)
    if name == "/ladder" and words[:1] in (["report"], ["reload"]):
        return Resolved(name, MAINTAINERS, typed=words[0])
    if name == "/role" and words and set(words) <= _LISTING:
        return Resolved(name, ROLES)
    if name == "/ladder" and words[:1] == ["next"]:
        text = " ".join(text.split()[1:])  # "/ladder next senior": what comes after it
        if not text:
            return Resolved(name, TRACKS)
        text = f"what comes after {text}"
    if not text:  # "/role", "/skills": which roles to ask about; "/ladder": its tracks
        return Resolved(name, TRACKS if name == "/ladder" else ROLES)
    intent = route(text, kb, hint_for(name, kb))
    if not intent.answered and not intent.unknown_role:
        return Resolved(name, NOT_FOUND, typed=text[:SHOWN_TYPED])
    ladder = kb.topic_for("ladder")
    if not intent.named and ladder and intent.topic == ladder.id and intent.answered:
        return Resolved(name, TRACKS)  # "/ladder tracks", "/role show me the ladder"
    corrections, unread = intent.corrections, intent.unread
    meaning = replace(intent, corrections=(), unread=(), confidence=1.0)
    return Resolved(name, ANSWER, meaning, corrections=corrections, unread=unread)


def answer_for(r: Resolved, kb: KnowledgeBase) -> Answer:
    """The Answer a resolved command stands for: a pure function of (r, ladder)."""
    if r.kind == HELP:
        return help_answer(kb)
    if r.kind == TRACKS:
        return ladder_answer(kb, with_roles=False)
    if r.kind == ROLES:
        return ladder_answer(kb, with_roles=True)
    if r.kind == MAINTAINERS:
        return maintainers_answer(r.typed)
    if r.kind == NOT_FOUND or r.intent is None:
        return not_found_answer(kb, r.typed)
    intent = r.intent
    answer = compose(intent, kb, "")
    if r.command == "/skills" and intent.topic == "skills" and "tools" in kb.topics:
        tools = compose(Intent(intent.role, "tools", None, 1.0, True), kb, "")
        answer = _merge(f"{kb.roles[intent.role].title}: Skills and tools", answer, tools)
    return answer


def reading_note(r: Resolved, text: str, kb: KnowledgeBase) -> str:
    """How the text was read, when it was not read word for word (a word corrected, or
    words the answer leaves out): "I read “sr salay” as Senior Backend Engineer,
    salary." "" when there is nothing to say."""
    if r.kind != ANSWER or r.intent is None or not (r.corrections or r.unread):
        return ""
    intent, parts = r.intent, []
    if intent.role in kb.roles and not intent.unknown_role:
        read = kb.roles[intent.role].title
        if intent.other_role in kb.roles:
            read += f" vs {kb.roles[intent.other_role].title}"
        topic = kb.topics.get(intent.topic or "")
        if topic and topic.answer not in ("compare", "overview"):
            read += f", {topic.title.lower()}"
        typed = " ".join(text.split())
        if len(typed) > SHOWN_TYPED:
            typed = typed[: SHOWN_TYPED - 1] + "…"
        parts.append(f"I read \u201c{typed}\u201d as {read}")
    if r.unread:
        left = " ".join(r.unread)
        if len(left) > SHOWN_TYPED:
            left = left[: SHOWN_TYPED - 1] + "…"
        parts.append(f"left out \u201c{left}\u201d" if parts else f"I left out \u201c{left}\u201d")
    return (", and ".join(parts) + ".") if parts else ""


def run_command(command: str, text: str, kb: KnowledgeBase) -> Answer:
    return answer_for(resolve(command, text, kb), kb)


# A Resolved as a button carries it: small JSON that decodes to the same meaning, so a
# Share in channel button posts exactly the answer that was shown.


def resolved_value(r: Resolved) -> dict:
    value: dict = {"c": r.command, "k": r.kind}
    if r.typed:
        value["x"] = r.typed
    if r.intent is not None:
        value["i"] = intent_value(r.intent)
    return value


def resolved_from_value(kb: KnowledgeBase, value: dict) -> Resolved | None:
    kind, command = value.get("k"), value.get("c")
    if kind not in KINDS or command not in (*COMMANDS, "help"):
        return None
    intent = None
    if kind == ANSWER:
        intent = intent_from_value(kb, value.get("i"))
        if intent is None:
            return None
    typed = str(value.get("x", ""))[:SHOWN_TYPED]
    return Resolved(str(command), str(kind), intent, typed=typed)


def intent_value(intent: Intent) -> dict:
    """What compose() reads of an Intent, compactly: roles as role_ref() carries them,
    a fact as [role (empty: the intent's role), field, position]."""

    def refs(found) -> list:
        return [
            ["" if ref.role == intent.role else role_ref(ref.role), ref.path, ref.index]
            for ref in found
        ]

    value = {
        "r": role_ref(intent.role) if intent.role else None,
        "t": intent.topic,
        "o": role_ref(intent.other_role) if intent.other_role else None,
        "f": refs(intent.facts),
        "n": refs(intent.ranked),
        "w": [t[:TERM_SHOWN] for t in intent.terms[:3]],
        "s": intent.supported,
        "m": intent.form,
        "d": intent.direction,
        "u": intent.unknown_role,
        "g": intent.guessed_title,
        "q": list(intent.suggestions),
        "h": [role_ref(r) for r in intent.choices],
        "y": [role_ref(r) for r in intent.family],
        "a": intent.asked_as,
        "c": intent.condition,
        "x": [role_ref(r) for r in intent.set_aside],
        "k": intent.asker,
    }
    return {k: v for k, v in value.items() if v}


def intent_from_value(kb: KnowledgeBase, value) -> Intent | None:
    """The Intent intent_value() was made from; None for one this ladder cannot answer
    (a role it no longer has)."""
    if not isinstance(value, dict):
        return None
    role = resolve_role_ref(kb, value["r"]) if value.get("r") is not None else None
    other = resolve_role_ref(kb, value["o"]) if value.get("o") is not None else None
    unknown = str(value["u"]) if value.get("u") is not None else None
    if (value.get("r") is not None and role is None) or (value.get("o") and other is None):
        return None

    def refs(key) -> tuple[FactRef, ...]:
        out = []
        for item in value.get(key) or ():
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], int)):
                return ()
            owner = role if item[0] == "" else resolve_role_ref(kb, item[0])
            if owner is None:
                return ()
            out.append(FactRef(owner, str(item[1]), item[2]))
        return tuple(out)

    def texts(key) -> tuple[str, ...]:
        return tuple(str(t) for t in value.get(key) or ())

    def roles(key) -> tuple[str, ...]:
        found = tuple(resolve_role_ref(kb, r) for r in value.get(key) or ())
        return tuple(r for r in found if r is not None)

    choices = roles("h")
    return Intent(
        role,
        str(value["t"]) if value.get("t") is not None else None,
        other,
        1.0,
        unknown is None and not choices,
        texts("q"),
        facts=refs("f"),
        terms=texts("w"),
        supported=bool(value.get("s")),
        form=str(value.get("m") or ""),
        direction=str(value.get("d") or ""),
        unknown_role=unknown,
        guessed_title=str(value["g"]) if value.get("g") is not None else None,
        ranked=refs("n"),
        choices=choices,
        family=roles("y"),
        condition=str(value.get("c") or ""),
        set_aside=roles("x"),
        asker=str(value.get("k") or ""),
        asked_as=str(value.get("a") or ""),
    )


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
    """What the console does with a line: a slash command, or a question for the router.
    A command's reading note (corrections, words left out) is shown first."""
    if line.startswith("/"):
        command, _, rest = line.partition(" ")
        r = resolve(command, rest, kb)
        answer = answer_for(r, kb)
        note = reading_note(r, rest, kb)
        if note:
            answer = replace(answer, intro=f"({note})\n\n{answer.intro}".strip())
        return answer
    return ask(line, kb)
