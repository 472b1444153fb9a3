"""Competency matrices: a spreadsheet (CSV, or XLSX read with openpyxl) with one row per
competency and one column per level, as spreadsheets are usually exported, and the
Financial Times' engineering-progression YAML (levels, themes, competencies).

A matrix becomes a Document like any page: a heading per level (marked as a level,
so nothing has to guess), a heading per competency under it, and the cell's text."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import yaml

from .documents import Block, Document, Heading, ImportInputError, anchor_of, clean, read_text

_NUMBERED = re.compile(r"(?:^|\s)\d{1,2}\.\s+")  # "1. Writes tests ... 2. Uses tooling"


def _level_heading(doc: Document, name: str) -> list[Heading]:
    heading = Heading(2, name, anchor_of(name), is_level=True)
    doc.blocks.append(Block("heading", name, (heading,)))
    return [heading]


def _cell(doc: Document, heading: list[Heading], competency: str, text: str) -> None:
    sub = Heading(3, competency, anchor_of(competency))
    path = (*heading, sub)
    doc.blocks.append(Block("heading", competency, path))
    pieces = [clean(p) for p in _NUMBERED.split(text) if clean(p)] or [clean(text)]
    for piece in pieces:
        doc.blocks.append(Block("para", piece, path))


def from_rows(doc: Document, rows: list[list[str]]) -> Document:
    """Rows of a spreadsheet: the first non-empty one names the levels (after one or two
    columns naming the competency), each further one is a competency across them."""
    rows = [[clean(str(c or "")) for c in row] for row in rows]
    rows = [r for r in rows if any(r)]
    if len(rows) < 2:
        raise ImportInputError(f"{doc.path}: a matrix needs a row of levels and a competency")
    header = rows[0]
    labels = 1
    while (
        labels < len(header) - 1
        and not header[labels]
        and all(r[labels] for r in rows[1:] if len(r) > labels)
    ):
        labels += 1  # a second column naming the competency's area
    levels = [(i, name) for i, name in enumerate(header) if i >= labels and name]
    if not levels:
        raise ImportInputError(f"{doc.path}: its first row names no levels")
    for i, name in levels:
        heading = _level_heading(doc, name)
        for row in rows[1:]:
            competency = " - ".join(c for c in row[:labels] if c)
            if i < len(row) and row[i] and competency:
                _cell(doc, heading, competency, row[i])
    return doc


def read_csv(doc: Document, text: str) -> Document:
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else "excel"
    return from_rows(doc, list(csv.reader(io.StringIO(text), dialect)))


def read_xlsx(doc: Document, path: Path) -> Document:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ImportInputError(f"{path}: not a readable XLSX workbook ({exc})") from None
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    return from_rows(doc, rows)


def is_progression_yaml(data) -> bool:
    """The FT's format: `levels`, `themes` and `competencies` with a level each."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("levels"), list)
        and isinstance(data.get("competencies"), list)
    )


def read_progression_yaml(doc: Document, data: dict) -> Document:
    title = str(data.get("name") or doc.path.stem)
    top = Heading(1, title, anchor_of(title))
    doc.blocks.append(Block("heading", title, (top,)))
    if data.get("summary"):
        doc.blocks.append(Block("para", clean(str(data["summary"])), (top,)))
    themes = {
        t.get("id"): str(t.get("name") or t.get("id"))
        for t in data.get("themes") or ()
        if isinstance(t, dict)
    }
    for level in data["levels"]:
        if not isinstance(level, dict) or not level.get("id"):
            continue
        name = str(level.get("name") or level["id"])
        heading = [top, Heading(2, name, anchor_of(name), is_level=True)]
        doc.blocks.append(Block("heading", name, tuple(heading)))
        for item in data["competencies"]:
            if not isinstance(item, dict) or item.get("level") != level["id"]:
                continue
            theme = themes.get(item.get("theme"), str(item.get("theme") or "Competencies"))
            if item.get("summary"):
                _cell(doc, heading, theme, str(item["summary"]))
    return doc


def read_yaml_ladder(doc: Document) -> Document:
    try:
        data = yaml.safe_load(read_text(doc.path))
    except yaml.YAMLError as exc:
        raise ImportInputError(f"{doc.path}: not YAML ({str(exc).splitlines()[0]})") from None
    if not is_progression_yaml(data):
        raise ImportInputError(
            f"{doc.path}: YAML, but not a progression framework (levels, themes, competencies)"
        )
    return read_progression_yaml(doc, data)
