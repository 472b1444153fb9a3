"""The whole question pipeline in one call, shared by the CLI, the console and Slack.

text -> normalise -> route -> compose; rendering is left to the caller.
"""

from __future__ import annotations

from .compose import Answer, compose
from .model import KnowledgeBase
from .render_text import render_mrkdwn
from .router import route


def ask(question: str, kb: KnowledgeBase) -> Answer:
    return compose(route(question, kb), kb, question)


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
    }
