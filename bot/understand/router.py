"""Stage 2: what a person typed -> an Intent (role, topic, other role, facts asked for).

Routing fills slots rather than matching whole questions:
- small talk ("hi", "help") is recognised first and answered as such;
- the role: the longest alias in the question (bot/understand/mentions.py), with
  level words checked against their context, the subject chosen when several are
  named (bot/understand/who.py), and titles the ladder does not have reported as
  such instead of being answered as something else;
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

from dataclasses import replace

from ..ladder.model import KnowledgeBase
from . import lexicon
from .asked import Asked, quoted, role_for_facts
from .chat import small_talk
from .index import OUT_OF_SCOPE, STOPWORDS, RouterIndex, build_index
from .intent import CommandHint, Intent
from .mentions import find_mentions, find_other_roles, is_unknown
from .moves import guessed_next
from .phrases import contains, phrase_scores
from .prepare import fill_slots, prepare
from .sentence import (
    AFTER_MARKERS,
    AUXILIARIES,
    adjective,
    asked_for,
    direction,
    is_quoted,
    joined,
    leads_as_asker,
    names_a_track,
    set_aside,
    tracks_compared,
    word_before_index,
)
from .stems import stem
from .topic_choice import as_duty, choose_topic, has_facts
from .who import (
    SCOPE_THRESHOLD,
    guide_role,
    meant,
    role_free,
    same_fact,
    unknown_role,
    who,
)

RANKED = 12  # facts ordered by the question, at most
FACTS_ANSWER = 0.6  # share of a question one fact must hold to answer it with no role named
# Measured on every question set: in-scope questions about the discipline reach 0.61,
# the traps that got through before 0.84.
DISCIPLINE_SCOPE = 0.75
# ...and with three words or more the ladder never uses ("cleaning gutters"), in-scope
# questions stay under 0.11, those traps start at 0.26.
STRANGERS, STRANGE_SCOPE = 3, 0.2
FACTS_LEAN = 0.3  # ...or this share, when the question reads like one about the ladder
_PASSIVE = frozenset({"get", "be", "been", "getting"})  # "do juniors get hired easily"
_GROUPS = frozenset({"team", "squad", "org", "group", "department", "shop"})  # "backend teams"
_EITHER = frozenset({"or", "vs", "versus"})
_ASKER = frozenset({"as", "im", "am"})  # "as a backend dev", "im a senior"
_ABSENCE = frozenset("happen happens lose loses suffer suffers miss".split())
TECHNICAL = 4.0  # a fact word rarer than this in English marks an engineering question
_YES_NO = frozenset(
    "do does did is are was were should can could will would has have must may am".split()
)


def _asked_of(kept, words: list[str], role: str) -> bool:
    """The role is the subject the question starts with: "does a principal...", "are
    backend engineers..." - people, not "do backend teams..." (a practice)."""
    return any(
        m.role == role
        and word_before_index(words, m.start) in AUXILIARIES
        and not set(words[m.end : m.end + 1]) & (_GROUPS | _PASSIVE)
        for m in kept
    )


def _asking_words(words: list[str], kept, index: RouterIndex, focus: int) -> list[str]:
    """The words the topic model reads: the asking sentence of a long message."""
    shifted = [
        replace(m, start=m.start - focus, end=m.end - focus) for m in kept if m.start >= focus
    ]
    return role_free(words[focus:], shifted, index)


def _technical(words: list[str], free: list[bool], index: RouterIndex) -> bool:
    """A word from the facts that is rare in everyday English ("redis", "graphql"), or a
    phrase the facts use ("code review"): the question is about engineering."""
    present = set(words)
    return any(
        w in index.fact_words
        and w not in index.alias_words
        and w not in STOPWORDS
        and lexicon.zipf(w) < TECHNICAL
        for w in words
    ) or any(p[0] in present and contains(words, free, p) for p in index.fact_phrases)


# Words a message may open with before its question: "@ladderbot quick q, do..."
_LEAD_IN = frozenset(
    "ladderbot hey hi hello yo quick q question so ok okay um also and but".split()
)


def _form(words: list[str]) -> str:
    i = 0
    while i < len(words) - 1 and words[i] in _LEAD_IN:
        i += 1
    if words[i : i + 1] and words[i] in _YES_NO:
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


def _answered_by_facts(asked: Asked, words: list[str], index: RouterIndex) -> bool:
    """A fact holds most of what was asked; or a fair share of it, and the question
    reads like the ones people ask about the ladder rather than a request for help
    with code ("what does django give you out of the box", not "why does my docker
    build fail")."""
    hits = asked.search(asked.query, None, limit=5)  # the best that matches something asked
    if not hits:
        return False
    coverage = asked.coverage(hits[0])
    if coverage >= FACTS_ANSWER:
        return True
    if coverage < FACTS_LEAN:
        return False
    p = index.scope.probabilities(role_free(words, [], index)).get(OUT_OF_SCOPE, 1.0)
    return p < SCOPE_THRESHOLD


def route(text: str, kb: KnowledgeBase, hint: CommandHint | None = None) -> Intent:
    """Turn what a person typed into an Intent. Deterministic: same text, same Intent.
    `hint`: the text is a slash command's argument (see CommandHint)."""
    index = build_index(kb)
    w = prepare(text, index)
    words = w.words
    chat = small_talk(words) if hint is None else None
    if chat:
        return Intent(None, None, None, 1.0, False, (), (), chat=chat)
    mentions = find_mentions(words, index, w.scores)
    if fill_slots(w, index, mentions, alone=hint is not None):
        mentions = find_mentions(words, index, w.scores)
    others = find_other_roles(words, index, w.typed)
    # "project manager" is a title of its own, not the manager in it.
    taken = {j for o in others for j in range(o.start, o.end)}
    mentions = [m for m in mentions if not any(j in taken for j in range(m.start, m.end))]
    # "besides frontend devs, ...", and a title in the asker's words: "Recruiter here -"
    others = [o for o in others if not set_aside(o, words) and o.start >= w.focus]

    free = [True] * len(words)
    for m in mentions:
        for j in range(m.start, m.end):
            free[j] = False
    phrases = phrase_scores(words, free, index)
    strong = {t for t, found in phrases.items() if found.strong}
    present = set(words)
    domain = any(d[0] in present and contains(words, [True] * len(words), d) for d in index.domain)
    technical = _technical(words, free, index)
    engineering = domain or technical or any(not m.contextual for m in mentions)
    asked = Asked(words, free, index, w.typed)
    if hint is None:
        kept, near, trapped = meant(mentions, w, index, engineering, strong, asked)
    else:  # a command is about the ladder: "/role lead" is the lead, whatever follows
        kept, near, trapped = list(mentions), [], False
    asking = [m for m in kept if leads_as_asker(m, words) or is_quoted(m, words)]
    if asking and len({m.role for m in kept}) > len({m.role for m in asking}):
        # "manager question: is one of my mids ready for senior", "my manager says im
        # operating at staff": who asks or is quoted, not whom the question is about
        # ("sr eng here - ..." is handled by subject(), since moves need it)
        kept = [m for m in kept if m not in asking]
    if trapped:
        # "principal component analysis in python": the level word means something
        # else here, so the question is about that, not about a role with no name.
        return _declined(kb, w.corrections, near, sorted(strong))

    guessed = guessed_next(others, kept, strong, index, words)
    if guessed:
        others = [o for o in others if o is not guessed]
    unknown = unknown_role(others, kept, strong, index, words)
    if unknown:
        return _declined(kb, w.corrections, near, sorted(strong), unknown_role=unknown.title)
    kept = [m for m in kept if not tracks_compared(m, words)]
    if len({m.role for m in kept}) > 1:
        # "the most senior IC", "more junior folks": the adjective, not the level;
        # "the IC and management tracks": the track, not the manager
        kept = [m for m in kept if not adjective(m, words) and not names_a_track(m, words)] or kept
    if any(set_aside(m, words) for m in kept):
        # "what can a backend dev branch into besides management": not the manager.
        rest = [m for m in kept if not set_aside(m, words)]
        # "what happens to a project without a principal": what its absence does
        absence = bool(_ABSENCE & present)
        lacking = [m for m in kept if absence and word_before_index(words, m.start) == "without"]
        kept = rest or lacking or [m for m in kept if m.role == kb.default_role]
        compare = phrases.get(index.compare_topic)
        if compare and all(p == ("than",) for p in compare.stems):
            # the "than" of "other than lead" compares nothing
            phrases.pop(index.compare_topic)
            strong.discard(index.compare_topic)
    specific = [m for m in kept if m.role != kb.default_role]
    if specific and index.compare_topic not in strong:
        # "senior engineer in backend": backend is a domain word here - unless it is
        # who is asking: "do i have to go into management as a backend dev"
        kept = [
            m
            for m in kept
            if m in specific
            or word_before_index(words, m.start) in _ASKER
            or (  # "my options after backend: IC or mgmt?" - where the move starts
                word_before_index(words, m.start) in AFTER_MARKERS and index.ladder_topic in strong
            )
            or any(joined(m, s, words, _EITHER) for s in specific)  # "backend dev or SA"
        ]
    elif specific:
        # "sr backend eng" is one title, the level's, even in "what difference does
        # a strong sr backend eng make": the discipline right after a level is part of it.
        after_level = {m.end for m in specific if m.end - m.start == 1}
        kept = [m for m in kept if not (m.role == kb.default_role and m.start in after_level)]
    query = asked.query

    if w.focus:
        # A story, then the question: the topic is the question's.
        asking = [f and j >= w.focus for j, f in enumerate(free)]
        phrases = phrase_scores(words, asking, index)
        strong = {t for t, found in phrases.items() if found.strong}
    if kept:
        role, other, topic = who(kb, index, kept, words, phrases, strong)
        if hint and hint.pair_topic in kb.topics and topic is None and other is None:
            # "/ladder senior staff": two roles and nothing else asked, compared
            second = next((m.role for m in kept if m.role != role), None)
            if second is not None and not phrases:
                other, topic = second, hint.pair_topic
    else:
        # No role named: the discipline, if the question is about engineering and asks
        # about a topic ("how do backend teams ship"), or is just a few such words.
        # A question frame alone ("why is my python script...") asks for help with
        # code, not about the ladder: it takes a phrase that names a topic.
        # Or a fact that holds most of what was asked ("what query language lets
        # clients ask for just the data they need" is answered by the GraphQL fact).
        short = len([x for x in words if x not in STOPWORDS]) <= 3
        if hint is not None:
            # "/role salary", "/role swe": a topic or a word of the discipline with no
            # role is the discipline's; nothing at all ("/role asdf") is for the caller
            if not ((strong or domain) and kb.default_role in kb.roles):
                return _declined(kb, w.corrections, near, sorted(strong))
        elif not (
            (domain or technical)
            and (strong or (domain and short) or _answered_by_facts(asked, words, index))
        ):
            return _declined(kb, w.corrections, near, sorted(strong))
        role, other, topic = role_for_facts(kb, asked, query), None, None

    hits = asked.search(query, [role])
    if not hits:
        framing = frozenset(x for found in phrases.values() for p in found.stems for x in p)
        hits = asked.clear_winner(query, role, framing)
    margin = 1.0
    form = _form(words)
    if topic is None:
        yes_no = _form(words[w.focus :]) == "yes_no"
        probabilities = index.model.probabilities(_asking_words(words, kept, index, w.focus))
        if hint is not None and not phrases:
            # A command's few words with no topic phrase ("/skills senior please"): the
            # model, fitted on whole questions, reads filler as a topic; the command's
            # own topic stands unless a fact answers something asked.
            probabilities = {}
        coverage = asked.coverage(hits[0]) if hits else 0.0
        topic, margin = choose_topic(
            kb,
            index,
            role,
            phrases,
            probabilities,
            hits,
            coverage,
            frozenset(asked.rare),
            head=asked_for(words, w.focus),
            yes_no=yes_no,
            default=hint.topic if hint and hint.topic in kb.topics else kb.default_topic,
        )
        duty_named = any(t.duty_over and t.id in strong for t in kb.topics.values())
        if yes_no and (duty_named or _asked_of(kept, words, role)):
            # "do EMs do the hiring", "is hiring part of an EM's job"
            topic = as_duty(kb, topic)
    way = ""
    if topic == index.ladder_topic and kept:
        named_role = next((m for m in kept if m.role == role), None)
        way = direction(named_role, words) if named_role else ""
    facts, terms = (), []
    if topic not in (index.compare_topic, index.ladder_topic):
        facts = quoted(hits)
        terms = asked.phrases({s for h in hits[:1] for s in h.matched})
        if not facts and (form == "yes_no" or not has_facts(kb, role, topic)):
            # Nothing in this role's facts: what do other roles' facts say about it?
            # Asked yes or no ("do leads use graphql"), or of a topic the role's sources
            # leave out; a wh-question gets the topic's own facts, in order of the
            # words they share with it, rather than "the sources don't mention employers".
            terms = asked.phrases(asked.rare)
            if terms:
                facts = quoted(asked.search([stem(x) for t in terms for x in t.split()]))
    ranked = tuple(h.ref for h in index.facts.search(query, [role], limit=RANKED))
    if not kept and topic not in (index.compare_topic, index.ladder_topic):
        owner = guide_role(kb, index, facts + ranked, topic)
        if owner:
            role = owner
            facts = tuple(same_fact(kb, ref, owner) for ref in facts)
            ranked = tuple(h.ref for h in index.facts.search(query, [role], limit=RANKED))
    framed = any(  # a topic phrase of real words: "career ladder", not "what is"
        len(p) > 1 and any(x not in STOPWORDS for x in p)
        for found in phrases.values()
        for p in found.stems
    )
    if (
        hint is None
        and role == kb.default_role
        and all(m.role == role for m in kept)
        and not (technical or framed)
    ):
        # Only the discipline, or no role at all, and nothing technical from the facts:
        # a question that reads like the out-of-scope examples ("is there a promo code
        # for the swag store", "my car's back end rattles") is declined however its
        # words matched. (Technical questions, and those with a topic phrase of two
        # words or more, "career ladder", are left alone: the examples hold few of
        # their words, so the model reads "besides caching, what helps backend apps
        # scale" or "where can I see the career ladder" as out of scope.)
        p = index.scope.probabilities(role_free(words, kept, index)).get(OUT_OF_SCOPE, 0.0)
        strangers = sum(is_unknown(x, index, strict=True) for x in words)
        if p >= DISCIPLINE_SCOPE or (strangers >= STRANGERS and p >= STRANGE_SCOPE):
            return _declined(kb, w.corrections, near, sorted(strong))
    if guessed and topic != index.ladder_topic:
        # "beyond senior, do i need a degree to become a CTO": about the CTO after all
        return _declined(kb, w.corrections, near, sorted(strong), unknown_role=guessed.title)
    unread = _unread(w, kept, phrases, topic, {role, other}, terms, index)
    role_conf = min((m.score for m in kept), default=0.7)
    if kept and all(m.contextual for m in kept):
        role_conf *= 0.9
    return Intent(
        role,
        topic,
        other,
        round(max(0.0, min(1.0, role_conf * (0.6 + 0.4 * margin))), 3),
        True,
        (),
        tuple(w.corrections),
        facts=facts,
        terms=tuple(terms),
        supported=bool(hits) and asked.covered_by(hits[0]),
        form=form,
        direction=way,
        ranked=ranked,
        guessed_title=guessed.title if guessed else None,
        unread=unread,
        named=tuple(dict.fromkeys(m.role for m in kept)),
    )


def _unread(w, kept, phrases, topic, answered: set, terms, index: RouterIndex) -> tuple[str, ...]:
    """The words typed that the answer does not use: not a role it answers for, a
    phrase of its topic, a word of the facts asked about, or a function or domain word.
    A slash command says them ("I read ... and left out 'blah'")."""
    used = {j for m in kept if m.role in answered for j in range(m.start, m.end)}
    if topic == index.ladder_topic:  # the ladder is about every role named
        used |= {j for m in kept for j in range(m.start, m.end)}
    for t in (topic, index.compare_topic, index.ladder_topic):
        found = phrases.get(t) if t else None
        if found:
            used |= found.at | found.weak_at
    asked = {x for term in terms for x in term.split()}
    return tuple(
        typed
        for j, (word, typed) in enumerate(zip(w.words, w.typed))
        if j not in used
        and word not in STOPWORDS
        and word not in index.domain_words
        and typed not in asked
        and any(ch.isalnum() for ch in word)
    )
