"""The frame: one object per question, made once and handed forward through the stages.

    tokenize, segment (normalise.py) -> spell (spell.py) -> small talk (chat.py)
    -> roles (roles.py) -> phrases (phrases.py) -> cues (cues.py)
    -> sense and scope (sense.py) -> structure (structure.py) -> topic (topic.py)
    -> the Intent (router.py)

Each stage reads fields earlier stages filled and adds its own; none goes back to
the raw text. Word-level rules live in the stages that read words (spelling, roles,
cues, sense); structure and topic reason over spans, marks and cues. `explain()`
shows the whole frame, for `ask --explain`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ladder.model import KnowledgeBase
from .facts import FactRef
from .intent import CommandHint


@dataclass
class Span:
    """Words that name one of the ladder's roles: "senior engineer", "IC 5".

    `roles` holds every role the words may name (a level code shared by several
    tracks names several); `role` is the one understanding settled on. `marks` are
    what the words around it say about it (cues.py): "set_aside", "asker", ..."""

    role: str
    start: int
    end: int
    contextual: bool  # found only through a level word ("senior"): context decides
    score: float = 1.0  # 1.0, or how sure the spelling correction inside it is
    roles: tuple[str, ...] = ()
    marks: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.roles:
            self.roles = (self.role,)

    @property
    def ambiguous(self) -> bool:
        return len(self.roles) > 1


@dataclass(frozen=True)
class Title:
    """A job title this ladder does not have: "data scientist", "CTO"."""

    title: str
    start: int
    end: int
    marks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pair:
    """How two role spans (first, second, in text order) are joined."""

    joiner: str = ""  # the one word between them, articles skipped: "or", "to", "vs"
    in_a_row: bool = False  # nothing, "and" or "then" between: "junior, mid, senior"
    or_near: bool = False  # an "or" within a few words: "going TL or pushing for staff"
    or_between: bool = False  # an "or" anywhere between them
    picked: bool = False  # "between staff and mgmt"
    up_to: bool = False  # "junior thru principal": a range
    to_between: bool = False  # a "to" between them
    contrasted: bool = False  # "what can a mid do that a junior cant"


@dataclass
class Cues:
    """What the question's words say as a whole (cues.py)."""

    form: str = ""  # "yes_no", "how_long", "share" or ""
    asking_form: str = ""  # the form of the asking sentence of a long message
    refers_back: bool = False  # the asking sentence points back: "what is that role"
    weighing: bool = False  # a word that weighs one thing against another: "or", "more"
    areas_asked: bool = False  # "what competencies are we assessed on": the ladder's areas
    head: int = -1  # where the thing a wh-question asks for is ("what *tools*")
    absence: bool = False  # "what would a team lose": what a missing role does
    all_roles: bool = False  # "all the roles", "every level"
    how_for_oneself: bool = False  # "how do i / how would you ..."
    listing: bool = False  # "all", "every", "list", "whole"...
    level_words: bool = False  # "level", "ladder"
    ladder_word: bool = False  # "ladder"
    ladder_named: bool = False  # "the framework", "our career ladder": the ladder itself
    ladder_cited: bool = False  # "according to the ladder": where the answer is to be found
    things_compared: tuple[int, ...] = ()  # where "vs" is: "node vs django"
    individual: bool = False  # "IC", "individual": with a track, the tracks
    clause_ors: tuple[int, ...] = ()  # where an "or" opens a question of its own
    tracks_named: frozenset[str] = frozenset()  # tracks the question names outside roles
    readiness: bool = False  # asks what a level expects before reaching it
    condition: str = ""  # "no_management" ("I don't want to manage"), "management"
    request: bool = False  # help with a thing or a task ("any ideas", "review my PR")
    own_conduct: bool = False  # what the asker should do themselves: "should i ping"
    broken: bool = False  # a thing reported broken: "staging is down again"
    errand: bool = False  # for people to do now: "need a reviewer", "move retro to friday"
    # a person wanted, not a role: "now" ("who's leading the retro today"), "someone"
    # ("who has the voucher", "who's the TPM for the migration")
    person: str = ""
    announcement: bool = False  # no question, a time set: "retro moved to 4pm today"
    which_level: bool = False  # "which dev levels mentor", "from which TL level ..."


@dataclass
class Frame:
    """Everything understood about one question so far."""

    text: str
    kb: KnowledgeBase
    hint: CommandHint | None = None
    # tokenize, segment, spell
    words: list[str] = field(default_factory=list)  # as understood
    typed: list[str] = field(default_factory=list)  # as typed, plurals kept
    cased: list[str] = field(default_factory=list)  # as typed, capitals kept too
    scores: list[float] = field(default_factory=list)
    corrections: list[tuple[str, str]] = field(default_factory=list)
    focus: int = 0  # where the asking sentence of a long message starts
    clause_starts: frozenset[int] = frozenset()  # words that start a clause (", " ": ")
    # small talk
    chat: str | None = None
    # roles, titles, phrases
    spans: list[Span] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    free: list[bool] = field(default_factory=list)  # not inside a role span
    phrases: dict = field(default_factory=dict)  # topic -> phrases.Found
    strong: set[str] = field(default_factory=set)
    # cues
    cues: Cues = field(default_factory=Cues)
    pairs: dict[tuple[int, int], Pair] = field(default_factory=dict)  # by span starts
    # sense and scope
    domain: bool = False  # a domain term ("engineer", "career ladder")
    technical: bool = False  # a word or phrase from the facts rare in English
    engineering: bool = False
    kept: list[Span] = field(default_factory=list)  # spans that mean a role here
    near: list[str] = field(default_factory=list)  # roles named but not meant
    trapped: bool = False  # a level word that means something else ("senior discount")
    asked: object = None  # asked.Asked: what the question asks, facts' side
    # structure
    role: str | None = None
    other: str | None = None
    topic: str | None = None
    direction: str = ""
    guessed: Title | None = None
    unknown: Title | None = None
    choices: tuple[str, ...] = ()  # the roles a name could mean, when the bot asks which
    family: tuple[str, ...] = ()  # the levels a family's name covers ("tech lead": TL4-7)
    asked_as: str = ""
    holders: tuple[str, ...] = ()  # "which levels ...": the roles whose facts say so
    # topic
    margin: float = 1.0
    facts: tuple[FactRef, ...] = ()
    terms: tuple[str, ...] = ()
    ranked: tuple[FactRef, ...] = ()
    supported: bool = False
    declined: bool = False
    trail: list[str] = field(default_factory=list)  # why, stage by stage (--explain)

    def framing(self) -> frozenset[str]:
        """Stems of the topic phrases found ("expected to", "hiring"): they say what
        kind of answer is wanted, not which fact holds it."""
        return frozenset(x for found in self.phrases.values() for p in found.stems for x in p)

    def note(self, stage: str, text: str) -> None:
        self.trail.append(f"{stage}: {text}")

    def span_text(self, span: Span | Title) -> str:
        """The words of a span as typed, capitals kept ("IC 5")."""
        shown = self.cased if len(self.cased) == len(self.typed) else self.typed
        return " ".join(shown[span.start : span.end])

    def explain(self) -> str:
        """A maintainer's view of how the question was read."""
        lines = [f"question: {self.text!r}"]
        shown = [w if w == t else f"{w} (typed {t})" for w, t in zip(self.words, self.typed)]
        lines.append("words: " + " | ".join(shown))
        if self.focus:
            lines.append(f"asking sentence starts at word {self.focus}")
        if self.chat:
            lines.append(f"small talk: {self.chat}")
        for span in self.spans:
            kept = "kept" if span in self.kept else "not meant"
            roles = "/".join(span.roles)
            marks = ", ".join(sorted(span.marks)) or "-"
            lines.append(
                f"role span {self.span_text(span)!r} -> {roles} ({kept}"
                f"{', level word' if span.contextual else ''}); marks: {marks}"
            )
        for title in self.titles:
            lines.append(f"title the ladder lacks: {title.title}")
        for topic, found in self.phrases.items():
            said = ", ".join(" ".join(p) for p in found.words) or "-"
            lines.append(f"phrases of {topic}: {found.strong} strong ({said}), {found.weak} weak")
        shown = {k: v for k, v in vars(self.cues).items() if v not in ("", False, -1, ())}
        said = ", ".join(
            f"{k}={', '.join(sorted(map(str, v)))}"
            if isinstance(v, (frozenset, tuple))
            else (k if v is True else f"{k}={v}")
            for k, v in shown.items()
            if v != frozenset()
        )
        lines.append(f"cues: {said or '-'}")
        lines.append(
            f"scope: domain={self.domain} technical={self.technical} "
            f"engineering={self.engineering} trapped={self.trapped}"
        )
        lines.extend(self.trail)
        return "\n".join(lines)
