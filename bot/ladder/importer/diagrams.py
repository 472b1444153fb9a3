"""Career paths drawn as a Mermaid flowchart (a ```mermaid block in a Markdown page,
as GitHub draws it): which level leads to which, and where a path branches ("Senior
Engineer -> Principal Engineer" and "Senior Engineer -> Lead Engineer").

Mermaid has no parser on PyPI worth depending on, and a flowchart statement is a
short line of node ids, shapes and arrows: this reads those tokens one by one. A
legend that labels one arrow style as the career path (`B -.->|Career Pathway| C`)
keeps that style only; the others ("Reports To") are not steps of a path. Arrows to
or from a subgraph (a group of nodes) are left out: they join groups, not levels.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADERS = ("flowchart", "graph")
IGNORED = ("direction", "classdef", "class ", "style ", "linkstyle", "click ", "%%")
OPENING = {"[": "]", "(": ")", "{": "}", ">": "]"}
LINK_CHARS = set("-.=<>ox")
PATH_WORDS = ("career", "path", "progress", "promot", "grow", "next step")
LEGENDS = ("legend", "key", "where")


@dataclass(frozen=True)
class Edge:
    source: str  # node ids
    target: str
    style: str  # "solid", "dotted" or "thick"
    label: str = ""
    in_legend: bool = False


def is_flowchart(text: str) -> bool:
    first = text.strip().split(None, 1)[:1]
    return bool(first) and first[0].lower() in HEADERS


def career_steps(text: str) -> list[tuple[str, str]]:
    """(from, to) pairs of node labels along the career path the flowchart draws."""
    labels: dict[str, str] = {}
    groups: set[str] = set()
    edges: list[Edge] = []
    legend_depth = depth = 0
    for raw in text.splitlines():
        line = raw.strip()
        low = line.lower()
        if not line or low.startswith(IGNORED) or low.split(None, 1)[0] in HEADERS:
            continue
        if low.startswith("subgraph"):
            depth += 1
            rest = line[len("subgraph") :].strip()
            name, title = _node(rest, 0)[:2]
            groups.add(name)
            if not legend_depth and any(w in (title or name).lower() for w in LEGENDS):
                legend_depth = depth
            continue
        if low == "end":
            if legend_depth == depth:
                legend_depth = 0
            depth = max(0, depth - 1)
            continue
        edges += _statement(line, labels, bool(legend_depth))
    styles = _career_styles(edges)
    return [
        (labels.get(e.source, e.source), labels.get(e.target, e.target))
        for e in edges
        if not e.in_legend
        and e.style in styles
        and e.source not in groups
        and e.target not in groups
    ]


def _career_styles(edges: list[Edge]) -> set[str]:
    """The arrow styles of the career path: the one a legend labels so, else all."""
    named = {e.style for e in edges if e.label and any(w in e.label.lower() for w in PATH_WORDS)}
    return named or {e.style for e in edges}


def _statement(line: str, labels: dict[str, str], in_legend: bool) -> list[Edge]:
    """The edges of one statement: "a[Label] -.-> b", "a --> b --> c", "a & b --> c"."""
    edges: list[Edge] = []
    previous: list[str] = []
    current: list[str] = []
    link: tuple[str, str] | None = None
    i = 0
    while i < len(line):
        ch = line[i]
        if ch.isspace() or ch == "&":
            i += 1
        elif ch in LINK_CHARS and line[i : i + 2] not in ("o ", "x ") and _is_link(line, i):
            if current:
                edges += _joined(previous, current, link, in_legend)
                previous, current = current, []
            j = i
            while j < len(line) and line[j] in LINK_CHARS:
                j += 1
            style = "dotted" if "." in line[i:j] else "thick" if "=" in line[i:j] else "solid"
            label = ""
            k = j
            while k < len(line) and line[k].isspace():
                k += 1
            if k < len(line) and line[k] == "|":
                end = line.find("|", k + 1)
                label, j = (line[k + 1 : end], end + 1) if end > k else ("", j)
            link = (style, label.strip())
            i = j
        else:
            name, label, i = _node(line, i)
            if not name:
                i += 1
                continue
            if label:
                labels[name] = label
            current.append(name)
    if current:
        edges += _joined(previous, current, link, in_legend)
    return edges


def _is_link(line: str, i: int) -> bool:
    """An arrow or a line starts here: two link characters or more, not a hyphen inside
    a name ("front-end")."""
    j = i
    while j < len(line) and line[j] in LINK_CHARS:
        j += 1
    run = line[i:j]
    return len(run) >= 2 and any(c in run for c in "-=")


def _joined(previous, current, link, in_legend: bool) -> list[Edge]:
    if not previous or link is None:
        return []
    style, label = link
    return [Edge(a, b, style, label, in_legend) for a in previous for b in current]


def _node(line: str, i: int) -> tuple[str, str, int]:
    """A node id at i, its shape's text if it has one, and where it ends."""
    j = i
    while j < len(line) and not line[j].isspace() and line[j] not in "[({>&|":
        if line[j] in LINK_CHARS and _is_link(line, j):
            break
        j += 1
    name = line[i:j]
    if j < len(line) and line[j] in OPENING:
        opening = j
        while j < len(line) and line[j] in "[({>":
            j += 1
        closing = OPENING[line[opening]]
        end = line.find(closing, j)
        if end == -1:
            return name, line[j:].strip(" \"'"), len(line)
        label = line[j:end].strip(" \"'")
        j = end
        while j < len(line) and line[j] in ")]}":
            j += 1
        return name, label, j
    return name, "", j
