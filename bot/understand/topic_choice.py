"""Which topic a question about one role is about: three kinds of evidence added up.

- the topics' phrases: a strong phrase ("salary", "code review") counts STRONG, a
  question frame ("what does ... do") WEAK;
- the topic model fitted on the examples (bot/understand/topics.py), MODEL times
  its probability;
- the role's facts that match something specific asked (bot/understand/asked.py):
  the best vote for their topic, FACTS times their score relative to the best.
Asked yes or no, a topic the role has no facts for gives way to one whose facts
answer the question, unless the question named it ("skills"): "do seniors do code
reviews" is answered from the senior's duties, since the ladder describes code
review practice only for the discipline. ("how do seniors run code reviews" stays
a question about the practice; the fact that answers it still leads.)
"""

from __future__ import annotations

from ..ladder.model import KnowledgeBase
from .facts import FactHit
from .index import RouterIndex, names_a_thing
from .phrases import Found

STRONG, WEAK, MODEL, FACTS = 3.0, 0.75, 2.5, 3.0
NAMED = 1.0  # bonus for a phrase made only of topic words: "education", "salary"
ASKED_FOR = 1.5  # bonus for the phrase of what a wh-question asks for: "what *tools*"
COVERAGE_FLOOR = 0.5  # the facts' vote at the least coverage, as a share of FACTS
ENOUGH = 0.5  # below this, too little evidence for any topic: the role's overview


def choose_topic(
    kb: KnowledgeBase,
    index: RouterIndex,
    role: str,
    phrases: dict[str, Found],
    probabilities: dict[str, float],
    hits: list[FactHit],
    coverage: float = 1.0,
    specific: frozenset[str] = frozenset(),
    head: int = -1,
    yes_no: bool = False,
    default: str | None = None,
) -> tuple[str, float]:
    """(topic, margin 0..1) for a question about `role` (never the comparison topic:
    that needs a second role). head: where the thing a wh-question asks for is;
    default: the topic when nothing points anywhere (the ladder's default topic)."""
    default = default or kb.default_topic
    scores: dict[str, float] = {}
    for topic, found in phrases.items():
        scores[topic] = STRONG * min(found.strong, 2) + WEAK * min(found.weak, 2)
        if found.naming:
            # The topic named outright ("what education do you need to become a lead")
            # beats a frame of another topic ("become").
            scores[topic] += NAMED
        if head in found.at or head in found.weak_at:
            # "what tools should a mid be fluent in": the tools, not the fluency
            scores[topic] += ASKED_FOR
    for topic, p in probabilities.items():
        scores[topic] = scores.get(topic, 0.0) + MODEL * p
    votes: dict[str, float] = {}
    voters: list[FactHit] = []
    if hits:
        best = hits[0].score
        for hit in hits:
            topic = index.field_topic.get(hit.ref.path)
            if topic and hit.score >= 0.5 * best:
                votes[topic] = max(votes.get(topic, 0.0), hit.score / best)
                voters.append(hit)
        # A fact holding one word of five asked about says less than one holding all.
        weight = FACTS * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage)
        for topic, vote in votes.items():
            scores[topic] = scores.get(topic, 0.0) + weight * vote
    scores.pop(index.compare_topic, None)
    if not scores:
        return default, 0.0
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], index.topic_order[kv[0]]))
    top_topic, top = ranked[0]
    if top < ENOUGH:
        return default, 0.0
    found = phrases.get(top_topic, Found())
    if (
        yes_no
        and votes
        and top_topic not in votes
        and not found.naming
        and not has_facts(kb, role, top_topic)
        and _facts_hold(found, voters, specific, index.facts.synonyms)
    ):
        top_topic = max(votes, key=lambda t: (votes[t], -index.topic_order[t]))
        top = scores[top_topic]
    runner = max((s for t, s in ranked if t != top_topic), default=0.0)
    return top_topic, max(0.0, min(1.0, (top - runner) / top + 0.25))


def _facts_hold(found: Found, voters: list[FactHit], specific: frozenset[str], synonyms) -> bool:
    """The facts found hold what the topic's phrases named, and that is a specific
    thing ("code review" in "running code reviews"), or the topic had no strong
    phrase: only then do they decide. A fact sharing some other word ("computer" in
    "a computer science degree"), or only the topic's own everyday word ("pay" in
    "employers offer competitive pay"), does not make a question about education or
    pay a question about skills or hiring."""
    if not found.strong:
        return True

    def held(p: tuple[str, ...], hit: FactHit) -> bool:
        # "review prs" is held by "code review": a word or one of its synonyms
        return all(x in hit.matched or synonyms.get(x, frozenset()) & hit.matched for x in p)

    return any(
        held(p, hit) and set(p) <= specific and (len(p) > 1 or names_a_thing(written[0]))
        for p, written in zip(found.stems, found.words)
        for hit in voters
    )


def has_facts(kb: KnowledgeBase, role: str, topic: str) -> bool:
    t = kb.topics.get(topic)
    if t is None or t.answer not in ("facts",):
        return True  # overview and the ladder are answered for every role
    return any(kb.roles[role].get(p) for p in t.paths)


def as_duty(kb: KnowledgeBase, topic: str) -> str:
    """The topic a yes/no question about a role's own practice belongs to: the one
    whose `duty_over` lists `topic` (topics.yaml), else `topic` itself."""
    return next((t.id for t in kb.topics.values() if topic in t.duty_over), topic)
