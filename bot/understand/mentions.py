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
from .sentence import AUXILIARIES, REACHING, word_before
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


TITLE_SHOWN = 60  # characters of a typed title quoted back ("no Xyz Engineer role")

# Nouns for people that a level word describes without making a compound of them:
# "senior teammates", "junior colleagues".
PEOPLE = frozenset(
    """teammate colleague coworker peer member hire folk employee staffer individual
    contributor talent guy gal""".split()
)

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
                title = f"{typed[i]} {typed[i + 1]}".title()[:TITLE_SHOWN]
                found.append(OtherRole(title, i, i + 2))
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


_PARTICLES = (["up"], ["out"], ["off"], ["down"], ["through"])

# Verbs that give someone a level or reach one ("just got made TL", "before someone
# hits senior"): the level after them is the job, never the second half of "sales lead".
_GIVEN = REACHING | frozenset(
    "made named promoted appointed hired became becomes hit hits hitting reaches reached "
    "makes".split()
)


def keep_contextual(
    m: Mention,
    words: list[str],
    index: RouterIndex,
    *,
    engineering: bool,
    strong_topic: bool,
    traps: int,
    plural: bool,
) -> bool:
    """Whether a role found only through a level word is meant as that level. A plural
    ("seniors", "leads") names people, never the first half of a compound. `traps`:
    how many words of the out-of-scope examples the question has ("loan", "school")."""
    if traps and not engineering and not (plural and traps == 1):
        # one such word beside a plural is a passing word ("do juniors get free
        # courses"), more say what the question is about ("seniors' bus fares")
        return False
    before = words[m.start - 1] if m.start > 0 else ""
    after = words[m.end] if m.end < len(words) else ""
    if before in index.trap_words or after in index.trap_words:
        return False  # "senior discount", "sales lead", whatever else the question says
    if _pair(words, m) & index.trap_pairs:  # "junior high", "staff meeting"
        return False
    if plural:
        return True  # "my lead says seniors should own features"
    if (
        before
        and is_unknown(before, index, strict=True)
        and not engineering
        and not lexicon.is_adverb(before)  # "almost mid"
        and before not in _GIVEN
    ):
        return False  # "sales lead", "school principal", "store manager"
    if word_before(m, words) in _GIVEN and _gerund(after):
        return True  # "becoming a senior starting from the bottom"
    compound = (
        bool(after)
        and is_unknown(after, index, strict=True)
        and after[:-1] not in index.fact_verbs  # "that a principal runs": a verb
        and after not in PEOPLE
        and not lexicon.is_adverb(after)  # "can a junior realistically have"
        and m.end - m.start == 1
    )
    if engineering:
        return True
    helped = word_before(m, words) in AUXILIARIES and not {"do", "does"} & set(words[m.end :])
    # a verb the duties use ("evaluate"), or any verb with its particle ("size up")
    verb = after in index.fact_verbs or words[m.end + 1 : m.end + 2] in _PARTICLES
    if strong_topic and not (helped and verb):
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


def _gerund(word: str) -> bool:
    """ "starting", "steering": a verb's -ing form, from an English verb."""
    if len(word) < 6 or not word.endswith("ing"):
        return False
    base = word[:-3]
    return lexicon.is_english(base) or lexicon.is_english(base + "e")
