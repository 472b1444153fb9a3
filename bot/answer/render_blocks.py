"""Stage 4b: Answer -> Slack Block Kit, always within Slack's limits.

Limits (https://api.slack.com/reference/block-kit): 50 blocks a message (100 in
a Home tab), 3000 characters of section text, 2000 per section field and at
most 10 fields, 150 for a header, 10 context elements, 25 action elements,
75 characters of button text and 2000 of button value. Long answers are split
into more sections, then into more messages, never cut off by Slack.
"""

from __future__ import annotations

import json
from itertools import islice

from ..ladder.model import KnowledgeBase
from .compose import Answer
from .render_text import escape, source_names

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS = 25
MAX_BUTTON_TEXT = 75
MAX_VALUE = 2000
MAX_OPTIONS = 100

# action_id prefixes; each listener matches its prefix with a regex.
TOPIC_ACTION = "ladder_topic_"
SUGGEST_ACTION = "ladder_suggest_"
COMPARE_ACTION = "ladder_compare"
SHARE_ACTION = "ladder_share"
ROLE_ACTION = "ladder_role_"


def chunks(text: str, limit: int) -> list[str]:
    """Split text at line breaks (or hard, for one huge line) into pieces <= limit."""
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                out.append(current)
                current = ""
            out.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            out.append(current)
            current = line
        else:
            current = candidate
    if current:
        out.append(current)
    return out or [""]


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(text: str) -> list[dict]:
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": piece}}
        for piece in chunks(text, MAX_SECTION)
        if piece.strip()
    ]


def encode_value(value: dict) -> str:
    """Compact JSON for a button or option value, with <, > and & as \\u escapes so no
    Slack markup a user typed travels anywhere in a payload, even where it isn't shown."""
    text = json.dumps(value, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def button(text: str, action_id: str, value: dict, style: str | None = None) -> dict:
    element = {
        "type": "button",
        "text": {"type": "plain_text", "text": _truncate(text, MAX_BUTTON_TEXT), "emoji": True},
        "action_id": action_id,
        "value": encode_value(value)[:MAX_VALUE],
    }
    if style:
        element["style"] = style
    return element


def _follow_ups(answer: Answer, kb: KnowledgeBase, share: dict | None) -> list[dict]:
    """Buttons under an answer: more about this role, did-you-mean, or share."""
    intent, elements = answer.intent, []
    if intent.answered and intent.role in kb.roles:
        role = intent.role
        for topic, label in (("responsibilities", "Responsibilities"), ("skills", "Skills")):
            if topic != intent.topic:
                elements.append(button(label, TOPIC_ACTION + topic, {"r": role, "t": topic}))
        if kb.next_roles(role) and intent.topic != "progression":
            elements.append(
                button("Next level", TOPIC_ACTION + "next", {"r": role, "t": "progression"})
            )
        others = list(islice((r for r in kb.ladder_order() if r != role), MAX_OPTIONS))
        elements.append(
            {
                "type": "static_select",
                "action_id": COMPARE_ACTION,
                "placeholder": {"type": "plain_text", "text": "Compare with…"},
                "options": [
                    {
                        "text": {"type": "plain_text", "text": _truncate(kb.roles[r].title, 75)},
                        "value": encode_value({"r": role, "t": "compare", "o": r}),
                    }
                    for r in others
                ],
            }
        )
    for i, suggestion in enumerate(intent.suggestions[:3]):
        elements.append(button(suggestion, f"{SUGGEST_ACTION}{i}", {"q": suggestion}))
    if share is not None:
        elements.append(button("Share in channel", SHARE_ACTION, share, style="primary"))
    return elements[:MAX_ACTIONS]


def render_blocks(
    answer: Answer,
    kb: KnowledgeBase,
    share: dict | None = None,
    max_blocks: int = MAX_BLOCKS,
    buttons: bool = True,
) -> list[list[dict]]:
    """One or more messages' blocks for an answer (several only when it is very long).

    `share` is the recipe (a JSON-able dict) a "Share in channel" button posts again.
    """
    blocks: list[dict] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": _truncate(answer.title, MAX_HEADER),
                "emoji": True,
            },
        }
    ]
    if answer.intro:
        blocks += _section(escape(answer.intro))
    for section in answer.sections:
        heading = f"*{escape(section.heading)}*"
        if section.pair:
            blocks += _section(heading)
            fields = []
            for title, items in section.pair:
                body = f"*{escape(title)}*\n" + "\n".join(f"• {escape(i)}" for i in items)
                fields.append({"type": "mrkdwn", "text": _truncate(body, MAX_FIELD)})
            blocks.append({"type": "section", "fields": fields[:MAX_FIELDS]})
        else:
            blocks += _section(heading + "\n" + "\n".join(f"• {escape(i)}" for i in section.lines))
    names = source_names(answer, kb)
    context = []
    if names:
        text = "Sources: " + escape("; ".join(names))
        context = [
            {
                "type": "context",
                "elements": [
                    {"type": "mrkdwn", "text": piece} for piece in chunks(text, MAX_SECTION)
                ][:MAX_CONTEXT_ELEMENTS],
            }
        ]
    actions = _follow_ups(answer, kb, share) if buttons else []
    tail = context + ([{"type": "actions", "elements": actions}] if actions else [])

    messages: list[list[dict]] = []
    room = max_blocks - len(tail)
    while len(blocks) > room:
        messages.append(blocks[:max_blocks])
        blocks = blocks[max_blocks:]
    messages.append(blocks + tail)
    return messages


def fallback_text(answer: Answer) -> str:
    """The plain `text` Slack shows in notifications and where blocks can't render."""
    text = answer.title + (f": {answer.intro}" if answer.intro else "")
    return escape(_truncate(text, 3000))
