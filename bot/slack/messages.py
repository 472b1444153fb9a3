"""Slack payloads built from answers: plain functions, testable without an App."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from ..answer.compose import Answer, compose
from ..answer.length import shorten
from ..answer.render_blocks import (
    MAX_BLOCKS,
    MAX_HOME_BLOCKS,
    MAX_OPTION_VALUE,
    MAX_OPTIONS,
    ROLE_ACTION,
    checked_value,
    fallback_text,
    feedback_block,
    render_blocks,
    resolve_role_ref,
    role_ref,
    with_feedback,
)
from ..answer.render_text import escape
from ..commands import (
    HELP,
    NOT_FOUND,
    Resolved,
    answer_for,
    intent_from_value,
    intent_value,
    ladder_answer,
    reading_note,
    resolve,
    resolved_from_value,
    resolved_value,
    run_command,
)
from ..ladder.model import KnowledgeBase
from ..pipeline import ask
from ..understand.intent import Intent
from .record import Understood

FULL = "full"  # in a button's recipe: the whole answer, not one screen of it
MORE_QUESTION = 300  # characters of the question a More button keeps (it orders lists)


def answer_messages(
    answer: Answer, kb: KnowledgeBase, share: dict | None = None, full: bool = False, **extra
) -> list[dict]:
    """An answer's messages: one screen of it with a More button for the rest, or all of
    it (`full`); Share then posts exactly what is shown."""
    shown = answer if full else shorten(answer)
    recipe = share if share is not None else _recipe(answer)
    if full and share is not None:
        share = {**share, FULL: 1}
    more = {**recipe, FULL: 1} if shown.hidden else None
    return [
        {"text": fallback_text(shown), "blocks": blocks, **extra}
        for blocks in render_blocks(shown, kb, share=share, more=more)
    ]


def _recipe(answer: Answer) -> dict:
    """What rebuilds an answer with no command behind it: its intent and question."""
    return {"i": intent_value(answer.intent), "x": answer.question[:MORE_QUESTION]}


ROLE_PICKER = ROLE_ACTION + "pick"


def command_messages(kb: KnowledgeBase, command: str, text: str) -> list[dict]:
    """Ephemeral replies to a slash command, each with a Share in channel button: what
    command_reply sends, as messages."""
    reply = command_reply(kb, command, text)
    return [json.loads(reply.body), *reply.rest]


@dataclass(frozen=True)
class _Reply:
    """A command's replies, rendered once per meaning ("/role senoir", "/role Sr" and
    "/role senior engineer" share one), with the first message also kept serialised
    in pieces around the places a correction note and the 👍/👎 buttons go, so a
    reply with either costs a string join instead of rendering and encoding the
    answer again."""

    messages: tuple[dict, ...]
    head: str  # the first message's JSON up to and including its header block
    blocks: str  # "," and each of its other blocks
    after: str  # what follows its blocks: "]" and the other keys
    understood: Understood  # for the question log

    def body(self, note: dict | None = None, feedback: str | None = None) -> str:
        """The first message's JSON, with the note and the feedback block (JSON) if any."""
        room = MAX_BLOCKS - len(self.messages[0]["blocks"])
        extra_note = "," + json.dumps(note) if note is not None and room > 0 else ""
        room -= bool(extra_note)
        extra_votes = (
            "," + feedback if feedback is not None and room > 0 and len(self.messages) == 1 else ""
        )
        return self.head + extra_note + self.blocks + extra_votes + self.after


def _meaning(kb: KnowledgeBase, base: Resolved) -> _Reply:
    cached = kb._cache.get("command_meanings")
    if cached is None:

        def build(base: Resolved) -> _Reply:
            answer = answer_for(base, kb)
            share = resolved_value(base)
            messages = tuple(answer_messages(answer, kb, share, response_type="ephemeral"))
            first = messages[0]
            header, *others = first["blocks"]
            before, after = json.dumps({**first, "blocks": [_SLOT]}).split(json.dumps(_SLOT))
            rest = "".join("," + json.dumps(b) for b in others)
            understood = Understood.of(answer.intent, unknown=base.kind == NOT_FOUND)
            if base.kind == HELP:
                understood = replace(understood, outcome="chat", answered=False)
            return _Reply(messages, before + json.dumps(header), rest, after, understood)

        cached = kb._cache["command_meanings"] = lru_cache(maxsize=4096)(build)
    return cached(base)


_SLOT = "\u0000slot"  # stands for the blocks while the first message is serialised


def _note(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(text)}]}


@dataclass(frozen=True)
class CommandReply:
    body: str  # the acknowledgement, JSON text
    rest: tuple[dict, ...]  # further messages, sent through response_url
    understood: Understood


def command_reply(
    kb: KnowledgeBase, command: str, text: str, question_id: str | None = None
) -> CommandReply:
    """The acknowledgement body (JSON text) for a slash command, any further messages,
    and what was understood; with `question_id`, 👍/👎 buttons under the last message.

    A loaded ladder never changes, so a reply is a pure function of what the command
    resolves to (see _meaning); the most recent exact texts are also kept ready."""
    cached = kb._cache.get("command_reply")
    if cached is None:

        def build(command: str, text: str):
            r = resolve(command, text, kb)
            reply = _meaning(kb, replace(r, corrections=(), unread=()))
            said = reading_note(r, text, kb)
            note = _note(said) if said else None
            understood = replace(reply.understood, corrections=r.corrections)
            return reply, note, understood

        # By exact text, in front of the cache by meaning: people type the same few
        # thousand commands, most of them resolved (typos and all) once and for all.
        cached = kb._cache["command_reply"] = lru_cache(maxsize=8192)(build)
    reply, note, understood = cached(command, " ".join((text or "").split()))
    rest = reply.messages[1:]
    if question_id and rest:
        rest = tuple(with_feedback(list(rest), question_id))
    votes = _votes_json(question_id) if question_id else None
    return CommandReply(reply.body(note, votes), rest, understood)


_VOTES = json.dumps(feedback_block(_SLOT))
_VOTES_SLOT = json.dumps(_SLOT)[1:-1]


def _votes_json(question_id: str) -> str:
    """The 👍/👎 block as JSON, from a template (the id is hex: nothing to escape)."""
    return _VOTES.replace(_VOTES_SLOT, question_id)


def question_messages(kb: KnowledgeBase, text: str) -> list[dict]:
    """Replies to a mention or a DM: the router decides, declines are short and friendly."""
    return question_reply(kb, text)[0]


def question_reply(
    kb: KnowledgeBase, text: str, question_id: str | None = None
) -> tuple[list[dict], Answer]:
    """The replies to a mention or a DM, with 👍/👎 under the last message when a
    question id is given, and the Answer (for the question log)."""
    answer = ask(text or "", kb)
    return with_feedback(answer_messages(answer, kb), question_id), answer


def answer_from_value(kb: KnowledgeBase, value: dict) -> Answer:
    """Rebuild the answer a button stands for, from the small recipe in its value."""
    if "k" in value:
        resolved = resolved_from_value(kb, value)
        return answer_for(resolved, kb) if resolved else ask("", kb)
    if "cmd" in value:  # a button from before commands were resolved this way
        return run_command(str(value["cmd"]), str(value.get("x", "")), kb)
    if "q" in value:
        return ask(str(value["q"]), kb)
    if "i" in value:  # a More button's recipe: the intent, and the question it came from
        intent = intent_from_value(kb, value["i"])
        return compose(intent, kb, str(value.get("x", ""))) if intent else ask("", kb)
    role, topic = resolve_role_ref(kb, value.get("r")), value.get("t")
    other = resolve_role_ref(kb, value["o"]) if value.get("o") is not None else None
    if role is None or (value.get("o") is not None and other is None):
        return ask("", kb)  # a stale button from an older ladder: decline politely
    return compose(Intent(role, topic or kb.default_topic, other, 1.0, True), kb)


def action_value(action: dict) -> dict:
    raw = action.get("value") or (action.get("selected_option") or {}).get("value") or "{}"
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def role_option(kb: KnowledgeBase, role_id: str) -> dict:
    title = kb.roles[role_id].title
    text = title if len(title) <= 75 else title[:74] + "…"
    value = checked_value({"r": role_ref(role_id)}, MAX_OPTION_VALUE)
    return {"text": {"type": "plain_text", "text": text, "emoji": True}, "value": value}


def role_options(kb: KnowledgeBase, typed: str) -> list[dict]:
    """The role picker's choices for what was typed (external select, big ladders):
    roles whose title or id contains it, in ladder order, at most 100."""
    query = " ".join(typed.lower().split())
    found = (
        r for r in kb.ladder_order() if query in kb.roles[r].title.lower() or query in r.lower()
    )
    return [role_option(kb, r) for r in islice(found, MAX_OPTIONS)]


def role_picker(kb: KnowledgeBase, selected: str | None) -> dict:
    """One menu for every role: all of them listed up to 100, else searched as typed."""
    roles = kb.ladder_order()
    menu: dict = {
        "action_id": ROLE_PICKER,
        "placeholder": {"type": "plain_text", "text": "Show a role's card…"},
    }
    if len(roles) <= MAX_OPTIONS:
        menu.update(type="static_select", options=[role_option(kb, r) for r in roles])
    else:
        menu.update(type="external_select", min_query_length=1)
    if selected is not None:
        menu["initial_option"] = role_option(kb, selected)
    return {"type": "actions", "block_id": "ladder_role_picker", "elements": [menu]}


def home_view(
    kb: KnowledgeBase, selected: str | None = None, report: list[dict] | None = None
) -> dict:
    """The App Home tab: the ladder, a role picker, and the chosen role's card; for the
    ladder's maintainers, the question report under them.

    However big the ladder, the picker and the card are always shown: the tracks
    give way first when the view would pass Slack's 100 blocks."""
    selected = selected if selected in kb.roles else None
    ladder = render_blocks(ladder_answer(kb, with_roles=False), kb, buttons=False)[0]
    card: list[dict] = []
    if selected is not None:
        answer = compose(Intent(selected, "overview", None, 1.0, True), kb)
        card = [{"type": "divider"}]
        for message in render_blocks(answer, kb, buttons=False):
            card += message
    tail = [role_picker(kb, selected), *card][:MAX_HOME_BLOCKS]
    if report:
        tail = (tail + [{"type": "divider"}, *report])[:MAX_HOME_BLOCKS]
    blocks = ladder[: MAX_HOME_BLOCKS - len(tail)] + tail
    return {"type": "home", "blocks": blocks}
