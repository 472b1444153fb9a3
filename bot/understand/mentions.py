"""Which roles a question names, and whether a level word really means the level.

A role is found by its longest alias ("senior backend engineer" before "senior").
Level words such as "senior", "lead" or "staff" also mean other things ("senior
discount", "lead paint", "staff room"), so a role found only through such a word
(a `context_alias`) is kept only when the rest of the question allows it:
- a word from the out-of-scope examples ("loan", "citizen") with no engineering
  word beside it means the question is not about the ladder;
- an unknown word right before the level word makes a different job ("sales lead",
  "store manager"); right after it, a different thing ("lead singer", "staff room"),
  unless the question has a clear topic ("a principal's main duties").
Titles the ladder does not have ("frontend engineer", "CTO") are found the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon
from .index import MODIFIERS, STOPWORDS, RouterIndex
from .stems import stem


@dataclass
class Mention:
    role: str
    start: int
    end: int
    contextual: bool
    score: float = 1.0


@dataclass(frozen=True)
class OtherRole:
    title: str
    start: int
    end: int


def find_mentions(words: list[str], index: RouterIndex, scores: list[float]) -> list[Mention]:
    found, i = [], 0
    while i < len(words):
        for n in range(min(index.max_alias, len(words) - i), 0, -1):
            hit = index.aliases.get(tuple(words[i : i + n]))
            if hit:
                found.append(Mention(hit[0], i, i + n, hit[1], min(scores[i : i + n])))
                i += n
                break
        else:
            i += 1
    return found


# Nouns for people that a level word describes without making a compound of them:
# "senior teammates", "junior colleagues".
PEOPLE = frozenset(
    """teammate colleague coworker peer member hire folk employee staffer individual
    contributor talent guy gal""".split()
)
AUXILIARIES = frozenset("do does did can could should would will must might may shall".split())

# Nouns that make a job title of the word before them: "civil engineer", "ux designer",
# "landscape architect". With a word the ladder never uses in front, the title is
# one the ladder does not have, even when ladder.yaml's other_roles does not list it.
TITLE_HEADS = frozenset(
    """engineer developer programmer designer scientist analyst architect manager
    administrator tester consultant specialist technician director officer""".split()
)


def find_other_roles(
    words: list[str], index: RouterIndex, typed: list[str] | None = None
) -> list[OtherRole]:
    """Titles this ladder does not have: those listed in ladder.yaml, and a title head
    ("engineer") after a word none of the ladder's files use ("civil engineer")."""
    stems = [stem(w) for w in words]
    typed = typed or words
    found, i = [], 0
    while i < len(words):
        for n in range(min(index.max_other, len(words) - i), 0, -1):
            key = tuple(stems[i : i + n]) if n > 1 else (words[i],)
            title = index.other_roles.get(key)
            if title:
                found.append(OtherRole(title, i, i + n))
                i += n
                break
        else:
            if (
                i + 1 < len(words)
                and words[i + 1] in TITLE_HEADS
                and (words[i], words[i + 1]) not in index.aliases
                and is_unknown(words[i], index)
                and words[i] not in index.alias_words
            ):
                found.append(OtherRole(f"{typed[i]} {typed[i + 1]}".title(), i, i + 2))
                i += 2
            else:
                i += 1
    return found


def is_unknown(word: str, index: RouterIndex, strict: bool = False) -> bool:
    """A content word the ladder's files never use: it could be the noun a level word
    describes ("citizen", "singer"). strict: not even a word the questions people ask
    use (the facts' general English, "room", "pass", does not count)."""
    known = index.question_words if strict else index.vocabulary
    return (
        word.isalpha()
        and len(word) >= 3
        and word not in known
        and word not in STOPWORDS
        and word not in MODIFIERS
    )


def keep_contextual(
    m: Mention,
    words: list[str],
    index: RouterIndex,
    *,
    engineering: bool,
    strong_topic: bool,
    trap: bool,
    plural: bool,
) -> bool:
    """Whether a role found only through a level word is meant as that level. A plural
    ("seniors", "leads") names people, never the first half of a compound."""
    if trap and not engineering:
        return False
    before = words[m.start - 1] if m.start > 0 else ""
    after = words[m.end] if m.end < len(words) else ""
    if before in index.trap_words or after in index.trap_words:
        return False  # "senior discount", "sales lead", whatever else the question says
    if _pair(words, m) & index.trap_pairs:  # "junior high", "staff meeting"
        return False
    if (
        before
        and is_unknown(before, index, strict=True)
        and not engineering
        and not lexicon.is_adverb(before)  # "almost mid"
    ):
        return False  # "sales lead", "school principal", "store manager"
    compound = (
        bool(after)
        and is_unknown(after, index, strict=True)
        and after not in PEOPLE
        and not lexicon.is_adverb(after)  # "can a junior realistically have"
        and m.end - m.start == 1
    )
    if plural or engineering:
        return True
    helped = word_before(m, words) in AUXILIARIES and not {"do", "does"} & set(words[m.end :])
    if strong_topic and not (helped and after in index.fact_verbs):
        # "senior salary" yes; "a senior bus pass" no, whatever it asks about - but
        # "does a principal evaluate technologies": a verb the duties use.
        return not compound
    if helped:
        # "does a principal encourage...", "can a senior handle...": after a helping
        # verb and its subject comes a verb, not the second half of a compound - unless
        # the verb comes later ("what does a lead guitarist do").
        return True
    return not compound  # "lead singer", "staff room"


def trap_beside(m: Mention, words: list[str], index: RouterIndex) -> bool:
    """The level word is half of something else: "senior discount", "junior high"."""
    before = words[m.start - 1] if m.start > 0 else ""
    after = words[m.end] if m.end < len(words) else ""
    return (
        before in index.trap_words
        or after in index.trap_words
        or bool(_pair(words, m) & index.trap_pairs)
    )


def _pair(words: list[str], m: Mention) -> set[tuple[str, str]]:
    """The level word with each neighbour, as the out-of-scope examples pair them."""
    word = words[m.start]
    out = set()
    if m.start > 0:
        out.add((words[m.start - 1], word))
    if m.end < len(words):
        out.add((word, words[m.end]))
    return out


# How the other words of a sentence relate to a role mention.
ARTICLES = frozenset({"a", "an", "the", "my", "our", "your", "their", "his", "her"})
SOURCE_MARKERS = frozenset({"from", "as", "im", "am", "currently", "being"})
TARGET_MARKERS = frozenset(
    {"to", "into", "become", "becoming", "towards", "toward", "reach", "reaching", "be"}
)
ONWARD_MARKERS = frozenset({"after", "beyond", "past", "above", "from", "as"})
# Words before a role that make it the object of a sentence, not its subject:
# "do leads mentor juniors", "is working with principals part of a senior's job".
OBJECT_MARKERS = frozenset({"with", "for", "by", "than", "under", "over", "to", "like"})


# Words before another title that make it the company a role keeps, not the subject:
# "do seniors work with product managers".
PEERS = frozenset({"with", "by", "than", "like", "alongside", "and", "under", "over"})


def word_before_index(words: list[str], start: int) -> str:
    """The word before position start, articles skipped."""
    j = start - 1
    while j >= 0 and words[j] in ARTICLES:
        j -= 1
    return words[j] if j >= 0 else ""


def word_before(m: Mention, words: list[str]) -> str:
    return word_before_index(words, m.start)


# Words that set a role aside: "what else is there *besides* management", "paths
# *other than* lead". The role after them is what the question is not about.
EXCLUDING = frozenset({"besides", "beside", "except", "excluding", "beyond", "but"})
EXCLUDING_PAIRS = frozenset(
    {
        ("other", "than"),
        ("outside", "of"),
        ("apart", "from"),
        ("aside", "from"),
        ("instead", "of"),
        ("rather", "than"),
        ("not", "into"),
    }
)


_DEGREE = frozenset("most more less least very so too quite pretty fairly".split())
_GRADED = frozenset({"senior", "junior"})  # level words English also grades


def adjective(m: Mention, words: list[str]) -> bool:
    """A level word used as an adjective of degree: "the most senior IC", "more junior
    people" - seniority, not the role."""
    return (
        m.end - m.start == 1
        and words[m.start] in _GRADED
        and m.start > 0
        and words[m.start - 1] in _DEGREE
    )


_SAYING = frozenset(
    "say says said tell tells told think thinks thought ask asks asked keeps kept feels want "
    "wants wanted wonders wondering".split()
)
_FIRST_PERSON = frozenset({"i", "im", "me", "my", "ive", "id", "myself"})
_SOFTENERS = frozenset({"just", "very", "really", "merely", "only", "simply"})


def names_a_track(m: Mention, words: list[str]) -> bool:
    """ "the management track", "the senior ladder": a track, not the role."""
    return m.contextual and m.end < len(words) and words[m.end] in ("track", "ladder")


def set_aside(m: Mention | OtherRole, words: list[str]) -> bool:
    """The mention follows a word that excludes it ("besides management")."""
    j = m.start - 1
    while j >= 0 and (words[j] in ARTICLES or words[j] in MODIFIERS or words[j] in _SOFTENERS):
        j -= 1  # "rather than just a very good senior"
    if j < 0:
        return False
    return words[j] in EXCLUDING or (j > 0 and (words[j - 1], words[j]) in EXCLUDING_PAIRS)


def asker_first(mentions: list[Mention], words: list[str]) -> list[str]:
    """Roles in mention order, except that the one the asker is comes before the one
    they are heading to: "should I go into management or stay IC as a senior"."""

    offered = any(joined(a, b, words, frozenset({"or"})) for a, b in zip(mentions, mentions[1:]))

    def marker(m: Mention) -> int:
        if m.end < len(words) and words[m.end] in _SAYING:
            return 3  # "my manager says im operating at staff": someone quoted
        word = word_before(m, words)
        if word == "after":
            # "is lead or EM the next move after sr": with alternatives offered, where
            # one stands; "is staff the next step after senior": the subject, staff
            return -1 if offered else 0
        if (word in AUXILIARIES or word in ("is", "are")) and m.start <= 2:
            return 0  # "is staff a promotion from senior": the subject
        return 0 if word in SOURCE_MARKERS else 2 if word in TARGET_MARKERS else 1

    return list(dict.fromkeys(m.role for m in sorted(mentions, key=marker)))


def direction(m: Mention, words: list[str]) -> str:
    """ "into" for how to become the role ("to staff"), "onward" for what comes after it
    ("after staff", "from senior", "senior, what's next"), else ""."""
    before = word_before(m, words)
    if before in TARGET_MARKERS:
        return "into"
    if before in ONWARD_MARKERS or "next" in words[m.end :]:
        return "onward"
    return ""


def subject(mentions: list[Mention], words: list[str], index: RouterIndex) -> Mention:
    """The role a sentence is about when it names several with no comparison or move:
    the first that is not an object ("do leads mentor *juniors*", "is mentoring
    *juniors* part of the lead role")."""

    def is_object(m: Mention) -> bool:
        before = word_before(m, words)
        if before in OBJECT_MARKERS:
            return True
        if before in ("only", "just") and word_before_index(words, m.start - 1) == "or":
            return True  # "hiring mids right now or only seniors": the alternative
        verb = before and before not in STOPWORDS and before not in index.alias_words
        return bool(verb) and before not in index.domain_words and m.start > 0

    def is_asker(m: Mention) -> bool:
        # "as an EM, what should my tech lead handle", "manager question: ...": who
        # is asking, when the question is about someone else.
        after = words[m.end] if m.end < len(words) else ""
        # ...or reported: "my manager says im operating at staff"
        return (
            word_before(m, words) == "as"
            or after in _SAYING
            or (m.start <= 1 and after == "question")
        )

    subjects = [m for m in mentions if not is_object(m)]
    # the asker only when no one else is: "as a senior, do i mentor juniors"
    found = next((m for m in subjects if not is_asker(m)), None)
    if found:
        return found
    askers = [m for m in mentions if is_asker(m)]
    if askers and not _FIRST_PERSON & set(words[askers[0].end :]):
        # "as a manager justifying headcount: what does adding a senior bring" - the
        # question is not about the asker, so the role it names, even as an object
        return next((m for m in mentions if not is_asker(m)), mentions[0])
    return subjects[0] if subjects else mentions[0]


def joined(a: Mention, b: Mention, words: list[str], joiners: frozenset[str]) -> bool:
    """Two mentions with only a joining word (and articles) between: "staff or
    principal", "junior to senior"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = [w for w in words[first.end : second.start] if w not in ARTICLES]
    return len(between) == 1 and between[0] in joiners
