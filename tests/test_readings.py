"""Every row of tests/readings.txt holds: how each question is read on the built-in ladder.

One table instead of a test per sentence, so a change to understanding shows at once
which readings it moves, and the same rows run against any rebuild of the pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.understand.router import route

TABLE = Path(__file__).with_name("readings.txt")


def rows():
    out = []
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        role, topic, other, question = line.split("|", 3)
        out.append(pytest.param(role, topic, other, question, id=f"line{n}"))
    return out


def reading(intent) -> tuple[str, str, str]:
    """An Intent in the table's terms."""
    if intent.chat:
        return "-", f"CHAT={intent.chat}", "-"
    if intent.unknown_role:
        return "-", f"UNKNOWN={intent.unknown_role}", "-"
    if not intent.answered:
        return "-", "OUT", "-"
    topic = intent.topic + (f"+guess={intent.guessed_title}" if intent.guessed_title else "")
    return intent.role, topic, intent.other_role or "-"


@pytest.mark.parametrize(("role", "topic", "other", "question"), rows())
def test_reading(kb, role, topic, other, question):
    got = reading(route(question, kb))
    assert (
        got[0] in role.split("/") and got[1] in topic.split("/") and got[2] in other.split("/")
    ), f"{question!r} read as {'|'.join(got)}"
