"""Markdown pages, read with markdown-it-py (CommonMark, with GitHub's tables):
headings, paragraphs, bullets with their bold lead-ins, table rows and links.
Pictures, raw HTML and code blocks carry no facts and are left out; YAML front
matter is kept aside, unless it holds a framework's matrix (Monzo's format)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml
from markdown_it import MarkdownIt

from .diagrams import is_flowchart
from .documents import Block, Document, Heading, anchor_of, bare_label, clean
from .matrix import is_topics_matrix, read_topics_matrix
from .tables import Cell, matrix_blocks

_FRONT = "---"
# A site generator's template tag, which CommonMark reads as text: Hugo's shortcodes
# ({{< card link="engineer" >}}, {{% note %}}), Jekyll's and Liquid's ({% include %},
# {{ page.title }}). They are the site's machinery, never the ladder's words.
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}")


def _front_matter(text: str) -> tuple[dict | None, str, int]:
    """(front matter, the rest, lines it took) when the page starts with `---`."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FRONT:
        return None, text, 0
    for i in range(1, len(lines)):
        if lines[i].strip() in (_FRONT, "..."):
            try:
                data = yaml.safe_load("\n".join(lines[1:i]))
            except yaml.YAMLError:
                return None, text, 0
            rest = "\n".join(lines[i + 1 :])
            return (data if isinstance(data, dict) else None), rest, i + 1
    return None, text, 0


def _inline(token) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """(text, bold lead-in label, links) of an inline token."""
    parts: list[tuple[str, bool]] = []  # (text, whether a code span)
    links: list[tuple[str, str]] = []
    label, in_label, leading, link = "", False, True, None
    for child in token.children or ():
        kind = child.type
        if kind == "strong_open" and leading:
            in_label = True
            continue
        if kind == "strong_close" and in_label:
            in_label = False
            leading = False
            continue
        if kind in ("em_open", "em_close", "strong_open", "strong_close"):
            continue
        if kind == "link_open":
            link = [child.attrs.get("href", ""), []]
            continue
        if kind == "link_close" and link is not None:
            links.append((clean("".join(link[1])), str(link[0])))
            link = None
            continue
        if kind in ("text", "code_inline"):
            content = child.content
        elif kind in ("softbreak", "hardbreak"):
            content = " "
        else:
            continue  # images, raw html
        if link is not None:
            link[1].append(content)
        if in_label:
            label += content
        else:
            if content.strip():
                leading = False
            parts.append((content, kind == "code_inline"))
    text = clean(_without_tags(parts)).lstrip(":–—- ").strip()
    label = clean(label).rstrip(":").strip()
    if label and text:
        # "**Team Lead ↔ Senior Engineer.** Same code": a sentence of its own, no colon
        text = f"{label} {text}" if label[-1] in ".!?" else f"{label}: {text}"
    elif label:
        text = label
    return text, label, tuple(links)


def _without_tags(parts: list[tuple[str, bool]]) -> str:
    """The inline text, a template tag left out of each run of plain text; a code span
    is kept as written ("`{{ .Values.image.tag }}`" is what the line is about)."""
    out, run = [], []
    for content, code in parts:
        if code:
            out += [_TEMPLATE_TAG.sub(" ", "".join(run)), content]
            run = []
        else:
            run.append(content)
    return "".join(out) + _TEMPLATE_TAG.sub(" ", "".join(run))


class _OpenTables(HTMLParser):
    """How many <table>s an HTML fragment leaves open."""

    def __init__(self) -> None:
        super().__init__()
        self.open = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.open += tag == "table"

    def handle_endtag(self, tag) -> None:
        self.open -= tag == "table" and self.open > 0


def _tables_joined(tokens: list) -> list:
    """CommonMark ends an HTML block at a blank line, so a <table> written with blank
    lines between its rows arrives in pieces: join the pieces of a table left open."""
    out: list = []
    for token in tokens:
        previous = out[-1] if out else None
        if token.type == "html_block" and previous is not None and previous.type == "html_block":
            opened = _OpenTables()
            opened.feed(previous.content)
            if opened.open:
                out[-1] = previous.copy(content=previous.content + "\n" + token.content)
                continue
        out.append(token)
    return out


def read_markdown(document: Document, text: str) -> Document:
    front, body, offset = _front_matter(text)
    document.front_matter = front
    md = MarkdownIt("commonmark").enable("table")
    tokens = _tables_joined(md.parse(body))
    headings: list[Heading] = []
    depth = -1
    row: list[str] = []
    row_linked: list[bool] = []
    header: tuple[str, ...] = ()
    in_head = False
    row_links: list[tuple[str, str]] = []
    pending = None  # the heading or list item the next inline token belongs to
    items: list[str] = []  # the list items the current one is nested in, outermost first
    in_cell = False
    table: list[list[Cell]] = []
    table_rows: list[Block] = []
    for token in tokens:
        line = (token.map[0] + 1 + offset) if token.map else 0
        kind = token.type
        if kind == "heading_open":
            pending = ("heading", int(token.tag[1]), line)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif kind == "list_item_open":
            pending = ("bullet", depth, line)
        elif kind == "paragraph_open" and pending is None:
            pending = ("para", 0, line)
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row, row_links, row_linked = [], [], []
        elif kind in ("th_open", "td_open"):
            in_cell = True
            row.append("")
            row_linked.append(False)
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "table_open":
            table, table_rows = [], []
        elif kind == "tr_close":
            table.append([Cell(c, linked=k) for c, k in zip(row, row_linked)])
            if in_head:
                header = tuple(row)
            elif any(row):
                block = Block(
                    "row",
                    " | ".join(c for c in row if c),
                    tuple(headings),
                    links=tuple(row_links),
                    cells=tuple(row),
                    header=header,
                    line=line,
                )
                table_rows.append(block)
        elif kind == "inline":
            content, label, links = _inline(token)
            if in_cell:
                row[-1] = content
                row_links.extend(links)
                row_linked[-1] = any(text == content for text, _ in links)
                continue
            if pending is None or not content:
                pending = None if pending and pending[0] != "bullet" else pending
                continue
            what, level, at = pending
            pending = None
            if what == "heading":
                while headings and headings[-1].level >= level:
                    headings.pop()
                headings.append(Heading(level, content, anchor_of(content)))
                document.blocks.append(Block("heading", content, tuple(headings), line=at))
            else:
                under = ""
                if what == "bullet":
                    del items[max(level, 0) :]
                    under = items[-1] if items and bare_label(items[-1]) else ""
                    items.append(content)
                block = Block(
                    what,
                    content,
                    tuple(headings),
                    label,
                    links,
                    depth=max(level, 0),
                    line=at,
                    under=under,
                )
                document.blocks.append(block)
        elif kind == "table_close":
            # a competency matrix, or rows of their own (a table of levels and codes)
            at = table_rows[0].line if table_rows else line
            document.blocks += matrix_blocks(table, headings, at) or table_rows
            header = ()
        elif kind == "fence" and token.info.strip().lower() == "mermaid":
            if is_flowchart(token.content):  # a career path drawn (diagrams.py)
                document.diagrams.append(token.content)
        elif kind == "html_block" and "<t" in token.content:
            # an HTML table inside the page (matrices are often written so)
            from .html import read_html

            read_html(document, token.content, headings)
    if is_topics_matrix(front):
        read_topics_matrix(document, front)  # after the prose, which is about them all
    return document
