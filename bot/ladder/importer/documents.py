"""A company's documents, read into one shape whatever their format: a Document is a
list of Blocks (a heading, a paragraph, a bullet, a table row), each knowing the
headings it sits under, a bold lead-in label ("**Impact:** ...") and its links.

Each format is read by the parser its ecosystem trusts (markdown.py, html.py,
plaintext.py); competency matrices (CSV, XLSX, the FT's YAML) are read by matrix.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

MAX_BYTES = 5_000_000  # a ladder document is a few pages; anything bigger is not one


class ImportInputError(Exception):
    """Input the importer cannot use: one line naming the file, exit status 2."""


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for "#", 2 for "##"...
    text: str
    anchor: str  # what a link to it says after "#": "d1---developer-1"
    is_level: bool = False  # a matrix's column: a level, whatever its name looks like


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "para", "bullet", "row"
    text: str  # plain text, markup out, the label left in ("Impact: ...")
    headings: tuple[Heading, ...]  # the headings it sits under, outermost first
    label: str = ""  # a bold lead-in: "Adopts" of "**Adopts**: actively learns ..."
    links: tuple[tuple[str, str], ...] = ()  # (text, target)
    cells: tuple[str, ...] = ()  # a table row's cells
    header: tuple[str, ...] = ()  # ...and its table's header cells
    depth: int = 0  # nesting of a bullet: 0 for a top-level item
    line: int = 0
    under: str = ""  # the bare label of the item a bullet is nested in: "Beginner"
    # the sentence a list's item only finishes ("The framework helps engineers and
    # managers:" before "- make development and career plans")
    intro: str = ""


@dataclass
class Document:
    path: Path
    name: str  # as the report shows it: relative to what was imported
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict | None = None  # YAML front matter of a Markdown page, if any
    diagrams: list[str] = field(default_factory=list)  # Mermaid flowcharts it draws

    @property
    def title(self) -> str:
        first = next(
            (b for b in self.blocks if b.kind == "heading" and b.headings[-1].level == 1), None
        )
        if first is not None:
            return first.text
        stem = self.path.stem.replace("-", " ").replace("_", " ")
        return stem[:1].upper() + stem[1:]


def anchor_of(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation out, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def read_text(path: Path) -> str:
    """A document's text: refused when too big, empty, binary or not UTF-8."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportInputError(f"{path}: {size // 1_000_000} MB is too big for a ladder document")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ImportInputError(f"{path}: a binary file, not a document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportInputError(f"{path}: not UTF-8 text") from None
    if not text.strip():
        raise ImportInputError(f"{path}: empty")
    return text


def clean(text: str) -> str:
    """Runs of white space folded, stray markup characters off the ends."""
    text = " ".join(text.replace("\u200b", "").split())
    return text.strip(" *_|")


def read_document(path: Path, name: str) -> Document:
    """A document by what it is: Markdown, HTML, plain text, CSV, XLSX or a
    progression framework's YAML."""
    from .html import read_html
    from .markdown import read_markdown
    from .matrix import read_csv, read_xlsx, read_yaml_ladder
    from .plaintext import read_plaintext

    document = Document(path, name)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        if path.stat().st_size > MAX_BYTES:
            raise ImportInputError(f"{path}: too big for a ladder workbook")
        return read_xlsx(document, path)
    if suffix in (".yaml", ".yml"):
        return read_yaml_ladder(document)
    text = read_text(path)
    if suffix == ".csv":
        return read_csv(document, text)
    if suffix in (".md", ".markdown"):
        document = read_markdown(document, text)
    elif suffix in (".html", ".htm", ".vue"):  # a Vue page: its <template> is HTML
        document = read_html(document, text, vue=suffix == ".vue")
    else:
        document = read_plaintext(document, text)
    document.blocks = introduced(document.blocks)
    return document


def _last_sentence(text: str) -> str:
    """A paragraph's last sentence, split as the facts are ("e.g." ends none)."""
    from .placing import sentence_pieces

    pieces = sentence_pieces(text)
    return pieces[-1].strip() if pieces else ""


def introduced(blocks: list[Block]) -> list[Block]:
    """Each top-level item of a list that only finishes the sentence before it (a
    paragraph ending "... helps engineers and managers:", an item starting in lower
    case, "make development and career plans") with that sentence as its intro."""
    out, intro = [], ""
    for block in blocks:
        if block.kind == "para":
            text = block.text.rstrip()
            intro = _last_sentence(text) if text.endswith(":") else ""
        elif block.kind != "bullet":
            intro = ""
        elif intro and block.depth == 0 and block.text[:1].islower() and not block.label:
            block = replace(block, intro=intro)
        out.append(block)
    return out


SUFFIXES = (".md", ".markdown", ".html", ".htm", ".vue", ".txt", ".csv", ".xlsx", ".yaml", ".yml")


BARE_LABEL_WORDS = 3


def bare_label(text: str) -> bool:
    """A list item that only names what the items nested in it are ("Beginner",
    "Leading Expert"), not a sentence of its own."""
    return 0 < len(text.split()) <= BARE_LABEL_WORDS and not text.rstrip().endswith((".", ":", "?"))
