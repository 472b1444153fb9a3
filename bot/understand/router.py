"""From what a person typed to an Intent: the stages in order, one frame handed forward.

    spell (spell.py)           words as the ladder spells them, the asking sentence
    small talk (chat.py)       "hi", "thanks", "help"
    roles (roles.py)           spans naming the ladder's roles, titles it lacks
    phrases (phrases.py)       topic phrases ("salary", "what does ... do")
    scope (sense.py)           domain and technical words; what is asked, facts' side
    cues (cues.py)             what the words around each role say about it
    sense (sense.py)           which spans mean a role here ("lead paint" does not)
    structure (structure.py)   asker, subject, the move or comparison, lacking titles
                               (subject.py, readiness.py, moves.py)
    topic (topic.py)           the topic and the facts that answer it
    declines (declines.py)     reads like the traps, or is an errand, a request...

`understand` returns the frame (for `ask --explain`); `route` the Intent every
transport answers from. Deterministic: same text, same Intent.
"""

from __future__ import annotations

from ..ladder.model import LADDER, KnowledgeBase
from ..ladder.naming import competencies
from ..stems import stem
from . import lexicon
from .asked import Asked, role_for_facts
from .chat import small_talk
from .cues import read_cues
from .frame import Frame
from .index import OUT_OF_SCOPE, RouterIndex, build_index
from .intent import CommandHint, Intent
from .markers import STOPWORDS
from .phrases import phrase_scores
from .roles import find_spans, find_titles, is_unknown
from .sense import SCOPE_THRESHOLD, meant, model_words, scope
from .spell import fill_slots, spell
from .structure import settle, who
from .topic import settle_topic

FACTS_ANSWER = 0.6  # share of a question one fact must hold to answer it with no role named
FACTS_LEAN = 0.3  # ...or this share, when the question reads like one about the ladder
# A question naming the ladder itself (_the_ladder_named) may hold words the ladder
# never uses if they are this common in English (zipf): "score" 4.83, "topic" 4.49 -
# not "nurse" 4.40, "garage" 4.25, which may be what it is about. Set between those.
COMMON_ENGLISH = 4.45
# ...and, when the ladder's name is also another topic's word ("framework"), must read
# this plainly like its questions (the scope model's "out"): measured, the ladder's
# questions 0.03-0.16, help with code that names a framework 0.28-0.39.
LADDER_NAMED_SURE = 0.2


def understand(text: str, kb: KnowledgeBase, hint: CommandHint | None = None) -> Frame:
    index = build_index(kb)
    frame = Frame(text, kb, hint)
    spell(frame, index)
    frame.chat = small_talk(frame.words) if hint is None else None
    if frame.chat:
        return frame
    spans = find_spans(frame, index)
    if fill_slots(frame, index, spans):
        spans = find_spans(frame, index)
    # "technical program manager" is the ladder's, though "program manager" is a title
    # it lacks; "project manager" is a title of its own, not the manager in it.
    frame.titles = [
        t
        for t in find_titles(frame, index, spans)
        if not any(
            m.start <= t.start and t.end <= m.end and m.end - m.start > t.end - t.start
            for m in spans
        )
    ]
    taken = {j for t in frame.titles for j in range(t.start, t.end)}
    frame.spans = [m for m in spans if not any(j in taken for j in range(m.start, m.end))]
    frame.free = [True] * len(frame.words)
    for m in frame.spans:
        for j in range(m.start, m.end):
            frame.free[j] = False
    frame.phrases = phrase_scores(frame.words, frame.free, index)
    frame.strong = {t for t, found in frame.phrases.items() if found.strong}
    scope(frame, index)
    read_cues(frame, index)
    meant(frame, index)
    if not settle(frame, index):
        return frame
    if frame.focus:
        # A story, then the question: the topic is the question's.
        asking = [f and j >= frame.focus for j, f in enumerate(frame.free)]
        frame.phrases = phrase_scores(frame.words, asking, index)
        frame.strong = {t for t, found in frame.phrases.items() if found.strong}
    if frame.kept:
        who(frame, index)
        _compare_pair(frame)
    elif not _discipline(frame, index):
        frame.declined = True
        return frame
    if settle_topic(frame, index) and frame.role == LADDER:
        _ladder_or_ask(frame, index)
    return frame


ASKED_ROLES = 5  # roles offered when the bot asks which one a question means


def _ladder_or_ask(frame: Frame, index: RouterIndex) -> None:
    """No role named on a ladder with no single discipline: the ladder-wide answer when
    its facts cover the topic, the topic names competencies across the levels, or it
    is about the ladder itself; else ask which role, offering those whose facts hold
    most of what was asked."""
    kb = frame.kb
    kb_topic = kb.topics.get(frame.topic or "")
    if kb_topic is None or kb_topic.answer in ("ladder", "overview"):
        return
    if frame.facts or any(kb.ladder_facts.get(p) for p in kb_topic.paths):
        return
    if competencies(kb, kb_topic)[0]:
        return  # what the area is made of across the levels: "Influence, Talent Growth"
    hits = frame.asked.search(frame.asked.query, None, limit=20)
    roles = [h.ref.role for h in hits if h.ref.role in kb.roles]
    roles += [r for p in kb_topic.paths for r in kb.roles_with(p)]
    roles += list(kb.main_track_members())
    frame.choices = tuple(dict.fromkeys(roles))[:ASKED_ROLES]
    frame.note("topic", "no role named and nothing ladder-wide on it: asking which role")


def _compare_pair(frame: Frame) -> None:
    """ "/ladder senior staff": two roles and nothing else asked, compared (a command's
    pair topic)."""
    hint = frame.hint
    if hint and hint.pair_topic in frame.kb.topics and frame.topic is None and not frame.other:
        second = next((m.role for m in frame.kept if m.role != frame.role), None)
        if second is not None and not frame.phrases:
            frame.other, frame.topic = second, hint.pair_topic


def _discipline(frame: Frame, index: RouterIndex) -> bool:
    """No role named: the discipline, if the question is about engineering and asks
    about a topic ("how do backend teams ship"), or is just a few such words. A
    question frame alone ("why is my python script...") asks for help with code, not
    about the ladder: it takes a phrase that names a topic. Or a fact that holds most
    of what was asked ("what query language lets clients ask for just the data they
    need" is answered by the GraphQL fact). In a command ("/role salary", "/role swe")
    a topic or a word of the discipline is enough; nothing at all ("/role asdf") is
    for the caller to say."""
    kb = frame.kb
    short = len([x for x in frame.words if x not in STOPWORDS]) <= 3
    reads_out = _reads_out(frame, index)
    if frame.hint is not None:
        if not (frame.strong or frame.domain):
            return False
    elif (
        not (
            (frame.domain or frame.technical)
            and (frame.strong or (frame.domain and short) or _answered_by_facts(frame, reads_out))
        )
        and not _about_a_ladder_of_paths(frame, index, reads_out)
        and not _a_ladder_page_named(frame, index)
        and not _the_ladder_asked_for(frame, index, reads_out)
        and not _whose_duty(frame)
        and not _the_ladder_named(frame, index, reads_out)
        # "I want to stay technical, what should I aim for": a path, on a condition
        and not (frame.cues.condition and index.ladder_topic in frame.phrases)
        and not frame.cues.areas_asked  # "what axes are people rated on"
    ):
        return False
    if frame.cues.areas_asked:
        frame.role = LADDER  # what every level is described by
        return True
    frame.role = role_for_facts(kb, frame.asked, frame.asked.query)
    if frame.cues.condition == "no_management" and frame.role in index.managing:
        # "i never want to manage people, what is my path": the words match a manager's
        # facts, but the asker rules that path out - the discipline's paths, without it
        frame.role = kb.default_role if kb.default_role in kb.roles else LADDER
    return True


def _reads_out(frame: Frame, index: RouterIndex):
    """How much the question reads like the traps (scope model, no role words), worked
    out on first use and then kept: the checks that need it each ask."""
    known: list[float] = []

    def reads_out() -> float:
        if not known:
            words = model_words(frame, [], index)
            known.append(index.scope.probabilities(words).get(OUT_OF_SCOPE, 1.0))
        return known[0]

    return reads_out


WHOSE_WORDS = 2  # of a role's fact, holding most of a "who ..." question
WHOSE_SURE = 3  # ...however the question reads, when it holds this many


def _whose_duty(frame: Frame) -> bool:
    """ "who owns the annual red team", "who runs the monthly staff+ forum": a duty one
    role's own facts hold most of, asked as whose it is (not a person wanted now)."""
    if frame.cues.person or frame.cues.request or not {"who", "whos"} & set(frame.words[:4]):
        return False
    asked: Asked = frame.asked
    hits = asked.search(asked.query, None, limit=1)
    if not hits or hits[0].ref.role == LADDER or asked.coverage(hits[0]) < FACTS_ANSWER:
        return False
    held = len(hits[0].matched)
    return held >= WHOSE_SURE or (held >= WHOSE_WORDS and asked.covered_by(hits[0]))


def _the_ladder_asked_for(frame: Frame, index: RouterIndex, reads_out) -> bool:
    """ "list the roles", "which roles exist": the ladder itself asked for, in a phrase
    of its topic with a word of substance, and nothing the ladder never talks about
    ("what roles does the actor play" has "actor")."""
    found = frame.phrases.get(index.ladder_topic) if index.ladder_topic else None
    if not found or not any(len(p) > 1 and any(x not in STOPWORDS for x in p) for p in found.words):
        return False
    if any(is_unknown(x, index, strict=True) for x in frame.words):
        return False
    p = reads_out()
    return p < SCOPE_THRESHOLD


def _the_ladder_named(frame: Frame, index: RouterIndex, reads_out) -> bool:
    """ "is the framework used to score people", "can we suggest changes to the ladder
    doc": the ladder itself named as what is asked about, with no role, no technical
    word, no word the ladder never uses unless it is everyday English, and reading
    like its questions rather than its traps."""
    if not frame.cues.ladder_named or frame.kept or frame.technical:
        return False
    if any(lexicon.zipf(x) < COMMON_ENGLISH for x in _strangers(frame, index)):
        return False  # "score", "topic" may stand; not "garage", "nurse"
    # "the framework" is also a topic's word elsewhere (a web framework's): the question
    # must read plainly like the ladder's ("is the framework used to score people"),
    # not like help with code ("is the framework code covered by unit tests")
    elsewhere = frame.strong - index.ladder_only_topics - {index.ladder_topic}
    return reads_out() < (LADDER_NAMED_SURE if elsewhere else SCOPE_THRESHOLD)


def _strangers(frame: Frame, index: RouterIndex) -> list[str]:
    """The question's words neither its askers nor the ladder's pages about itself use
    ("plumber"; not "axis" on a ladder that has one)."""
    return [
        x for x in frame.words if is_unknown(x, index, strict=True) and x not in index.ladder_words
    ]


def _a_ladder_page_named(frame: Frame, index: RouterIndex) -> bool:
    """A heading of the ladder's own pages named in words of two or more ("how do I
    assess my managers (managing managers)"): a question about the ladder itself."""
    return any(
        len(stems) > 1
        for topic in frame.strong & index.ladder_only_topics
        for stems in frame.phrases[topic].stems
    )


def _about_a_ladder_of_paths(frame: Frame, index: RouterIndex, reads_out) -> bool:
    """On a ladder with several paths and no one discipline, people ask about it in
    their own words ("how is pay set", "what skills do i need"): a topic phrase with no
    word the ladder never uses, reading like its questions rather than its traps."""
    if frame.kb.default_role in frame.kb.roles:
        return False
    p = reads_out()
    if frame.strong and not _strangers(frame, index) and p < SCOPE_THRESHOLD:
        return True
    # "when are perf review cycles": a fact about the whole ladder holds what is asked
    asked: Asked = frame.asked
    hits = [h for h in asked.search(asked.query, [LADDER], limit=1)]
    if not hits or asked.coverage(hits[0]) < FACTS_ANSWER:
        return False
    # a line of the ladder's holding three things asked ("how much is on-call paid per
    # shift") is what the question is about, however its wording reads - unless the
    # question also names something the ladder never does ("is a nurse paid per shift")
    odd = [x for x in frame.words if is_unknown(x, index) and stem(x) not in hits[0].matched]
    sure = len(hits[0].matched) >= 3 and not odd
    return sure or (len(hits[0].matched) >= 2 and p < SCOPE_THRESHOLD)


def _answered_by_facts(frame: Frame, reads_out) -> bool:
    """A fact holds most of what was asked; or a fair share of it, and the question
    reads like the ones people ask about the ladder rather than a request for help
    with code ("what does django give you out of the box", not "why does my docker
    build fail")."""
    asked: Asked = frame.asked
    hits = asked.search(asked.query, None, limit=5)  # the best that matches something asked
    if not hits:
        return False
    coverage = asked.coverage(hits[0])
    if coverage >= FACTS_ANSWER:
        return True
    if coverage < FACTS_LEAN:
        return False
    p = reads_out()
    return p < SCOPE_THRESHOLD


def route(text: str, kb: KnowledgeBase, hint: CommandHint | None = None) -> Intent:
    """Turn what a person typed into an Intent. `hint`: the text is a slash command's
    argument (see CommandHint)."""
    return to_intent(understand(text, kb, hint))


def to_intent(frame: Frame) -> Intent:
    kb = frame.kb
    corrections = tuple(frame.corrections)
    if frame.chat:
        return Intent(None, None, None, 1.0, False, (), (), chat=frame.chat)
    if frame.choices:
        return Intent(
            None,
            frame.topic,
            None,
            0.0,
            False,
            (),
            corrections,
            choices=frame.choices,
            asked_as=frame.asked_as,
        )
    if frame.declined or frame.role is None:
        suggestions = _suggest(kb, list(dict.fromkeys(frame.near)), sorted(frame.strong))
        unknown = frame.unknown.title if frame.unknown else None
        return Intent(None, None, None, 0.0, False, suggestions, corrections, unknown_role=unknown)
    kept = frame.kept
    role_conf = min((m.score for m in kept), default=0.7)
    if kept and all(m.contextual for m in kept):
        role_conf *= 0.9
    return Intent(
        frame.role,
        frame.topic,
        frame.other,
        round(max(0.0, min(1.0, role_conf * (0.6 + 0.4 * frame.margin))), 3),
        True,
        (),
        corrections,
        facts=frame.facts,
        terms=frame.terms,
        supported=frame.supported,
        form=frame.cues.form,
        direction=frame.direction,
        ranked=frame.ranked,
        guessed_title=frame.guessed.title if frame.guessed else None,
        unread=_unread(frame),
        named=tuple(dict.fromkeys(m.role for m in kept)),
        family=frame.family,
        asked_as=frame.asked_as if frame.family or frame.role == LADDER else "",
        condition=frame.cues.condition,
        set_aside=tuple(
            dict.fromkeys(r for m in frame.spans if "set_aside" in m.marks for r in m.roles)
        ),
        asker="report" if any("report" in m.marks for m in kept) else "",
        holders=frame.holders,
        tracks=tuple(t.id for t in kb.tracks if t.id in frame.cues.tracks_named)
        if frame.role == LADDER
        else (),
        areas=frame.role == LADDER and frame.cues.areas_asked,
    )


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


def _unread(frame: Frame) -> tuple[str, ...]:
    """The words typed that the answer does not use: not a role it answers for, a
    phrase of its topic, a word of the facts asked about, or a function or domain word.
    A slash command says them ("I read ... and left out 'blah'")."""
    index = build_index(frame.kb)
    answered = {frame.role, frame.other}
    used = {j for m in frame.kept if m.role in answered for j in range(m.start, m.end)}
    if frame.topic == index.ladder_topic:  # the ladder is about every role named
        used |= {j for m in frame.kept for j in range(m.start, m.end)}
    for t in (frame.topic, index.compare_topic, index.ladder_topic):
        found = frame.phrases.get(t) if t else None
        if found:
            used |= found.at | found.weak_at
    asked = {x for term in frame.terms for x in term.split()}
    return tuple(
        typed
        for j, (word, typed) in enumerate(zip(frame.words, frame.typed))
        if j not in used
        and word not in STOPWORDS
        and word not in index.domain_words
        and typed not in asked
        and any(ch.isalnum() for ch in word)
    )
