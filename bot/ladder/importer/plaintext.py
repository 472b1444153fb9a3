"""Plain-text articles, like the five guides the built-in ladder was written from:
headings are bare short lines, lists are lines starting "- " (or "•", "*", "1."),
and every other line is a paragraph. A list item "Architecture Design: Designing
scalable ..." has a lead-in label, as a bold one does in Markdown."""

from __future__ import annotations

import re

from .documents import Block, Document, Heading, anchor_of, clean

HEADING_WORDS = 14  # a heading is short
LABEL_WORDS = 5  # ...and so is a list item's lead-in
TITLE_LINES = 5  # a title is within the first lines
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d{1,2}[.)])\s+")


# Headings of a page's furniture, never its title.
_FURNITURE = frozenset({"table of contents", "contents", "in this article", "blog"})
# ...and lines of it that link elsewhere ("Read More: Complete Guide to ..."): left out
_ELSEWHERE = ("read more:", "read also:", "also read:", "related:", "see also:", "recommended:")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")


def _numbered_heading(line: str, following: str | None, previous: str | None) -> bool:
    """ "2. Database Management" above a paragraph: a numbered section's heading, not
    an item of a numbered list (whose next line is the next item, and whose last item
    follows another: "3. Roll out behind a flag" after "2. ...")."""
    if not _NUMBERED.match(line) or following is None or _BULLET.match(following):
        return False
    if previous is not None and _NUMBERED.match(previous):
        return False
    return _is_heading(line[_NUMBERED.match(line).end() :], following)


def _is_heading(line: str, following: str | None) -> bool:
    """A short line that does not end a sentence, before a longer line or a list; a
    short question is one whatever follows ("What does a Lead do?" above "Table of
    Contents")."""
    words = line.split()
    return (
        0 < len(words) <= HEADING_WORDS
        and not _BULLET.match(line)
        and not line.rstrip().endswith((".", ",", ";", ":"))
        and following is not None
        and (
            len(following.split()) > len(words)
            or bool(_BULLET.match(following))
            or line.rstrip().endswith("?")
        )
    )


def read_plaintext(document: Document, text: str) -> Document:
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)]
    lines = [(n, line) for n, line in lines if line]
    headings: list[Heading] = []
    titled = False  # a title was found, or can no longer be
    lines = [(n, line) for n, line in lines if not line.lower().startswith(_ELSEWHERE)]
    for i, (n, line) in enumerate(lines):
        following = lines[i + 1][1] if i + 1 < len(lines) else None
        previous = lines[i - 1][1] if i else None
        if _numbered_heading(line, following, previous):
            headings = [h for h in headings if h.level < 3]
            text_ = clean(line[_NUMBERED.match(line).end() :])
            headings.append(Heading(3, text_, anchor_of(text_)))
            document.blocks.append(Block("heading", text_, tuple(headings), line=n))
            continue
        if _is_heading(line, following):
            # the first heading of three words or more is the document's title
            # the title: the first heading of three words or more, near the top and
            # before any other heading but a page's furniture ("BLOG")
            furniture = line.lower().strip() in _FURNITURE
            title = not titled and not furniture and len(line.split()) >= 3 and i < TITLE_LINES
            level = 1 if title else 2
            titled = titled or title or not furniture
            headings = [h for h in headings if h.level < level]
            text_ = clean(line)
            headings.append(Heading(level, text_, anchor_of(text_)))
            document.blocks.append(Block("heading", text_, tuple(headings), line=n))
            continue
        bullet = _BULLET.match(line)
        body = clean(line[bullet.end() :] if bullet else line)
        label = ""
        head, sep, rest = body.partition(": ")
        if sep and rest and 0 < len(head.split()) <= LABEL_WORDS:
            label = head.strip()
        kind = "bullet" if bullet else "para"
        document.blocks.append(Block(kind, body, tuple(headings), label, line=n))
    return document
