"""Stage 5: which of the ladder's roles the words name, and titles it does not have.

A role is found by its longest alias ("senior backend engineer" before "senior").
A level word such as "senior", "lead" or "staff" (a `context_alias`) also means
other things ("senior discount", "lead paint"); a span found only through one is
marked `contextual`, and the sense stage (sense.py) decides whether it is meant.
A level code may name several roles ("IC 5" on three tracks): its span holds them
all, for the structure stage to settle or ask about.
Titles the ladder does not have ("frontend engineer", "CTO") are found the same way,
and so is a title head ("engineer") after a word none of the ladder's files use
("civil engineer").
"""

from __future__ import annotations

from ..stems import stem
from .frame import Frame, Span, Title
from .index import RouterIndex
from .markers import GROUPS, HIGHEST, LOWEST, MODIFIERS, STOPWORDS, TITLE_HEADS

TITLE_SHOWN = 60  # characters of a typed title quoted back ("no Xyz Engineer role")


def find_spans(frame: Frame, index: RouterIndex) -> list[Span]:
    words, scores = frame.words, frame.scores
    found, i = [], 0
    while i < len(words):
        for n in range(min(index.max_alias, len(words) - i), 0, -1):
            hit = index.aliases.get(tuple(words[i : i + n]))
            if hit:
                roles = index.shared_codes.get(tuple(words[i : i + n]), (hit[0],))
                found.append(Span(hit[0], i, i + n, hit[1], min(scores[i : i + n]), roles))
                i += n
                break
        else:
            i += 1
    return found


def find_titles(frame: Frame, index: RouterIndex, spans=()) -> list[Title]:
    """Titles this ladder does not have: those listed in ladder.yaml, and a title head
    ("engineer") after a word none of the ladder's files use ("civil engineer") - not
    the first word of a name of the ladder's ("says eng manager")."""
    starts = {m.start for m in spans if not m.contextual and m.end - m.start > 1}
    words, typed = frame.words, frame.typed
    stems = [stem(w) for w in words]
    found, i = [], 0
    while i < len(words):
        for n in range(min(index.max_other, len(words) - i), 0, -1):
            key = tuple(stems[i : i + n]) if n > 1 else (words[i],)
            title = index.other_roles.get(key)
            if title:
                found.append(Title(title, i, i + n))
                i += n
                break
        else:
            if (
                i + 1 < len(words)
                and words[i + 1] in TITLE_HEADS
                and (words[i], words[i + 1]) not in index.aliases
                and is_unknown(words[i], index)
                and words[i] not in HIGHEST | LOWEST  # "the highest dev level": a rank
                and words[i] not in index.alias_words
                and i + 1 not in starts
                # "the wider eng team": a group of them, not someone's title
                and not (i + 2 < len(words) and words[i + 2] in GROUPS)
            ):
                title = f"{typed[i]} {typed[i + 1]}".title()[:TITLE_SHOWN]
                found.append(Title(title, i, i + 2))
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
