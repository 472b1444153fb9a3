"""Slack payloads built from answers: plain functions, testable without an App."""

from __future__ import annotations

import json
from functools import lru_cache

from ..answer.compose import Answer, compose, first_sentence
from ..answer.render_blocks import (
    MAX_HOME_BLOCKS,
    ROLE_ACTION,
    button,
    fallback_text,
    render_blocks,
)
from ..answer.render_text import escape
from ..commands import ladder_answer, run_command
from ..ladder.model import KnowledgeBase
from ..pipeline import ask
from ..understand.router import Intent


def answer_messages(
    answer: Answer, kb: KnowledgeBase, share: dict | None = None, **extra
) -> list[dict]:
    return [
        {"text": fallback_text(answer), "blocks": blocks, **extra}
        for blocks in render_blocks(answer, kb, share=share)
    ]


def command_messages(kb: KnowledgeBase, command: str, text: str) -> list[dict]:
    """Ephemeral replies to a slash command, each with a Share in channel button."""
    answer = run_command(command, text, kb)
    share = {"cmd": command, "x": text[:300]}  # escaped, still under 2000
    return answer_messages(answer, kb, share, response_type="ephemeral")


def command_reply(kb: KnowledgeBase, command: str, text: str) -> tuple[str, tuple[dict, ...]]:
    """The acknowledgement body (JSON text) for a slash command, and any further messages.

    A loaded ladder never changes, so this is a pure function of (command, text), and
    the most recent replies are kept ready, already serialised: people ask /role senior
    far more than once."""
    cached = kb._cache.get("command_reply")
    if cached is None:

        def build(command: str, text: str) -> tuple[str, tuple[dict, ...]]:
            first, *rest = command_messages(kb, command, text)
            return json.dumps(first), tuple(rest)

        cached = kb._cache["command_reply"] = lru_cache(maxsize=1024)(build)
    return cached(command, text or "")


def question_messages(kb: KnowledgeBase, text: str) -> list[dict]:
    """Replies to a mention or a DM: the router decides, declines are short and friendly."""
    return answer_messages(ask(text or "", kb), kb)


def answer_from_value(kb: KnowledgeBase, value: dict) -> Answer:
    """Rebuild the answer a button stands for, from the small recipe in its value."""
    if "cmd" in value:
        return run_command(str(value["cmd"]), str(value.get("x", "")), kb)
    if "q" in value:
        return ask(str(value["q"]), kb)
    role, topic, other = value.get("r"), value.get("t"), value.get("o")
    if role not in kb.roles or (other is not None and other not in kb.roles):
        return ask("", kb)  # a stale button from an older ladder: decline politely
    return compose(Intent(role, topic or kb.default_topic, other, 1.0, True), kb)


def action_value(action: dict) -> dict:
    raw = action.get("value") or (action.get("selected_option") or {}).get("value") or "{}"
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def home_view(kb: KnowledgeBase, selected: str | None = None) -> dict:
    """The App Home tab: the ladder, a button per role, and the chosen role's card."""
    blocks = render_blocks(ladder_answer(kb, with_roles=False), kb, buttons=False)[0]
    for role_id in kb.ladder_order():
        role = kb.roles[role_id]
        first = first_sentence(role.summary.text)
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"*{escape(role.title)}*\n{escape(first)}"},
                "accessory": button("Show card", ROLE_ACTION + role_id, {"r": role_id}),
            }
        )
    if selected in kb.roles:
        card = compose(Intent(selected, "overview", None, 1.0, True), kb)
        blocks.append({"type": "divider"})
        for message in render_blocks(card, kb, buttons=False):
            blocks += message
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}
