"""Topic phrases found in a question: "what does ... do", "code review", "salary".

A phrase is a word pattern from topics.yaml; "..." stands for up to MAX_GAP words.
Words inside a role mention are not "free" and never match ("senior" in "senior
engineer" is not the ladder topic's "senior").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..stems import stem
from .index import GAP, RouterIndex

MAX_GAP = 4
# A frame ending in a verb after a gap ("what does ... make", "how much ... get") is
# about the role's pay or duties only when the verb ends the frame: followed by one
# of these it has an object of its own ("what does a lead do to make the system more
# reliable", "how much do seniors get the chance to design").
OBJECT_STARTS = frozenset("the their our my your his her its it them this that sure".split())


def _span_at(words, free, pattern, i) -> tuple[int, ...] | None:
    """The positions of pattern's words when it matches at i, else None."""
    if not pattern:
        return ()
    if pattern[0] == GAP:
        for j in range(i, min(len(words), i + MAX_GAP) + 1):
            rest = _span_at(words, free, pattern[1:], j)
            if rest is not None:
                return rest
        return None
    if i < len(words) and free[i] and words[i] == pattern[0]:
        rest = _span_at(words, free, pattern[1:], i + 1)
        if rest is not None:
            return (i, *rest)
    return None


def span(words: list[str], free: list[bool], pattern: tuple[str, ...]) -> tuple[int, ...] | None:
    """Where pattern first matches (its words' positions), or None. Tried only where
    its first word is: most patterns are not in most questions."""
    first = pattern[0] if pattern else GAP
    for i, w in enumerate(words):
        if first == GAP or w == first:
            found = _span_at(words, free, pattern, i)
            if found is not None:
                return found
    return None


def _takes_object(words: list[str], pattern: tuple[str, ...], at: tuple[int, ...]) -> bool:
    """A frame with a gap whose last word is followed by the start of an object."""
    if GAP not in pattern or pattern[-1] == GAP or not at:
        return False
    after = at[-1] + 1
    return after < len(words) and words[after] in OBJECT_STARTS


POSSESSIVES = frozenset("my your his her its our their".split())
# Turns of phrase that use a topic word for something else: "different in practice"
# is not about team practices, "in general" not about anything.
# ...and "rather than", "other than" set something aside rather than compare.
IDIOMS = frozenset(
    {("in", "practice"), ("in", "theory"), ("in", "general"), ("rather", "than"), ("other", "than")}
)


# Longer turns of phrase, possessives skipped: "above their pay grade" is not about
# pay, nor "a waste of money".
LONG_IDIOMS = (
    ("above", "pay", "grade"),
    ("below", "pay", "grade"),
    ("beyond", "pay", "grade"),
    ("waste", "of", "money"),
    ("to", "earn", "it"),  # "what should i be doing to earn it": to deserve it
    ("above", "that"),  # "or are they above that now": too senior for it, no comparison
    ("below", "them"),
)
_IDIOM_ENDS = frozenset(idiom[-1] for idiom in LONG_IDIOMS)


# a topic word as the first half of a compound noun that names something else
NOUN_COMPOUNDS = frozenset(
    {("hiring", "manager"), ("hiring", "managers")}  # "the hiring manager asked"
    | {("paid", w) for w in ("product", "version", "plan", "tier", "license", "tool", "app")}
)  # "is postgres a paid product or free": pricing, not pay
# "the next person", "next week": "next" of something other than a level or a step
NEXT_OTHER = frozenset(  # (not "review": "my next review" is where a move is decided)
    "person people one week weeks month months year years day days time sprint quarter "
    "meeting release".split()
)


def _idiom(words: list[str], pattern: tuple[str, ...], at: tuple[int, ...]) -> bool:
    after = words[at[-1] + 1] if at[-1] + 1 < len(words) else ""
    if pattern == ("next",) and after in NEXT_OTHER:
        return True
    if len(pattern) == 1 and (pattern[0], after) in NOUN_COMPOUNDS:
        return True  # "the hiring manager asked": a person, not hiring
    if pattern[-1] == "different" and at[-1] > 0 and words[at[-1] - 1] in ("the", "all"):
        return True  # "what are the different levels": kinds of them, not a comparison
    return len(pattern) == 1 and at[0] > 0 and (words[at[0] - 1], words[at[0]]) in IDIOMS


def idiom_spans(words: list[str]) -> set[int]:
    """Positions of the words in a long idiom."""
    kept = [(i, w) for i, w in enumerate(words) if w not in POSSESSIVES]
    found: set[int] = set()
    for idiom in LONG_IDIOMS:
        n = len(idiom)
        for k in range(len(kept) - n + 1):
            if tuple(w for _, w in kept[k : k + n]) == idiom:
                found.update(i for i, _ in kept[k : k + n])
    return found


# words between "than" and the role it weighs: "than even a", "than most", "than our"
BEFORE_A_ROLE = POSSESSIVES | frozenset(
    "a an the most even typical typically all other many some any just only usual regular "
    "normal ordinary plain staying being remaining".split()  # "than staying senior eng"
)


def _than_a_thing(words: list[str], free: list[bool], pattern: tuple[str, ...], at) -> bool:
    """ "more than coding", "more than 5 years": "than" weighs roles only when one
    follows it ("more than a senior"), or nothing does ("who earns more than?")."""
    if pattern != ("than",):
        return False
    j = at[0] + 1
    while j < len(words) and words[j] in BEFORE_A_ROLE:
        j += 1  # "than most seniors", "than even a staff engineer"
    return j < len(words) and free[j]


SETTING_WORDS = 3  # "at a (large) software company": where, in a few words


def settings(words: list[str]) -> set[int]:
    """Positions of the words saying where ("at a software company", "at a bank"): the
    setting of a question, not what it asks about."""
    found: set[int] = set()
    for i, w in enumerate(words[:-1]):
        if w == "at" and words[i + 1] in ("a", "an"):  # not "at the next level"
            found.update(range(i, min(len(words), i + 2 + SETTING_WORDS)))
    return found


def _possessive_own(words: list[str], pattern: tuple[str, ...], at: tuple[int, ...]) -> bool:
    """ "their own", "my own": the adjective, not the verb a duty phrase means."""
    return pattern == ("own",) and bool(at) and at[0] > 0 and words[at[0] - 1] in POSSESSIVES


def contains(words: list[str], free: list[bool], pattern: tuple[str, ...]) -> bool:
    return not pattern or span(words, free, pattern) is not None


@dataclass
class Found:
    """The phrases of one topic found in a question."""

    strong: int = 0
    weak: int = 0
    naming: int = 0  # strong phrases naming the topic: one topic word, or its title's
    # the strong phrases as stems, to tell whether a fact holds what they name
    stems: list[tuple[str, ...]] = field(default_factory=list)
    words: list[tuple[str, ...]] = field(default_factory=list)  # ...and as written
    at: set[int] = field(default_factory=set)  # where the strong phrases are
    weak_at: set[int] = field(default_factory=set)  # ...and the weak ones


def phrase_scores(words: list[str], free: list[bool], index: RouterIndex) -> dict[str, Found]:
    """Topic -> the phrases of it found.

    A phrase names its topic when it is made of topic words only ("skills",
    "salary"), not of a thing the facts talk about ("code review"). When a strong
    phrase of one topic lies inside a longer one of another ("reach" in "reach for
    an in-memory cache"), the longer one is what was said."""
    matches = []
    starts = index.phrase_starts
    present = set(words)
    tried = sorted({i for w in present for i in starts.get(w, ())})  # in file order
    idioms = idiom_spans(words) if _IDIOM_ENDS & present else set()
    idioms |= settings(words)
    for i in tried:
        topic, pattern, weight = index.phrases[i]
        if not index.phrase_words_of[i] <= present:
            continue  # a word of it is missing: it cannot match
        at = span(words, free, pattern)
        if (
            at is None
            or _takes_object(words, pattern, at)
            or _possessive_own(words, pattern, at)
            or _than_a_thing(words, free, pattern, at)
            or _idiom(words, pattern, at)
            or (idioms and set(at) <= idioms)
        ):
            continue
        matches.append((topic, pattern, weight, frozenset(at)))
    if index.stem_phrases:
        for j, w in enumerate(words):
            if free[j] and w not in index.single_phrases:
                for i in index.stem_phrases.get(stem(w), ()):
                    topic, pattern, weight = index.phrases[i]
                    matches.append((topic, pattern, weight, frozenset({j})))
    longer = [(t, at) for t, _, w, at in matches if w == 2]
    scores: dict[str, Found] = {}
    covered: dict[str, set[int]] = {}  # words a topic's strong phrases already used
    for topic, pattern, weight, at in matches:
        if weight == 2 and any(t != topic and at < other for t, other in longer):
            continue
        found = scores.setdefault(topic, Found())
        used = covered.setdefault(topic, set())
        if weight == 2 and not at & used:  # "to become" and "become a": once
            used.update(at)
            found.at.update(at)
            found.strong += 1
            found.stems.append(tuple(stem(w) for w in pattern if w != GAP))
            found.words.append(tuple(w for w in pattern if w != GAP))
            if (
                pattern in index.naming_phrases
                and (len(pattern) == 1 or set(pattern) & index.title_words[topic])
            ) or _heading_named(found.stems[-1], index.heading_stems.get(topic, ())):
                found.naming += 1  # "salary", "pay": not a frame such as "become a"
        elif weight != 2:
            found.weak += 1
            found.weak_at.update(at)
    return scores


def _heading_named(stems: tuple[str, ...], headings: tuple[frozenset[str], ...]) -> bool:
    """Two words or more of the heading of a list the topic reads: "problem solving" for
    Problem Solving & Decision Making names that list's topic as its title would."""
    return len(stems) > 1 and any(set(stems) <= heading for heading in headings)
