"""Facts filed: each level's under its topics (placing.py says which), its summary,
and what no level holds - the ladder-wide facts (promotion, pay, an FAQ's answers, a
line every level page repeats, a page about the framework itself)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ...text import normalise
from .documents import Block, Document, Heading
from .draft import Ladder, Role, competency_of
from .levels import Level, parse_level
from .placing import fact_texts, is_statement

# What a ladder says for everyone: how promotion, pay, hiring and learning work. A
# page's text on anything else, outside any level, is reported rather than guessed at.
LADDER_WIDE = frozenset({"progression", "salary", "hiring", "education"})

# what a company calls the whole thing: a page title holding one names the ladder
LADDER_NAMES = frozenset({"ladder", "framework", "frameworks", "levels", "levelling", "leveling"})
ABOUT_WORDS = 6  # a table row outside the levels is a fact about the ladder if this long


def file_repeated(ladder: Ladder, levels: list[Level]) -> None:
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


def place(role: Role, ladder: Ladder, definitions: dict, shared: set) -> None:
    level, placer = role.level, ladder.placer
    repeated = ladder.cache.get("repeated", set())
    if "titles" not in ladder.cache:
        ladder.cache["titles"] = {normalise(r.title): r.id for r in ladder.roles}
    titles = {t: rid for t, rid in ladder.cache["titles"].items() if rid != role.id}
    summary_blocks = [b for b in level.blocks if b.kind == "para" and not competency_of(b, level)]
    if not summary_blocks:  # a page of stated expectations: its first says what the level is
        stated = [b for b in level.blocks if b.kind == "heading" and is_statement(b.text)]
        summary_blocks = stated[:1]
    for block in level.blocks:
        source = ladder.source_ids[level.doc.name]
        heading = competency_of(block, level)
        if (block.kind == "heading" and not is_statement(block.text)) or normalise(
            block.text
        ) in repeated:
            continue
        topic = None
        if heading and normalise(heading) in placer.ignored:
            continue  # a section the maintainer told the importer to leave out
        if heading and placer.known(heading) == "overview" and block.kind == "para":
            # an "Overview" section: its first paragraph says what the level is, the
            # rest what the level does ("L5s are the key leaders in each area")
            if role.summary is None and not block.label:
                role.summary = (block.text, source)
                continue
            for text in fact_texts(block):
                role.facts.setdefault(placer.path("responsibilities"), []).append(
                    (text, source, None)
                )
            continue
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
            and block.kind in ("para", "heading")
            and not (
                block.label  # "Years of Experience: 4+" is a fact, not what the role is
            )
        ):
            role.summary = (block.text, source)
            continue
        named = placer.named(heading) if heading and not competency else ()
        texts = fact_texts(block)
        # a paragraph under a lead-in of its own ("**Exploration:** Our teams are ...
        # The role of the staff engineer is to be transformative."): one theme, its
        # sentences kept together where the whole of it belongs
        whole = (
            ladder.guesser.guess(block.text)
            if topic is None and block.kind == "para" and block.label and len(texts) > 1
            else None
        )
        for text in texts:
            # no heading that names a topic: the fact's own words decide; a heading
            # that names two ("Job Outlook and Salary"): its words, between those two
            if len(named) > 1 and topic == named[0]:
                found = ladder.guesser.guess(text, named[0], named)
            else:
                found = topic or _next_step(text, titles) or whole or ladder.guesser.guess(text)
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


NEXT_STEP_WORDS = 4  # "Career advancement: Senior Engineer", "Next step: Staff Engineer"


FORWARD = frozenset("next advancement advance promotion promoted progression growth path".split())


def _next_step(text: str, titles: dict[str, str]) -> str | None:
    """A short lead-in saying what follows ("Career advancement:", "Next step:"), then
    another level's title (and perhaps an alternative): the step after this one -
    "progression". Not "Previous level: ..." nor "Reports to: ..."."""
    label, colon, rest = text.partition(":")
    if not colon or len(label.split()) > NEXT_STEP_WORDS:
        return None
    if not FORWARD & set(normalise(label).split()):
        return None
    said = normalise(rest)
    starts = any(said == t or said.startswith(t + " or ") for t in titles)
    return "progression" if starts else None


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
            if k == 1 and not parse_level(doc.title):
                continue  # "Codecademy Engineering Competencies": about the framework
            best, depth = block.text, k
    return best


def _in_level(block: Block, ladder: Ladder) -> bool:
    return any(block in r.level.blocks for r in ladder.roles)


def file_ladder_wide(ladder: Ladder, levels: list[Level], definitions: dict) -> None:
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
            linked = [text for text, href in block.links if _within(href)]
            if linked and not _prose(block, linked):
                continue  # navigation, or an index of levels
            if block.label and normalise(block.label) in definitions:
                continue  # what a lead-in the levels use means ("Adopts"), not a fact
            # under a title naming the whole ladder ("Engineering Career Ladder") is its
            # preamble: what the ladder is, who owns it - not the "career ladder" topic
            under = block.headings[-1] if block.headings else None
            whole = under and under.level == 1 and LADDER_NAMES & set(normalise(under.text).split())
            heading = under.text if under and not whole else ""
            topic = asked or (ladder.placer.known(heading) if heading else None)
            competency = ladder.placer.new_named(heading) if heading and not topic else None
            if competency:
                # the page on the axes: what "Learning" is and its stages, the ladder's
                # own words on that competency, asked about by its name
                topic = competency
            elif topic not in LADDER_WIDE:
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
                if not _pointer(text, linked):
                    ladder.ladder_facts.setdefault(path, []).append((text, source))


def _within(href: str) -> bool:
    """A link to another page of the documents ("levels.md#l2", "/docs/ladder"), which
    makes a line navigation; one to the outside world ("developed by [Daniel
    Blumenthal](https://...)", a licence) is a reference in prose."""
    try:
        scheme = urlsplit(href).scheme
    except ValueError:  # "http://[broken": no page of ours either
        return False
    return scheme not in ("http", "https", "mailto")


LINKED_SHARE = 0.4  # of a line's words in links to other pages: a pointer to them
PROSE_WORDS = 12


def _linked_share(text: str, links: list[str]) -> float:
    said = len(text.split())
    return sum(len(t.split()) for t in links if t and t in text) / max(said, 1)


def _prose(block: Block, inside: list[str]) -> bool:
    """A paragraph that links to other pages in passing ("we do [performance
    reviews](meetings/performance-review.md) every six months"): prose, not navigation."""
    return (
        block.kind == "para"
        and len(block.text.split()) > PROSE_WORDS
        and _linked_share(block.text, inside) < LINKED_SHARE
    )


def _pointer(sentence: str, inside: list[str]) -> bool:
    """A sentence that mostly points elsewhere ("For pay, see Pay bands and FAQ.")."""
    return bool(inside) and _linked_share(sentence, inside) >= LINKED_SHARE


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
