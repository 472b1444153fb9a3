"""Fact retrieval: which facts of the ladder answer "do seniors need websockets?".

Every fact of every role (its text, its field and its role) is indexed by word
stems for BM25 ranking, the usual lexical retrieval. A question's content words
(not function words, not the role's own name) are looked up; the facts that share
the rarest of them score highest. Synonym groups from topics.yaml ("coach" ~
"mentor", "uptime" ~ "availability") widen the question at a lower weight.

BM25 over the facts themselves rather than a model of questions: the facts are
the one text the knowledge base is sure to have for every role and every new
topic a company adds, and specific questions ("estimates", "graphql") name words
that only the facts contain.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..ladder.model import LADDER, KnowledgeBase
from ..stems import stem
from ..text import lead_in, words
from .markers import CHANGING, QUANTITIES, RATES, SPAN_BEFORE, TIME_UNITS

K1, B = 1.2, 0.75
SYNONYM_WEIGHT = 0.7
MORE_SYNONYMS = 0.25  # what each further synonym of one word in a fact adds
SUMMARY = "summary"  # the path a role's summary is indexed under
RARE_POSTINGS = 200  # searching all roles, a word in more facts than this finds none


@dataclass(frozen=True)
class FactRef:
    """A fact by position, so an Intent can name it without copying it."""

    role: str
    path: str  # a field path, or "summary"
    index: int

    def fact(self, kb: KnowledgeBase):
        if self.role == LADDER:
            return kb.ladder_facts[self.path][self.index]
        role = kb.roles[self.role]
        return role.summary if self.path == SUMMARY else role.get(self.path)[self.index]


@dataclass(frozen=True)
class FactHit:
    ref: FactRef
    score: float
    matched: frozenset[str]  # the question's stems the fact contains


def phrase_token(stems: tuple[str, ...]) -> str:
    """A phrase of a synonym group as one query token ("train+session"): it matches no
    fact's word, only the group's members, at a synonym's weight."""
    return "+".join(stems)


class FactIndex:
    def __init__(
        self, kb: KnowledgeBase, ignore: frozenset[str], compounds: frozenset[str] = frozenset()
    ):
        """`ignore`: stems that never count as a match (function words, role names,
        words like "engineer" that every fact could be about). `compounds`: words a
        fact may write in two ("on-call", "back end"), found as one too."""
        self.ignore = ignore
        self.compounds = compounds
        self.refs: list[FactRef] = []
        self.words: list[list[str]] = []  # each fact's words, as bot/text.py splits them
        self.terms: list[dict[str, int]] = []
        self.lengths: list[int] = []
        self.postings: dict[str, list[int]] = {}  # stem -> ids of the facts holding it
        # (role id, stem) -> ids of that role's facts holding it: a search among a few
        # roles' facts visits only those sharing a word with the question
        self.role_postings: dict[tuple[str, str], list[int]] = {}
        # the name a fact is headed by ("Shares knowledge" of "Shares knowledge: shares
        # what they learn..."), and its stems: the line is about sharing, whatever else
        self.lead_ins: dict[FactRef, str] = {}
        self.heads: dict[FactRef, frozenset[str]] = {}
        self.timed: set[FactRef] = set()  # facts stating a time: "within half a day"
        self.shares: set[FactRef] = set()  # facts stating a share: "~80% direct work"
        for role in kb.roles.values():
            lists = [(SUMMARY, (role.summary,)), *role.facts.items()]
            for path, facts in lists:
                for i, fact in enumerate(facts):
                    self._add(FactRef(role.id, path, i), fact.text)
        for path, facts in kb.ladder_facts.items():  # about the whole ladder: role LADDER
            for i, fact in enumerate(facts):
                self._add(FactRef(LADDER, path, i), fact.text)
        n = len(self.refs) or 1
        self.avg_length = sum(self.lengths) / n or 1.0
        self.idf = {
            s: math.log(1 + (n - len(ids) + 0.5) / (len(ids) + 0.5))
            for s, ids in self.postings.items()
        }
        # A one-word member of a group finds facts with any member's words; a phrase
        # member ("work with") is only found, never the finder: its words are too common.
        self.synonyms: dict[str, frozenset[str]] = {}
        # ...but a question holding the whole phrase ("training sessions") asks for the
        # group's one-word members ("workshop"): phrase stems -> those members' stems
        self.phrase_synonyms: dict[tuple[str, ...], frozenset[str]] = {}
        for group in kb.synonyms:
            held = {m: c for m in group if (c := self.held_compound(m))}  # "hands-on"
            stems = frozenset(self.stems(" ".join(group))) | frozenset(held.values())
            singles = frozenset(
                found[0] for m in group if len(m.split()) == 1 and (found := self.stems(m))
            ) | frozenset(held.values())
            for member in group:
                found = [held[member]] if member in held else self.stems(member)
                if (len(member.split()) == 1 or member in held) and found:
                    s = found[0]
                    self.synonyms[s] = self.synonyms.get(s, frozenset()) | (stems - {s})
                elif len(found) > 1 and singles:
                    key = tuple(found)
                    self.phrase_synonyms[key] = self.phrase_synonyms.get(key, frozenset()) | singles
                    # asked as one token, found through its members as a synonym is
                    said = phrase_token(key)
                    self.synonyms[said] = self.synonyms.get(said, frozenset()) | singles

    def stems(self, text: str) -> list[str]:
        return [s for s in (stem(w) for w in words(text)) if s not in self.ignore]

    def held_compound(self, member: str) -> str:
        """A synonym of two words that a fact writes as one ("hands on" of "hands-on"):
        that compound's stem, or "". Only where the facts hold it: "work with" is
        found through its words, never as "workwith"."""
        said = words(member)
        if len(said) != 2 or min(len(w) for w in said) < 2:
            return ""
        joined = stem("".join(said))
        return joined if joined in self.idf else ""

    def _add(self, ref: FactRef, text: str) -> None:
        fact_words = words(text)
        if states_a_time(fact_words):
            self.timed.add(ref)
        if states_a_share(fact_words):
            self.shares.add(ref)
        head = lead_in(text)
        if head:
            self.lead_ins[ref] = head
            self.heads[ref] = frozenset(stem(w) for w in words(head)) - self.ignore
        terms: dict[str, int] = {}
        for s in (stem(w) for w in fact_words):
            if s not in self.ignore:
                terms[s] = terms.get(s, 0) + 1
        self.lengths.append(sum(terms.values()))  # as written: a compound found adds none
        hyphened = "-" in text
        said = text.lower()
        typed = words(text, fold=False) if hyphened else fact_words
        for (a, b), (x, y) in zip(zip(fact_words, fact_words[1:]), zip(typed, typed[1:])):
            # two real parts ("on call"), not a letter left of "C#" beside "are"; a
            # compound the topics spell as one, or any the fact hyphenates ("trade-offs"
            # is the question's "tradeoffs")
            if (
                len(a) > 1
                and len(b) > 1
                and (a + b in self.compounds or (hyphened and f"{x}-{y}" in said))
                and stem(a + b) not in self.ignore
            ):
                terms.setdefault(stem(a + b), 1)
        self.words.append(fact_words)
        for s in terms:
            self.postings.setdefault(s, []).append(len(self.refs))
            self.role_postings.setdefault((ref.role, s), []).append(len(self.refs))
        self.refs.append(ref)
        self.terms.append(terms)

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.idf)

    def weights(self, query: list[str]) -> dict[str, float]:
        """Query stems with their weights: 1 for what was typed, less for synonyms."""
        return {s: w for s, (w, _) in self._expanded(query).items()}

    def _expanded(self, query: list[str]) -> dict[str, tuple[float, str]]:
        """Stem -> (weight, the typed stem it stands for): a synonym counts for the word
        that brought it in, so a group adds one match, not one per member."""
        out: dict[str, tuple[float, str]] = {}
        for s in query:
            if s not in self.ignore:
                out[s] = (1.0, s)
        for s in query:
            if s in self.ignore:
                continue
            for syn in self.synonyms.get(s, ()):
                out.setdefault(syn, (SYNONYM_WEIGHT, s))
        return out

    def search(
        self, query: list[str], roles: list[str] | None = None, limit: int = 5
    ) -> list[FactHit]:
        """The best facts for query stems, among the given roles' facts (all roles when
        None), best first; only facts sharing at least one stem with the query."""
        expanded = self._expanded(query)
        if not expanded:
            return []
        weights = {s: w for s, (w, _) in expanded.items()}
        # The cost follows the roles asked about, or the question's rarer words, never
        # the size of the ladder: a role's own facts, or the postings of words that
        # are not in every other fact ("skill" is in thousands of a big ladder's facts).
        if roles is not None:
            found = self.role_postings
            ids = sorted({i for r in roles for s in weights for i in found.get((r, s), ())})
        else:
            common = max(RARE_POSTINGS, len(self.refs) // 100)
            ids = sorted(
                {
                    i
                    for s in weights
                    if len(self.postings.get(s, ())) <= common
                    for i in self.postings.get(s, ())
                }
            )
        hits = []
        for i in ids:
            terms = self.terms[i]
            matched = [s for s in weights if s in terms]
            if not matched:
                continue
            length = self.lengths[i]
            by_word: dict[str, list[float]] = {}  # the matches for each word typed
            for s in matched:
                tf = terms[s]
                norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / self.avg_length))
                # a synonym counts no more than the word asked, where the facts use that
                # word too: a rare "junior" does not outrank the "mentor" asked about
                said = expanded[s][1]
                idf = min(self.idf[s], self.idf.get(said, self.idf[s]))
                by_word.setdefault(said, []).append(weights[s] * idf * norm)
            # A word's best match counts in full; more synonyms of it in the same fact
            # ("reliability, fault tolerance, redundancy") add a little, not each in full.
            score = sum(
                max(found) + MORE_SYNONYMS * (sum(found) - max(found)) for found in by_word.values()
            )
            hits.append(FactHit(self.refs[i], round(score, 4), frozenset(matched)))
        hits.sort(key=lambda h: (-h.score, h.ref.role, h.ref.path, h.ref.index))
        return hits[:limit]


def states_a_share(fact_words: list[str]) -> bool:
    """A number given as a percentage ("~80% direct contributorship", "less than 20%
    coding"): the fact says how much of something - not how fast something changes
    ("jobs to grow 22% by 2030")."""
    return any(
        w == "percent"
        and i
        and any(c.isdigit() for c in fact_words[i - 1])
        and not CHANGING & set(fact_words[max(0, i - 3) : i - 1])
        for i, w in enumerate(fact_words)
    )


def states_a_time(fact_words: list[str], units: frozenset[str] = TIME_UNITS) -> bool:
    """An amount right before a time unit ("30-40 minutes", "half a day", "~1 year",
    "within a week"): the fact says how long something takes - not how often or how
    many ("every 2 weeks", "$160,000 a year", "one feature a month"), not a share ("a
    quarter of their time") and not "day to day". `units`: only these."""
    for i, w in enumerate(fact_words):
        if w not in units or i == 0:
            continue
        amount, after = fact_words[i - 1], fact_words[i + 1 : i + 2]
        if (
            (w == "quarter" and after == ["of"])  # "a quarter of their time": a share
            or (after == ["to"] and fact_words[i + 2 : i + 3] == [w])  # "day to day"
            or RATES & set(fact_words[max(0, i - 3) : i])  # "every 2 weeks", "once a year"
        ):
            continue
        if any(c.isdigit() for c in amount) or (amount in QUANTITIES and amount not in ("a", "an")):
            return True  # "30-40 minutes", "~2 years", "several weeks"
        if amount in ("a", "an") and i >= 2 and fact_words[i - 2] in SPAN_BEFORE:
            return True  # "half a day", "within a week"; not "$90,000 a year"
        if amount == "of" and i >= 2 and fact_words[i - 2] in QUANTITIES:
            return True  # "a couple of weeks"
    return False
