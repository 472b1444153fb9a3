"""The topic model: which topic a question is about, learned from topics.yaml's examples.

Fitted when the ladder loads (a few milliseconds for a few hundred examples), on
word stems and word pairs of each example with role names taken out, so "what
does a lead do all day" and "what do principals do all day" teach the same thing.

Chosen by measurement (`python bench/topics.py` prints the comparison): naive
Bayes over stems and stem pairs, against the nearest example by TF-IDF cosine or
by rapidfuzz. On its own, leave-one-out over the examples, Bayes and TF-IDF tie
(52% and 51%; rapidfuzz 43%), and TF-IDF does better on the public dev questions
(85% against 73%). Inside the router, where the topics' phrases and the facts
carry most of the weight, the two gave the same end-to-end score within a
question or two on our own held-out wordings, and Bayes costs 0.014 ms a question
against 0.2 ms, so Bayes stays: it adds up evidence from every word instead of
betting on one example, and its smoothing keeps one unusual word from deciding.
Its scores are tempered into probabilities, which the router weighs against the
topics' phrases and the facts.
"""

from __future__ import annotations

import math

from ..stems import stem

ALPHA = 0.3  # additive smoothing
ROLE = "<role>"
# A feature seen in the examples of more topics than this says little about any of
# them ("what", "do", "the"): it is left out, so short questions are decided by the
# words that matter, or by the topics' phrases when they have none.
SPREAD = 3
# Naive Bayes multiplies evidence as if every feature were independent, so "how",
# "much" and "how much" count three times over and its probabilities come out near
# 0 or 1. Dividing the log scores by TEMPER softens them, so one frame ("how much")
# cannot outweigh a topic the question names outright ("how much impact...").
TEMPER = 2.0


def features(words: list[str]) -> list[str]:
    """Stems and neighbouring stem pairs; role mentions arrive as ROLE."""
    stems = [w if w == ROLE else stem(w) for w in words]
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


class TopicModel:
    def __init__(self, examples: dict[str, list[list[str]]]):
        """examples: topic id -> example questions as word lists (roles as ROLE)."""
        self.topics = [t for t, ex in examples.items() if ex]
        self.counts: dict[str, dict[str, int]] = {}
        self.totals: dict[str, int] = {}
        vocabulary: set[str] = set()
        for topic in self.topics:
            counts: dict[str, int] = {}
            for example in examples[topic]:
                for f in features(example):
                    counts[f] = counts.get(f, 0) + 1
            self.counts[topic] = counts
        spread: dict[str, int] = {}
        for counts in self.counts.values():
            for f in counts:
                spread[f] = spread.get(f, 0) + 1
        for topic in self.topics:
            counts = {f: c for f, c in self.counts[topic].items() if spread[f] <= SPREAD}
            self.counts[topic] = counts
            self.totals[topic] = sum(counts.values())
            vocabulary |= set(counts)
        self.vocabulary = frozenset(vocabulary)
        size = len(vocabulary) or 1
        self._unseen = {t: math.log(ALPHA / (self.totals[t] + ALPHA * size)) for t in self.topics}
        self._log = {
            t: {
                f: math.log((c + ALPHA) / (self.totals[t] + ALPHA * size))
                for f, c in self.counts[t].items()
            }
            for t in self.topics
        }

    def probabilities(self, words: list[str]) -> dict[str, float]:
        """Topic -> probability for a question's words (uniform prior). Features no
        example has are left out: they would only add the same penalty everywhere."""
        known = [f for f in features(words) if f in self.vocabulary]
        if not known or not self.topics:
            return {}
        scores = {t: sum(self._log[t].get(f, self._unseen[t]) for f in known) for t in self.topics}
        top = max(scores.values())
        exp = {t: math.exp((s - top) / TEMPER) for t, s in scores.items()}
        total = sum(exp.values())
        return {t: v / total for t, v in exp.items()}
