"""The whole question pipeline in one call, shared by the CLI, the console and Slack.

text -> normalise -> route -> compose; rendering is left to the caller.
"""

from __future__ import annotations

import gc
import os

from .answer.compose import Answer, compose
from .answer.render_text import render_mrkdwn
from .ladder import knowledge
from .ladder.model import KnowledgeBase
from .ladder.naming import index_ladder_lines
from .understand.index import build_index
from .understand.router import route, to_intent, understand


def ask(question: str, kb: KnowledgeBase) -> Answer:
    return compose(route(question, kb), kb, question)


def explain(question: str, kb: KnowledgeBase) -> str:
    """How a question was read, stage by stage, and what it was routed to: for
    maintainers (`ask --explain`)."""
    frame = understand(question, kb)
    intent = to_intent(frame)
    if intent.chat:
        read = f"small talk ({intent.chat})"
    elif intent.choices:
        read = f"asking which role: {', '.join(intent.choices)}"
    elif not intent.answered:
        read = f"declined{f' (no {intent.unknown_role} role)' if intent.unknown_role else ''}"
    else:
        read = f"role {intent.role}, topic {intent.topic}"
        read += f", other role {intent.other_role}" if intent.other_role else ""
        read += f", direction {intent.direction}" if intent.direction else ""
        facts = ", ".join(f"{r.role}/{r.path}[{r.index}]" for r in intent.facts)
        read += f", facts asked for: {facts}" if facts else ""
    return f"{frame.explain()}\nread as: {read}"


def answer_json(answer: Answer, kb: KnowledgeBase) -> dict:
    """The stable `ask --json` contract (see README)."""
    intent = answer.intent
    return {
        "question": answer.question,
        "answered": intent.answered,
        "role": intent.role,
        "topic": intent.topic,
        "other_role": intent.other_role,
        "confidence": intent.confidence,
        "text": render_mrkdwn(answer, kb),
        "suggestions": list(intent.suggestions),
        "sources": list(answer.sources),
        "corrections": [list(pair) for pair in intent.corrections],
    }


def load_and_index(directory: str | os.PathLike | None = None) -> KnowledgeBase:
    """Load and build the router's indexes now rather than on the first question."""
    kb = knowledge.load(directory)
    build_index(kb)
    kb.ladder_order()
    index_ladder_lines(kb)  # which of the ladder's own lines name each role
    return kb


def load_for_serving(directory: str | os.PathLike | None = None) -> KnowledgeBase:
    """load_and_index, then move everything loaded out of the garbage collector's way
    (it never becomes garbage, and gunicorn's forked workers then share those pages
    instead of copying them). Only at start-up: a reloaded ladder may be replaced."""
    kb = load_and_index(directory)
    gc.freeze()
    return kb
