"""Topic phrases found in a question: "what does ... do", "code review", "salary".

A phrase is a word pattern from topics.yaml; "..." stands for up to MAX_GAP words.
Words inside a role mention are not "free" and never match ("senior" in "senior
engineer" is not the ladder topic's "senior").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .index import GAP, RouterIndex
from .stems import stem

MAX_GAP = 4


def _match_at(words, free, pattern, i) -> bool:
    if not pattern:
        return True
    if pattern[0] == GAP:
        return any(
            _match_at(words, free, pattern[1:], j)
            for j in range(i, min(len(words), i + MAX_GAP) + 1)
        )
    return (
        i < len(words)
        and free[i]
        and words[i] == pattern[0]
        and _match_at(words, free, pattern[1:], i + 1)
    )


def contains(words: list[str], free: list[bool], pattern: tuple[str, ...]) -> bool:
    if not pattern:
        return True
    first = pattern[0]
    if first != GAP:
        # Only where the first word is: most patterns are not in most questions.
        return any(w == first and _match_at(words, free, pattern, i) for i, w in enumerate(words))
    return any(_match_at(words, free, pattern, i) for i in range(len(words)))


@dataclass
class Found:
    """The phrases of one topic found in a question."""

    strong: int = 0
    weak: int = 0
    naming: int = 0  # strong phrases made of topic words only ("skills", "salary")
    # the strong phrases as stems, to tell whether a fact holds what they name
    stems: list[tuple[str, ...]] = field(default_factory=list)


def phrase_scores(words: list[str], free: list[bool], index: RouterIndex) -> dict[str, Found]:
    """Topic -> the phrases of it found.

    A phrase names its topic when it is made of topic words only ("skills",
    "salary"), not of a thing the facts talk about ("code review")."""
    scores: dict[str, Found] = {}
    present = set(words)
    for topic, pattern, weight in index.phrases:
        if pattern[0] in present and contains(words, free, pattern):
            found = scores.setdefault(topic, Found())
            if weight == 2:
                found.strong += 1
                found.stems.append(tuple(stem(w) for w in pattern if w != GAP))
                if pattern in index.naming_phrases:
                    found.naming += 1
            else:
                found.weak += 1
    return scores
