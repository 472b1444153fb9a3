"""Topic phrases found in a question: "what does ... do", "code review", "salary".

A phrase is a word pattern from topics.yaml; "..." stands for up to MAX_GAP words.
Words inside a role mention are not "free" and never match ("senior" in "senior
engineer" is not the ladder topic's "senior").
"""

from __future__ import annotations

from .index import GAP, RouterIndex

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
    return any(_match_at(words, free, pattern, i) for i in range(len(words)))


def phrase_scores(words: list[str], free: list[bool], index: RouterIndex) -> dict[str, list[int]]:
    """Topic -> [strong phrases found, weak phrases found, of which name the topic].

    A phrase names its topic when it is made of topic words only ("skills",
    "salary"), not of a thing the facts talk about ("code review")."""
    scores: dict[str, list[int]] = {}
    present = set(words)
    for topic, pattern, weight in index.phrases:
        if pattern[0] in present and contains(words, free, pattern):
            counts = scores.setdefault(topic, [0, 0, 0])
            counts[0 if weight == 2 else 1] += 1
            if weight == 2 and pattern in index.naming_phrases:
                counts[2] += 1
    return scores
