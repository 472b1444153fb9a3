"""Stage 4a: Answer -> text, as Slack mrkdwn (also the JSON `text`) or plain terminal text."""

from __future__ import annotations

import re

from ..ladder.model import KnowledgeBase
from .compose import Answer

_BOLD = re.compile(r"\*([^*\n]+)\*")


def escape(text: str) -> str:
    """Slack's three control characters: user text echoed back can never ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def source_names(answer: Answer, kb: KnowledgeBase) -> list[str]:
    names = []
    for sid in answer.sources:
        src = kb.sources.get(sid)
        if src:
            names.append(f"{src.title} ({src.publisher})" if src.publisher else src.title)
    return names


def render_mrkdwn(answer: Answer, kb: KnowledgeBase) -> str:
    parts = [f"*{escape(answer.title)}*"]
    if answer.intro:
        parts.append(escape(answer.intro))
    for section in answer.sections:
        lines = [f"*{escape(section.heading)}*"]
        if section.pair:
            for title, items in section.pair:
                lines.append(f"_{escape(title)}_")
                lines += [f"• {escape(item)}" for item in items]
        else:
            lines += [f"• {escape(item)}" for item in section.lines]
        parts.append("\n".join(lines))
    if answer.hidden:
        parts.append(f"_…{answer.hidden} more lines: press More to see them._")
    names = source_names(answer, kb)
    if names:
        parts.append("_Sources: " + escape("; ".join(names)) + "_")
    return "\n\n".join(parts)


MORE_HINT = "…{n} more lines: ask with --full to see them all."


def render_plain(answer: Answer, kb: KnowledgeBase, more_hint: str = MORE_HINT) -> str:
    """Readable terminal text: no Slack markup, emphasis shown as plain words. An answer
    cut to fit one screen ends with `more_hint` ({n}: the lines left out)."""
    parts = [answer.title + "\n" + "=" * min(len(answer.title), 72)]
    if answer.intro:
        parts.append(answer.intro)
    for section in answer.sections:
        lines = [f"{section.heading}:"]
        if section.pair:
            for title, items in section.pair:
                lines.append(f"  {title}")
                lines += [f"    - {item}" for item in items]
        else:
            lines += ["  - " + _BOLD.sub(r"[\1]", item) for item in section.lines]
        parts.append("\n".join(lines))
    if answer.hidden:
        parts.append(more_hint.format(n=answer.hidden))
    names = source_names(answer, kb)
    if names:
        parts.append("Sources: " + "; ".join(names))
    return "\n\n".join(parts)
