"""An answer that fits one screen: at most SCREEN_LINES non-empty lines as text, the
rest behind a More button in Slack (and a hint in the terminal).

Lines are counted as the terminal draws them (title and its rule, the intro's
paragraphs, each heading and item, the sources, the hint). Sections are kept in
order; the one that does not fit keeps its heading and as many items as do, if at
least one does.
"""

from __future__ import annotations

from dataclasses import replace

from .answers import Answer
from .ladder import Section

SCREEN_LINES = 15
TITLE_LINES = 2  # the title and its rule
SOURCES_LINES = 1
HINT_LINES = 1  # "…and N more lines" when something was left out
# The first list may take a fifth of the room (two lines of the usual ten) before the
# others get their line: enough to show more than one line of what was asked, while
# most other lists still show; a third cost the answer's lead on other lists (measured).
FIRST_SHARE = 5


def section_lines(section: Section) -> int:
    if section.pair:
        return 1 + sum(1 + len(items) for _, items in section.pair)
    return 1 + len(section.lines)


def intro_lines(answer: Answer) -> int:
    return len([p for p in answer.intro.split("\n") if p.strip()])


def line_count(answer: Answer) -> int:
    body = sum(section_lines(s) for s in answer.sections if s.lines or s.pair)
    return TITLE_LINES + intro_lines(answer) + body + SOURCES_LINES * bool(answer.sources)


def shorten(answer: Answer, limit: int = SCREEN_LINES) -> Answer:
    """The answer cut to `limit` lines, `hidden` saying how many were left out. The first
    section, the list the answer is for, keeps up to a fifth of the room; every other
    section that fits keeps its heading and first item; the lines left are shared out
    one at a time, section by section, so a skills answer shows each of its lists."""
    total = line_count(answer)
    if total <= limit:
        return answer
    room = limit - TITLE_LINES - intro_lines(answer) - SOURCES_LINES - HINT_LINES
    sections = [s for s in answer.sections if s.lines or s.pair]
    shown: list[int] = []  # items shown, per section kept
    for section in sections:
        need = section_lines(section) if section.pair else 2
        if not section.pair and not shown:
            # the first list is the one the answer is for ("L6 responsibilities"): a
            # fifth of the room for it before the other lists have a line each
            need = 1 + min(len(section.lines), max(1, room // FIRST_SHARE))
        if need > room:
            break
        shown.append(len(section.lines) if section.pair else need - 1)  # a pair is whole
        room -= need
    grew = True
    while room > 0 and grew:
        grew = False
        for i, section in enumerate(sections[: len(shown)]):
            if room > 0 and not section.pair and shown[i] < len(section.lines):
                shown[i] += 1
                room -= 1
                grew = True
    kept = tuple(s if s.pair else replace(s, lines=s.lines[:n]) for s, n in zip(sections, shown))
    short = replace(answer, sections=kept)
    return replace(short, hidden=total - line_count(short))
