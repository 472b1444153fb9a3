"""From documents to a ladder: roles with their facts, tracks, ladder-wide facts and
new topics, as plain data the writer turns into YAML (writer.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...text import normalise
from .documents import Block, Document, Heading
from .levels import ROMAN, Level, find_levels, link_target, parse_level, read_index
from .names import aliases, head_noun, title_initials
from .placing import Placer, TopicGuesser, fact_texts
from .tracks import Track, build_tracks, slug

LEVEL_WORDS = frozenset(
    "junior senior staff principal lead intern apprentice associate distinguished middle mid "
    "trainee graduate".split()
)
GRADED = frozenset({"senior", "junior"})
# What a ladder says for everyone: how promotion, pay, hiring and learning work. A
# page's text on anything else, outside any level, is reported rather than guessed at.
LADDER_WIDE = frozenset({"progression", "salary", "hiring", "education"})
ABOUT_WORDS = 6  # a table row outside the levels is a fact about the ladder if this long
FAMILY_MAX = 8  # titles sharing a stem ("Senior Engineer 1", "... 2") name it as a code


@dataclass(eq=False)  # compared and hashed by identity
class Role:
    id: str
    title: str
    level: Level
    codes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)
    summary: tuple[str, str] | None = None  # (text, source id)
    facts: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)


@dataclass
class Ladder:
    documents: list[Document]
    roles: list[Role]
    tracks: list[Track]
    ladder_facts: dict[str, list[tuple[str, str]]]
    placer: Placer
    source_ids: dict[str, str]  # document name -> source id
    guesser: TopicGuesser | None = None
    cache: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # for the report
    unplaced: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # looked like a level, no content
    about: int = 0  # facts about how the ladder works, outside any level


def build(documents: list[Document], placer: Placer, guesser: TopicGuesser) -> Ladder:
    source_ids = _source_ids(documents)
    found: list[Level] = []
    structured = {
        doc.name for doc in documents if any(lv.heading for lv in find_levels(doc, False))
    }
    for doc in documents:
        levels = find_levels(doc, articles=not structured)
        for level in levels:
            level.track = doc.name if level.heading is not None else _folder(doc)
        found += levels
    for doc in documents:
        read_index(doc, found)
    found = _acronyms_as_variants(_without_indexes(found))
    levels = _merge_same_titles(found)
    ladder = Ladder(documents, [], [], {}, placer, source_ids, guesser)
    ladder.empty = [_named(lv) for lv in levels if not _has_content(lv)]
    levels = [lv for lv in levels if _has_content(lv)]
    ladder.tracks = build_tracks(_groups(documents, levels, ladder))
    definitions = _label_definitions(documents, levels)
    shared = _shared_labels(levels) | _shared_headings(levels)
    ladder.roles = _roles(levels)
    _repeated(ladder, levels)
    for role in ladder.roles:
        _place(role, ladder, definitions, shared)
    _ladder_wide(ladder, levels, definitions)
    _other_names(ladder)
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


def _named(level: Level) -> str:
    return f"{level.doc.name}: {level.title}"


def _folder(doc: Document) -> str:
    parent = doc.name.rsplit("/", 1)[0] if "/" in doc.name else ""
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


def _has_content(level: Level) -> bool:
    return bool(level.summaries) or any(fact_texts(b) for b in level.blocks)


def _groups(documents, levels, ladder) -> list[tuple[str, list[Level], str]]:
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
                f"people ({_named(managers[0])}): check it."
            )
            continue
        groups.append((title, ordered, how))
    return groups


def _sections(doc: Document, levels: list[Level]) -> list[tuple[str, list[Level]]]:
    """A page holding its levels under sections of their own ("## Individual
    Contributors", "## Engineering Management"): a track per section, when every
    level sits in one and each section holds two or more."""
    where: dict[int, Heading] = {}
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


def _label_definitions(documents, levels) -> dict[str, str]:
    """Bold lead-ins the framework defines elsewhere: "Adopts" is listed under the
    heading "Technology" of its levels page, so a level's "Adopts: ..." is technology."""
    inside = {id(b) for lv in levels for b in lv.blocks}
    out: dict[str, str] = {}
    for doc in documents:
        for block in doc.blocks:
            if block.label and id(block) not in inside and block.headings:
                heading = block.headings[-1].text
                if normalise(heading) != normalise(block.label):
                    out.setdefault(normalise(block.label), heading)
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
            heading = _competency(block, level)
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


def _roles(levels: list[Level]) -> list[Role]:
    roles: list[Role] = []
    taken: set[str] = set()
    firsts: dict[str, int] = {}
    titles = {normalise(lv.title) for lv in levels}
    for level in levels:
        first = level.title.split()[0].lower() if level.title.split() else ""
        if _qualified(level.title, titles):
            continue  # "Senior ... with Tech Lead Role": "senior" is still the plain one
        firsts[first] = firsts.get(first, 0) + 1
    heads: dict[str, int] = {}
    for level in levels:
        noun = _head_word(level.title)
        heads[noun] = heads.get(noun, 0) + 1
    head = head_noun(levels)
    codes_seen: dict[str, int] = {}
    for level in levels:
        for code in level.codes:
            codes_seen[normalise(code)] = codes_seen.get(normalise(code), 0) + 1
    families: dict[str, list[Level]] = {}
    for level in levels:
        stem = re.sub(r"\s+(\d{1,2}[a-z]?|[ivx]{1,4})$", "", level.title, flags=re.I)
        if stem != level.title or level.variant:
            families.setdefault(normalise(stem), []).append(level)
    for level in levels:
        unique = [c for c in level.codes if codes_seen[normalise(c)] == 1]
        base = slug(unique[0]) if unique else slug(f"{level.title} {level.variant}")
        ident = base
        if ident in taken or ident == "ladder":  # the same title in another family
            ident = slug(f"{level.doc.path.stem} {base}")
        n = 2
        while ident in taken:
            ident, n = f"{base}-{'x' * n}", n + 1
        taken.add(ident)
        role = Role(ident, _shown_title(level), level, list(level.codes))
        role.aliases = aliases(level, role.title, head)
        short = title_initials(level.title)  # "EM", "TL", "CTO": a code, maybe shared
        if (
            short
            and normalise(short) not in {normalise(c) for c in role.codes}
            and not codes_seen.get(normalise(short))  # another level's own ("SE")
        ):
            role.codes.append(short)
        parts = level.title.split()
        said = parts[1].lower() if len(parts) == 2 else ""
        number = int(said) if said.isdigit() else ROMAN.get(said)  # the title's, not a code's
        if number:
            initials = f"{parts[0][0].upper()}{number}"  # "Engineer II" -> "E2"
            if normalise(initials) not in {normalise(c) for c in role.codes}:
                role.codes.append(initials)
        for code in list(role.codes):  # "Manager 6" is typed "M6"
            worded = re.fullmatch(r"([A-Za-z]{3,}) ?(\d{1,2}[a-z]?)", code)
            short = f"{worded.group(1)[0].upper()}{worded.group(2)}" if worded else ""
            if short and not codes_seen.get(normalise(short)) and short not in role.codes:
                role.codes.append(short)
        stem = re.sub(r"\s+(\d{1,2}[a-z]?|[ivx]{1,4})$", "", level.title, flags=re.I)
        family = families.get(normalise(stem), [])
        if 1 < len(family) <= FAMILY_MAX and normalise(stem) != normalise(level.title):
            role.codes.append(stem)  # "Senior Engineer" for "Senior Engineer 1" and "2"
            initials = "".join(w[0] for w in stem.split() if w[:1].isalpha())
            if len(stem.split()) > 1 and len(initials) >= 2:
                role.codes.append(initials.upper())  # "TPM" for Technical Program Manager
        if len(family) > 1 and level.variant:
            role.codes.append(level.title)  # "Principal Engineer" for both variants
        first = level.title.split()[0].lower() if level.title.split() else ""
        if first in LEVEL_WORDS and firsts.get(first) == 1 and not _qualified(level.title, titles):
            role.context_aliases = [first]
        noun = _head_word(level.title)
        if noun in HEAD_WORDS and heads.get(noun) == 1 and noun != head:
            # the only title that is a "manager" or a "director": asked about so
            role.context_aliases.append(noun)
        parts = level.title.split()
        if len(parts) == 3 and parts[1] == "of" and parts[0].isupper() and parts[2][:1].isalpha():
            # "VP of Engineering" as "VPE" and "VPoE"; "SVP of Product" as "SVPP"
            short = parts[0] + parts[2][0].upper()
            role.codes += [
                c for c in (short, f"{parts[0]}o{parts[2][0].upper()}") if c not in role.codes
            ]
        roles.append(role)
    _qualified_names(roles)
    _shared_aliases(roles)
    return roles


HEAD_WORDS = frozenset("manager director architect".split())


def _head_word(title: str) -> str:
    """The noun a title names a person by: "manager" of "Engineering Manager",
    "director" of "Director of Engineering"."""
    words = re.sub(r"\(.*?\)", " ", title).lower().split()
    words = [w for w in words if not re.fullmatch(r"\d{1,2}[a-z]?|[ivx]{1,4}", w)]
    if " of " in f" {' '.join(words)} ":
        return words[0] if words else ""
    return words[-1] if words else ""


def _qualified(title: str, titles: set[str]) -> bool:
    base, sep, _ = title.partition(" with ")
    return bool(sep) and normalise(base) in titles


def _qualified_names(roles: list[Role]) -> None:
    """A level that is another plus a role ("Senior Software Engineer with Tech Lead
    Role"): asked about by the plain level's names and the role's ("sse tech lead",
    "sse tl", "senior software engineer tl")."""
    by_title = {normalise(r.title): r for r in roles}
    for role in roles:
        base_title, sep, extra = role.title.partition(" with ")
        base = by_title.get(normalise(base_title)) if sep else None
        if base is None:
            continue
        extra_words = [w for w in extra.lower().split() if w != "role"]
        qualifiers = [" ".join(extra_words)]
        if len(extra_words) >= 2:
            qualifiers.append("".join(w[0] for w in extra_words))  # "tl"
        names = [base.title.lower(), *(c.lower() for c in base.codes)]
        for name in names:
            for q in qualifiers:
                role.aliases += [f"{name} {q}", f"{name} with {q}"]
        role.aliases = list(dict.fromkeys(role.aliases))


def _shared_aliases(roles: list[Role]) -> None:
    """An alias two roles would claim ("engineer" in two job families) names both: it
    becomes a level code they share, and the bot asks which is meant."""
    owners: dict[str, list[Role]] = {}
    for role in roles:
        for key in dict.fromkeys(normalise(a) for a in role.aliases):
            owners.setdefault(key, []).append(role)
    for role in roles:  # an alias that is another role's code ("senior engineer 2")
        for key in dict.fromkeys(normalise(c) for c in role.codes):
            if key in owners and role not in owners[key]:
                owners[key].append(role)
    for key, holders in owners.items():
        if len(holders) > 1:
            for role in holders:
                role.aliases = [a for a in role.aliases if normalise(a) != key]
                if key not in {normalise(c) for c in role.codes}:
                    role.codes.append(key)
    taken = {role.id for role in roles}
    for role in roles:
        if not role.aliases:  # every alias was shared: its title, qualified by its page
            role.aliases = [f"{role.title.lower()} {slug(role.level.doc.path.stem)}"]
        codes = {normalise(c) for other in roles if other is not role for c in other.codes}
        if normalise(role.id.replace("-", " ")) in codes:  # an id is read as a name too
            ident = slug(f"{role.level.doc.path.stem} {role.id}")
            while ident in taken:
                ident += "-x"
            taken.add(ident)
            role.id = ident


def _shown_title(level: Level) -> str:
    return f"{level.title} ({level.variant})" if level.variant else level.title


def _competency(block: Block, level: Level) -> str:
    """The heading a block sits under inside its level (not the level's own)."""
    depth = level.heading.level if level.heading else 1
    inner = [h for h in block.headings if h.level > depth]
    return _GRADE.sub("", inner[-1].text).strip() if inner else ""


# A competency's grade at this level, after its name: "Craftsmanship (C3)", "Behavior
# (B2)" - the competency is the same at every level.
_GRADE = re.compile(r"\s*\(\s*[A-Za-z]{1,3}\s?\d{1,2}[a-z]?\s*\)\s*$")


def _repeated(ladder: Ladder, levels: list[Level]) -> None:
    """A line most level pages repeat word for word ("Note: as one progresses, one
    should show all qualities of the levels below"): said of the whole ladder, once,
    not as every role's summary."""
    seen: dict[str, list[tuple[int, Block]]] = {}
    for i, level in enumerate(levels):
        for block in level.blocks:
            # a paragraph: a list item repeated is a level keeping a lower one's duty
            if block.kind == "para" and len(block.text.split()) >= MIN_REPEATED:
                seen.setdefault(normalise(block.text), []).append((i, block))
    for key, where in seen.items():
        pages = {i for i, _ in where}
        if len(pages) < 2 or len(pages) * 2 <= len(levels):
            continue
        ladder.cache.setdefault("repeated", set()).add(key)
        first = where[0][1]
        level = levels[where[0][0]]
        found = ladder.guesser.guess(first.text) if ladder.guesser else None
        topic = found if found in LADDER_WIDE else ladder.placer.about()
        path = ladder.placer.path(topic)
        source = ladder.source_ids[level.doc.name]
        for text in fact_texts(first):
            ladder.ladder_facts.setdefault(path, []).append((text, source))
        ladder.notes.append(
            f"Said on most level pages, filed once for the ladder: {first.text[:70]}"
        )


MIN_REPEATED = 6  # words: shorter lines ("Years of experience: 5+") may repeat by chance


def _place(role: Role, ladder: Ladder, definitions: dict, shared: set) -> None:
    level, placer = role.level, ladder.placer
    repeated = ladder.cache.get("repeated", set())
    if "titles" not in ladder.cache:
        ladder.cache["titles"] = {normalise(r.title): r.id for r in ladder.roles}
    titles = {t: rid for t, rid in ladder.cache["titles"].items() if rid != role.id}
    summary_blocks = [b for b in level.blocks if b.kind == "para" and not _competency(b, level)]
    for block in level.blocks:
        source = ladder.source_ids[level.doc.name]
        heading = _competency(block, level)
        if heading and placer.known(heading) in {"overview"} and block.kind == "para":
            summary_blocks.append(block)
            continue
        if block.kind == "heading" or normalise(block.text) in repeated:
            continue
        topic = None
        if heading and normalise(heading) in placer.ignored:
            continue  # a section the maintainer told the importer to leave out
        competency = ""
        if heading:
            topic = placer.known(heading)
            if normalise(heading) in shared:
                topic, competency = topic or placer.topic(heading), heading
        elif block.label and normalise(block.label) in definitions:
            competency = definitions[normalise(block.label)]
            topic = placer.topic(competency)
        elif block.label and normalise(block.label) in shared:
            topic, competency = placer.topic(block.label), block.label
        if competency and topic is None:
            continue  # a competency the maintainer told the importer to leave out
        if competency and topic not in ("overview", "progression"):
            placer.competencies.setdefault(placer.path(topic, competency), competency)
        if (
            role.summary is None
            and block in summary_blocks
            and block.kind == "para"
            and not (
                block.label  # "Years of Experience: 4+" is a fact, not what the role is
            )
        ):
            role.summary = (block.text, source)
            continue
        named = placer.named(heading) if heading and not competency else ()
        for text in fact_texts(block):
            # no heading that names a topic: the fact's own words decide; a heading
            # that names two ("Job Outlook and Salary"): its words, between those two
            if len(named) > 1 and topic == named[0]:
                found = ladder.guesser.guess(text, named[0], named)
            else:
                found = topic or ladder.guesser.guess(text)
            to = _move_target(text, titles) if found == "progression" else None
            role.facts.setdefault(placer.path(found, heading), []).append((text, source, to))
    if role.summary is None:
        role.summary = _summary(role, ladder)
    elif level.summaries:  # the index's one line on the level, first of what it does
        index = next(d for d in ladder.documents if level.summaries[0] in _texts(d))
        path = placer.path("responsibilities")
        line = (level.summaries[0], ladder.source_ids[index.name], None)
        role.facts[path] = [line, *role.facts.get(path, [])]


def _texts(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


def _move_target(text: str, titles: dict[str, str]) -> str | None:
    said = f" {normalise(text)} "
    named = [rid for title, rid in titles.items() if f" {title} " in said]
    return named[0] if len(named) == 1 else None


def _summary(role: Role, ladder: Ladder) -> tuple[str, str]:
    level = role.level
    source = ladder.source_ids[level.doc.name]
    if level.summaries:
        return level.summaries[0], source
    intro = _intro(level, ladder)
    if intro:
        return intro, source
    # what the level does, in a sentence: its first duty or impact, else its first fact
    ranked = sorted(role.facts.items(), key=lambda kv: kv[0].split(".")[0] not in SAYS_WHAT)
    texts = [t for _, facts in ranked for t, _, _ in facts]
    first = next((t for t in texts if len(t.split()) >= MIN_REPEATED), texts[0] if texts else "")
    return first or role.title, source


SAYS_WHAT = ("responsibilities", "impact")


def _intro(level: Level, ladder: Ladder) -> str:
    """What the page says before its levels, nearest the level: its section's opening
    ("A manager's role balances people and delivery") before the page's ("This
    documents our ladder")."""
    doc = level.doc
    path: tuple[Heading, ...] = ()
    if level.heading is not None:
        path = next((b.headings for b in doc.blocks if b.headings[-1:] == (level.heading,)), ())
    outer = path[:-1]
    # in a section of its own ("Engineering Management"), never the page's introduction
    best, depth = "", (1 if len(outer) >= 2 else -1)
    for block in doc.blocks:
        if block.kind != "para" or _in_level(block, ladder):
            continue
        k = len(block.headings)
        if outer[:k] == block.headings and k > depth:
            best, depth = block.text, k
    return best


def _in_level(block: Block, ladder: Ladder) -> bool:
    return any(block in r.level.blocks for r in ladder.roles)


def _ladder_wide(ladder: Ladder, levels: list[Level], definitions: dict) -> None:
    """Blocks no level holds: facts about the whole ladder when their heading names a
    topic ("Pay Equity", "Performance Reviews and Promotions", an FAQ's question),
    facts for a whole track from a comparison table, else left out (reported)."""
    inside = {id(b) for lv in levels for b in lv.blocks}
    tracks = {normalise(t.title): t for t in ladder.tracks}
    for doc in ladder.documents:
        source = ladder.source_ids[doc.name]
        asked: str | None = None
        for block in doc.blocks:
            if id(block) in inside:
                continue
            if block.kind == "heading":
                asked = None
                continue
            if block.kind == "row" and _track_columns(block, tracks, ladder, source):
                continue
            if block.kind == "para" and _is_question(block):
                asked = _faq_topic(block.text, ladder)  # what the answers below are about
                continue
            if block.links:
                continue  # navigation, or an index of levels
            if block.label and normalise(block.label) in definitions:
                continue  # what a lead-in the levels use means ("Adopts"), not a fact
            heading = block.headings[-1].text if block.headings else ""
            topic = asked or (ladder.placer.known(heading) if heading else None)
            if topic not in LADDER_WIDE:
                prose = block.kind != "row" or len(block.text.split()) >= ABOUT_WORDS
                if fact_texts(block) and prose:
                    # how the framework works, a page on managing managers: about the
                    # ladder, answered when no role is named
                    for h in block.headings:  # "Managing Managers", "Introduction"
                        said = normalise(h.text)
                        named = any(f" {n} " in f" {said} " for n in _names(ladder))
                        if not named and ladder.placer.known(h.text) is None:
                            ladder.placer.about(h.text)
                    topic = ladder.placer.about()
                    ladder.about += 1
                elif fact_texts(block):
                    ladder.unplaced.append(f"{doc.name}:{block.line}: {block.text[:70]}")
                    continue
                else:
                    continue
            path = ladder.placer.path(topic, heading)
            for text in fact_texts(block):
                ladder.ladder_facts.setdefault(path, []).append((text, source))


def _names(ladder: Ladder) -> set[str]:
    """Every name of every role, normalised: a heading holding one names a role."""
    if "names" not in ladder.cache:
        ladder.cache["names"] = {
            normalise(n) for r in ladder.roles for n in (r.title, *r.codes, *r.aliases)
        } - {""}
    return ladder.cache["names"]


QUESTION_WORDS = 20


def _is_question(block: Block) -> bool:
    """A question a page goes on to answer (an FAQ's): one short sentence, or bold."""
    text = block.text
    one = text.endswith("?") and text.count("?") == 1 and len(text.split()) <= QUESTION_WORDS
    return one or (text.endswith("?") and block.label == text.rstrip("?").strip())


def _faq_topic(question: str, ladder: Ladder) -> str:
    """A question a page answers about the ladder ("When is a person ready to move to
    the next level?"): its topic when it names one facts about the whole ladder have,
    else what its words are most like, else progression (moving along the ladder)."""
    for found in (ladder.placer.known(question), ladder.guesser.guess(question, "")):
        if found in LADDER_WIDE:
            return found
    return "progression"


_KNOWN_AS = re.compile(
    r"\b(?:also|often|sometimes)\s+(?:known|called|referred to)\s+as\s+([^.;:,()]+)", re.I
)


def _other_names(ladder: Ladder) -> None:
    """Names a page gives a role family ("Role also known as dev lead"): codes of every
    level of that family's track, so "what does a dev lead do" finds them."""
    by_title = {normalise(t.title): t for t in ladder.tracks}
    by_doc = {}
    for track in ladder.tracks:
        for level in track.levels:
            by_doc.setdefault(level.doc.name, track)
    roles = {r.level: r for r in ladder.roles}
    for doc in ladder.documents:
        for block in doc.blocks:
            found = _KNOWN_AS.search(block.text)
            if not found:
                continue
            track = by_title.get(normalise(block.label)) if block.label else None
            track = track or by_doc.get(doc.name)
            if track is None:
                continue
            names = re.split(r",|\bor\b|\band\b|/", found.group(1))
            for name in (n.strip() for n in names):
                if 0 < len(name.split()) <= 3:
                    for level in track.levels:
                        role = roles.get(level)
                        if role is not None and name not in role.codes:
                            role.codes.append(name)


def _track_columns(block: Block, tracks: dict, ladder: Ladder, source: str) -> bool:
    """A row of a table whose columns are tracks ("Tech Lead | Engineering Manager"):
    each cell is a responsibility of every level of its track."""
    if not block.header or any(parse_level(c) for c in block.cells if c):
        return False  # a table of levels, not of what they do
    matched = False
    for column, cell in zip(block.header, block.cells):
        name = normalise(re.sub(r"\(.*?\)", "", column))
        track = tracks.get(name)
        if track is None or len(cell.split()) < 2:
            continue
        matched = True
        for level in track.levels:
            role = next(r for r in ladder.roles if r.level is level)
            role.facts.setdefault("responsibilities", []).append((cell, source, None))
    return matched
