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

from .index import MODIFIERS, STOPWORDS, RouterIndex


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


def find_other_roles(words: list[str], index: RouterIndex) -> list[OtherRole]:
    found, i = [], 0
    while i < len(words):
        for n in range(min(index.max_other, len(words) - i), 0, -1):
            title = index.other_roles.get(tuple(words[i : i + n]))
            if title:
                found.append(OtherRole(title, i, i + n))
                i += n
                break
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
    if before and is_unknown(before, index, strict=True) and not engineering:
        return False  # "sales lead", "school principal", "store manager"
    if plural or engineering or strong_topic:
        return True
    return not (after and is_unknown(after, index, strict=True))  # "lead singer", "staff room"
