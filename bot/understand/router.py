"""Stage 2: what a person typed -> an Intent (role, topic, other role, facts asked for).

Routing fills slots rather than matching whole questions:
- small talk ("hi", "help") is recognised first and answered as such;
- the role: the longest alias in the question (bot/understand/mentions.py), with
  level words checked against their context, and titles the ladder does not have
  reported as such instead of being answered as something else;
- the topic: three kinds of evidence added up - the topics' phrases, a model
  fitted on the topics' example questions (bot/understand/topics.py), and the
  facts that match what was asked (bot/understand/facts.py);
- the facts: when a question names something specific ("websockets", "code
  review"), the best-matching facts are carried in the Intent so the answer can
  lead with them.
Typos are corrected first (bot/understand/spelling.py); a real word is only
changed when the sentence needs it to fill an empty slot ("principle engineer").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ladder.model import KnowledgeBase
from . import lexicon
from .chat import small_talk
from .facts import FactHit, FactRef
from .index import GAP, MODIFIERS, STOPWORDS, RouterIndex, build_index
from .mentions import (
    Mention,
    OtherRole,
    find_mentions,
    find_other_roles,
    is_unknown,
    keep_contextual,
)
from .normalise import tokens
from .stems import stem
from .topics import ROLE

MAX_GAP = 4
# How much each kind of evidence counts towards a topic.
STRONG, WEAK, MODEL, FACTS = 3.0, 0.75, 2.5, 2.0
QUOTED = 3  # facts quoted at most, when a question asks for something specific
TECHNICAL = 4.0  # a fact word rarer than this in English marks an engineering question
SPECIFIC = 4.6  # words rarer than this name a thing asked about ("estimates", "graphql")

_YES_NO = frozenset(
    "do does did is are was were should can could will would has have must may am".split()
)
_SOURCE_MARKERS = frozenset({"from", "as", "im", "am", "currently", "being"})
_TARGET_MARKERS = frozenset(
    {"to", "into", "become", "becoming", "towards", "toward", "reach", "reaching", "be"}
)
_ARTICLES = frozenset({"a", "an", "the", "my", "our"})
_ONWARD_MARKERS = frozenset({"after", "beyond", "past", "above", "from", "as"})


@dataclass(frozen=True)
class Intent:
    role: str | None
    topic: str | None
    other_role: str | None
    confidence: float
    answered: bool
    suggestions: tuple[str, ...] = ()
    # (typed, understood) pairs for words the router corrected, so answers can say
    # "I read 'senoir' as 'senior'".
    corrections: tuple[tuple[str, str], ...] = ()
    # Facts that answer a specific question, best first: the role's own, or, when
    # its sources say nothing about it, other roles' (the answer says so).
    facts: tuple[FactRef, ...] = ()
    terms: tuple[str, ...] = ()  # the specific words asked about ("websockets")
    supported: bool = False  # the role's best fact holds every specific word asked
    form: str = ""  # "yes_no" or "how_long" when the question has that form
    direction: str = ""  # progression: "into" when asking how to become the role
    chat: str | None = None  # "greeting", "thanks" or "help": small talk
    unknown_role: str | None = None  # a title this ladder does not have


def _prepare(text: str, index: RouterIndex):
    """Words with split compounds joined ("back end" -> "backend") and non-words
    corrected. Returns (words, typed, corrections, scores): typed[i] is what the
    person typed for words[i]."""
    folded, raw = tokens(text), tokens(text, fold=False)
    words: list[str] = []
    typed: list[str] = []
    i = 0
    while i < len(folded):
        if i + 1 < len(folded) and folded[i] + folded[i + 1] in index.vocabulary:
            words.append(folded[i] + folded[i + 1])
            typed.append(f"{raw[i]} {raw[i + 1]}")
            i += 2
        else:
            words.append(folded[i])
            typed.append(raw[i])
            i += 1
    corrections, scores = [], []
    for j, word in enumerate(words):
        fixed, score = index.speller.correct(word, typed[j])
        scores.append(score)
        if fixed != word:
            corrections.append((typed[j], fixed))
            words[j] = fixed
    return words, typed, corrections, scores


def _fill_slots(words, typed, corrections, scores, index: RouterIndex, mentions) -> bool:
    """Real words that are one slip from a ladder word, changed only where the sentence
    needs them: "principle engineer" (completes a role name), "principle skills" (no
    role, beside a topic word), "principal engineer kills" (no topic, beside the
    role). True if a word was changed."""
    changed = False
    has_topic = any(_contains(words, [True] * len(words), p) for _, p, _ in index.phrases)
    for i, word in enumerate(words):
        if scores[i] < 1.0 or word in index.alias_words or word in STOPWORDS:
            continue
        for fix in index.speller.near_words(word):
            if lexicon.zipf(fix) < lexicon.zipf(word) - 0.5:
                continue  # "take" is not a slip for the rarer "stake"
            before = words[i - 1 : i] + [fix]
            after = [fix] + words[i + 1 : i + 2]
            completes = (len(before) == 2 and tuple(before) in index.aliases) or (
                len(after) == 2 and tuple(after) in index.aliases
            )
            neighbours = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
            if not completes and fix in index.alias_words and not mentions:
                completes = any(
                    n in index.single_phrases or (n,) in index.domain for n in neighbours
                )
            if not completes and fix in index.single_phrases and mentions and not has_topic:
                completes = any(m.start - 1 <= i <= m.end for m in mentions)
            if completes:
                words[i] = fix
                scores[i] = 0.9
                corrections.append((typed[i], fix))
                changed = True
                break
    return changed


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


def _contains(words, free, pattern) -> bool:
    return any(_match_at(words, free, pattern, i) for i in range(len(words)))


def _phrase_scores(words, free, index: RouterIndex) -> dict[str, list[int]]:
    """Topic -> [strong phrases found, weak phrases found]."""
    scores: dict[str, list[int]] = {}
    present = set(words)
    for topic, pattern, weight in index.phrases:
        if pattern[0] in present and _contains(words, free, pattern):
            scores.setdefault(topic, [0, 0])[0 if weight == 2 else 1] += 1
    return scores


def _technical(words: list[str], index: RouterIndex) -> bool:
    """A word from the facts that is rare in everyday English ("redis", "graphql")."""
    return any(
        w in index.fact_words
        and w not in index.alias_words
        and w not in STOPWORDS
        and len(w) >= 2
        and lexicon.zipf(w) < TECHNICAL
        for w in words
    )


def _role_free(words: list[str], mentions: list[Mention], index: RouterIndex) -> list[str]:
    """The question as the topic model sees it: roles as ROLE, no words like "engineer"."""
    out, skip = [], {j for m in mentions for j in range(m.start + 1, m.end)}
    starts = {m.start for m in mentions}
    for j, w in enumerate(words):
        if j in starts:
            out.append(ROLE)
        elif j not in skip and w not in index.domain_words:
            out.append(w)
    return out


def _asker_first(mentions: list[Mention], words: list[str]) -> list[str]:
    """Roles in mention order, except that the one the asker is comes before the one
    they are heading to: "should I go into management or stay IC as a senior"."""

    def marker(m: Mention) -> int:
        j = m.start - 1
        while j >= 0 and words[j] in _ARTICLES:
            j -= 1
        word = words[j] if j >= 0 else ""
        return 0 if word in _SOURCE_MARKERS else 2 if word in _TARGET_MARKERS else 1

    return list(dict.fromkeys(m.role for m in sorted(mentions, key=marker)))


def _direction(m: Mention, words: list[str]) -> str:
    """"into" for how to become the role ("to staff"), "onward" for what comes after it
    ("after staff", "from senior", "senior, what's next"), else ""."""
    j = m.start - 1
    while j >= 0 and words[j] in _ARTICLES:
        j -= 1
    before = words[j] if j >= 0 else ""
    if before in _TARGET_MARKERS:
        return "into"
    if before in _ONWARD_MARKERS or "next" in words[m.end :]:
        return "onward"
    return ""


def _form(words: list[str]) -> str:
    if words[:1] and words[0] in _YES_NO:
        return "yes_no"
    if "how" in words and ("long" in words or ("many" in words and "year" in words)):
        return "how_long"
    return ""


def _suggest(kb: KnowledgeBase, roles: list[str], topics: list[str]) -> tuple[str, ...]:
    """Up to three questions the bot can answer that are close to what was asked."""
    out: list[str] = []
    topic = next((t for t in topics if kb.topics[t].answer != "compare"), None)
    label = kb.topics[topic].title.lower() if topic else "overview"
    for role in roles:
        out.append(f"{kb.roles[role].title} {label}")
    if topic and kb.topics[topic].paths:
        for rid in kb.roles_with(kb.topics[topic].paths[0])[:3]:
            if rid not in roles:
                out.append(f"{kb.roles[rid].title} {label}")
    return tuple(dict.fromkeys(out))[:3]


def _declined(kb, corrections, near=(), topics=(), **extra) -> Intent:
    suggestions = _suggest(kb, list(dict.fromkeys(near)), list(topics))
    return Intent(None, None, None, 0.0, False, suggestions, tuple(corrections), **extra)


def route(text: str, kb: KnowledgeBase) -> Intent:
    """Turn what a person typed into an Intent. Deterministic: same text, same Intent."""
    index = build_index(kb)
    words, typed, corrections, scores = _prepare(text, index)
    chat = small_talk(words)
    if chat:
        return Intent(None, None, None, 1.0, False, (), (), chat=chat)
    mentions = find_mentions(words, index, scores)
    if _fill_slots(words, typed, corrections, scores, index, mentions):
        mentions = find_mentions(words, index, scores)
    others = find_other_roles(words, index)
    # "project manager" is a title of its own, not the manager in it.
    taken = {j for o in others for j in range(o.start, o.end)}
    mentions = [m for m in mentions if not any(j in taken for j in range(m.start, m.end))]

    free = [True] * len(words)
    for m in mentions:
        for j in range(m.start, m.end):
            free[j] = False
    phrases = _phrase_scores(words, free, index)
    strong = {t for t, (s, _) in phrases.items() if s}
    domain = any(_contains(words, [True] * len(words), d) for d in index.domain)
    engineering = domain or any(not m.contextual for m in mentions) or _technical(words, index)
    trap = any(w in index.trap_words for w in words)

    near, kept = [], []
    for m in mentions:
        plural = typed[m.start] != words[m.start] and typed[m.start].endswith("s")
        if m.contextual and not keep_contextual(
            m,
            words,
            index,
            engineering=engineering,
            strong_topic=bool(strong),
            trap=trap,
            plural=plural,
        ):
            near.append(m.role)
        else:
            kept.append(m)
    if kept and all(m.contextual for m in kept) and not engineering and not strong:
        # Only a level word and a question frame: "who is the principal of the school"
        # is not about engineering when the rest is words we know nothing about.
        role_words = {j for m in kept for j in range(m.start, m.end)}
        if any(is_unknown(w, index) for j, w in enumerate(words) if j not in role_words):
            near += [m.role for m in kept]
            kept = []

    unknown = _unknown_role(others, kept, strong, index)
    if unknown:
        return _declined(kb, corrections, near, sorted(strong), unknown_role=unknown.title)

    compare_cue = index.compare_topic in strong
    specific = [m for m in kept if m.role != kb.default_role]
    if specific and not compare_cue:
        kept = specific  # "senior engineer in backend": backend is a domain word here
    query = [stem(w) for w, f in zip(words, free) if f]

    if not kept:
        if not (domain and (phrases or _technical(words, index))) and not (
            domain and len([w for w in words if w not in STOPWORDS]) <= 3
        ):
            return _declined(kb, corrections, near, sorted(strong))
        role = _role_for_facts(kb, _Asked(words, free, index, typed), query)
        kept_roles = [role]
    else:
        kept_roles = list(dict.fromkeys(m.role for m in kept))

    ladder_cue = index.ladder_topic in strong
    other, topic, direction = None, None, ""
    if len(kept_roles) >= 2:
        # "what separates senior from staff for promotion": the move, not a side by side.
        weak_compare = index.compare_topic in phrases and not ladder_cue
        if (compare_cue and not ladder_cue) or weak_compare:
            other, topic = kept_roles[1], index.compare_topic
        elif ladder_cue or index.ladder_topic in phrases:
            ordered = _asker_first(kept, words)
            kept_roles, other, topic = ordered, ordered[1], index.ladder_topic
        else:
            kept_roles = kept_roles[:1]  # "do leads mentor juniors": juniors are the object
    role = kept_roles[0]
    if topic is None and compare_cue and kb.next_roles(role):
        other, topic = kb.next_roles(role)[0], index.compare_topic

    asked = _Asked(words, free, index, typed)
    hits = asked.search(query, [role])
    if topic is None:
        topic, margin = _choose_topic(kb, index, words, kept, phrases, hits)
    else:
        margin = 1.0
    if topic == index.ladder_topic and kept:
        first = next(m for m in kept if m.role == role)
        direction = _direction(first, words)
    quoted, terms = (), ()
    if topic not in (index.compare_topic, index.ladder_topic):
        quoted = _quoted(hits)
        terms = asked.phrases({s for h in hits[:1] for s in h.matched})
        if not quoted and topic != index.ladder_topic:
            # Nothing in this role's facts: what do other roles' facts say about it?
            terms = asked.phrases(asked.rare)
            if terms:
                quoted = _quoted(asked.search([stem(w) for t in terms for w in t.split()]))
    supported = bool(hits) and asked.covered_by(hits[0])
    role_conf = min((m.score for m in kept), default=0.7)
    if kept and all(m.contextual for m in kept):
        role_conf *= 0.9
    confidence = round(max(0.0, min(1.0, role_conf * (0.6 + 0.4 * margin))), 3)
    return Intent(
        role,
        topic,
        other,
        confidence,
        True,
        (),
        tuple(corrections),
        facts=quoted,
        terms=tuple(terms),
        form=_form(words),
        direction=direction,
        supported=supported,
    )


def _unknown_role(others: list[OtherRole], kept: list[Mention], strong, index) -> OtherRole | None:
    """A title the ladder does not have, when it is what the question is about: no
    ladder role named, or a level word describing it ("senior data scientist"), or
    compared with one ("backend engineer vs product manager")."""
    if not others:
        return None
    if not kept:
        return others[0]
    for other in others:
        if any(m.end == other.start and m.contextual for m in kept):
            return other
    return others[0] if index.compare_topic in strong else None


def _role_for_facts(kb: KnowledgeBase, asked: _Asked, query: list[str]) -> str:
    """No role named: the discipline, unless only one role's facts hold what was asked
    ("who uses cassandra?")."""
    hits = asked.search(query, None, limit=5)
    if hits and not any(h.ref.role == kb.default_role for h in hits):
        best = hits[0]
        if all(h.ref.role == best.ref.role for h in hits if h.score >= 0.8 * best.score):
            return best.ref.role
    return kb.default_role


def _choose_topic(kb, index: RouterIndex, words, kept, phrases, hits: list[FactHit]):
    """(topic, margin 0..1): phrases, the example model and matching facts, added up."""
    scores: dict[str, float] = {}
    for topic, (strong, weak) in phrases.items():
        scores[topic] = STRONG * min(strong, 2) + WEAK * min(weak, 2)
    for topic, p in index.model.probabilities(_role_free(words, kept, index)).items():
        scores[topic] = scores.get(topic, 0.0) + MODEL * p
    if hits:
        # Facts holding a specific word asked ("websockets") vote for their topic.
        best = hits[0].score
        votes: dict[str, float] = {}
        for hit in hits:
            topic = index.field_topic.get(hit.ref.path)
            if topic and hit.score >= 0.5 * best:
                votes[topic] = max(votes.get(topic, 0.0), hit.score / best)
        for topic, vote in votes.items():
            scores[topic] = scores.get(topic, 0.0) + FACTS * vote
    scores.pop(index.compare_topic, None)  # one role: a comparison needs a second
    if not scores:
        return kb.default_topic, 0.0
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], index.topic_order[kv[0]]))
    top = ranked[0][1]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < 0.5:  # too little evidence for any topic: the role's overview
        return kb.default_topic, 0.0
    return ranked[0][0], min(1.0, (top - runner) / top + 0.25)


class _Asked:
    """What a question asks about, for fact retrieval: its words' stems, which of them
    name something specific (not a function or topic word), and which are rare enough
    in English to be a thing rather than a turn of phrase ("docker", "mentoring",
    "estimates" - not "call", "key", "main")."""

    def __init__(self, words: list[str], free: list[bool], index: RouterIndex, typed=None):
        self.index = index
        typed = typed or words
        self.words = [(w, stem(w), t) for w, f, t in zip(words, free, typed) if f]
        in_phrase = {
            stem(w)
            for _, pattern, weight in index.phrases
            if weight == 2
            and len(pattern) > 1
            and GAP not in pattern
            and _contains(words, free, pattern)
            for w in pattern
        }
        self.in_phrase = in_phrase
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
                lexicon.zipf(w) < SPECIFIC
                or s in in_phrase  # "code review"
                or s in index.facts.synonyms  # a word the ladder's lexicon knows: "coach"
                or (s not in index.facts.idf and w not in index.question_words)  # "on-call"
            )
        }
        self.rare |= {syn for s in self.rare for syn in index.facts.synonyms.get(s, ())}

    def meaningful(self, hit: FactHit) -> bool:
        """A fact matched on something asked for: a rare word, or two specific ones."""
        matched = hit.matched - self.index.generic
        return bool(matched & self.rare) or len(matched) >= 2

    def search(self, query: list[str], roles: list[str] | None = None, limit: int = 8):
        hits = self.index.facts.search(query, roles, limit=limit)
        return [h for h in hits if self.meaningful(h)]

    def covered_by(self, hit: FactHit) -> bool:
        """The fact holds every specific thing asked that the ladder knows a word for."""
        known = {s for s in self.specific if s in self.index.facts.idf}
        found = hit.matched | {
            syn for s in hit.matched for syn in self.index.facts.synonyms.get(s, ())
        }
        return known <= found

    def phrases(self, stems: set[str]) -> list[str]:
        """The words asked about, as typed runs: "code review", "docker"."""
        runs, run = [], []
        for w, s, t in self.words:
            if s in self.specific and w not in MODIFIERS and len(w) > 2:
                run.append((t, s))
                continue
            if run:
                runs.append(run)
            run = []
        if run:
            runs.append(run)
        out = [" ".join(t for t, _ in r) for r in runs if any(s in stems for _, s in r)]
        return list(dict.fromkeys(out))


def _quoted(hits: list[FactHit]) -> tuple[FactRef, ...]:
    """The facts worth leading with: the best, and those nearly as good."""
    if not hits:
        return ()
    best = hits[0].score
    return tuple(h.ref for h in hits if h.score >= 0.6 * best)[:QUOTED]


def find_roles(text: str, kb: KnowledgeBase):
    """Roles named in a slash command's argument ("senoir", "sr", "EM"), in order, with
    the corrections made and the words that named no role ("cto").

    Unlike route(), level words need no context here: "/role senior" names a role."""
    index = build_index(kb)
    words, typed, corrections, scores = _prepare(text, index)
    mentions = find_mentions(words, index, scores)
    used = {j for m in mentions for j in range(m.start, m.end)}
    leftover = [typed[j] for j, w in enumerate(words) if j not in used and w not in STOPWORDS]
    roles = list(dict.fromkeys(m.role for m in mentions))
    return roles, tuple(corrections), leftover


def similar_roles(text: str, kb: KnowledgeBase, limit: int = 3) -> tuple[str, ...]:
    """Role ids whose titles or aliases look most like text, for did-you-mean buttons."""
    from rapidfuzz import fuzz, process

    index = build_index(kb)
    query = " ".join(tokens(text))
    if not query:
        return ()
    names = {" ".join(key): role for key, (role, _) in index.aliases.items()}
    # WRatio copes with partial and reordered names ("engineer senior", "manager eng");
    # these are only suggestions, shown as buttons, so its leniency is what we want.
    hits = process.extract(query, list(names), scorer=fuzz.WRatio, limit=20, score_cutoff=60)
    return tuple(dict.fromkeys(names[name] for name, _, _ in hits))[:limit]
