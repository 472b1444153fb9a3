"""From documents to a ladder: which headings and pages are levels, merged and
cleaned, then the roles (roles.py), tracks (grouping.py, tracks.py) and facts
(filing.py), as plain data (draft.py) the writer turns into YAML (writer.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

from ...text import normalise
from .diagrams import career_steps
from .documents import Document
from .draft import Ladder, competency_of, level_name
from .filing import file_ladder_wide, file_repeated, place
from .grouping import groups
from .job_titles import job_title_levels
from .levels import (
    INDEX_PAGES,
    Level,
    add_code,
    code_key,
    find_levels,
    link_target,
    read_indexes,
)
from .placing import Placer, TopicGuesser, fact_texts
from .roles import make_roles, other_names
from .tracks import Track, build_tracks, paths_drawn, slug


def build(documents: list[Document], placer: Placer, guesser: TopicGuesser) -> Ladder:
    source_ids = _source_ids(documents)
    found: list[Level] = []
    structured = {  # level headings, or pages whose front matter says they are levels
        doc.name
        for doc in documents
        if any(lv.heading or lv.order is not None for lv in find_levels(doc, False))
    }
    for doc in documents:
        levels = find_levels(doc, articles=not structured)
        if len(levels) == 1 and levels[0].heading is None:
            levels = job_title_levels(doc) or levels  # "# Engineer" with its titles' table
        for level in levels:
            if level.declared_track:  # "track: technical": that track of its folder
                level.track = f"{_folder(doc)}/{level.declared_track}"
            else:
                level.track = doc.name if level.heading is not None else _folder(doc)
        found += levels
    retitled = read_indexes(documents, found)
    found = _acronyms_as_variants(_without_indexes(found))
    levels = _merge_same_titles(found)
    ladder = Ladder(documents, [], [], {}, placer, source_ids, guesser)
    ladder.notes += retitled
    ladder.empty = [level_name(lv) for lv in levels if not _has_content(lv)]
    levels = [lv for lv in levels if _has_content(lv)]
    drawn = [step for doc in documents for chart in doc.diagrams for step in career_steps(chart)]
    ladder.tracks = paths_drawn(build_tracks(groups(documents, levels, ladder)), drawn)
    levels = _described_twice(levels, ladder.tracks)
    definitions = _label_definitions(documents, levels)
    shared = _shared_labels(levels) | _shared_headings(levels)
    ladder.roles = make_roles(levels)
    file_repeated(ladder, levels)
    for role in ladder.roles:
        place(role, ladder, definitions, shared)
    file_ladder_wide(ladder, levels, definitions)
    other_names(ladder)
    return ladder


INDEXED = 3  # level pages a page links to to be their index ("previous", "next": two)


def _acronyms_as_variants(levels: list[Level]) -> list[Level]:
    """ "Principal Engineer (IC)" and "Principal Engineer (EM)": one title, two
    variants, not two codes; "Software Engineer (SE)" alone keeps its code."""
    by_title: dict[str, list[Level]] = {}
    for level in levels:
        by_title.setdefault(normalise(level.title), []).append(level)
    for same in by_title.values():
        if len(same) < 2 or any(lv.variant for lv in same):
            continue
        letters = [[c for c in lv.codes if c.isalpha() and c.isupper()] for lv in same]
        if all(len(found) == 1 for found in letters) and len({f[0] for f in letters}) == len(same):
            for level, (code,) in zip(same, letters):
                level.codes.remove(code)
                level.variant = code
    return levels


def _without_indexes(levels: list[Level]) -> list[Level]:
    """A page that links to three level pages or more is the index of a path
    ("Engineer Track" listing its levels), not an article about a role its title
    names; its text is about the ladder."""
    pages = {lv.doc.name for lv in levels if lv.heading is None}
    out = []
    for level in levels:
        if level.heading is None:
            linked = {
                link_target(level.doc, href, pages)[0]
                for b in level.doc.blocks
                for _, href in b.links
            }
            if len((linked & pages) - {level.doc.name}) >= INDEXED:
                continue
        out.append(level)
    return out


def _folder(doc: Document) -> str:
    """The folder a page's level belongs to, as a track: a site's index page
    ("engineering/senior-engineer/index.html") belongs to the folder above its own."""
    path = PurePosixPath(doc.name)
    if path.stem.lower() in INDEX_PAGES and path.parent.name:
        path = path.parent
    parent = str(path.parent) if str(path.parent) != "." else ""
    return f"folder:{parent}"


def _source_ids(documents: list[Document]) -> dict[str, str]:
    out: dict[str, str] = {}
    for doc in documents:
        base = slug(doc.name.rsplit(".", 1)[0])[:40]
        ident, n = base, 2
        while ident in out.values():
            ident, n = f"{base}-{n}", n + 1
        out[doc.name] = ident
    return out


def _merge_same_titles(levels: list[Level]) -> list[Level]:
    """Two articles about one role ("What is a Senior Backend Engineer?" twice): one
    level holding both."""
    out: list[Level] = []
    by_key: dict[tuple, Level] = {}
    for level in levels:
        column = level.heading is not None and level.heading.is_level
        # a page's matrices each have a column per level: one level, all its cells
        kind = "page" if level.heading is None else f"column:{level.doc.name}" if column else ""
        key = (normalise(level.title), level.variant, kind)
        if kind and key in by_key:
            by_key[key].blocks += level.blocks
            by_key[key].codes += [c for c in level.codes if c not in by_key[key].codes]
            continue
        by_key.setdefault(key, level)
        out.append(level)
    return out


def _described_twice(levels: list[Level], tracks: list[Track]) -> list[Level]:
    """One level written up on two pages under one title and code ("Director of
    Engineering" on the managers' path, and again on the senior managers' page, both
    "Manager 7"): one role, on both paths, holding both write-ups. Same titles without
    a code in common (a "Lead Engineer" on two tracks) stay two levels."""
    kept: dict[tuple[str, str], Level] = {}
    out: list[Level] = []
    starts = {id(t.levels[0]) for t in tracks if t.levels}
    for level in levels:
        key = (normalise(level.title), level.variant)
        first = kept.get(key)
        if (
            first is None
            or first.doc is level.doc
            or not _code_in_common(first, level)
            # where one page's path ends up, the next page's starts: not two pages
            # of parallel paths (checkout's and billing's own "Senior Engineer (L5)")
            or (id(first) in starts) == (id(level) in starts)
        ):
            kept.setdefault(key, level)
            out.append(level)
            continue
        first.blocks += level.blocks
        for code in level.codes:
            add_code(first, code)
        first.summaries += [s for s in level.summaries if s not in first.summaries]
        for track in tracks:
            track.levels = [first if lv is level else lv for lv in track.levels]
            if track.branch is level:
                track.branch = first
    return out


def _code_in_common(one: Level, other: Level) -> bool:
    return bool({code_key(c) for c in one.codes} & {code_key(c) for c in other.codes})


def _has_content(level: Level) -> bool:
    return bool(level.summaries) or any(fact_texts(b) for b in level.blocks)


def _label_definitions(documents, levels) -> dict[str, str]:
    """Bold lead-ins the framework defines elsewhere: "Adopts" is listed under the
    heading "Technology" of its levels page, so a level's "Adopts: ..." is technology."""
    inside = {id(b) for lv in levels for b in lv.blocks}
    used = {normalise(b.label) for lv in levels for b in lv.blocks if b.label}
    out: dict[str, str] = {}
    for doc in documents:
        for block in doc.blocks:
            said = normalise(block.label)
            # only a lead-in the levels use: "**Guild lead** for one of the guilds" on
            # a page about leading without a title is a fact of its own
            if block.label and said in used and id(block) not in inside and block.headings:
                heading = block.headings[-1].text
                if normalise(heading) != said:
                    out.setdefault(said, heading)
    return out


LABELLED_WORDS = 3  # "Years of Experience: 4+" is a fact with a label, not a competency


def _shared_labels(levels: list[Level]) -> set[str]:
    """Lead-ins several levels use ("Impact:", "Scope:"): competencies by name."""
    seen: dict[str, set[int]] = {}
    for i, level in enumerate(levels):
        for block in level.blocks:
            said = len(block.text.split()) - len(block.label.split())
            if block.label and len(block.label.split()) <= 3 and said >= LABELLED_WORDS:
                seen.setdefault(normalise(block.label), set()).add(i)
    return {label for label, where in seen.items() if _most(where, levels)}


COMPETENCY_WORDS = 5  # a competency is named in a few words ("Team Work")


def _shared_headings(levels: list[Level]) -> set[str]:
    """Headings inside levels that several levels use ("Communication" under every
    level): competencies, each a topic of its own when no built-in one covers it. An
    article's own section headings ("Ensuring High Performance") are not."""
    seen: dict[str, set[int]] = {}
    for i, level in enumerate(levels):
        for block in level.blocks:
            heading = competency_of(block, level)
            if heading and len(heading.split()) <= COMPETENCY_WORDS:
                seen.setdefault(normalise(heading), set()).add(i)
    return {h for h, where in seen.items() if _most(where, levels)}


def _most(where: set[int], levels: list[Level]) -> bool:
    """Used by two levels or more, and by more than half of them; or a matrix's row
    used by three columns or more (one track's matrix, beside another track's)."""
    if len(where) >= 2 and len(where) * 2 > len(levels):
        return True
    columns = all(levels[i].heading is not None and levels[i].heading.is_level for i in where)
    return columns and len(where) >= COMMON_TO


COMMON_TO = 3
