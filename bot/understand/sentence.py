"""How the rest of a sentence relates to the roles it names: which one it is about,
where a move starts and ends, which roles are set aside, asked on someone's behalf,
or used as a plain adjective ("the most senior IC"), and whether two are joined
("staff or principal"). The roles themselves are found by bot/understand/mentions.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon
from .index import MODIFIERS, STOPWORDS, RouterIndex

if TYPE_CHECKING:
    from .mentions import Mention, OtherRole

AUXILIARIES = frozenset("do does did can could should would will must might may shall".split())

# How the other words of a sentence relate to a role mention.
ARTICLES = frozenset({"a", "an", "the", "my", "our", "your", "their", "his", "her"})
SOURCE_MARKERS = frozenset({"from", "as", "im", "am", "currently", "being"})
TARGET_MARKERS = frozenset(
    {"to", "into", "become", "becoming", "towards", "toward", "reach", "reaching", "be"}
)
ONWARD_MARKERS = frozenset({"after", "beyond", "past", "above", "from", "as"})
AFTER_MARKERS = frozenset({"after", "beyond", "past", "above"})  # "what's after staff"
# Verbs of reaching a level: "make senior", "becoming a lead".
REACHING = frozenset("make making become becoming reach reaching".split())
# Words before a role that make it the object of a sentence, not its subject:
# "do leads mentor juniors", "is working with principals part of a senior's job".
OBJECT_MARKERS = frozenset({"with", "for", "by", "than", "under", "over", "to", "like"})


# Words before another title that make it the company a role keeps, not the subject:
# "do seniors work with product managers".
PEERS = frozenset({"with", "by", "than", "like", "alongside", "and", "under", "over"})


def index_before(words: list[str], start: int) -> int:
    """The position of the word before `start`, articles skipped (-1 if none)."""
    j = start - 1
    while j >= 0 and words[j] in ARTICLES:
        j -= 1
    return j


def word_before_index(words: list[str], start: int) -> str:
    """The word before position start, articles skipped."""
    j = index_before(words, start)
    return words[j] if j >= 0 else ""


def word_before(m: Mention, words: list[str]) -> str:
    return word_before_index(words, m.start)


# Words that set a role aside: "what else is there *besides* management", "paths
# *other than* lead". The role after them is what the question is not about.
EXCLUDING = frozenset({"besides", "beside", "except", "excluding", "but", "without"})
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
    if not (m.end - m.start == 1 and words[m.start] in _GRADED and m.start > 0):
        return False
    before = words[m.start - 1]
    if before in ("most", "least"):
        # "the most senior IC" - but "do most senior folks have a degree": most of them
        return m.start > 1 and words[m.start - 2] == "the"
    return before in _DEGREE


_SAYING = frozenset(
    "say says said tell tells told think thinks thought ask asks asked keeps kept feels want "
    "wants wanted wonders wondering".split()
)
_KEEP_SAYING = (["keep", "saying"], ["keep", "telling"])
FIRST_PERSON = frozenset({"i", "im", "me", "my", "ive", "id", "myself"})
_SOFTENERS = frozenset({"just", "very", "really", "merely", "only", "simply", "ever", "being"})
# A move between the excluding word and the role: "besides going into management".
_MOVING = frozenset(
    "going moving switching becoming heading getting staying into to towards".split()
)
_BEFORE_SET_ASIDE = ARTICLES | MODIFIERS | _SOFTENERS | _MOVING


def names_a_track(m: Mention, words: list[str]) -> bool:
    """ "the management track", "the senior ladder": a track, not the role."""
    return m.contextual and m.end < len(words) and words[m.end] in ("track", "ladder")


def tracks_compared(m: Mention, words: list[str]) -> bool:
    """ "is there an IC track and a management track": the tracks, so the ladder."""
    return names_a_track(m, words) and bool({"ic", "individual"} & set(words))


def set_aside(m: Mention | OtherRole, words: list[str]) -> bool:
    """The mention follows a word that excludes it ("besides management")."""
    j = m.start - 1
    while j >= 0 and words[j] in _BEFORE_SET_ASIDE:
        j -= 1  # "rather than just a very good senior", "besides moving into management"
    if j < 0:
        return False
    return words[j] in EXCLUDING or (j > 0 and (words[j - 1], words[j]) in EXCLUDING_PAIRS)


def is_quoted(m: Mention, words: list[str]) -> bool:
    """Someone quoted or asking on another's behalf: "my manager says...", "my lead
    wants to know..." - not whom the question is about."""
    after = words[m.end : m.end + 2]
    return bool(after) and (after[0] in _SAYING or after in _KEEP_SAYING)


def leads_as_asker(m: Mention, words: list[str]) -> bool:
    """ "manager question: ...": the role that opens the message names who asks."""
    return m.start <= 1 and words[m.end : m.end + 1] == ["question"]


def asker_first(mentions: list[Mention], words: list[str]) -> list[str]:
    """Roles in mention order, except that the one the asker is comes before the one
    they are heading to: "should I go into management or stay IC as a senior"."""

    offered = any(joined(a, b, words, frozenset({"or"})) for a, b in zip(mentions, mentions[1:]))

    def marker(m: Mention) -> int:
        if is_quoted(m, words):
            return 3  # "my manager says im operating at staff": someone quoted
        word = word_before(m, words)
        if word == "after":
            # "is lead or EM the next move after sr": with alternatives offered, where
            # one stands; "is staff the next step after senior": the subject, staff
            return -1 if offered else 0
        if (word in AUXILIARIES or word in ("is", "are")) and m.start <= 2:
            return 0  # "is staff a promotion from senior": the subject
        if m.start > 0 and words[m.start - 1] in ("my", "our") and word not in STOPWORDS:
            return 3  # "what do i need to show my manager to get out of junior": company
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


# "how does X work for <role>", "what is it like for <role>": the role it is asked for
_HOW_IT = frozenset({"work", "works", "like", "look", "looks", "go", "goes"})


def subject(mentions: list[Mention], words: list[str], index: RouterIndex) -> Mention:
    """The role a sentence is about when it names several with no comparison or move:
    the first that is not an object ("do leads mentor *juniors*", "is mentoring
    *juniors* part of the lead role")."""

    objects: dict[int, bool] = {}

    def is_object(m: Mention) -> bool:
        if m.start not in objects:
            objects[m.start] = _is_object(m)
        return objects[m.start]

    def _is_object(m: Mention) -> bool:
        before = word_before(m, words)
        if before == "for" and word_before_index(words, index_before(words, m.start)) in _HOW_IT:
            return False  # "how does code review work for juniors": about the juniors
        if before in OBJECT_MARKERS:
            return True
        if before in ("only", "just") and word_before_index(words, m.start - 1) == "or":
            return True  # "hiring mids right now or only seniors": the alternative
        if any(
            p.end <= m.start and "or" in words[p.end : m.start] and is_object(p) for p in mentions
        ):
            return True  # "hiring mid folks or is it all senior reqs": the alternative
        verb = before and before not in STOPWORDS and before not in index.alias_words
        return bool(verb) and before not in index.domain_words and m.start > 0

    def is_asker(m: Mention) -> bool:
        # "as an EM, what should my tech lead handle", "manager question: ...": who
        # is asking, when the question is about someone else.
        return (
            word_before(m, words) == "as"
            or is_quoted(m, words)  # "my manager says im operating at staff"
            or leads_as_asker(m, words)
            or (m.start <= 2 and "here" in words[m.end : m.end + 2])  # "sr eng here - ..."
        )

    subjects = [m for m in mentions if not is_object(m)]
    # the asker only when no one else is: "as a senior, do i mentor juniors"
    found = next((m for m in subjects if not is_asker(m)), None)
    if found:
        return found
    askers = [m for m in mentions if is_asker(m)]
    if askers and not FIRST_PERSON & set(words[askers[0].end :]):
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


_WH = frozenset({"what", "which", "any"})  # "any good courses on...": courses
# Words between "what" and the thing asked for: "what kind of tools", "whats the
# usual stack", "which other dbs".
_BEFORE_HEAD = ARTICLES | frozenset(
    "kind sort type types kinds of usual typical main common other best key specific "
    "actual core good useful recommended particular".split()
)


_SOME = frozenset({"a", "an", "any", "some"})


def asked_for(words: list[str], start: int = 0) -> int:
    """Where the thing a question asks for is, or -1: the first word after "what",
    "which", "any" or "how much" that is not an article or a word like "kind of"
    ("what *tools* should a mid know", "how much *impact*"), or after "need a"
    ("does a lead need a *degree*")."""
    for i in range(start, min(len(words), start + 4)):
        # "how much impact": the thing after "how much" too ("how many years" asks
        # for a time, not for experience)
        much = words[i] == "much" and i > 0 and words[i - 1] == "how"
        if words[i] in _WH or much:
            j = i + 1
            while j < len(words) and j - i <= 4:
                if words[j] in ("level", "amount", "degree") and words[j + 1 : j + 2] == ["of"]:
                    j += 2  # "what level of technical depth": the depth
                elif words[j] in _BEFORE_HEAD:
                    j += 1
                else:
                    break
            # "what is a lead accountable for", "what's considered key": a frame or a
            # verb, no thing asked for
            if j >= len(words) or words[j] in STOPWORDS or _participle(words[j]):
                return -1
            return j
    # "does a lead need a degree", "do i need any certs": what is needed
    for i in range(start, len(words) - 2):
        if words[i] == "need" and words[i + 1] in _SOME and words[i + 2] not in STOPWORDS:
            return i + 2
    return -1


def _participle(word: str) -> bool:
    """ "considered", "used": a verb made from an English one - not "speed" or
    "embedded" (whose stems "spe", "embedd" are not words)."""
    return (
        len(word) > 4
        and word.endswith("ed")
        and (lexicon.is_english(word[:-2]) or lexicon.is_english(word[:-1]))
    )
