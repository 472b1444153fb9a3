"""The local console: type /role senior or a question, read the answer. No Slack needed."""

from __future__ import annotations

from typing import TextIO

from .answer.render_text import render_plain
from .commands import command_or_question
from .ladder.model import KnowledgeBase

BANNER = """ladderbot — local console. Try /role senior, /skills principal,
/ladder senior principal, /ladder next mid, or a question such as
"how do I get from senior to staff?". Type quit to leave."""


def run_console(kb: KnowledgeBase, stdin: TextIO, stdout: TextIO) -> int:
    interactive = stdin.isatty()
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
        stdout.write(render_plain(command_or_question(line, kb), kb) + "\n\n")
        stdout.flush()
    return 0
