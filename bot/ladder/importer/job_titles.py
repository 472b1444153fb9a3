"""A role family's page whose levels are the rows of a table of job titles: "# Engineer",
its responsibilities and competencies, then "| Job Title | Min Progress | Min Salary |"
with a row per title ("Junior {Discriminator} Engineer", "Senior {Discriminator}
Engineer II"). Each title is a level of the page's track, holding its own rows and
everything else the page says (which is said of all of them).
"""

from __future__ import annotations

import re

from ...text import normalise
from .documents import Block, Document
from .levels import Level, is_code, parse_level

PLACEHOLDER = re.compile(r"\s*\{[^{}]*\}\s*")  # "{Discriminator}": Backend, Frontend...
MIN_TITLES = 2
TITLE_COLUMN = frozenset("title titles job position role".split())  # "Job Title", "Role"


def job_title(cell: str) -> str | None:
    """The title a table's first cell names, placeholders left out, or None."""
    parsed = parse_level(" ".join(PLACEHOLDER.sub(" ", cell).split()))
    if parsed is None or is_code(parsed[0]) or parsed[1]:
        return None  # a code ("IC 3") is a level of another table, not a job title
    return parsed[0]


def job_title_levels(doc: Document) -> list[Level]:
    """The levels a page about a role family lists as job titles, in the table's order
    (one level per title, however many rows it has); none for any other page."""
    title = next((b for b in doc.blocks if b.kind == "heading"), None)
    named = parse_level(title.text) if title is not None and title.headings[-1].level == 1 else None
    if named is None:
        return []
    tables: dict[tuple, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == "row" and block.cells and not block.links:
            tables.setdefault((block.headings, block.header), []).append(block)
    for (_, header), rows in tables.items():
        if not TITLE_COLUMN & set(normalise(header[0] if header else "").split()):
            continue  # "| Level | Scope |" on a level's own page compares, it lists no titles
        titles = [job_title(r.cells[0]) for r in rows]
        if len(rows) < MIN_TITLES or None in titles or len(set(titles)) < MIN_TITLES:
            continue
        shared = [b for b in doc.blocks if b not in rows]
        # the family's name ("Team Lead" for its Engineering Managers), shared by its
        # titles like a code: asked about by it, the first answers and says so
        family = named[0]
        said = {w for t in titles for w in normalise(t).split()}
        # ...unless a title says it ("# Lead" over "Tech Lead"): that title's name then
        codes = [] if set(normalise(family).split()) & said else [family]
        levels: dict[str, Level] = {}
        for name, row in zip(titles, rows):
            level = levels.get(name)
            if level is None:
                level = Level(name, doc, title.headings[-1], list(codes), blocks=list(shared))
                levels[name] = level
            level.blocks.append(row)
        return list(levels.values())
    return []
