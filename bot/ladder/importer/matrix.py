"""Competency matrices: a spreadsheet (CSV, or XLSX read with openpyxl) with one row per
competency and one column per level, as spreadsheets are usually exported, the
Financial Times' engineering-progression YAML (levels, themes, competencies), and
Monzo's progression-framework format (topics, each with criteria per level), kept in
a page's front matter or a YAML file of its own.

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


def _cell(doc: Document, heading: list[Heading], competency: str, text: str, examples=()) -> None:
    """A competency at a level: its text, then what it looks like in practice (the
    FT's `examples`: "Comfortable in senior meetings, TLG, TGG") and how proficient the
    level is expected to be ("Proficiency: Working knowledge"), each a fact."""
    sub = Heading(3, competency, anchor_of(competency))
    path = (*heading, sub)
    doc.blocks.append(Block("heading", competency, path))
    pieces = [clean(p) for p in _NUMBERED.split(text) if clean(p)] or [clean(text)]
    for piece in pieces:
        doc.blocks.append(Block("para", piece, path))
    doc.blocks.extend(Block("bullet", clean(e), path) for e in examples if clean(e))


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
            examples = [str(e) for e in item.get("examples") or () if isinstance(e, str)]
            if isinstance(item.get("proficiency"), str) and item["proficiency"].strip():
                examples.append(f"Proficiency: {item['proficiency']}")
            if item.get("summary"):
                _cell(doc, heading, theme, str(item["summary"]), examples)
    return doc


def is_topics_matrix(data) -> bool:
    """Monzo's format: `topics`, each listing its `content` by `level`."""
    topics = data.get("topics") if isinstance(data, dict) else None
    return isinstance(topics, list) and any(
        isinstance(t, dict) and isinstance(t.get("content"), list) for t in topics
    )


def _words_only(text: str) -> str:
    """A title without the emoji a web page decorates it with ("🛠️ Mastery")."""
    text = clean(text)
    while text and not text[0].isalnum():
        text = text[1:]
    return text.strip()


def read_topics_matrix(doc: Document, data: dict) -> Document:
    """A heading per level ("Level 1"...), a competency heading per topic under it, and
    the topic's criteria at that level (an example criterion's own words; the examples
    of it are illustrations, not expectations)."""
    title = _words_only(str(data.get("title") or doc.path.stem)) or "Levels"
    top = Heading(1, title, anchor_of(title))
    doc.blocks.append(Block("heading", title, (top,)))
    by_level: dict[int, list[tuple[str, list[str]]]] = {}
    for topic in data["topics"]:
        if not isinstance(topic, dict) or not isinstance(topic.get("content"), list):
            continue
        name = _words_only(str(topic.get("title") or topic.get("name") or ""))
        name = name[:1].upper() + name[1:] if name else "Competencies"
        for entry in topic["content"]:
            if not isinstance(entry, dict) or not str(entry.get("level", "")).isdigit():
                continue
            said = [str(c) for c in entry.get("criteria") or () if isinstance(c, str)]
            said += [
                str(e["criteria"])
                for e in entry.get("exampleCriteria") or ()
                if isinstance(e, dict) and isinstance(e.get("criteria"), str)
            ]
            if said:
                by_level.setdefault(int(entry["level"]), []).append((name, said))
    for number in sorted(by_level):
        name = f"Level {number}"
        heading = [top, Heading(2, name, anchor_of(name), is_level=True)]
        doc.blocks.append(Block("heading", name, tuple(heading)))
        for competency, criteria in by_level[number]:
            sub = Heading(3, competency, anchor_of(competency))
            path = (*heading, sub)
            doc.blocks.append(Block("heading", competency, path))
            doc.blocks.extend(Block("bullet", clean(c), path) for c in criteria if clean(c))
    return doc


def read_yaml_ladder(doc: Document) -> Document:
    try:
        data = yaml.safe_load(read_text(doc.path))
    except yaml.YAMLError as exc:
        raise ImportInputError(f"{doc.path}: not YAML ({str(exc).splitlines()[0]})") from None
    if is_topics_matrix(data):
        return read_topics_matrix(doc, data)
    if not is_progression_yaml(data):
        raise ImportInputError(
            f"{doc.path}: YAML, but not a progression framework (levels, themes and "
            "competencies; or topics with criteria per level)"
        )
    return read_progression_yaml(doc, data)
