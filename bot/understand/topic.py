"""Stage 10: which topic a question about one role is about, and the facts that
answer it. Three kinds of evidence are added up:

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

from ..ladder.model import LADDER, KnowledgeBase
from ..ladder.naming import lines_naming
from ..stems import stem
from .asked import quoted
from .compared import compared_ask, which_level
from .declines import declined
from .facts import FactHit, FactRef
from .frame import Frame
from .index import STOPWORDS, RouterIndex, names_a_thing
from .markers import MANAGE_WORDS
from .moves import direction
from .normalise import tokens
from .phrases import Found, settings
from .sense import model_words

STRONG, WEAK, MODEL, FACTS = 3.0, 0.75, 2.5, 3.0
NAMED = 1.0  # bonus for a phrase made only of topic words: "education", "salary"
ASKED_FOR = 1.5  # bonus for the phrase of what a wh-question asks for: "what *tools*"
COVERAGE_FLOOR = 0.5  # the facts' vote at the least coverage, as a share of FACTS
ENOUGH = 0.5  # below this, too little evidence for any topic: the role's overview


TIED = 0.97  # topic scores this close differ only by the model's slight leanings


def _title_words(kb: KnowledgeBase, topic: str) -> set[str]:
    return {w for w in tokens(kb.topics[topic].title) if w not in STOPWORDS}


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
    for topic in list(scores):
        found = phrases.get(topic)
        if (found is None or not found.strong) and topic in index.empty_topics:
            # A topic no fact of the ladder is filed under ("how much" on a ladder with no
            # pay in it) is what a question is about only when it names it.
            scores.pop(topic)
    overview = phrases.get(index.overview_topic) if index.overview_topic else None
    if (
        overview
        and overview.strong
        and all(_frame(p) for p in overview.words)
        and any(
            f.strong and kb.topics[t].answer == "facts"
            for t, f in phrases.items()
            if t in kb.topics
        )
    ):
        # "what is a D2's relationship to team processes": the frame asks about what
        # follows, which another topic's phrase names
        scores[index.overview_topic] -= STRONG * min(overview.strong, 2) - WEAK
    if not scores:
        return default, 0.0
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], index.topic_order[kv[0]]))
    top_topic, top = ranked[0]
    if len(ranked) > 1 and ranked[1][1] >= TIED * top and not kb.has_facts(role, top_topic):
        # "leadership at junior level": two topics named alike ("Leadership",
        # "Leadership of Self and Others"), the role's facts filed under one of them
        # (titles sharing a word, not any two topics one phrase names: "on call" is
        # both responsibilities' and workflows')
        titled = _title_words(kb, top_topic)
        tied = (
            t
            for t, s in ranked
            if s >= TIED * top and titled & _title_words(kb, t) and kb.has_facts(role, t)
        )
        switched = next(tied, top_topic)
        if switched != top_topic:
            top_topic, top = switched, scores[switched]
    if top < ENOUGH:
        return default, 0.0
    found = phrases.get(top_topic, Found())
    if (
        yes_no
        and votes
        and top_topic not in votes
        and not found.naming
        and not kb.has_facts(role, top_topic)
        and _facts_hold(found, voters, specific, index.facts.synonyms)
    ):
        top_topic = max(votes, key=lambda t: (votes[t], -index.topic_order[t]))
        top = scores[top_topic]
    runner = max((s for t, s in ranked if t != top_topic), default=0.0)
    return top_topic, max(0.0, min(1.0, (top - runner) / top + 0.25))


_WH_FRAMES = frozenset({"what", "who", "whats", "whos"})
# "behaviour summary for staff II": how much is wanted, of what another phrase names
_SUMMING = frozenset({"summary", "summarize", "summarise", "gist", "tldr", "nutshell"})


def _frame(phrase: tuple[str, ...]) -> bool:
    """ "what is a", "who is", "summary": a question's frame, not what it names."""
    return bool(phrase) and (phrase[0] in _WH_FRAMES or set(phrase) <= _SUMMING)


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


def _lists_named(topic, found: Found | None) -> set[str]:
    """The topic's lists whose heading holds a strong phrase of the question, when that
    is some of them, not all ("problem solving" for the list headed Problem Solving &
    Decision Making; "skills" names every list of skills, so none in particular)."""
    if found is None or len(topic.fields) < 2:
        return set()
    named = {
        spec.path
        for spec in topic.fields
        for p in found.stems
        if set(p) <= {stem(w) for w in tokens(spec.heading)}
    }
    return named if len(named) < len(topic.fields) else set()


def _naming_first(kb: KnowledgeBase, role: str, refs: tuple, topic: str | None) -> tuple:
    """The ladder's lines that name the role asked about ("IC 6 / Manager 5: £94,000")
    before its lines for everyone ("bands overlap a little on purpose"); when the role
    has nothing of its own on the topic, the topic's lines naming it lead."""
    t = kb.topics.get(topic or "")
    wide: tuple = ()
    if t is not None and t.answer == "facts" and not kb.has_facts(role, topic or ""):
        wide = tuple(
            FactRef(LADDER, p, i) for p in t.paths for i in range(len(kb.ladder_facts.get(p, ())))
        )
    if not any(ref.role == LADDER for ref in refs + wide):
        return refs
    naming = set(lines_naming(kb, role))
    named = [
        ref for ref in dict.fromkeys(refs + wide) if ref.role == LADDER and ref.fact(kb) in naming
    ]
    return tuple(named[:QUOTED_NAMING] + [ref for ref in refs if ref not in named])


def as_duty(kb: KnowledgeBase, topic: str) -> str:
    """The topic a yes/no question about a role's own practice belongs to: the one
    whose `duty_over` lists `topic` (topics.yaml), else `topic` itself."""
    return next((t.id for t in kb.topics.values() if topic in t.duty_over), topic)


RANKED = 12  # facts ordered by the question, at most
QUOTED_NAMING = 2  # the ladder's lines naming the role asked about, leading its answer


def settle_topic(frame: Frame, index: RouterIndex) -> bool:
    """Fill the topic (unless the structure did), the facts asked for and the facts in
    the question's order; decline a question about the discipline that reads like the
    traps. False when the question is declined."""
    kb, asked, kept, role = frame.kb, frame.asked, frame.kept, frame.role
    query = asked.query
    hits = asked.search(query, [role])
    if not hits:
        hits = asked.clear_winner(query, role, frame.framing())
    form = frame.cues.form
    # "how long should i stay stuck before asking for help": the line that gives a time
    timed = asked.timed([role]) if form == "how_long" and role else []
    # "how much of a team lead's time is coding": the line that gives a percentage
    timed = timed or (asked.shares([role]) if form == "share" and role else [])
    if timed and not timed[0].score:  # the role's one such line, sharing no word: as good
        timed = [FactHit(timed[0].ref, hits[0].score if hits else 1.0, frozenset())]
    if timed:
        hits = [timed[0], *(h for h in hits if h.ref != timed[0].ref)]
    if frame.topic is None:
        yes_no = frame.cues.asking_form == "yes_no"
        # where the question is set ("at a big company") says nothing of its topic
        where = settings(frame.words)
        probabilities = index.model.probabilities(
            model_words(frame, kept, index, frame.focus, where)
        )
        if frame.hint is not None and not frame.phrases:
            # A command's few words with no topic phrase ("/skills senior please"): the
            # model, fitted on whole questions, reads filler as a topic; the command's
            # own topic stands unless a fact answers something asked.
            probabilities = {}
        coverage = asked.coverage(hits[0]) if hits else 0.0
        hint = frame.hint
        frame.topic, frame.margin = choose_topic(
            kb,
            index,
            role,
            frame.phrases,
            probabilities,
            hits,
            coverage,
            frozenset(asked.rare),
            head=frame.cues.head,
            yes_no=yes_no,
            default=hint.topic if hint and hint.topic in kb.topics else kb.default_topic,
        )
        duty_named = any(t.duty_over and t.id in frame.strong for t in kb.topics.values())
        asked_of = any(
            m.role == role and "aux" in m.marks and "group_after" not in m.marks for m in kept
        )
        if yes_no and (duty_named or asked_of):
            # "do EMs do the hiring", "is hiring part of an EM's job"
            frame.topic = as_duty(kb, frame.topic)
        if timed and frame.topic == index.ladder_topic and not frame.other:
            # "how long should an E1 stay blocked": the time a line gives, not the path
            frame.topic = index.field_topic.get(timed[0].ref.path, frame.topic)
    asks_path = (frame.topic == kb.default_topic or index.ladder_topic in frame.phrases) and not (
        frame.other or index.compare_topic in frame.strong  # "how do staff and principal compare"
    )
    if frame.cues.condition and kept and asks_path and not _named_besides_managing(frame, kb):
        # "I never want to manage a team - what's ahead for me?", "want to manage
        # people someday, whats the route": a condition on a path, not a topic
        frame.topic = index.ladder_topic
    topic = frame.topic
    if topic == index.ladder_topic and kept and frame.direction != "ready":
        named_role = next((m for m in kept if m.role == role), None)
        frame.direction = direction(named_role) if named_role else ""
    facts, terms = (), []
    found = None
    if topic in kb.topics:
        # a fact matched only on the topic's own name ("responsibilities" in "response
        # times") was not asked for: "principal responsibilities" is the whole list
        title = {stem(w) for w in kb.topics[topic].title.lower().split() if w not in STOPWORDS}
        found = frame.phrases.get(topic)
        # a one-word phrase that is the topic's title word: "responsibilities", "tools"
        named = {p[0] for p in (found.stems if found else ()) if len(p) == 1} & title
        if named & set(query) and kb.has_facts(role, topic):
            # (when the role has nothing filed under the topic, a line elsewhere that
            # says the word is what there is: "most of our bootcamp hires start here")
            query = [q for q in query if q not in named]
            hits = [h for h in asked.search(query, [role]) if h.matched - named]
        lists = _lists_named(kb.topics[topic], found)
        if lists:
            # "what kind of problem solving is expected": one of the topic's lists named
            # by its heading holds what is asked; a fact elsewhere sharing only a word
            # of the question's frame ("expectations") was not asked for
            said = {x for p in found.stems for x in p} | index.generic
            hits = [h for h in hits if h.ref.path in lists or h.matched - said]
    if timed and (not hits or hits[0].ref != timed[0].ref):
        hits = [timed[0], *hits]
    if topic not in (index.compare_topic, index.ladder_topic):
        facts = quoted(hits)
        terms = asked.phrases({s for h in hits[:1] for s in h.matched})
        if not facts and (form == "yes_no" or not kb.has_facts(role, topic)):
            # Nothing in this role's facts: what do other roles' facts say about it?
            # Asked yes or no ("do leads use graphql"), or of a topic the role's sources
            # leave out; a wh-question gets the topic's own facts, in order of the
            # words they share with it, rather than "the sources don't mention employers".
            terms = asked.phrases(asked.rare)
            if not terms and form == "yes_no":
                # "do EMs need to code": an everyday word, but what is asked about
                terms = asked.phrases(asked.content())
            said = sorted({x for p in found.stems for x in p}) if found else []
            own = []
            if said and not kb.has_facts(role, topic):
                # nothing filed under the topic, but a line of the role's own that says
                # its word: "IC1 hires?" -> "most of our bootcamp hires start here",
                # "l3 influence - tooling?" -> "Builds simple tools ..." (under Impact)
                own = [h for h in index.facts.search(said, [role]) if h.matched]
            if own:
                facts = quoted(own)
            elif terms:
                facts = quoted(asked.search([stem(x) for t in terms for x in t.split()]))
    ranked = tuple(h.ref for h in index.facts.search(query, [role], limit=RANKED))
    if not kept and topic not in (index.compare_topic, index.ladder_topic):
        owner = guide_role(kb, index, facts + ranked, topic)
        if owner:
            frame.role = role = owner
            facts = tuple(same_fact(kb, ref, owner) for ref in facts)
            ranked = tuple(h.ref for h in index.facts.search(query, [role], limit=RANKED))
    if role in kb.roles:
        facts = _naming_first(kb, role, facts, topic)
    frame.facts, frame.terms, frame.ranked = facts, tuple(terms), ranked
    if topic != index.ladder_topic:
        compared_ask(frame, index)  # "D4 vs D5: who defines the SLAs?", "TL or EM?"
    which_level(frame, index)  # "which dev levels mentor others?"
    supporting = timed[:1] or hits[:1]  # a "how long" question: the line giving a time
    frame.supported = bool(supporting) and asked.covered_by(supporting[0])
    return not declined(frame, index, hits, role, topic)


def _named_besides_managing(frame: Frame, kb: KnowledgeBase) -> bool:
    """A topic of facts named by a phrase that is not the condition's own words
    ("manage people"): "no management for me, what skills do I need" asks for skills."""
    return any(
        kb.topics[t].answer == "facts" and any(not (set(p) & MANAGE_WORDS) for p in found.words)
        for t, found in frame.phrases.items()
        if found.strong and t in kb.topics
    )


def guide_role(kb: KnowledgeBase, index: RouterIndex, refs, topic: str) -> str | None:
    """No role named, and the fact the answer leads with is one the discipline carries
    from a level's own guide ("software developer jobs are expected to grow 22%" is the
    senior guide's): that level, if it states the same fact. The discipline stays the
    answer whenever its own guide says it, or the level's copy differs."""
    lead = next((r for r in refs if index.field_topic.get(r.path) == topic), None)
    if lead is None:
        return None
    fact = lead.fact(kb)
    owners = {kb.sources[s].role for s in fact.sources if s in kb.sources}
    if len(owners) != 1:
        return None
    (owner,) = owners
    if owner == lead.role or owner not in kb.roles:
        return None
    return owner if same_fact(kb, lead, owner) != lead else None


def same_fact(kb: KnowledgeBase, ref: FactRef, role: str) -> FactRef:
    """The same statement in another role's list, or ref itself."""
    texts = kb.roles[role].get(ref.path)
    text = ref.fact(kb).text
    for i, f in enumerate(texts):
        if f.text == text:
            return FactRef(role, ref.path, i)
    return ref
