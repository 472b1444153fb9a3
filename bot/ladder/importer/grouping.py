"""Which levels make a track, and in what order: a page's levels (a track per
section when it has sections of its own), or a folder's pages (ordered by the index
page that links them all, else by numbers, else by level words; split in two where
the titles turn from makers' to managers')."""

from __future__ import annotations

from .documents import Document, Heading
from .draft import level_name
from .levels import Level, link_target


def groups(documents, levels, ladder) -> list[tuple[str, list[Level], str]]:
    """(title, levels, how ordered) per track, in document order."""
    groups: list[tuple[str, list[Level], str]] = []
    for doc in documents:
        mine = [lv for lv in levels if lv.track == doc.name]
        sections = _sections(doc, mine)
        if len(sections) > 1:
            groups += [(title, group, "the documents' order") for title, group in sections]
        elif mine:
            groups.append((_track_title(doc, mine), mine, "the documents' order"))
    folders = list(dict.fromkeys(lv.track for lv in levels if lv.track.startswith("folder:")))
    for folder in folders:
        mine = [lv for lv in levels if lv.track == folder]
        ordered, how = _order(mine, documents)
        name = folder.split(":", 1)[1].rsplit("/", 1)[-1]
        title = name.replace("-", " ").replace("_", " ").strip().capitalize() or "Levels"
        if how != "the documents' order":
            ladder.notes.append(f"Track {title!r} is ordered by {how}: check it.")
        makers, managers = _management_split(ordered)
        if makers and managers:
            groups.append(("Individual contributor", makers, how))
            groups.append(("Management", managers, how))
            ladder.notes.append(
                f"{title!r} is split in two tracks where its titles turn to managing "
                f"people ({level_name(managers[0])}): check it."
            )
            continue
        groups.append((title, ordered, how))
    return groups


def _sections(doc: Document, levels: list[Level]) -> list[tuple[str, list[Level]]]:
    """A page holding its levels under sections of their own ("## Individual
    Contributors", "## Engineering Management"): a track per section, when every
    level sits in one and each section holds two or more."""
    where: dict[int, tuple[Heading, ...]] = {}
    for block in doc.blocks:
        if block.kind == "heading":
            where.setdefault(id(block.headings[-1]), block.headings)
    out: dict[str, list[Level]] = {}
    for level in levels:
        path = where.get(id(level.heading), ()) if level.heading is not None else ()
        outer = [h for h in path[:-1] if h.level >= 2]
        if not outer:
            return []
        out.setdefault(outer[0].text, []).append(level)
    if len(out) < 2 or any(len(group) < 2 for group in out.values()):
        return []
    return list(out.items())


MANAGING = frozenset("manager director vp cto chief head president ciso cio".split())

# ...but a manager of a product, a programme or a project manages no people
NOT_PEOPLE = frozenset("product program programme project delivery release account".split())


def _manages_people(title: str) -> bool:
    words = title.lower().split()
    if "manager" in words and NOT_PEOPLE & set(words[: words.index("manager")]):
        return False
    return bool(MANAGING & set(words))


def _management_split(levels: list[Level]) -> tuple[list[Level], list[Level]]:
    """Pages of one folder that run from makers' titles to managers' ("Staff Engineer"
    then "Engineering Manager", "Director of Engineering"): two tracks, when each holds
    two levels or more and the titles never turn back."""
    managing = [_manages_people(lv.title) for lv in levels]
    if True not in managing:
        return [], []
    at = managing.index(True)
    if at < 2 or len(levels) - at < 2 or not all(managing[at:]):
        return [], []
    return levels[:at], levels[at:]


def _track_title(doc: Document, levels: list[Level]) -> str:
    return doc.title


def _order(levels: list[Level], documents: list[Document]) -> tuple[list[Level], str]:
    """Levels from pages of their own: in the order an index page links them, else by
    number, else by the level words of their titles."""
    names = {lv.doc.name for lv in levels}
    wanted = {n.lower() for n in names}
    best: dict[str, int] = {}
    for doc in documents:  # the page linking to the most of them: the index
        rank: dict[str, int] = {}
        for block in doc.blocks:
            for _, href in block.links:
                name, _ = link_target(doc, href, names)
                if name.lower() in wanted:
                    rank.setdefault(name.lower(), len(rank))
        if len(rank) > len(best):
            best = rank
    rank = best
    linked = [lv for lv in levels if lv.doc.name.lower() in rank]
    if len(linked) == len(levels) and len(levels) > 1:
        return sorted(levels, key=lambda lv: rank[lv.doc.name.lower()]), "an index page's links"
    if all(lv.number is not None for lv in levels) and len(levels) > 1:
        return sorted(levels, key=lambda lv: lv.number), "level numbers"
    if len(levels) > 1:
        return sorted(levels, key=lambda lv: lv.rank), "the level words of the titles"
    return levels, "the documents' order"
