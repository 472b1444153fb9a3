"""What a question asks about, on the facts' side: which facts answer it.

`Asked` holds a question's words as stems and knows which of them name something
specific ("docker", "mentoring", "code review") as opposed to function words,
topic words ("skills") and turns of phrase ("call", "key"). Only facts that match
something specific answer a question; they vote for their topic and are quoted.
"""

from __future__ import annotations

from ..ladder.model import LADDER, KnowledgeBase
from ..stems import stem
from . import lexicon
from .facts import FactHit, FactRef, phrase_token
from .index import MODIFIERS, STOPWORDS, RouterIndex, names_a_thing
from .markers import ASKING_VERBS
from .phrases import contains

QUOTED = 3  # facts quoted at most, when a question asks for something specific
HOLDS_MOST = 0.6  # share of what was asked a fact holds to answer for its role
# A commoner word ("risk", "learning") still names a thing when few facts use it: the
# ladder's own texts say it is not a turn of phrase there.
FAIRLY_SPECIFIC, FEW_FACTS = 5.1, 3
# A fact matching only everyday words answers a question when it holds this many of
# them and scores this many times the next best.
CLEAR_WORDS, CLEAR_MARGIN = 2, 1.3


TIMED = 8  # facts searched for the time a "how long" question asks
_HOW_LONG = frozenset(stem(w) for w in ("how", "long", "many", "year", "years"))
_HOW_MUCH = frozenset(stem(w) for w in ("how", "much", "percent", "percentage", "time", "wise"))


class Asked:
    """What a question asks about, for fact retrieval: its words' stems, which of them
    name something specific (not a function or topic word), and which are rare enough
    in English to be a thing rather than a turn of phrase ("docker", "mentoring",
    "estimates" - not "call", "key", "main")."""

    def __init__(self, words: list[str], free: list[bool], index: RouterIndex, typed=None):
        self.index = index
        typed = typed or words
        self.words = [(w, stem(w), t) for w, f, t in zip(words, free, typed) if f]
        self.query = [s for _, s, _ in self.words]
        # two words side by side that a fact writes as one ("hands on" for its
        # "hands-on"): that word too
        self.query += [
            joined
            for j in range(len(words) - 1)
            if free[j]
            and free[j + 1]
            and len(words[j]) > 1
            and len(words[j + 1]) > 1
            and (joined := stem(words[j] + words[j + 1])) in index.facts.idf
        ]
        # Words of a phrase the facts use ("code review"), as opposed to a frame.
        present = set(words)
        in_phrase = {
            stem(w)
            for pattern in index.fact_phrases
            if pattern[0] in present and contains(words, free, pattern)
            for w in pattern
        }
        # a competency's one-word name ("Influence: ..." at several levels) is asked for
        self.named = {stem(p[0]) for p in index.fact_phrases if len(p) == 1 and p[0] in present}
        self.specific = {
            s
            for w, s, _ in self.words
            if (s not in index.generic or s in in_phrase) and s not in index.facts.ignore
        }
        self.rare = {
            s
            for w, s, _ in self.words
            if s in self.specific
            and (
                names_a_thing(w)
                or (
                    lexicon.zipf(w) < FAIRLY_SPECIFIC
                    and 0 < len(index.facts.postings.get(s, ())) <= FEW_FACTS
                )
                or s in in_phrase  # "code review"
                or s in index.facts.synonyms  # a word the ladder's lexicon knows: "coach"
                or (s not in index.facts.idf and w not in index.question_words)  # "on-call"
            )
        }
        self.rare |= {syn for s in self.rare for syn in index.facts.synonyms.get(s, ())}
        present = set(self.query)
        for phrase, members in index.facts.phrase_synonyms.items():
            n = len(phrase)
            if phrase[0] not in present or phrase[-1] not in present:
                continue
            if any(tuple(self.query[i : i + n]) == phrase for i in range(len(self.query) - n + 1)):
                # "training sessions" asks for a "workshop", as a synonym is found
                self.query.append(phrase_token(phrase))
                self.rare |= {m for m in members if m in index.facts.idf}

    def content(self) -> set[str]:
        """Stems of the words a question is about, everyday ones too ("code" in "do EMs
        need to code"): not function words, not the verbs a question asks with, and
        words the facts use."""
        return {
            s
            for w, s, _ in self.words
            if w not in STOPWORDS
            and w not in ASKING_VERBS
            and s not in self.index.facts.ignore
            and s in self.index.facts.idf
        }

    def meaningful(self, hit: FactHit, of_a_role: bool = False) -> bool:
        """A fact matched on something asked for: a rare word, or two specific ones; or,
        among the facts of a role already named (`of_a_role`), the word its heading
        names ("is sharing what i learn expected" asks for the line headed "Shares
        knowledge") - which alone never picks a role no one named."""
        matched = hit.matched - (self.index.generic - self.named)
        if matched & self.rare or len(matched) >= 2:
            return True
        heads = self.index.facts.heads
        return of_a_role and bool(hit.matched & self.specific & heads.get(hit.ref, frozenset()))

    def clear_winner(self, query: list[str], role: str, framing=frozenset()) -> list[FactHit]:
        """When nothing specific was asked, a fact that still holds several of the
        question's words and clearly beats the rest: "how does a principal help the
        team keep learning and growing" is answered by the learning-culture fact,
        though every word in it is an everyday one. `framing`: stems of the topic
        phrases found, which say what kind of answer is wanted, not which fact."""
        hits = self.index.facts.search(query, [role], limit=2)
        if not hits:
            return []
        best = hits[0]
        # not the words of a topic phrase ("move the needle", "hiring"); the role's own
        # name is not in the query at all
        content = best.matched - framing
        runner = hits[1].score if len(hits) > 1 else 0.0
        if len(content) >= CLEAR_WORDS and best.score >= CLEAR_MARGIN * runner:
            return [best]
        return []

    def search(self, query: list[str], roles: list[str] | None = None, limit: int = 8):
        hits = self.index.facts.search(query, roles, limit=limit)
        of_a_role = roles is not None and LADDER not in roles
        return [h for h in hits if self.meaningful(h, of_a_role)]

    def timed(self, roles: list[str]) -> list[FactHit]:
        """A "how long" question's answers among these roles' facts: those stating a
        time ("within half a day") that share a word of what is asked ("stuck"), best
        first - the words asking how long do not count."""
        return self._stating(roles, _HOW_LONG, self.index.facts.timed)

    def shares(self, roles: list[str]) -> list[FactHit]:
        """A "how much of their time" question's answers among these roles' facts: those
        stating a percentage, best first by the words they share with it; with none
        shared, the first of the roles' own such lines when they have one or two ("how
        much of a team lead's time is hands-on" for "~80% direct contributorship")."""
        found = self._stating(roles, _HOW_MUCH, self.index.facts.shares)
        if found:
            return found
        own = sorted(
            (r for r in self.index.facts.shares if r.role in roles),
            key=lambda r: (r.role, r.path, r.index),
        )
        return [FactHit(ref, 0.0, frozenset()) for ref in own[:1]] if len(own) <= 2 else []

    def _stating(self, roles: list[str], asking: frozenset[str], lines: set) -> list[FactHit]:
        """These roles' facts among `lines` (those stating a time, or a share), best first
        by the words they share with the question, the words asking for it left out."""
        query = [s for s in self.query if s not in asking]
        hits = self.index.facts.search(query, roles, limit=TIMED)
        return [h for h in hits if h.ref in lines]

    def coverage(self, hit: FactHit) -> float:
        """How much of what the question asks about the fact holds, 0..1: the share of
        the question's specific words (weighted by how rare they are in the facts)
        that it contains."""
        idf = self.index.facts.idf
        # A word no fact uses ("refused") still counts, as a rare one: a fact holding
        # "docker" does not answer "docker refuses connections to postgres".
        unseen = max(idf.values(), default=1.0)
        asked = {s: idf.get(s, unseen) for s in self.specific}
        total = sum(asked.values())
        if not total:
            return 0.0
        found = self._with_synonyms(hit.matched)
        return sum(v for s, v in asked.items() if s in found) / total

    def covered_by(self, hit: FactHit, framing: frozenset[str] = frozenset()) -> bool:
        """The fact holds every thing asked about ("coach" ~ "mentor"), not necessarily
        every word around it ("the less experienced folks"), nor the words of `framing`."""
        known = {s for s in self.rare - framing if s in self.index.facts.idf}
        return known <= self._with_synonyms(hit.matched)

    def _with_synonyms(self, matched: frozenset[str]) -> set[str]:
        """A fact's matched stems and what they stand for: "mentor" holds "coach" too."""
        synonyms = self.index.facts.synonyms
        return set(matched) | {syn for s in matched for syn in synonyms.get(s, ())}

    def phrases(self, stems: set[str]) -> list[str]:
        """The words asked about, as typed runs: "code review", "docker"."""
        runs, run = [], []
        for w, s, t in self.words:
            if (s in self.specific or s in stems) and w not in MODIFIERS and len(w) > 2:
                run.append((t, s))
                continue
            if run:
                runs.append(run)
            run = []
        if run:
            runs.append(run)
        out = [" ".join(t for t, _ in r) for r in runs if any(s in stems for _, s in r)]
        return list(dict.fromkeys(out))


def quoted(hits: list[FactHit]) -> tuple[FactRef, ...]:
    """The facts worth leading with: the best, and those nearly as good."""
    if not hits:
        return ()
    best = hits[0].score
    return tuple(h.ref for h in hits if h.score >= 0.6 * best)[:QUOTED]


def role_for_facts(kb: KnowledgeBase, asked: Asked, query: list[str]) -> str:
    """No role named: the discipline, unless only one role's facts hold what was asked
    ("who uses cassandra?"); on a ladder with no discipline, the ladder as a whole."""
    hits = asked.search(query, None, limit=5)
    if (
        hits
        and not any(h.ref.role == kb.default_role for h in hits)
        and hits[0].matched & {s for w, s, _ in asked.words if names_a_thing(w)}
    ):
        # a rare thing only one role's facts name ("cassandra"), not everyday words
        # ("why does the quality of the server side matter")
        best = hits[0]
        if all(h.ref.role == best.ref.role for h in hits if h.score >= 0.8 * best.score):
            return best.ref.role
    if not kb.default_role and hits and hits[0].ref.role != LADDER:
        # No discipline to answer for: the roles whose facts hold most of what was asked
        # ("who owns production monitoring?"); several levels often state the same
        # fact, so the lowest on the ladder among them, the answer naming the others.
        best = hits[0]
        if asked.coverage(best) >= HOLDS_MOST:
            text = best.ref.fact(kb).text
            holders = [h.ref.role for h in hits if h.ref.fact(kb).text == text]
            return min(holders, key=kb.ladder_position)
    return kb.default_role or LADDER
