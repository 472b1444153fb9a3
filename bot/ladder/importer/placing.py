"""Facts, in the documents' own words, filed under topics.

A fact is a bullet, a table row or a sentence of a paragraph. It is filed under a
topic by the heading it sits under (below its level's heading), or by its bold
lead-in when the framework defines those ("**Adopts**" is one of the Technology
levels): first the maintainer's own mapping (import.yaml), then the built-in
topics' phrases ("Key responsibilities" -> responsibilities, "Salary" -> salary),
else a new topic named after the heading (a competency: "Communication"). With no
heading to go by, a fact is one of the level's responsibilities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...stems import stem
from ...text import normalise, short_forms, words
from ..model import Topic
from .documents import Block
from .levels import parse_level
from .tracks import slug

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")
# a full stop that ends an abbreviation, not a sentence: "U.S.", "e.g.", "Dr."
ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|No|approx)\.$")
MIN_WORDS = 4  # a shorter sentence is a fragment, not a fact
SUMMARY_TOPICS = {"overview"}
LEADERSHIP = frozenset("leadership soft people communication interpersonal collaboration".split())


ABOUT = "about-the-ladder"


@dataclass
class NewTopic:
    id: str
    title: str
    path: str
    phrases: list[str]


@dataclass
class Placer:
    """Maps a heading's words to a topic: the maintainer's mapping, the built-in topics'
    phrases, or a new topic for the heading."""

    builtin: dict[str, Topic]
    overrides: dict[str, str] = field(default_factory=dict)  # normalised heading -> topic
    ignored: set[str] = field(default_factory=set)
    new: dict[str, NewTopic] = field(default_factory=dict)  # by id
    # Lists a competency filled ("Technology" filed under tools): path -> its heading.
    # They are what a role does on a ladder of competencies, so responsibilities and
    # skills read them too.
    competencies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._known: dict[str, str | None] = {}
        self._named: dict[str, tuple[str, ...]] = {}
        self._phrases: list[tuple[tuple[str, ...], str]] = []
        for topic in self.builtin.values():
            if topic.answer not in ("facts", "ladder", "overview"):
                continue
            for phrase in topic.phrases:
                if "..." not in phrase:
                    key = tuple(stem(w) for w in normalise(phrase).split())
                    if key:
                        self._phrases.append((key, topic.id))

    def known(self, heading: str) -> str | None:
        """A built-in or configured topic for a heading, or None (each heading worked
        out once: a ladder repeats its section headings under every level)."""
        if heading not in self._known:
            self._known[heading] = self._match(heading)
        return self._known[heading]

    def _match(self, heading: str) -> str | None:
        key = normalise(heading)
        if key in self.overrides:
            return self.overrides[key]
        # by stems ("Educational Requirements" is education); the longest phrase wins,
        # then the one the heading names first ("... and Work Experience" comes second)
        tokens = [stem(w) for w in key.split()]
        scores: dict[str, tuple[int, int]] = {}
        for phrase, topic in self._phrases:
            n = len(phrase)
            at = [i for i in range(len(tokens) - n + 1) if tuple(tokens[i : i + n]) == phrase]
            if at:
                scores[topic] = max(scores.get(topic, (0, 0)), (n, -at[0]))
        if not scores:
            return None
        order = list(self.builtin)
        ranked = sorted(scores, key=lambda t: (scores[t], -order.index(t)), reverse=True)
        self._named[heading] = tuple(ranked)
        return ranked[0]

    def named(self, heading: str) -> tuple[str, ...]:
        """Every topic a heading names, best first ("Job Outlook and Salary": hiring,
        salary); one for most headings."""
        self.known(heading)
        return self._named.get(heading, ())

    def topic(self, heading: str) -> str | None:
        """The topic a competency heading files under: known, else a new one."""
        if normalise(heading) in self.ignored:
            return None
        found = self.known(heading)
        if found:
            return found
        ident = slug(heading)
        if ident in self.builtin:
            return ident
        if ident not in self.new:
            path = ident.replace("-", "_")
            if not re.match(r"^[a-z]", path):
                path = "c_" + path
            self.new[ident] = NewTopic(ident, heading.strip(), path, _heading_phrases(heading))
        return ident

    def new_named(self, heading: str) -> str | None:
        """The new topic a competency heading made, named by this heading too ("## Learning"
        on a page about the axes, beside the levels' "## Learning"), or None."""
        said = normalise(heading)
        found = next((t.id for t in self.new.values() if normalise(t.title) == said), None)
        return found if found != ABOUT else None

    def about(self, heading: str = "") -> str:
        """The topic of what a ladder's pages say about the ladder itself, outside any
        level: how the framework works, its axes, a page on managing managers. Asked
        about by the headings it sits under ("managing managers")."""
        topic = self.new.get(ABOUT)
        if topic is None:
            topic = self.new[ABOUT] = NewTopic(
                ABOUT, "About the ladder", ABOUT.replace("-", "_"), ["framework"]
            )
        said = normalise(heading)
        if len(said.split()) >= 2 and said not in topic.phrases and len(topic.phrases) < 24:
            topic.phrases.append(said)
        return ABOUT

    def builtin_phrases(self) -> dict[str, list[str]]:
        """Built-in topic id -> the names of the competencies filed under it, as a
        question says them, when the topic's phrases lack them."""
        out: dict[str, list[str]] = {}
        for path, heading in sorted(self.competencies.items()):
            # the topic whose list it is, not a broad one that also shows it (overview)
            readers = [t for t, spec in self.builtin.items() if path in spec.paths]
            if not readers:
                continue
            topic = min(
                readers,
                key=lambda t: (self.builtin[t].answer != "facts", len(self.builtin[t].paths)),
            )
            known = set(self.builtin[topic].phrases)
            said = _heading_phrases(heading)
            said += [" ".join(f) for p in said for f in short_forms(tuple(p.split()))[1:]]
            fresh = [p for p in dict.fromkeys(said) if p not in known]
            if fresh:
                out.setdefault(topic, []).extend(p for p in fresh if p not in out.get(topic, []))
        return out

    def path(self, topic: str, heading: str = "") -> str:
        """The role-file list a topic's facts go in."""
        if topic in self.new:
            return self.new[topic].path
        fields = self.builtin[topic].paths
        if topic == "skills" and len(fields) > 1 and LEADERSHIP & set(words(heading)):
            return fields[1]
        return fields[0] if fields else topic


_COMMON = frozenset(
    """the and for with that this their they them from into have has are was were will
    your you our who what which when where how also such more most other than then there
    these those been being about over under only some each very well can could should
    would must may might its it's not but all any one two""".split()
)


PHRASE_WEIGHT = 3  # a topic phrase's words, as if said in this many of its facts


class TopicGuesser:
    """For a fact under no heading that names a topic: the topic whose facts in the
    built-in ladder use its words most (naive Bayes over words), else responsibilities.
    The built-in ladder is a corpus of statements already filed by topic."""

    ALPHA = 0.5

    def __init__(self, kb) -> None:
        counts: dict[str, dict[str, int]] = {}
        field_topic: dict[str, str] = {}
        for topic in kb.topics.values():
            if topic.answer == "facts":
                for path in topic.paths:
                    field_topic.setdefault(path, topic.id)
        for role in kb.roles.values():
            for path, facts in role.facts.items():
                topic = field_topic.get(path)
                if topic is None:
                    continue
                bag = counts.setdefault(topic, {})
                for fact in facts:
                    for w in self._words(fact.text):
                        bag[w] = bag.get(w, 0) + 1
        # The topics' own phrases count too ("salary", "pay", "earn"): the built-in
        # ladder has few facts on some topics, and a fact naming its topic is about it.
        for topic in kb.topics.values():
            if topic.answer == "facts" and topic.id in counts:
                bag = counts[topic.id]
                for phrase in topic.phrases:
                    for w in self._words(phrase.replace("...", " ")):
                        bag[w] = bag.get(w, 0) + PHRASE_WEIGHT
        self.counts = counts
        self.totals = {t: sum(c.values()) for t, c in counts.items()}
        self.vocabulary = {w for c in counts.values() for w in c}

    @staticmethod
    def _words(text: str) -> list[str]:
        return [w for w in words(text) if len(w) > 2 and w not in _COMMON]

    def guess(
        self, text: str, default: str = "responsibilities", among: tuple[str, ...] = ()
    ) -> str:
        """`among`: only these topics (a heading that names two: "Job Outlook and
        Salary"); `default` is then the first of them."""
        import math

        known = [w for w in self._words(text) if w in self.vocabulary]
        if len(known) < 2 or not self.counts:
            return default
        size = len(self.vocabulary)
        scores = {
            t: sum(
                math.log((c.get(w, 0) + self.ALPHA) / (self.totals[t] + self.ALPHA * size))
                for w in known
            )
            for t, c in self.counts.items()
            if not among or t in among
        }
        if not scores:
            return default
        ranked = sorted(scores, key=scores.get, reverse=True)
        if len(ranked) > 1 and scores[ranked[0]] - scores[ranked[1]] < 1.0:
            return default if default in scores and ranked[0] != default else ranked[0]
        return ranked[0]


def sentence_pieces(text: str) -> list[str]:
    """A paragraph split into its sentences, as written: "the U.S. Bureau of ...", "e.g.
    Go" end none."""
    pieces: list[str] = []
    for piece in SENTENCE.split(text):
        if pieces and ABBREVIATION.search(pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return pieces


def sentences(text: str) -> list[str]:
    """A paragraph's sentences worth keeping as facts: not fragments, not questions."""
    out = []
    pieces = sentence_pieces(text)
    least = MIN_WORDS if len(pieces) > 1 else 2  # a cell or a line may be short
    for piece in pieces:
        piece = piece.strip()
        if (
            len(piece.split()) >= least
            and not piece.endswith(("?", ":"))  # a question, or what introduces a list
            and not (piece.startswith("(") and piece.endswith(")"))  # an aside
        ):
            out.append(piece)
    return out


def _row_text(block: Block) -> str:
    """A table row as one line: its first cell, then the others; a date or a figure
    after its column's heading ("Spring: Level cases due 1 March; Ladder Council
    meets weeks 2-3 of March"), since alone it does not say what it is. A name needs
    no heading ("Engineer 1: IC2")."""
    first, *rest = [(h, c) for h, c in zip(_padded(block), block.cells) if c]
    labelled = [f"{h} {c}" if _is_label(h) and _is_figure(c) else c for h, c in rest]
    return f"{first[1]}: {'; '.join(labelled)}"


_DIGIT = re.compile(r"\d")


LABEL_WORDS = 4  # a column heading, not a sentence ("What we expect at Staff")


def _is_label(heading: str) -> bool:
    return bool(heading) and len(heading.split()) <= LABEL_WORDS and not _DIGIT.search(heading)


def _is_figure(cell: str) -> bool:
    """A date, an amount or a count, not a level's name or code ("IC2", "Engineer 1")."""
    return bool(_DIGIT.search(cell)) and parse_level(cell) is None


def _padded(block: Block) -> tuple[str, ...]:
    if len(block.header) != len(block.cells):
        return ("",) * len(block.cells)
    return block.header


def fact_texts(block: Block) -> list[str]:
    """The facts a block holds: a bullet or a row is one, a paragraph one per sentence."""
    if block.kind == "row":
        return (
            [_row_text(block)]
            if sum(bool(c) for c in block.cells) >= 2
            else list(filter(None, block.cells))
        )
    if block.kind == "bullet":
        if len(block.text.split()) < 2:
            return []
        # "Beginner: You understand scope of work...": what it is said of, kept with it;
        # and the sentence it finishes ("... helps managers: set a fair level of pay")
        if block.intro:
            return [f"{block.intro} {block.text}"]
        return [f"{block.under}: {block.text}" if block.under else block.text]
    if block.kind == "para":
        return sentences(block.text)
    if block.kind == "heading" and is_statement(block.text):
        return [block.text]
    return []


STATEMENT_WORDS = 8


def is_statement(heading: str) -> bool:
    """A heading that is a sentence of what is expected ("You can confidently tackle
    many of the problems faced by your team.") rather than a section's name: a fact,
    and the heading of the examples under it."""
    return heading.rstrip().endswith(".") and len(heading.split()) >= STATEMENT_WORDS


def _heading_phrases(heading: str) -> list[str]:
    """How a question names a competency heading: whole, the noun it is "of" ("Leadership
    of Self and Others" -> "leadership", never "others"), each of its joined parts
    ("Planning and Organising" -> "planning", "organising"), two words run together
    ("Team Work" -> "teamwork")."""
    whole = " ".join(heading.lower().split())
    head = whole.split(" of ")[0].strip()
    parts = [p.strip() for p in re.split(r"\s*(?:&|\band\b|/|,)\s*", head)]
    pair = head.split()
    joined = ["".join(pair)] if len(pair) == 2 and all(len(w) <= 5 for w in pair) else []
    return list(dict.fromkeys(p for p in [whole, head, *parts, *joined] if p))
