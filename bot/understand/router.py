"""Stage 2: tokens -> Intent(role, topic, other_role, confidence).

Routing fills two slots rather than matching whole questions:
- the role entity, found by the longest alias of any role in the question;
- the topic, scored from the topics' phrases (strong phrases count 2, question
  frames count 1).
Every word list comes from the knowledge base, so a maintainer adds an alias
or a topic phrase in YAML. Before matching, split compounds are joined ("back
end" -> "backend") and words are spell-corrected against the knowledge base's
vocabulary (bot/understand/spelling.py).

Level words such as "senior" or "lead" also mean other things ("senior
discount", "lead singer"), so a role found only through such a word (a
`context_alias`) needs the question to be about engineering (a topic or a
domain word) and must not stand next to an unknown content word.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..ladder.model import TOPIC_FIELDS, KnowledgeBase
from .normalise import tokens
from .spelling import Speller

GAP = "..."
MAX_GAP = 4

# Function words and everyday verbs of English: they never make a level word
# mean something else ("what does a principal do" vs "principal interest").
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing done down during each
    even ever few for from further get gets getting go goes going got had has have having he
    her here hers him his how i id if im in into is it its ive just like ll me might more most
    my myself need needs no nor not now of off on once only or other our ours out over own
    really same say she should so some still such tell than that thats the their theirs them
    then there these they this those through to too under until up us usually typically
    generally actually normally very was we were what whats when where which while who whom
    whose why will with would you your youre yours want wants wanted know looking look
    currently right now today please thanks thank hi hey one someone somebody person people
    folks kind sort""".split()
)


@dataclass(frozen=True)
class Intent:
    role: str | None
    topic: str | None
    other_role: str | None
    confidence: float
    answered: bool
    suggestions: tuple[str, ...] = ()
    # (typed, understood) pairs for words the router corrected, so answers can say
    # "Showing Senior Backend Engineer (you typed 'senoir')".
    corrections: tuple[tuple[str, str], ...] = ()


@dataclass
class _RoleMatch:
    role: str
    start: int
    end: int
    contextual: bool
    score: float = 1.0


@dataclass
class RouterIndex:
    """Everything routing needs from a knowledge base, precomputed once."""

    aliases: dict[tuple[str, ...], tuple[str, bool]]
    phrases: list[tuple[str, tuple[str, ...], int]]  # (topic, pattern, weight)
    domain: set[tuple[str, ...]]
    vocabulary: frozenset[str]
    max_alias: int
    topic_order: dict[str, int]
    speller: Speller


def build_index(kb: KnowledgeBase) -> RouterIndex:
    cached = kb._cache.get("router")
    if cached is not None:
        return cached
    aliases: dict[tuple[str, ...], tuple[str, bool]] = {}
    for role in kb.roles.values():
        # Context aliases first: a role id such as "senior" is itself a level word.
        for text in role.context_aliases:
            aliases.setdefault(tuple(tokens(text)), (role.id, True))
    for role in kb.roles.values():
        for text in (role.id.replace("-", " "), role.title, *role.aliases):
            key = tuple(tokens(text))
            if key:
                aliases.setdefault(key, (role.id, False))
    phrases = []
    for topic in kb.topics.values():
        for weight, group in ((2, topic.phrases), (1, topic.weak_phrases)):
            for text in group:
                pattern = tuple(
                    GAP if w == GAP else t
                    for w in text.split()
                    for t in ([w] if w == GAP else tokens(w))
                )
                if pattern:
                    phrases.append((topic.id, pattern, weight))
    domain = {tuple(tokens(t)) for t in kb.domain_terms} - {()}
    vocabulary = {w for key in aliases for w in key}
    vocabulary |= {w for _, p, _ in phrases for w in p if w != GAP}
    vocabulary |= {w for key in domain for w in key}
    choices = sorted(w for w in vocabulary if len(w) >= 3 and w not in STOPWORDS)
    index = RouterIndex(
        aliases,
        phrases,
        domain,
        frozenset(vocabulary),
        max(len(k) for k in aliases),
        {t: i for i, t in enumerate(kb.topics)},
        Speller(choices, frozenset(vocabulary) | STOPWORDS),
    )
    kb._cache["router"] = index
    return index


def _prepare(words: list[str], index: RouterIndex):
    """Join split compounds, then correct typos. Returns (words, corrections, scores)."""
    joined: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and words[i] + words[i + 1] in index.vocabulary:
            joined.append(words[i] + words[i + 1])
            i += 2
        else:
            joined.append(words[i])
            i += 1
    out, corrections, scores = [], [], []
    for word in joined:
        fixed, score = index.speller.correct(word)
        out.append(fixed)
        scores.append(score)
        if fixed != word:
            corrections.append((word, fixed))
    return out, corrections, scores


def _find_roles(words: list[str], index: RouterIndex, scores: list[float]) -> list[_RoleMatch]:
    found, i = [], 0
    while i < len(words):
        for n in range(min(index.max_alias, len(words) - i), 0, -1):
            hit = index.aliases.get(tuple(words[i : i + n]))
            if hit:
                found.append(_RoleMatch(hit[0], i, i + n, hit[1], min(scores[i : i + n])))
                i += n
                break
        else:
            i += 1
    return found


def _is_content_word(word: str, index: RouterIndex) -> bool:
    """A word we know nothing about that could be the noun a level word describes."""
    return (
        word.isalpha() and len(word) >= 3 and word not in index.vocabulary and word not in STOPWORDS
    )


def _match_at(words: list[str], free: list[bool], pattern: tuple[str, ...], i: int) -> bool:
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


def _contains(words: list[str], free: list[bool], pattern: tuple[str, ...]) -> bool:
    return any(_match_at(words, free, pattern, i) for i in range(len(words)))


def _score_topics(words: list[str], free: list[bool], index: RouterIndex) -> dict[str, tuple]:
    """Per topic (strong phrases found, weak phrases found): any strong beats all weak."""
    scores: dict[str, list[int]] = {}
    for topic, pattern, weight in index.phrases:
        if pattern[0] in words and _contains(words, free, pattern):
            counts = scores.setdefault(topic, [0, 0])
            counts[0 if weight == 2 else 1] += 1
    return {t: tuple(c) for t, c in scores.items()}


def _suggest(
    kb: KnowledgeBase, roles: list[str], topic_scores: dict[str, tuple]
) -> tuple[str, ...]:
    """Up to three questions the bot can answer that are close to what was asked."""
    strong = [
        t
        for t, s in sorted(topic_scores.items(), key=lambda kv: (-kv[1][0], -kv[1][1]))
        if s[0] and t != "compare"
    ]
    out: list[str] = []
    for role in roles:
        out.append(
            f"{kb.roles[role].title} {kb.topics[strong[0]].title.lower()}"
            if strong
            else f"{kb.roles[role].title} overview"
        )
    for topic in strong[:1]:
        field_name = TOPIC_FIELDS.get(topic, (topic,))[0]
        for rid in kb.roles_with(field_name)[:3]:
            if rid not in roles:
                out.append(f"{kb.roles[rid].title} {kb.topics[topic].title.lower()}")
    return tuple(dict.fromkeys(out))[:3]


# Words before a role that mark where the asker is ("as a senior", "from mid") or where
# they want to go ("to staff", "into management"); articles between are skipped.
_SOURCE_MARKERS = frozenset({"from", "as", "im", "am"})
_TARGET_MARKERS = frozenset({"to", "into", "become", "becoming", "towards", "toward"})
_ARTICLES = frozenset({"a", "an", "the"})


def _asker_first(matches: list[_RoleMatch], words: list[str]) -> list[_RoleMatch]:
    """Roles in mention order, except that the one the asker is comes before the one
    they are heading to: "should I go to management or stay IC as a senior"."""

    def marker(m: _RoleMatch) -> int:
        j = m.start - 1
        while j >= 0 and words[j] in _ARTICLES:
            j -= 1
        word = words[j] if j >= 0 else ""
        return 0 if word in _SOURCE_MARKERS else 2 if word in _TARGET_MARKERS else 1

    return sorted(matches, key=marker) if len({m.role for m in matches}) > 1 else matches


def route(text: str, kb: KnowledgeBase) -> Intent:
    """Turn what a person typed into an Intent. Deterministic: same text, same Intent."""
    index = build_index(kb)
    words, corrections, word_scores = _prepare(tokens(text), index)
    matches = _find_roles(words, index, word_scores)

    free = [True] * len(words)
    for m in matches:
        for j in range(m.start, m.end):
            free[j] = False
    topic_scores = _score_topics(words, free, index)
    has_domain = any(_contains(words, [True] * len(words), d) for d in index.domain)

    near_misses: list[str] = []
    kept: list[_RoleMatch] = []
    for m in matches:
        if m.contextual:
            beside = words[m.start - 1 : m.start] + words[m.end : m.end + 1]
            if any(_is_content_word(w, index) for w in beside) and not has_domain:
                near_misses.append(m.role)  # "senior citizen", "lead singer"
                continue
        kept.append(m)
    if (
        kept
        and all(m.contextual for m in kept)
        and not has_domain
        and not any(strong for strong, _ in topic_scores.values())
    ):
        # Only a level word and a question frame: "who is the principal of the school"
        # is not about engineering when the rest of it is words we know nothing about.
        role_words = {j for m in kept for j in range(m.start, m.end)}
        if any(_is_content_word(w, index) for j, w in enumerate(words) if j not in role_words):
            near_misses += [m.role for m in kept]
            kept = []
    specific = [m for m in kept if m.role != kb.default_role]
    if specific:
        kept = specific  # "senior backend engineer": backend is a domain word here
    roles = list(dict.fromkeys(m.role for m in kept))
    corroborated = has_domain or bool(topic_scores) or any(not m.contextual for m in kept)

    if not roles and topic_scores and has_domain:
        roles = [kb.default_role]
    if not roles or not corroborated:
        close = near_misses + [r for r in roles if r not in near_misses]
        suggestions = _suggest(kb, close, topic_scores) if close or topic_scores else ()
        return Intent(None, None, None, 0.0, False, suggestions, tuple(corrections))

    ranked = sorted(
        topic_scores.items(), key=lambda kv: (-kv[1][0], -kv[1][1], index.topic_order[kv[0]])
    )
    topic, topic_score = ranked[0] if ranked else (kb.default_topic, (0, 0))
    other = None
    if len(roles) >= 2 and topic == "progression":
        roles = list(dict.fromkeys(m.role for m in _asker_first(kept, words)))
    if len(roles) >= 2:
        other = roles[1]
        if topic != "progression":
            topic = "compare"
    elif topic == "compare":
        # One role and a comparison word: compare with the next step up, if any.
        nxt = kb.next_roles(roles[0])
        if nxt:
            other = nxt[0]
        else:
            rest = [t for t, _ in ranked[1:]]
            topic, topic_score = (
                (rest[0], topic_scores[rest[0]]) if rest else (kb.default_topic, (0, 0))
            )

    role_conf = min(m.score for m in kept) if kept else 0.7
    if all(m.contextual for m in kept):
        role_conf *= 0.9
    topic_conf = 1.0 if topic_score[0] else 0.8 if topic_score[1] else 0.6
    confidence = round(max(0.0, min(1.0, role_conf * topic_conf)), 3)
    return Intent(roles[0], topic, other, confidence, True, (), tuple(corrections))


def find_roles(text: str, kb: KnowledgeBase) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """Roles named in a slash command's argument ("senoir", "sr", "EM"), in order.

    Unlike route(), level words need no context here: "/role senior" names a role.
    """
    index = build_index(kb)
    words, corrections, scores = _prepare(tokens(text), index)
    roles = [m.role for m in _find_roles(words, index, scores)]
    return list(dict.fromkeys(roles)), tuple(corrections)


def similar_roles(text: str, kb: KnowledgeBase, limit: int = 3) -> tuple[str, ...]:
    """Role ids whose titles or aliases look most like text, for did-you-mean buttons."""
    index = build_index(kb)
    query = " ".join(tokens(text))
    if not query:
        return ()
    names = {" ".join(key): role for key, (role, _) in index.aliases.items()}
    # WRatio copes with partial and reordered names ("engineer senior", "manager eng");
    # these are only suggestions, shown as buttons, so its leniency is what we want.
    hits = process.extract(query, list(names), scorer=fuzz.WRatio, limit=20, score_cutoff=60)
    return tuple(dict.fromkeys(names[name] for name, _, _ in hits))[:limit]
