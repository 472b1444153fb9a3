"""What the question log is told about each question asked in Slack, and each vote.

The listeners call these with the Slack payload and the answer they sent; the log
(bot/store/question_log.py) decides what of it is kept (privacy modes, hashing).
Every call returns at once: the log only queues.
"""

from __future__ import annotations

import hashlib
import random
import time
from dataclasses import dataclass

from ..answer.compose import Answer
from ..store.question_log import Question, QuestionLog, Vote
from ..understand.intent import Intent


def new_id() -> str:
    """A question's id: the time in nanoseconds, then 64 random bits. In time order, so
    the table's key grows at one end instead of being rewritten all over (logging
    cost half as much, bench/question_log.py); random, not uuid4, which reads the
    OS's entropy on every call (random reseeds itself in each forked worker)."""
    return f"{time.time_ns():016x}{random.getrandbits(64):016x}"


def event_question_id(event: dict) -> str:
    """The same id however often an event is answered (a takeover after a crash): the
    message's own time, then a hash of the event id."""
    try:
        ns = int(float(event.get("event_ts") or event.get("ts") or 0) * 1e9)
    except ValueError:
        ns = 0
    digest = hashlib.blake2b(str(event.get("event_id")).encode(), digest_size=8).hexdigest()
    return f"{ns:016x}{digest}"


@dataclass(frozen=True)
class Understood:
    """The parts of an Intent the log keeps."""

    role: str | None
    topic: str | None
    other_role: str | None
    confidence: float
    answered: bool
    outcome: str  # answered | declined | unknown_role | clarify | chat
    corrections: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, intent: Intent, unknown: bool = False) -> Understood:
        if intent.chat:
            outcome = "chat"
        elif intent.unknown_role or unknown:
            outcome = "unknown_role"
        elif intent.choices:
            outcome = "clarify"
        elif intent.answered:
            outcome = "answered"
        else:
            outcome = "declined"
        return cls(
            intent.role,
            intent.topic,
            intent.other_role,
            float(intent.confidence),
            outcome == "answered",  # only when understood as a ladder question
            outcome,
            tuple(intent.corrections),
        )


class Recorder:
    """Turns Slack payloads into question-log records; a no-op without a log."""

    def __init__(self, log: QuestionLog | None):
        self.log = log

    @property
    def enabled(self) -> bool:
        return self.log is not None and self.log.enabled

    def question(
        self,
        qid: str,
        source: str,
        text: str,
        understood: Understood,
        started: float,
        team_id: str | None,
        channel_id: str | None,
        user_id: str | None,
        is_dm: bool = False,
    ) -> None:
        if not self.enabled:
            return
        u = understood
        self.log.record(
            Question(
                qid,
                source,
                text,
                team_id,
                channel_id,
                user_id,
                is_dm,
                u.role,
                u.topic,
                u.other_role,
                u.confidence,
                u.answered,
                u.outcome,
                u.corrections,
                (time.perf_counter() - started) * 1000,
                time.time(),
            )
        )

    def command(self, qid: str, command: dict, understood: Understood, started: float) -> None:
        channel = command.get("channel_id")
        is_dm = str(channel or "").startswith("D") or command.get("channel_name") == "directmessage"
        self.question(
            qid,
            "command",
            f"{command.get('command', '')} {command.get('text', '')}".strip(),
            understood,
            started,
            command.get("team_id"),
            channel,
            command.get("user_id"),
            is_dm=is_dm,
        )

    def event(self, event: dict, answer: Answer, started: float, qid: str) -> None:
        source = "mention" if event.get("type") == "app_mention" else "dm"
        self.question(
            qid,
            source,
            event.get("text", ""),
            Understood.of(answer.intent),
            started,
            event.get("team") or event.get("team_id"),
            event.get("channel"),
            event.get("user"),
            is_dm=event.get("channel_type") == "im",
        )

    def button(self, body: dict, answer: Answer, started: float, text: str) -> None:
        channel = (body.get("channel") or {}).get("id")
        self.question(
            new_id(),
            "button",
            text,
            Understood.of(answer.intent),
            started,
            (body.get("team") or {}).get("id"),
            channel,
            (body.get("user") or {}).get("id"),
            is_dm=str(channel or "").startswith("D"),
        )

    def vote(self, body: dict, question_id: str, vote: int) -> None:
        if not self.enabled or not question_id:
            return
        self.log.vote(
            Vote(
                question_id[:40],
                vote,
                (body.get("team") or {}).get("id"),
                (body.get("user") or {}).get("id") or "",
                time.time(),
            )
        )
