"""The local console: type /role senior or a question, read the answer. No Slack needed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from .answer.compose import Answer
from .answer.length import shorten
from .answer.render_text import render_plain
from .commands import command_or_question
from .ladder.model import KnowledgeBase

BANNER = """ladderbot — local console. Try /role senior, /skills principal,
/ladder senior principal, /ladder next mid, or a question such as
"how do I get from senior to staff?". Type quit to leave."""
MORE_WORDS = ("more", "/more")
CONSOLE_HINT = "…{n} more lines: type more to see them."


def run_console(
    kb: KnowledgeBase,
    stdin: TextIO,
    stdout: TextIO,
    answered: Callable[[str, Answer, float], None] | None = None,
) -> int:
    """`answered(line, answer, started)` is told of each answer (the question log, with
    --log); `started` is time.perf_counter() when the line was read."""
    interactive = stdin.isatty()
    last: Answer | None = None
    if interactive:
        stdout.write(BANNER + "\n")
    while True:
        if interactive:
            stdout.write("\nladderbot> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        line = line.strip()
        if line in ("quit", "exit", "/quit"):
            break
        if not line:
            continue
        if line.lower() in MORE_WORDS and last is not None:
            stdout.write(render_plain(last, kb) + "\n\n")  # the answer before, in full
            stdout.flush()
            continue
        started = time.perf_counter()
        answer = command_or_question(line, kb)
        last = answer
        stdout.write(render_plain(shorten(answer), kb, CONSOLE_HINT) + "\n\n")
        stdout.flush()
        if answered is not None:
            answered(line, answer, started)
    return 0
