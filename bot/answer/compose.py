"""Stage 3: Intent + knowledge base -> Answer (what to say, not how to draw it).

Every line of an answer is a fact from the knowledge base or a sentence about the
ladder's structure. A specific question gets the facts that answer it first ("Yes
— ..." only when a fact of the role says so); where the role's sources are silent
the answer says so and shows what other roles' sources say, never a made-up fact.
How each topic is answered comes from topics.yaml (`answer:`), not from code.
"""

from __future__ import annotations

import re

from ..ladder.model import LADDER, KnowledgeBase, Role, Topic
from ..ladder.naming import (
    MAX_COMPETENCIES,
    areas,
    competencies,
    lines_naming,
    names_role,
    says,
)
from ..text import words
from ..understand.intent import Intent
from . import ladder
from .answers import Answer
from .compare import compare
from .ladder import Citations, Section, track_lines
from .ladder_lines import said_of, time_in_role
from .replies import chat_answer, clarify_answer, decline, unknown_role_answer

TERM_SHOWN = 40  # characters of each word asked about that an answer quotes
MAX_FACTS_SHOWN = 8  # per list; the rest are counted, and found by asking specifically
# A fact with one of these is not a plain "yes" ("a master's degree is optional").
_HEDGES = re.compile(r"\b(not|no|optional|without|rather than|instead|never|rarely|may)\b", re.I)
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|vs|approx)\.$", re.I)


def first_sentence(text: str) -> str:
    """The first sentence, not cut inside "e.g." or "i.e."."""
    pieces = text.split(". ")
    out = pieces[0]
    for piece in pieces[1:]:
        if not _ABBREVIATION.search(out + "."):
            break
        out += ". " + piece
    return out.rstrip(".") + "."


def _by_question(facts, path: str, intent: Intent):
    """A list with the facts that share words with the question first, best first, then
    the rest in the order the knowledge base gives them."""
    first = [ref.index for ref in intent.ranked if ref.path == path and ref.index < len(facts)]
    if not first:
        return facts
    chosen = set(first)
    return [facts[i] for i in first] + [f for i, f in enumerate(facts) if i not in chosen]


def _facts_sections(
    role: Role, topic: Topic, cited: Citations, intent: Intent, question: str = ""
) -> tuple[Section, ...]:
    """The topic's lists for the role: those the question names ("scope of influence"
    for the Influence list) or whose facts it matches first, then in their order."""
    # not the topic's own words: "what communication skill" names no list of "skills"
    asked = set(words(question)) - set(words(topic.title))
    matched = {ref.path for ref in intent.ranked if ref.role == role.id}

    def order(spec) -> int:
        return 0 if asked & set(words(spec.heading)) else 1 if spec.path in matched else 2

    out = []
    for spec in sorted(topic.fields, key=order):
        facts = _by_question(role.get(spec.path), spec.path, intent)
        lines = cited.lines(facts, MAX_FACTS_SHOWN)
        rest = len(facts) - MAX_FACTS_SHOWN
        if rest > 0:
            lines += (f"…and {rest} more; ask about something specific to see it.",)
        out.append(Section(spec.heading, lines))
    return tuple(out)


def _nearest_with(kb: KnowledgeBase, role_id: str, paths: tuple[str, ...]) -> Role | None:
    """The closest role on the ladder whose facts cover these fields: neighbours on the
    role's own tracks first (nearest step first), then the discipline, then any role."""

    def covers(rid: str) -> bool:
        return rid != role_id and any(kb.roles[rid].get(p) for p in paths)

    on_tracks = [
        (abs(t.position(s) - t.position(role_id)), s)
        for t in kb.tracks_for(role_id)
        for s in t.members
        if covers(s)
    ]
    if on_tracks:
        return kb.roles[min(on_tracks)[1]]
    for path in paths:
        for rid in kb.roles_with(path):
            if rid != role_id:
                return kb.roles[rid]
    return None


LADDER_SHOWN = 3  # ladder-wide facts shown beside a role's own
EXPECTED_SHOWN = 6  # what a level expects, in a readiness answer
CHANGES_SHOWN = 4  # ...and what is new in it


def _readiness(kb: KnowledgeBase, role: Role, intent: Intent, cited: Citations):
    """ "What do I need to show for D4?": what the level expects, what is new in it
    compared with where the asker is (`other_role`, else the step below), what the
    sources say the move takes, and what the ladder says about promotion."""
    paths = ladder.duty_paths(kb)
    asked = [r.fact(kb) for r in intent.ranked if r.role == role.id and r.path in paths]
    expected = list(dict.fromkeys(asked + [f for p in paths for f in role.get(p)]))
    sections = []
    below = intent.other_role or next(iter(kb.previous_roles(role.id)), None)
    if below in kb.roles and below != role.id:
        # what is new first: the gap is what someone on their way there needs to see
        new = ladder.new_at(kb, expected, below)
        if new and len(new) < len(expected):
            heading = f"New compared with {kb.roles[below].title}"
            sections.append(Section(heading, cited.lines(new, CHANGES_SHOWN)))
    heading = f"What {article_for(role.title)} {role.title} is expected to do"
    heading = f"Also expected of {article_for(role.title)} {role.title}" if sections else heading
    sections.append(Section(heading, cited.lines(expected, EXPECTED_SHOWN)))
    moves = ladder.move_facts(kb, role.id, below if below in kb.roles else None)
    if moves:
        heading = f"Becoming {article_for(role.title)} {role.title}"
        sections.append(Section(heading, cited.lines(moves, 3)))
    progression = kb.topic_for("ladder")
    if progression:
        sections += list(_across_the_ladder(kb, progression, cited, intent))
    sections.append(Section("Where it sits", track_lines(kb, role.id, cited)))
    return tuple(sections)


def article_for(title: str) -> str:
    return "an" if title[:1].lower() in "aeiou" else "a"


def _across_the_ladder(kb: KnowledgeBase, topic: Topic, cited: Citations, intent: Intent):
    """Facts about the whole ladder on this topic ("promotions are decided twice a
    year"), beside a role's own: the ones the question asks about first."""
    facts = _ladder_facts(kb, topic, intent)
    lines = cited.lines(facts, LADDER_SHOWN)
    return (Section("Across the ladder", lines),) if lines else ()


def _ladder_facts(kb: KnowledgeBase, topic: Topic, intent: Intent) -> list:
    """The ladder-wide facts of a topic: those the question asks about first, then those
    naming the role asked about ("IC 3: £52,000; £66,000" for Engineer II, IC 3)."""
    asked = [ref.fact(kb) for ref in (*intent.facts, *intent.ranked) if ref.role == LADDER]
    listed = [f for p in topic.paths for f in kb.ladder_facts.get(p, ())]
    naming = [
        f for f in listed if names_role(kb, intent.role, f.text) or says(intent.asked_as, f.text)
    ]
    if intent.role == LADDER and intent.asked_as:  # "ic3 band?": the code's own first
        return list(dict.fromkeys(naming + asked + listed))
    both = []  # "senior engineer vs team lead, which pays more": "Team Lead ↔ Senior
    # Engineer. Same code, same band", wherever the ladder files it
    if intent.role in kb.roles and intent.other_role in kb.roles:
        theirs = set(lines_naming(kb, intent.other_role, by_title=True))
        both = [f for f in lines_naming(kb, intent.role, by_title=True) if f in theirs]
    both = both[:BOTH_SHOWN]
    found = both + asked + naming + listed
    return list(dict.fromkeys(found)) if listed or asked or both else []


def _with_ladder_wide(kb, topic: Topic, role: Role, sections, cited):
    """A move's answer with what the ladder says for everyone about moving to this role
    by name ("Promotions to IC 6 also need sign-off from the VP of Engineering"): what
    the move takes when the role's own pages say nothing of it, else right after what
    they say. The ladder's other facts follow later, without these."""
    naming = [
        f
        for p in topic.paths
        for f in kb.ladder_facts.get(p, ())
        if names_role(kb, role.id, f.text)
    ][:BOTH_SHOWN]
    if not naming:
        return sections
    said = tuple(cited.text(f) for f in naming)  # shown: not repeated further down
    sections = list(sections)
    if sections and sections[0].lines == (ladder.NO_MOVE_FACTS,):
        # "Becoming a Staff Engineer": the ladder's own words on it, not "don't say"
        sections[0] = Section(sections[0].heading, said)
        return tuple(sections)
    return tuple(sections[:1] + [Section("Across the ladder", said)] + sections[1:])


def ladder_wide(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    """A question about the whole ladder, naming no role ("how do promotions work?"):
    its ladder-wide facts, the competencies an area holds across the levels ("Behavior:
    Influence, Talent Growth"), the tracks for a question about moving along it."""
    topic = kb.topics.get(intent.topic or "") or kb.topics.get(kb.default_topic)
    cited = Citations(kb)
    title = f"The ladder: {topic.title}" if topic else "The ladder"
    facts = _ladder_facts(kb, topic, intent) if topic else []
    sections = []
    names, named = competencies(kb, topic) if topic else ((), ())
    if names:
        # what the area is made of, level by level: "Influence, Talent Growth, ..."
        for fact in named[:MAX_COMPETENCIES]:
            cited.ids.update(dict.fromkeys(fact.sources))
        listed = ", ".join(names[:MAX_COMPETENCIES])
        if len(names) > MAX_COMPETENCIES:
            listed += f" and {len(names) - MAX_COMPETENCIES} more"
        sections.append(Section(f"Competencies under {topic.title}", (listed,)))
    if facts:
        across = Section("Across the ladder", cited.lines(facts, MAX_FACTS_SHOWN))
        # the lines asked for, if any, before what the area is made of
        sections.insert(0 if intent.facts else len(sections), across)
    if intent.areas and areas(kb):
        # "which competencies are we assessed on": what every level is described by
        sections.insert(0, Section("What each level is described by", (", ".join(areas(kb)),)))
    if intent.tracks and (topic is None or topic.answer == "ladder"):
        # "manager track levels? whats the order": that track, before anything else
        sections.insert(0, Section("Tracks", track_lines(kb, None, cited, only=intent.tracks)))
    elif topic is None or topic.answer in ("ladder", "overview") or not facts:
        sections.append(Section("Tracks", track_lines(kb, None, cited)))
    intro = (
        ""
        if facts or names or intent.areas
        else (
            gap_line(topic.title.lower(), "the ladder as a whole")
            + " Name a role to see what they say for it."
            if topic and topic.answer == "facts"
            else ""
        )
    )
    return Answer(question, intent, title, intro, tuple(sections), tuple(cited.ids))


BOTH_SHOWN = 3  # facts per role when one topic is asked of two
SAID_SPANS = 2  # a role's lines giving how long it lasts, for a "how long" question


def _topic_facts(role: Role, topic: Topic) -> list:
    return [f for p in topic.paths for f in role.get(p)]


def gap_line(what: str, whom: str) -> str:
    """The one way an answer says the sources are silent."""
    return f"The sources don't cover {what} for {whom}."


def _asked_about(kb: KnowledgeBase, intent: Intent, role: Role) -> str:
    """The words a gap line names: what was asked ("kubernetes"), or the topic's title
    when those words only name the topic ("earn" is salary) and the role's sources say
    nothing under it."""
    topic = kb.topics.get(intent.topic or "")
    named = _phrase_words(kb, topic) if topic else frozenset()
    terms = [t for t in intent.terms if not set(words(t)) <= named]
    if intent.terms and not terms and topic is not None:
        # (an overview or a path always has something to say: no gap is named; nor is
        # one for a topic whose lines follow: "do EMs still code" -> their duties)
        return (
            topic.title.lower() if topic.answer == "facts" and not _topic_facts(role, topic) else ""
        )
    return ", ".join(t[:TERM_SHOWN] for t in terms[:3])


def _phrase_words(kb: KnowledgeBase, topic: Topic) -> frozenset[str]:
    """The words of a topic's phrases, worked out once per knowledge base."""
    key = ("phrase_words", topic.id)
    found = kb._cache.get(key)
    if found is None:
        found = kb._cache[key] = frozenset(w for p in topic.phrases for w in words(p))
    return found


def _gap(kb: KnowledgeBase, role: Role, topic: Topic, cited: Citations, wide: bool = False):
    intro = gap_line(topic.title.lower(), role.title)
    # a role described in one paragraph and nothing more ("Trainee/Intern: you are
    # learning the basic principles ..."): asked what it does, that paragraph is it
    if role.summary.text and _about_duties(kb, topic):
        # the paragraph is what there is: no gap to name, and no other role's duties
        # beside it to be taken for this one's
        return "", (Section(f"What they say of {role.title}", (cited.text(role.summary),)),)
    if wide:  # what the ladder says for everyone follows
        return intro, ()
    near = _nearest_with(kb, role.id, topic.paths)
    if near is None:
        return intro, ()
    facts = [f for p in topic.paths for f in near.get(p)][:4]
    return intro, (Section(f"What they do say, for {near.title}", cited.lines(facts)),)


def _about_duties(kb: KnowledgeBase, topic: Topic) -> bool:
    """A topic of what a role does: one whose lists the overview reads too."""
    overview = {p for t in kb.topics.values() if t.answer == "overview" for p in t.paths}
    return bool(overview & set(topic.paths))


def _direct(kb: KnowledgeBase, intent: Intent, role: Role, cited: Citations):
    """(intro, sections) that lead with the facts a specific question asked for."""
    facts = [ref.fact(kb) for ref in intent.facts]
    own = [f for ref, f in zip(intent.facts, facts) if ref.role == role.id]
    if own:
        lead = cited.text(own[0])
        yes = intent.form == "yes_no" and intent.supported and not _HEDGES.search(lead)
        intro = f"Yes — {lead}" if yes else lead
        more = cited.lines(own[1:])
        return intro, ((Section("Also in the sources", more),) if more else ())
    asked = _asked_about(kb, intent, role)
    if not facts:
        if intent.form == "yes_no" and asked:
            return gap_line(asked, role.title), ()
        return "", ()
    naming = any(
        ref.role == LADDER and names_role(kb, role.id, f.text)
        for ref, f in zip(intent.facts, facts)
    )  # "IC 6 / Manager 5: £94,000": the ladder does cover it, by the role's code
    intro = gap_line(asked, role.title) if asked and not naming else ""
    by_role: dict[str, list] = {}
    for ref, fact in zip(intent.facts, facts):
        by_role.setdefault(ref.role, []).append(fact)
    sections = tuple(
        Section(
            "What the ladder says for everyone"
            if rid == LADDER
            else f"What they say for {kb.roles[rid].title}",
            cited.lines(found),
        )
        for rid, found in by_role.items()
    )
    return intro, sections


def _family_summary(kb: KnowledgeBase, family, topic, intro: str, cited) -> str:
    """What the family's levels all say they are ("Role responsible for coordinating
    initiatives that span multiple teams"), when a family is asked what it is or does:
    the page that names the family says it once, before its levels."""
    if (topic.id != kb.default_topic and not topic.duty_over) or not family:  # what it is, does
        return ""
    first = kb.roles[family[0]].summary
    if not first.text or first.text in intro:
        return ""
    if any(kb.roles[r].summary.text != first.text for r in family[1:]):
        return ""
    cited.ids.update(dict.fromkeys(first.sources))
    return first.text


def compose(intent: Intent, kb: KnowledgeBase, question: str = "") -> Answer:
    """Build the Answer for an Intent; small talk, unknown roles, questions the bot asks
    back ("which IC 5?") and declined questions get a short, helpful reply instead."""
    if intent.chat:
        return chat_answer(intent, kb, question)
    if intent.unknown_role:
        return unknown_role_answer(intent, kb, question)
    if intent.choices:
        return clarify_answer(intent, kb, question)
    if intent.answered and intent.role == LADDER:
        return ladder_wide(intent, kb, question)
    if not intent.answered or intent.role not in kb.roles:
        return decline(intent, kb, question)
    role, cited = kb.roles[intent.role], Citations(kb)
    # A topic a newer ladder no longer has (an old button) gets the role's overview.
    topic = kb.topics.get(intent.topic or "") or kb.topics.get(kb.default_topic)
    if topic is None:
        return decline(intent, kb, question)
    other = kb.roles.get(intent.other_role or "")
    if topic.answer == "compare" and other is None:
        # "compare" with no second role: the next step up, else the overview.
        nxt = kb.next_roles(role.id)
        other = kb.roles[nxt[0]] if nxt else None
        if other is None:
            topic = kb.topics.get(kb.default_topic) or topic
    title = f"{role.title}: {topic.title}"
    intro, lead_sections = _direct(kb, intent, role, cited)
    if topic.answer == "overview":
        summary = cited.text(role.summary)
        intro = f"{intro}\n\n{summary}" if intro else summary
        key = [f for p in topic.paths for f in role.get(p)]
        sections = tuple(
            Section(spec.heading, cited.lines(key, 3)) for spec in topic.fields[:1]
        ) + (Section("On the ladder", track_lines(kb, role.id, cited)),)
        said = said_of(kb, role, question)
        asked = said_of(kb, role, question, shared=2)[:1]
        if asked:  # "is engineer III considered a senior role?": the ladder's own answer
            intro = f"{cited.text(asked[0])}\n\n{intro}"
            said = [f for f in said if f not in asked]
        if said:  # "Engineer III is a senior role here in everything but name"
            sections += (Section("What the ladder says of it", cited.lines(said)),)
    elif topic.answer == "ladder" and intent.direction == "ready":
        title = f"{role.title}: what it expects"
        sections = _readiness(kb, role, intent, cited)
    elif topic.answer == "ladder":
        _, sections = ladder.progression(
            kb,
            role,
            intent.other_role,
            intent.direction,
            cited,
            topic.paths,
            ladder.fits(kb, intent),
            tuple(r.fact(kb) for r in intent.ranked if r.role == role.id),
        )
        if intent.direction == "into" and not intent.other_role:
            sections = _with_ladder_wide(kb, topic, role, sections, cited)
        shown = {line for s in sections for line in s.lines}
        said = [f for f in said_of(kb, role, question, shared=1) if f.text not in shown]
        if said:  # "m5 is equivalent to which ic level": "A Manager 5 is ... an IC 6"
            heading = Section("What the ladder says of it", cited.lines(said))
            sections = (*sections[:1], heading, *sections[1:])
        # the level moved from: this one, or for "how long to become X" the one below
        below = kb.previous_roles(role.id) if intent.direction == "into" else (role.id,)
        stay = kb.roles[below[0]] if intent.form == "how_long" and len(below) == 1 else None
        spans = time_in_role(stay) if stay else []
        if spans:  # "how long does someone stay an Engineer": the time the level says
            heading = f"How long at {stay.title}"
            sections = (Section(heading, cited.lines(spans, SAID_SPANS)), *sections)
        elif intent.form == "how_long":
            note = "The sources give no timeframe for this move; here is what it takes."
            intro = f"{intro}\n\n{note}" if intro else note
        if intent.guessed_title:
            note = (
                f"This ladder has no {intent.guessed_title} role; "
                f"here is what it says comes after {role.title}."
            )
            intro = f"{note}\n\n{intro}" if intro else note
    elif topic.answer == "compare" and other is not None:
        title = f"{role.title} vs {other.title}"
        compared = [kb.topics[t] for t in topic.compares if t in kb.topics]
        sections = compare(kb, role, other, cited, compared, intent, bool(lead_sections or intro))
    elif other is not None and topic.answer == "facts":
        # "EM or tech lead, which pays more": the topic for both, or the gap for either
        title = f"{role.title} vs {other.title}: {topic.title}"
        cited, intro, lead_sections = Citations(kb), "", ()
        own = [ref.fact(kb) for ref in intent.facts if ref.role == role.id]
        if own:  # "D4 vs D5: who defines the SLAs?": the fact that answers it first
            intro = cited.text(own[0])
        both = [_topic_facts(role, topic), _topic_facts(other, topic)]
        if not any(both):
            intro = gap_line(topic.title.lower(), f"{role.title} or {other.title}")
        sections = tuple(
            Section(r.title, cited.lines(facts, BOTH_SHOWN))
            if facts
            else Section(r.title, (gap_line(topic.title.lower(), r.title),))
            for r, facts in zip((role, other), both)
            if any(both)
        ) + _across_the_ladder(kb, topic, cited, intent)
    else:
        sections = _facts_sections(role, topic, cited, intent, question)
        wide = _across_the_ladder(kb, topic, cited, intent)
        if not any(s.lines for s in sections) and not lead_sections and not intro:
            intro, sections = _gap(kb, role, topic, cited, bool(wide))
        sections += wide
    if topic.answer == "ladder" and intent.direction != "ready":
        sections += _across_the_ladder(kb, topic, cited, intent)
    sections = tuple(s for s in (*lead_sections, *sections) if s.lines or s.pair)
    if len(intent.holders) > 1:
        others = [kb.roles[r].title for r in intent.holders[1:] if r in kb.roles]
        verb = "says" if len(others) == 1 else "say"
        note = f"(First at {role.title}; {', '.join(others)} {verb} so too.)"
        intro = f"{note} {intro}".strip()
    if intent.family:
        family = sorted((r for r in intent.family if r in kb.roles), key=kb.ladder_position)
        names = [kb.roles[r].title for r in family]
        span = f"{names[0]} to {names[-1]}"
        note = f"(\u201c{intent.asked_as}\u201d covers {span}; this is {role.title}.)"
        said = _family_summary(kb, family, topic, intro, cited)
        intro = " ".join(part for part in (note, said, intro) if part)
    if intent.corrections:
        typed = ", ".join(f"'{a}' as '{b}'" for a, b in intent.corrections)
        intro = (f"(I read {typed}.) " + intro).strip()
    return Answer(question, intent, title, intro, sections, tuple(cited.ids))
