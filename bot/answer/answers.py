"""The Answer: what to say, before it is drawn as Block Kit or text."""

from __future__ import annotations

from dataclasses import dataclass

from ..understand.intent import Intent
from .ladder import Section


@dataclass(frozen=True)
class Answer:
    question: str
    intent: Intent
    title: str
    intro: str = ""
    sections: tuple[Section, ...] = ()
    sources: tuple[str, ...] = ()  # source ids, in order of first use
    hidden: int = 0  # lines left out to fit one screen (length.py): behind More

    @property
    def answered(self) -> bool:
        return self.intent.answered
