"""HTML exports (Confluence, Google Docs, Notion, a handbook page), read with
BeautifulSoup: headings h1-h6 (and <summary> of a <details>), paragraphs, list
items with a bold lead-in, table rows and links. Scripts, styles and navigation
carry no facts and are left out."""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from .documents import Block, Document, Heading, anchor_of, clean
from .tables import Cell, matrix_blocks

_SKIP = {"script", "style", "nav", "footer", "header", "noscript", "svg", "head"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {"p", "li", "tr", "summary", "dd", "dt", "blockquote"}


def _text(tag: Tag, skip_lists: bool = False) -> str:
    """A tag's text; a list item's without the lists nested in it (their items are
    blocks of their own)."""
    if not skip_lists:
        return clean(tag.get_text(" "))
    parts = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif child.name not in ("ul", "ol"):
            parts.append(child.get_text(" "))
    return clean(" ".join(parts))


def _label(tag: Tag) -> str:
    """The bold lead-in of a list item or paragraph: <li><strong>Impact:</strong> ..."""
    for child in tag.children:
        if isinstance(child, NavigableString):
            if child.strip():
                return ""
            continue
        if child.name in ("strong", "b"):
            return clean(child.get_text(" ")).rstrip(":").strip()
        if child.name in ("em", "i", "span") and child.find(["strong", "b"]):
            return _label(child)
        return ""
    return ""


def _cells(table: Tag) -> list[list[Cell]]:
    """A table's rows of cells, each with the list items it holds."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a table inside a cell
        row = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            items = tuple(t for li in cell.find_all("li") if (t := _text(li, skip_lists=True)))
            text = clean(cell.get_text(" "))
            link = cell.find("a")
            linked = link is not None and clean(link.get_text(" ")) == text
            row.append(Cell(text, items, linked))
        rows.append(row)
    return rows


def read_html(
    document: Document, text: str, headings: list[Heading] | None = None, vue: bool = False
) -> Document:
    """Blocks of an HTML page; `headings`: the sections it sits in (HTML inside a
    Markdown page), which its own headings continue. `vue`: a Vue page, whose markup is
    in <template>s (elsewhere a <template> is markup a script may show, not the page)."""
    soup = BeautifulSoup(text, "html.parser")
    while vue and (tag := soup.find("template")) is not None:
        # BeautifulSoup keeps a template's text apart from the page's: read it again as
        # the page itself, outermost first, then those nested in it (v-if, #footer)
        tag.replace_with(BeautifulSoup(tag.decode_contents(), "html.parser"))
    for tag in soup.find_all(_SKIP):
        tag.decompose()
    for tag in soup.find_all("a", href=True):
        if tag["href"].startswith("#") and not any(c.isalnum() for c in tag.get_text()):
            tag.decompose()  # a heading's "¶" or "#" link to itself: no words of it
    headings = list(headings or [])
    matrices: dict[int, bool] = {}  # table -> read as a competency matrix
    for tag in soup.find_all(list(_HEADINGS) + list(_BLOCKS)):
        if any(p.name in _HEADINGS for p in tag.parents):
            continue
        table = tag.find_parent("table")
        if table is not None and id(table) not in matrices:
            line = getattr(table, "sourceline", 0) or 0
            found = matrix_blocks(_cells(table), headings, line)
            document.blocks += found
            matrices[id(table)] = bool(found)
        if table is not None and matrices[id(table)]:
            continue
        line = getattr(tag, "sourceline", 0) or 0
        if tag.name in _HEADINGS or tag.name == "summary":
            # a <details> holds its own section: its <summary> one level below the page's
            # section headings, and the headings inside it below that
            nested = sum(1 for p in tag.parents if p.name == "details")
            level = _HEADINGS[tag.name] + nested if tag.name in _HEADINGS else 2 + nested
            content = clean(tag.get_text(" "))
            if not content:
                continue
            headings = [h for h in headings if h.level < level]
            headings.append(Heading(level, content, tag.get("id") or anchor_of(content)))
            document.blocks.append(Block("heading", content, tuple(headings), line=line))
            continue
        if tag.name == "tr":
            cells = tuple(clean(c.get_text(" ")) for c in tag.find_all(["td", "th"]))
            if tag.find("th") and not tag.find("td"):
                continue  # a header row: the rows below carry it
            table = tag.find_parent("table")
            head = table.find("tr") if table else None
            header = tuple(clean(c.get_text(" ")) for c in head.find_all("th")) if head else ()
            links = tuple((clean(a.get_text(" ")), a.get("href", "")) for a in tag.find_all("a"))
            if any(cells):
                block = Block(
                    "row",
                    " | ".join(c for c in cells if c),
                    tuple(headings),
                    links=links,
                    cells=cells,
                    header=header,
                    line=line,
                )
                document.blocks.append(block)
            continue
        if tag.find_parent(["td", "th"]) or (tag.name == "p" and tag.find_parent("li")):
            continue  # read with its cell or list item
        content = _text(tag, skip_lists=tag.name == "li")
        if not content:
            continue
        label = _label(tag)
        if label and not content.startswith(label + ":"):
            rest = content[len(label) :].lstrip(" :–—-") if content.startswith(label) else content
            content = f"{label}: {rest}" if rest else label
        depth = sum(1 for p in tag.parents if p.name in ("ul", "ol")) - 1 if tag.name == "li" else 0
        links = tuple((clean(a.get_text(" ")), a.get("href", "")) for a in tag.find_all("a"))
        kind = "bullet" if tag.name == "li" else "para"
        document.blocks.append(
            Block(kind, content, tuple(headings), label, links, depth=max(depth, 0), line=line)
        )
    return document
