"""Stage 4b: Answer -> Slack Block Kit, always within Slack's limits.

Limits (https://api.slack.com/reference/block-kit): 50 blocks a message (100 in
a Home tab), 3000 characters of section text, 2000 per section field and at
most 10 fields, 150 for a header, 10 context elements, 25 action elements,
75 characters of button text, 2000 of button value and 150 of a menu option's
value. Long answers are split into more sections, then into more messages,
never cut off by Slack.

A button or option value is a small JSON recipe for the answer it stands for,
and always decodes to exactly what it was built from: text in it is shortened
by its encoded length (`fit_value`), never cut after encoding, and a role id too
long for a menu option travels as a digest (`role_ref`).
"""

from __future__ import annotations

import hashlib
import json
from itertools import chain, islice

from ..ladder.model import KnowledgeBase
from .compose import Answer
from .ladder import distinct_title
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
MAX_OPTION_VALUE = 150
MAX_OPTIONS = 100
MAX_REF = 40  # encoded characters of a role id in a value; longer ones become a digest

# action_id prefixes; each listener matches its prefix with a regex.
TOPIC_ACTION = "ladder_topic_"
SUGGEST_ACTION = "ladder_suggest_"
COMPARE_ACTION = "ladder_compare"
SHARE_ACTION = "ladder_share"
MORE_ACTION = "ladder_more"
ROLE_ACTION = "ladder_role_"
CHOOSE_ACTION = "ladder_choose_"  # "which IC 5 do you mean?": one button per role


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


def fit_value(value: dict, key: str, limit: int = MAX_VALUE) -> dict:
    """value with its text at `key` shortened until the whole encodes within limit."""
    text = str(value[key])
    while (excess := len(encode_value({**value, key: text})) - limit) > 0:
        text = text[: max(0, len(text) - max(1, excess // 12))]  # a character: 1-12 encoded
    return {**value, key: text}


def role_ref(role_id: str) -> str:
    """A role as a value carries it: its id, or for a long one (a menu option's value
    must stay under 150 characters) '#' and a digest, resolved by `resolve_role_ref`."""
    if len(json.dumps(role_id)) <= MAX_REF and not role_id.startswith("#"):
        return role_id
    return "#" + hashlib.sha256(role_id.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def resolve_role_ref(kb: KnowledgeBase, ref) -> str | None:
    """The role id a value's role stands for; None for a role this ladder lacks."""
    if not isinstance(ref, str):
        return None
    if not ref.startswith("#"):
        return ref if ref in kb.roles else None
    digests = kb._cache.get("role_refs")
    if digests is None:
        digests = kb._cache["role_refs"] = {role_ref(r): r for r in kb.roles}
    return digests.get(ref)


def checked_value(value: dict, limit: int) -> str:
    encoded = encode_value(value)
    if len(encoded) > limit:  # a bug: every value is built to fit
        raise ValueError(f"value of {len(encoded)} characters is over Slack's {limit}")
    return encoded


def button(text: str, action_id: str, value: dict, style: str | None = None) -> dict:
    element = {
        "type": "button",
        "text": {"type": "plain_text", "text": _truncate(text, MAX_BUTTON_TEXT), "emoji": True},
        "action_id": action_id,
        "value": checked_value(value, MAX_VALUE),
    }
    if style:
        element["style"] = style
    return element


FEEDBACK_UP, FEEDBACK_DOWN = "feedback_up", "feedback_down"


def feedback_block(question_id: str) -> dict:
    """👍 / 👎 under an answer; the value is the id the question was logged under."""

    def vote(text: str, action_id: str) -> dict:
        return {
            "type": "button",
            "action_id": action_id,
            "text": {"type": "plain_text", "text": text, "emoji": True},
            "value": question_id[:MAX_OPTION_VALUE],
        }

    return {
        "type": "actions",
        "block_id": "ladder_feedback",
        "elements": [vote("👍 Helpful", FEEDBACK_UP), vote("👎 Not helpful", FEEDBACK_DOWN)],
    }


def with_feedback(messages: list[dict], question_id: str | None) -> list[dict]:
    """The messages with 👍/👎 under the last one, when it has room for a block."""
    if not question_id or not messages:
        return messages
    last = messages[-1]
    if len(last.get("blocks", ())) >= MAX_BLOCKS:
        return messages
    return [*messages[:-1], {**last, "blocks": [*last["blocks"], feedback_block(question_id)]}]


# Topics offered as buttons under an answer, when the ladder has them.
FOLLOW_UP_TOPICS = ("responsibilities", "skills")


def _compare_choices(kb: KnowledgeBase, role: str) -> list[str]:
    """Roles to offer in "Compare with…": the role's neighbours on its tracks, nearest
    first, then the rest of the ladder, at most MAX_OPTIONS (a 10,000-role ladder
    still offers the comparisons people make)."""
    near = sorted(
        {r for t in kb.tracks_for(role) for r in t.members if r != role},
        key=lambda r: (kb.distance(role, r) or 0, kb.ladder_position(r)),
    )
    taken = {role, *near}
    rest = (r for r in kb.ladder_order() if r not in taken)
    return list(islice(chain(near, rest), MAX_OPTIONS))  # lazily: a ladder may be huge


def _follow_ups(
    answer: Answer, kb: KnowledgeBase, share: dict | None, more: dict | None = None
) -> list[dict]:
    """Buttons under an answer: the rest of it, more about this role, did-you-mean, or
    share."""
    intent, elements = answer.intent, []
    if answer.hidden and more is not None:
        elements.append(button("More", MORE_ACTION, more))
    if intent.answered and intent.role in kb.roles:
        role, ref = intent.role, role_ref(intent.role)
        for topic in FOLLOW_UP_TOPICS:
            if topic != intent.topic and topic in kb.topics:
                label = kb.topics[topic].title
                elements.append(button(label, TOPIC_ACTION + topic, {"r": ref, "t": topic}))
        ladder = kb.topic_for("ladder")
        if ladder and kb.next_roles(role) and intent.topic != ladder.id:
            elements.append(button("Next level", TOPIC_ACTION + "next", {"r": ref, "t": ladder.id}))
        others = _compare_choices(kb, role)
        elements.append(
            {
                "type": "static_select",
                "action_id": COMPARE_ACTION,
                "placeholder": {"type": "plain_text", "text": "Compare with…"},
                "options": [
                    {
                        "text": {
                            "type": "plain_text",
                            "text": _truncate(distinct_title(kb, kb.roles[r]), 75),
                        },
                        "value": checked_value(
                            {"r": ref, "t": "compare", "o": role_ref(r)}, MAX_OPTION_VALUE
                        ),
                    }
                    for r in others
                ],
            }
        )
    topic = intent.topic if intent.topic in kb.topics else kb.default_topic
    for i, choice in enumerate(r for r in intent.choices if r in kb.roles):
        value = {"r": role_ref(choice), "t": topic}
        label = distinct_title(kb, kb.roles[choice])
        elements.append(button(label, f"{CHOOSE_ACTION}{i}", value))
    for i, suggestion in enumerate(intent.suggestions[:3]):
        value = fit_value({"q": suggestion}, "q")
        elements.append(button(suggestion, f"{SUGGEST_ACTION}{i}", value))
    if share is not None:
        elements.append(button("Share in channel", SHARE_ACTION, share, style="primary"))
    return elements[:MAX_ACTIONS]


def render_blocks(
    answer: Answer,
    kb: KnowledgeBase,
    share: dict | None = None,
    max_blocks: int = MAX_BLOCKS,
    buttons: bool = True,
    more: dict | None = None,
) -> list[list[dict]]:
    """One or more messages' blocks for an answer (several only when it is very long).

    `share` is the recipe (a JSON-able dict) a "Share in channel" button posts again;
    `more`, the recipe of the whole answer, for a More button when lines were left out.
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
    actions = _follow_ups(answer, kb, share, more) if buttons else []
    tail = context + ([{"type": "actions", "elements": actions}] if actions else [])

    # Full messages first; the last keeps at least one block of content, so no message
    # is only the sources line and the buttons.
    messages: list[list[dict]] = []
    room = max_blocks - len(tail)
    while len(blocks) > room:
        take = min(max_blocks, len(blocks) - 1)
        messages.append(blocks[:take])
        blocks = blocks[take:]
    messages.append(blocks + tail)
    return messages


def fallback_text(answer: Answer) -> str:
    """The plain `text` Slack shows in notifications and where blocks can't render."""
    text = answer.title + (f": {answer.intro}" if answer.intro else "")
    return escape(_truncate(text, 3000))
