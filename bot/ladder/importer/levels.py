"""Which headings are levels, what each is called (title, level codes), what belongs to
it, and the tracks the documents' structure and order make of them.

A heading is a level when it names a job ("Senior Software Engineer", "Engineer
II", "Head of Information Security"), carries a level code ("D1 - Developer 1",
"L3", "Team Lead (IC 5)"), or is a matrix's column. In each document, the
heading depth where most such headings sit holds its levels; a document with one
level-like title and none below is a level on its own (an article about a role).
Index pages that link to levels ("[Engineer II (IC 3a)](software-engineer.md#
engineer-ii)") add the codes they give and a one-line summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ...stems import stem
from .documents import Block, Document, Heading

TITLE_NOUNS = frozenset(
    """engineer developer programmer designer scientist analyst architect manager
    administrator tester consultant specialist technician director officer lead head vp
    president apprentice intern fellow cto ciso craftsman crafter associate principal
    trainee leader coordinator owner""".split()
)
# Level words in the order ladders use them: a ladder whose documents give no order
# (one article per role) is put in this order, and the report says so.
SCALE = (
    "intern apprentice trainee graduate junior associate entry engineer developer mid middle "
    "intermediate senior lead staff principal distinguished fellow head director vp"
).split()
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_CODE = r"[A-Za-z]{1,10} ?\d{1,2}[a-z]?"
_LEADING_CODE = re.compile(rf"^({_CODE})\s*(?:[-–—:|]\s*(.*))?$")
# "Next: Senior Engineer" names another level, the one a section is about: no title
STEP_LABELS = frozenset("next previous prev before after from to then becoming".split())
_LEADING_NUMBER = re.compile(r"^\d{1,2}\s*[-–—.:)]\s+(?=\S)")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*")
_IS_CODE = re.compile(rf"^{_CODE}$")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")  # "Software Engineer (SE)", "Tech Lead (TL)"
_OF_TITLE = re.compile(
    r"^(?:(?:senior|associate|deputy|executive|group)\s+)?(head|vp|vice president|director|chief)"
    r"\b.* of\b",
    re.I,
)
_NUMBER_END = re.compile(r"\s+(\d{1,2}[a-z]?|[ivx]{1,4})$", re.I)
MAX_TITLE_WORDS = 8
# Words a job title never holds ("of" only as in "Head of Security", checked apart).
FUNCTION_WORDS = frozenset("a an the for to in at on with as is are what how your our".split())


@dataclass(eq=False)  # compared and hashed by identity
class Level:
    title: str
    doc: Document
    heading: Heading | None  # None: the whole document is about this level
    codes: list[str] = field(default_factory=list)
    variant: str = ""  # "Individual Contributor" of "Principal Engineer (Individual...)"
    blocks: list[Block] = field(default_factory=list)
    track: str = ""  # the key of the track it was found in
    summaries: list[str] = field(default_factory=list)  # from index pages
    peers: list[Level] = field(default_factory=list)  # on one row of a table of levels
    id: str = ""
    names: list[str] = field(default_factory=list)  # other names its page gives it
    order: int | None = None  # its number, as its page's front matter states it
    declared_track: str = ""  # the track its page's front matter names

    @property
    def number(self) -> int | None:
        if self.order is not None:
            return self.order
        for text in (*self.codes, self.title):
            found = re.search(r"(\d{1,2})[a-z]?\b", text)
            if found:
                return int(found.group(1))
            roman = _NUMBER_END.search(text)
            if roman and roman.group(1).lower() in ROMAN:
                return ROMAN[roman.group(1).lower()]
        return None

    @property
    def scheme(self) -> str:
        """The letters its first code starts with ("ic" of "IC 3a"), for telling ladders
        apart."""
        return re.match(r"[a-z]*", self.codes[0].lower()).group() if self.codes else ""

    @property
    def rank(self) -> int:
        words = self.title.lower().split()
        ranks = [SCALE.index(w) for w in words if w in SCALE]
        return max(ranks) if ranks else SCALE.index("engineer")


def is_code(text: str) -> bool:
    """A level code on its own: "IC2", "M 3", "L5a"."""
    return bool(_IS_CODE.match(text.strip()))


def parse_level(text: str) -> tuple[str, list[str], str] | None:
    """(title, codes, variant) when a heading names a level, else None."""
    text = text.strip().strip("*_").strip().rstrip(":").strip()
    if not text or len(text.split()) > MAX_TITLE_WORDS + 4 or text.endswith("?"):
        return None
    low = f" {text.lower()} "
    if " vs " in low or " versus " in low or low.split()[0] in ("how", "what", "why"):
        return None
    codes: list[str] = []
    variant = ""
    text = _LEADING_NUMBER.sub("", text)  # "3 - Principal Engineer": its place, said
    label, colon, rest = text.partition(": ")
    if colon and len(label.split()) == 1 and not any(c.isdigit() for c in label):
        found = parse_level(rest)  # "Misc: Tech Lead": a section's label, then the title
        if found and label.lower() in STEP_LABELS:
            return None  # "Next: Senior Engineer": a section about moving on, not a level
        if found:
            return found
    lead = _LEADING_CODE.match(text)
    if lead:
        codes.append(lead.group(1))
        text = (lead.group(2) or "").strip() or lead.group(1)
    for inner in _PAREN.findall(text):
        parts = [p.strip() for p in re.split(r"[/,]| or ", inner) if p.strip()]
        if parts and all(_IS_CODE.match(p) or _ACRONYM.match(p) for p in parts):
            codes += parts
        else:
            variant = inner.strip()
    title = " ".join(_PAREN.sub(" ", text).split()).strip(" -–—:")
    if not title:
        return None
    before, sep, after = title.partition(" with ")
    extra = after.lower().split()
    if (
        sep
        and parse_level(before)
        and len(extra) <= 3
        and not FUNCTION_WORDS & set(extra)
        and ({"role"} | TITLE_NOUNS) & set(extra)  # "... with Tech Lead Role", not "a Mentor"
    ):
        # "Senior Software Engineer (SSE) with Tech Lead Role": a level of its own,
        # whose codes are the plain level's
        return title, [], variant
    if codes and (title in codes or _IS_CODE.match(title)):
        return title, codes, variant  # "L3", "D1 - D1"
    words = title.split()
    if len(words) > MAX_TITLE_WORDS or FUNCTION_WORDS & {w.lower() for w in words}:
        return None  # "Key Responsibilities of a Senior Engineer" is about a title, not one
    base = _NUMBER_END.sub("", title).split()
    last = base[-1].lower() if base else ""
    if all(w in TITLE_NOUNS for w in last.split("/")) or _OF_TITLE.match(title):
        # "Trainee/Intern" too: either title
        return title, codes, variant
    return None  # "Craftsmanship (C2)" grades a competency; it names no job


def title_in(text: str) -> str:
    """The job title a sentence or heading names: "What is a Senior Backend Engineer?"
    -> "Senior Backend Engineer"; "" when it names none."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    best = ""
    for i, word in enumerate(words):
        if word.lower().rstrip("s") not in TITLE_NOUNS or not word[0].isupper():
            continue
        j = i
        while j > 0 and words[j - 1][0].isupper() and i - j < 3:
            j -= 1
        found = " ".join(words[j : i + 1])
        if found.endswith("s") and found[:-1].split()[-1].lower() in TITLE_NOUNS:
            found = found[:-1]  # "Backend Engineers": the title is singular
        if len(found.split()) > len(best.split()):
            best = found
    return best


def find_levels(doc: Document, articles: bool = True) -> list[Level]:
    """The levels one document holds, each with its blocks. articles: documents may be
    articles about one role each (no page of the import has level headings), so a
    page whose title or text names a job is that job's level."""
    headings = [(i, b) for i, b in enumerate(doc.blocks) if b.kind == "heading"]
    parsed = {i: parse_level(b.text) for i, b in headings}
    marked = [i for i, b in headings if b.headings[-1].is_level]
    by_depth: dict[int, list[int]] = {}
    for i, b in headings:
        if parsed[i] is not None or i in marked:
            by_depth.setdefault(b.headings[-1].level, []).append(i)
    chosen: list[int] = marked
    if not chosen:
        clusters = [ix for ix in by_depth.values() if len(ix) >= 2]
        if clusters:
            chosen = max(clusters, key=lambda ix: (len(ix), -doc.blocks[ix[0]].headings[-1].level))
            beside = _levels_beside(doc, headings, chosen, parsed)
            parsed.update(beside)
            chosen = sorted(chosen + list(beside))
        else:  # a path's page with one level on it ("## Senior Engineer" under "# Technical")
            chosen = [
                i for ix in by_depth.values() for i in ix if doc.blocks[i].headings[-1].level > 1
            ]
            chosen = chosen[:1]
    if chosen:
        return [_level_at(doc, i, parsed[i]) for i in chosen]
    declared = front_matter_level(doc)
    if declared is not None:
        return [declared]
    title = _document_title(doc, articles)
    if title:
        return [Level(title, doc, None, blocks=list(doc.blocks))]
    return []


def front_matter_level(doc: Document) -> Level | None:
    """A page whose front matter says it is a level ("title: Senior L1", "level: 3", or
    a "level" tag, as Obsidian, Jekyll or Hugo pages do): that level, titled and
    numbered as it says, with the other names it lists ("aliases: [Senior Level 1,
    Level 3]") and on the track it names ("track: technical"), whatever its title's
    words are. Anything of another type than these is not read."""
    front = doc.front_matter or {}
    title, number = front.get("title"), front.get("level")
    if isinstance(number, str) and number.strip().isdigit():
        number = int(number)  # level: "3"
    numbered = isinstance(number, int) and not isinstance(number, bool)
    tagged = "level" in [t.lower() for t in _strings(front.get("tags"))]
    if not isinstance(title, str) or not (numbered or tagged):
        return None
    title = " ".join(title.split())
    bare = " ".join(_PAREN.sub(" ", title).split()).strip(" -–—:")
    if not bare:
        return None  # "()": nothing to call it
    # "Lead (Technical Track)": Lead, in the variant its track gives it
    variant = ", ".join(p.strip() for p in _PAREN.findall(title) if p.strip())
    level = Level(bare if variant else title, doc, None, variant=variant, blocks=list(doc.blocks))
    # a code its title holds: "L1" of "Senior L1"
    level.codes = [w for w in bare.split()[1:] if _IS_CODE.match(w) and any(c.isdigit() for c in w)]
    level.names = [n for n in _strings(front.get("aliases")) if n.lower() != title.lower()]
    level.order = number if numbered else None
    track = front.get("track")
    level.declared_track = " ".join(track.split()) if isinstance(track, str) else ""
    return level


def _strings(value) -> list[str]:
    """A front matter field as a list of strings: one string, or the strings of a list."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [" ".join(v.split()) for v in items if isinstance(v, str) and v.strip()]


def _levels_beside(doc: Document, headings, chosen: list[int], parsed: dict) -> dict:
    """Headings beside the levels, at their depth, that are a level word and words of
    the levels' own titles: "## Senior QA/QE" among "## QA/QE Engineer" and "##
    Principal Automation Engineer" names a level whose title has no job noun. Each as
    parse_level would give it, by position."""
    depth = doc.blocks[chosen[0]].headings[-1].level
    said = {w.lower() for i in chosen for w in parsed[i][0].split()}
    found = {}
    for i, block in headings:
        words = block.text.split()
        if (
            i not in chosen
            and block.headings[-1].level == depth
            and 2 <= len(words) <= 3
            and words[0].lower() in SCALE
            and all(w.lower() in said for w in words[1:])
        ):
            found[i] = (block.text.strip(), [], "")
    return found


def _level_at(doc: Document, i: int, parsed) -> Level:
    heading = doc.blocks[i].headings[-1]
    title, codes, variant = parsed or (doc.blocks[i].text, [], "")
    blocks = []
    for block in doc.blocks[i + 1 :]:
        if block.kind == "heading" and block.headings[-1].level <= heading.level:
            break
        blocks.append(block)
    return Level(title, doc, heading, list(codes), variant, blocks)


def _document_title(doc: Document, articles: bool) -> str:
    """A document about one role: the role its title names; for articles, also the
    role their first heading asks about, else the title their text names most often.
    A title the page's front matter gives comes first ("Staff Engineer"); one naming no
    level ("Career Ladders"), on a page whose heading and path name none either, makes
    it a page about no one role, however often its text names one."""
    declared = (doc.front_matter or {}).get("title")
    declared = " ".join(declared.split()) if isinstance(declared, str) else ""
    parsed = parse_level(declared) if declared else None
    if parsed:
        return parsed[0]
    first = next((b for b in doc.blocks if b.kind == "heading"), None)
    if first is not None and first.headings[-1].level == 1:
        parsed = parse_level(first.text)
        if parsed:
            return parsed[0]
    if not any(b.kind == "heading" and b.headings[-1].level == 1 for b in doc.blocks):
        # a page with no title of its own, named by its path: a site's fragment
        # "content/engineering/mid-level-engineer/index.html", "senior-engineer.md"
        parsed = parse_level(_path_title(doc.name))
        if parsed:
            return parsed[0]
    if declared:  # titled as no level, by itself or its heading or path: no role's page
        return title_in(declared)
    if not articles or _is_contents(doc):
        return ""
    for block in doc.blocks:
        if block.kind == "heading" and " vs " not in f" {block.text.lower()} ":
            found = title_in(block.text)
            if found and block.headings[-1].level == 1:
                return found
    counts: dict[str, int] = {}
    for block in doc.blocks:
        found = title_in(block.text)
        if found:
            counts[found] = counts.get(found, 0) + 1
    return max(counts, key=lambda t: (counts[t], len(t)), default="")


INDEX_PAGES = ("index", "readme", "_index")  # a folder's own page: named by the folder


def _path_title(name: str) -> str:
    """The title a document's path gives it: its file's name, or its folder's for an
    index page ("mid-level-engineer/index.html" -> "Mid Level Engineer")."""
    path = PurePosixPath(name)
    stem = path.parent.name if path.stem.lower() in INDEX_PAGES else path.stem
    stem = re.sub(r"^\d+[\s._-]*", "", stem)  # "01-junior-engineer": its place in the list
    return " ".join(w.capitalize() for w in re.split(r"[-_.\s]+", stem) if w)


CONTENTS_SHARE = 0.6


def _is_contents(doc: Document) -> bool:
    """A table of contents or index page (most of its lines are links): it names many
    roles and is about none of them."""
    lines = [b for b in doc.blocks if b.kind in ("bullet", "para", "row")]
    linked = sum(1 for b in lines if b.links)
    return bool(lines) and linked >= CONTENTS_SHARE * len(lines)


def link_target(doc: Document, href: str, names=()) -> tuple[str, str]:
    """(document name, anchor) a link points to: relative to the linking document, or,
    for a link written from a site's root ("/docs/.../junior-engineer.md"), the
    imported document whose path it ends with (of `names`)."""
    path, _, anchor = href.partition("#")
    if not path:
        return doc.name, anchor
    if "://" in path:
        return "", anchor
    base = PurePosixPath(doc.name).parent
    target = PurePosixPath(path.lstrip("/")) if path.startswith("/") else base / path
    name = str(target.as_posix()).lstrip("./")
    if name in names or not names:
        return name, anchor
    tail = PurePosixPath(path).parts
    for n in range(len(tail), 0, -1):
        ending = "/".join(tail[-n:])
        found = [m for m in names if m == ending or m.endswith("/" + ending)]
        if len(found) == 1:
            return found[0], anchor
    return name, anchor


def read_indexes(documents: list[Document], levels: list[Level]) -> list[str]:
    """Codes and one-line summaries index pages give for levels they link to:
    "[*Engineer II (IC 3a):*](software-engineer.md#engineer-ii) **Owns a functional
    area.** Breaks large requests down...", and tables and lists naming levels by title
    (the maps of levels worked out once, for every page). Returns notes for the report."""
    by_target = {}
    for level in levels:
        anchor = level.heading.anchor if level.heading is not None else ""
        by_target[(level.doc.name, anchor)] = level
        by_target[(level.doc.name.lower(), anchor)] = level
    names = {level.doc.name for level in levels}
    by_title: dict[str, Level] = {}
    for level in levels:
        by_title.setdefault(_key(level.title), level)
    pages: dict[str, int] = {}  # a title -> how many whole pages carry it
    for level in levels:
        if level.heading is None:
            pages[_key(level.title)] = pages.get(_key(level.title), 0) + 1
    notes: list[str] = []
    for doc in documents:
        _read_index(doc, by_target, names, by_title)
        notes += _retitle_copies(doc, by_target, names, by_title, pages)
    return notes


def _linked_level(doc: Document, href: str, by_target: dict, names, text: str = "") -> Level | None:
    """The level a link points at: a page, or a section of one ("core.md#engineer-ii").

    A heading renamed after the index was written ("## Engineer I (IC 2)", linked as
    "#engineer-i") is still the one its link names: the level of that page titled as
    the link's text says, else the one section whose anchor goes on from the link's
    with a code only."""
    name, anchor = link_target(doc, href, names)
    found = by_target.get((name, anchor)) or by_target.get((name.lower(), anchor))
    if found is not None or not anchor:
        return found
    on_page = {lv for (page, _), lv in by_target.items() if page == name and lv.heading}
    parsed = parse_level(text) if text else None
    titled = [lv for lv in on_page if parsed and _key(lv.title) == _key(parsed[0])]
    if len(titled) == 1:
        return titled[0]
    # "#engineer-i" for "engineer-i-ic-2": the same title, a code added after it
    longer = [
        lv
        for lv in on_page
        if lv.heading.anchor.startswith(anchor + "-")
        and is_code(lv.heading.anchor[len(anchor) + 1 :].replace("-", " "))
    ]
    return longer[0] if len(longer) == 1 else None


def _retitle_copies(doc: Document, by_target: dict, names: set, by_title: dict, pages: dict):
    """A page carrying another page's title (copied and not renamed: "Principal I
    Engineer" atop principal-ii-engineer.md) takes the title an index links to it by
    ("[Principal II Engineer](principal-ii-engineer.md)"), if no level has that one."""
    notes = []
    for block in doc.blocks:
        for text, href in block.links:
            level = _linked_level(doc, href, by_target, names)
            parsed = parse_level(text)
            if level is None or level.heading is not None or parsed is None:
                continue
            said, own = _key(parsed[0]), _key(level.title)
            if said != own and said not in by_title and pages.get(own, 0) > 1:
                notes.append(
                    f"{level.doc.name} is titled {level.title}, as another page is; "
                    f"named {parsed[0]}, as {doc.name} links to it"
                )
                pages[own] -= 1
                level.title = parsed[0]
                by_title[said] = level
    return notes


def _read_index(doc: Document, by_target: dict, names: set[str], by_title: dict) -> None:
    for block in doc.blocks:
        if block.kind == "row":
            _codes_beside_titles(block.cells, by_title)
        elif block.kind == "bullet" and not block.links and ":" in block.text:
            _listed(block.text, by_title)
        for text, href in block.links:
            level = _linked_level(doc, href, by_target, names, text)
            if level is None:
                continue
            parsed = parse_level(text) or parse_level(block.text.split(":")[0])
            for code in parsed[1] if parsed else ():
                add_code(level, code)
            if block.kind == "bullet":
                rest = block.text[len(block.label) :].lstrip(" :") if block.label else ""
                rest = rest or block.text.split(":", 1)[-1].strip()
                if rest and rest != block.text and len(rest.split()) > 3:
                    level.summaries.append(rest)


def code_key(code: str) -> str:
    """A code as compared, however spaced or cased: "IC2" and "IC 2" are one."""
    return "".join(code.lower().split())


def add_code(level: Level, code: str) -> None:
    """A code an index gives a level, unless the level has it already, however spaced
    ("IC2" beside the heading's "IC 2")."""
    if all(code_key(c) != code_key(code) for c in level.codes):
        level.codes.append(code)


def _key(title: str) -> str:
    """A title as compared: "Engineering Manager 2" and a page's "Engineer Manager 2"
    are one."""
    return " ".join(stem(w) for w in re.findall(r"\w+", title.lower()))


def _codes_beside_titles(cells: tuple[str, ...], by_title: dict[str, Level]) -> None:
    """A table of titles and their codes ("Senior Engineer 1 | IC4 | M2 | Engineering
    Manager 1"): each code goes to the title beside it, the nearer when two are."""
    titles = {i: level for i, c in enumerate(cells) if (level := by_title.get(_key(c)))}
    for level in titles.values():  # "Senior Engineer 1 ... Engineering Manager 1": peers
        level.peers += [p for p in titles.values() if p is not level and p not in level.peers]
    codes = [i for i, cell in enumerate(cells) if is_code(cell) and i not in titles]
    beside = {i: [j for j in (i - 1, i + 1) if j in titles] for i in codes}
    # a code with a title on one side only shows which side codes sit on in this row
    sides = [j - i for i, js in beside.items() if len(js) == 1 for j in js]
    side = max(set(sides), key=sides.count) if sides else 0
    for i in codes:
        js = beside[i] if len(beside[i]) == 1 else [i + side] if side and i + side in titles else []
        if js:
            add_code(titles[js[0]], cells[i])


def _listed(text: str, by_title: dict[str, Level]) -> None:
    """A list of levels with a line each ("Engineer 1 (IC2): Focuses on being an
    effective individual contributor."): the codes it gives, and the line."""
    head, _, rest = text.partition(":")
    parsed = parse_level(head)
    level = by_title.get(_key(parsed[0])) if parsed else None
    if level is None:
        return
    for code in parsed[1]:
        add_code(level, code)
    rest = rest.strip()
    if len(rest.split()) > 3 and rest not in level.summaries:
        level.summaries.append(rest)
