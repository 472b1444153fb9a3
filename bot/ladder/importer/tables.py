"""Competency matrices inside a page. An HTML or Markdown table whose first row names
levels (a column per level, a row per competency) or whose first columns do (a row per
level, a column per competency) becomes what matrix.py makes of a spreadsheet: per
level, a heading marked as a level, and each cell's items under a competency heading.

A table of levels and codes ("Engineer 1 | IC2 | ...") is not a matrix: its cells are
names, not sentences, and it stays rows (levels.py reads the codes from it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .documents import Block, Heading, anchor_of
from .levels import is_code, parse_level

MIN_LEVELS = 2  # rows naming levels
# columns naming levels: two roles side by side ("Area | Senior Engineer | Engineering
# Manager") compare them; a matrix runs along a path
MIN_COLUMNS = 3
CELL_WORDS = 4  # a matrix's cells say what a level does: a few words at least, on average


@dataclass(frozen=True)
class Cell:
    text: str
    items: tuple[str, ...] = ()  # the list items a cell holds, when it holds a list
    linked: bool = False  # the cell is a link ("[Staff Engineer](ic.md#b40-staff)")


def matrix_blocks(rows: list[list[Cell]], headings: list[Heading], line: int) -> list[Block]:
    """The blocks of a competency matrix, or [] when the table is not one."""
    if not rows:
        return []
    # the header stays the first row, even empty; empty rows below it say nothing
    rows = rows[:1] + [r for r in rows[1:] if any(c.text for c in r)]
    if len(rows) < 2:
        return []
    by_column = _levels_by_column(rows)
    if by_column:
        return _emit(by_column, headings, line)
    by_row = _levels_by_row(rows)
    return _emit(by_row, headings, line) if by_row else []


Column = tuple[str, list[tuple[str, Cell]]]  # (a level's name, [(competency, cell)])


def _levels_by_column(rows: list[list[Cell]]) -> list[Column]:
    """The first row names levels after one or two columns naming the competency."""
    header = rows[0]
    columns = [i for i, c in enumerate(header) if i > 0 and parse_level(c.text)]
    labels = [i for i in range(len(header)) if i not in columns]
    if len(columns) < MIN_COLUMNS or len(labels) > 2 or labels != list(range(len(labels))):
        return []
    cells = [r[i] for r in rows[1:] for i in columns if i < len(r)]
    if not _wordy(cells):
        return []
    out: list[Column] = []
    for i in columns:
        competencies = []
        for row in rows[1:]:
            name = " - ".join(c.text for c in row[: len(labels)] if c.text)
            if i < len(row) and row[i].text and name:
                competencies.append((name, row[i]))
        out.append((header[i].text, competencies))
    return out


def _levels_by_row(rows: list[list[Cell]]) -> list[Column]:
    """The first one or two cells of each row name a level (a title, a code or both),
    the first row names the competencies of the other columns."""
    header = rows[0]
    out: list[Column] = []
    naming: set[int] = set()
    numbered = _numbered_by(header[0].text) if header else ""
    for row in rows[1:]:
        title = next(
            (i for i, c in enumerate(row[:2]) if parse_level(c.text) and not is_code(c.text)),
            None,
        )
        code = next((i for i, c in enumerate(row[:2]) if is_code(c.text)), None)
        number = row[0].text.strip() if row else ""
        if title is None and code is None and numbered and number.isdigit() and len(number) <= 2:
            # "Level/Skill" over rows "1", "2"...: the levels are numbered, "Level 1"...
            naming.add(0)
            out.append((f"{numbered} {number}", []))
            continue
        if title is None and code is None:
            return []
        naming |= {i for i in (title, code) if i is not None}
        if title is not None and code is not None and code != title:
            name = f"{row[title].text} ({row[code].text})"
        else:
            name = row[title if title is not None else code].text
        out.append((name, []))
    if len(out) < MIN_LEVELS:
        return []
    linked = sum(any(row[i].linked for i in naming if i < len(row)) for row in rows[1:])
    if linked * 2 > len(rows) - 1:
        return []  # an index of levels described elsewhere: its rows link to them
    columns = [i for i in range(len(header)) if i not in naming and header[i].text]
    cells = [r[i] for r in rows[1:] for i in columns if i < len(r)]
    if not columns or not _wordy(cells):
        return []
    for (_, competencies), row in zip(out, rows[1:]):
        competencies += [(header[i].text, row[i]) for i in columns if i < len(row) and row[i].text]
    return out


NUMBERED_BY = {"level": "Level", "levels": "Level", "grade": "Grade", "band": "Band"}


def _numbered_by(text: str) -> str:
    """ "Level" for a first header cell such as "Level", "Levels" or "Level/Skill": the
    word the rows' bare numbers are levels of; "" for any other."""
    first = "".join(ch if ch.isalpha() else " " for ch in text).split()[:1]
    return NUMBERED_BY.get(first[0].lower(), "") if first else ""


def _wordy(cells: list[Cell]) -> bool:
    """Cells of sentences, not of names or numbers (a table of titles and codes)."""
    said = [len(c.text.split()) for c in cells if c.text]
    return bool(said) and sum(said) / len(said) >= CELL_WORDS


def _emit(levels: list[Column], headings: list[Heading], line: int) -> list[Block]:
    """A heading marked as a level per level, below the page's current section, and
    under it a heading per competency with the cell's items."""
    depth = headings[-1].level if headings else 1
    blocks: list[Block] = []
    for name, competencies in levels:
        level = Heading(depth + 1, name, anchor_of(name), is_level=True)
        blocks.append(Block("heading", name, (*headings, level), line=line))
        for competency, cell in competencies:
            sub = Heading(depth + 2, competency, anchor_of(competency))
            path = (*headings, level, sub)
            blocks.append(Block("heading", competency, path, line=line))
            for item in cell.items or (cell.text,):
                blocks.append(Block("bullet", item, path, line=line))
    return blocks
