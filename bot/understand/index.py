"""Everything routing needs from a knowledge base, built once per loaded ladder.

Word lists all come from the knowledge base: role aliases, titles the ladder
does not have, topic phrases and examples, domain words, the facts' own words and
the out-of-scope examples, so a maintainer changes understanding in YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ladder.model import LADDER, KnowledgeBase, Track
from ..stems import stem
from ..text import HEAD_NOUNS, NUMBER_WORDS, short_forms, spoken_forms
from . import lexicon
from .facts import FactIndex
from .markers import (
    LEVEL_NOUNS,
    MANAGEMENT_TRACK_WORDS,
    MANAGING_TITLE_WORDS,
    MODIFIERS,
    STOPWORDS,
)
from .normalise import tokens
from .shorthand import SHORTHAND
from .spelling import Speller
from .topics import ROLE, TopicModel
from .variants import spelling_variants

GAP = "..."
# Words rarer than this in English name a thing ("evaluate", "graphql"), not a frame.
SPECIFIC_WORD = 4.6
EVERYDAY_WORD = 5.0  # a name made only of words this common is not a technology


def names_a_thing(word: str) -> bool:
    """Rare enough in English to name a thing asked about, not a turn of phrase."""
    return lexicon.zipf(word) < SPECIFIC_WORD


IN_SCOPE, OUT_OF_SCOPE = "in", "out"
__all__ = ["MODIFIERS", "STOPWORDS", "RouterIndex", "build_index", "names_a_thing"]
COMMON_IN_FACTS = 0.04  # a domain word in this share of all facts says nothing specific


@dataclass
class RouterIndex:
    aliases: dict[tuple[str, ...], tuple[str, bool]]  # words -> (role id, contextual)
    max_alias: int
    other_roles: dict[tuple[str, ...], str]  # stems -> the title as listed
    max_other: int
    phrases: list[tuple[str, tuple[str, ...], int]]  # (topic, pattern, 2 strong / 1 weak)
    single_phrases: dict[str, str]  # one-word strong phrase -> topic
    # first word -> positions in `phrases`: a question tries only the phrases that
    # start with one of its words
    phrase_starts: dict[str, tuple[int, ...]]
    phrase_words_of: tuple[frozenset[str], ...]  # each phrase's words, gaps left out
    domain: set[tuple[str, ...]]
    domain_words: frozenset[str]
    vocabulary: frozenset[str]  # every word the knowledge base uses, in any file
    question_words: frozenset[str]  # words of roles, phrases, examples, synonyms, domain
    variants: dict[str, str]  # another spelling of a question word -> it ("behaviour")
    ladder_words: frozenset[str]  # words of the facts about the whole ladder
    alias_words: frozenset[str]
    trap_words: frozenset[str]  # words that mark a question as not about the ladder
    trap_pairs: frozenset[tuple[str, str]]  # a level word and its neighbour: "junior high"
    fact_words: frozenset[str]  # every word of every fact
    # First words of facts: the duties are written as verbs ("Evaluate technologies",
    # "Mentor juniors"), so after "does a principal" one of these is the verb.
    fact_verbs: frozenset[str]
    generic: frozenset[str]  # stems that name a topic, not a specific thing ("skill", "use")
    phrase_stems: frozenset[str]  # stems of every topic phrase
    fact_phrases: tuple[tuple[str, ...], ...]  # multi-word phrases facts use: "code review"
    naming_phrases: frozenset[tuple[str, ...]]  # strong phrases made of topic words only
    title_words: dict[str, frozenset[str]]  # topic -> the words of its title, and plurals
    # topic -> the stems of each heading of a list it is the first reader of ("Problem
    # Solving & Decision Making", filed under a ladder's responsibilities)
    heading_stems: dict[str, tuple[frozenset[str], ...]]
    field_topic: dict[str, str]  # fact field path -> the topic that reads it
    topic_order: dict[str, int]
    speller: Speller
    model: TopicModel
    scope: TopicModel  # "in" (every topic's examples) against "out" (out_of_scope)
    facts: FactIndex
    compare_topic: str | None
    ladder_topic: str | None
    overview_topic: str | None = None
    # Topics answered from facts that no role and no ladder-wide fact is filed under.
    empty_topics: frozenset[str] = frozenset()
    # Topics only ladder-wide facts are filed under: the ladder's own pages ("About the
    # ladder", its "managing managers" guide), asked about by their headings.
    ladder_only_topics: frozenset[str] = frozenset()
    # Level words English also uses as adjectives of degree ("the most senior IC"):
    # ladder.yaml's graded_words.
    graded_words: frozenset[str] = frozenset()
    # Words that name several roles at once (a level code shared by tracks, "IC 5"):
    # words -> every role they name, first the one an alias lookup gives.
    shared_codes: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # Codes short enough to be everyday tokens ("d7", "em", "tpm"): context decides
    bare_codes: frozenset[tuple[str, ...]] = frozenset()
    name_starts: frozenset[tuple[str, ...]] = frozenset()  # any three words of a name
    # A stem of a one-word phrase of a topic the ladder added itself (few examples):
    # stem -> positions in `phrases`. "communicate" finds Communication, "organize"
    # Planning and Organising: people ask with the verb, the heading is the noun.
    stem_phrases: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Words of the tracks' titles that name a track ("security" of "Security Engineer
    # path"): word -> track ids, for telling which "IC 5" a question means.
    track_words: dict[str, frozenset[str]] = field(default_factory=dict)
    track_stems: dict[str, frozenset[str]] = field(default_factory=dict)  # "manag": Management
    managing: frozenset[str] = frozenset()  # roles that manage people (managing_roles)


def _pattern(text: str) -> tuple[str, ...]:
    return tuple(
        GAP if w == GAP else t for w in text.split() for t in ([w] if w == GAP else tokens(w))
    )


# Topic examples are written role-neutral, with "{role}" where a role's name goes
# ("what does a {role} do all day"), so a company copying topics.yaml inherits none of
# the built-in ladder's roles; a name of the ladder's own is read as a role too.
ROLE_SLOT = "{role}"
_SLOT_WORD = "zzroleslotzz"


def slot_tokens(text: str) -> list[str]:
    return tokens(text.replace(ROLE_SLOT, f" {_SLOT_WORD} "))


def _role_free(words: list[str], aliases, max_alias: int, domain_words) -> list[str]:
    """Words with every role mention replaced by ROLE and words like "engineer" left
    out, for the topic model: they say who is asked about, not what."""
    out, i = [], 0
    while i < len(words):
        if words[i] == _SLOT_WORD:
            out.append(ROLE)
            i += 1
            continue
        for n in range(min(max_alias, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in aliases:
                out.append(ROLE)
                i += n
                break
        else:
            if words[i] not in domain_words:
                out.append(words[i])
            i += 1
    return out


def build_index(kb: KnowledgeBase) -> RouterIndex:
    cached = kb._cache.get("router")
    if cached is not None:
        return cached
    aliases: dict[tuple[str, ...], tuple[str, bool]] = {}
    for role in kb.roles.values():
        # Context aliases first: a role id such as "senior" is itself a level word, and
        # so is its shortened form ("sr", "jr"), read the same way - not a job noun's
        # ("arch" alone is an arch, or Arch Linux, before it is an architect).
        for text in role.context_aliases:
            key = tuple(tokens(text))
            for form in short_forms(key) if text not in HEAD_NOUNS else [key]:
                aliases.setdefault(_as_read(form), (role.id, True))
    # every spoken form of a level code: "l2" of "L2" ("Senior L2") is that code, not a
    # way of saying another role's "Level 2"
    coded = {
        key: role.id
        for role in kb.roles.values()
        for c in role.codes
        for key in spoken_forms(tuple(tokens(c)))
    }
    for role in kb.roles.values():
        codes = {tuple(tokens(c)) for c in role.codes}
        for text in (role.id.replace("-", " "), role.title, *role.aliases):
            if text == role.id.replace("-", " ") and tuple(tokens(text)) in codes:
                continue  # an id that is a code ("d7"), in every spoken form: a code
            said = tuple(tokens(text))
            for key in spoken_forms(said):
                if key != said and coded.get(key, role.id) != role.id:
                    continue
                aliases.setdefault(key, (role.id, False))
    for key, hit in list(aliases.items()):
        if 1 < len(key[-1]) <= 4:  # plurals the folding leaves alone: "ems", "swes" -
            # not of one letter: "level is" is not Level I
            aliases.setdefault((*key[:-1], key[-1] + "s"), hit)
        if len(key) == 2 and not hit[1]:  # written as one word: "techlead", "seniorengineer"
            aliases.setdefault(("".join(key),), hit)
    # "Junior developer" for a ladder's "Junior Engineer", as people say (and "junior
    # dev"), where no name of the ladder's says "developer" itself
    if not any("developer" in key for key in aliases):
        for key, hit in list(aliases.items()):
            if key[-1] == "engineer" and not hit[1]:  # and "developer" for an "Engineer"
                aliases.setdefault((*key[:-1], "developer"), hit)
    # Shortened forms after every name as written ("sr eng 2", "tech dir"), never joined
    # into one word: "sreng" would be a spelling of "strong".
    for role in kb.roles.values():
        for text in (role.title, *role.aliases):
            for key in spoken_forms(tuple(tokens(text))):
                for short in short_forms(key)[1:]:
                    read = _as_read(short)
                    aliases.setdefault(read, (role.id, False))
                    if len(read) == 2 and read[1].isdigit():  # "swe 1" as "swe1", "swe1s"
                        aliases.setdefault((read[0] + read[1],), (role.id, False))
                        aliases.setdefault((read[0] + read[1] + "s",), (role.id, False))
    _numbered_heads(kb, aliases)
    shared_codes = _codes(kb, aliases)
    _titles_by_inner_code(kb, aliases, shared_codes)
    for key, (role_id, _) in list(aliases.items()):
        numbered = re.fullmatch(r"([a-z]+?)(\d+)", key[0]) if len(key) == 1 else None
        # "level5" too, as the spelling stage joins "level 5"
        key_words = (numbered.group(1), numbered.group(2)) if numbered else key
        if (
            len(key_words) == 2
            and key_words[0] in LEVEL_NOUNS
            and (key_words[1].isdigit() or key_words[1] in NUMBERS)
        ):
            # "Level 3" as a title is everyday English too ("level 3 of the car park"):
            # like a bare code, the rest of the question decides
            aliases[key] = (role_id, True)
    # Titles of two words or more by stems, so "data engineering" finds "Data Engineer";
    # one-word titles as words, or "design" would find "Designer".
    other_roles = {
        tuple(stem(w) for w in key) if len(key) > 1 else key: t
        for t in kb.other_roles
        if (key := tuple(tokens(t)))
    }
    phrases = []
    for topic in kb.topics.values():
        for weight, group in ((2, topic.phrases), (1, topic.weak_phrases)):
            for text in group:
                pattern = _pattern(text)
                if pattern and (topic.id, pattern, weight) not in phrases:
                    phrases.append((topic.id, pattern, weight))  # "team", "teams": once
    _heads_named(kb, phrases)
    _shortened_heads(kb, phrases)
    single = {p[0]: t for t, p, w in phrases if w == 2 and len(p) == 1}
    stem_phrases: dict[str, tuple[int, ...]] = {}
    for i, (topic_id, pattern, weight) in enumerate(phrases):
        topic = kb.topics[topic_id]
        s = stem(pattern[0])
        if (
            weight == 2
            and len(pattern) == 1
            and topic.answer == "facts"
            and len(topic.examples) < FEW_EXAMPLES
            and len(s) >= MIN_STEM
        ):
            stem_phrases[s] = (*stem_phrases.get(s, ()), i)
    domain = {tuple(tokens(t)) for t in kb.domain_terms} - {()}
    alias_words = frozenset(w for key in aliases for w in key)
    max_alias = max((len(k) for k in aliases), default=1)
    # Two words followed by a third that continues a name ("tech lead 5") are not joined
    # into one by the spelling stage, as "back end" is into "backend".
    name_starts = frozenset(
        key[i : i + 3] for key in aliases if len(key) >= 3 for i in range(len(key) - 2)
    )

    domain_words = {w for key in domain for w in key}
    examples = {
        t.id: [_role_free(slot_tokens(e), aliases, max_alias, domain_words) for e in t.examples]
        for t in kb.topics.values()
    }
    for topic_id, found in _taught_by_facts(kb).items():
        examples[topic_id] += [_role_free(w, aliases, max_alias, domain_words) for w in found]
    example_words = {w for ex in examples.values() for e in ex for w in e if w != ROLE}
    # Role names need no ignoring: in a question they are mentions, never query words.
    ignore = frozenset(stem(w) for w in STOPWORDS)
    phrase_words = {w for _, p, _ in phrases for w in p if w != GAP}
    other_words = {w for t in kb.other_roles for w in tokens(t)}
    synonym_words = {w for group in kb.synonyms for t in group for w in tokens(t)}
    # a fact's "on-call" is the question's "oncall": compounds the topics spell as one
    compounds = frozenset(phrase_words | synonym_words | domain_words)
    facts = FactIndex(kb, ignore, compounds)  # reads (and splits) every fact, once
    fact_words = {w for ws in facts.words for w in ws}
    # the words the ladder's pages about itself use ("axis", "stage"): how people ask
    # about the framework, on a ladder that has such pages
    ladder_words = frozenset(
        w for ref, ws in zip(facts.refs, facts.words) if ref.role == LADDER for w in ws
    )
    vocabulary = (
        alias_words | phrase_words | domain_words | example_words | fact_words | synonym_words
    )
    # The words of the traps that share a word with a role ("senior discount", "lead
    # paint"): with no engineering word beside them they mean the level word is not
    # the role. Out-of-scope examples naming no level ("fix my regex") only teach the
    # scope model.
    question_words = frozenset(
        alias_words | phrase_words | domain_words | example_words | synonym_words
    )
    # The word right beside the level ("staff *meeting*") is a trap only in that pair
    # (trap_pairs): "do TLs still code or is it all meetings" is about the ladder.
    level_words = {key[0] for key, (_, contextual) in aliases.items() if contextual}
    trap_words = frozenset(
        w
        for text in kb.out_of_scope
        if level_words & set(words := tokens(text))
        for i, w in enumerate(words)
        if w not in vocabulary
        and w not in STOPWORDS
        and len(w) > 2
        and not ({words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)} & level_words)
    )

    # Spelling targets, by what a correction is worth: a role word, a topic word, any
    # other word of the ladder's own files.
    targets: dict[str, int] = {w: 0 for w in fact_words | example_words | synonym_words}
    targets.update({w: 1 for w in phrase_words | domain_words | other_words})
    targets.update({w: 2 for w in single})
    targets.update({w: 3 for w in alias_words})
    targets = {w: p for w, p in targets.items() if len(w) >= 3 and w not in STOPWORDS}
    # Function words last of all, so "shoudl" and "hwo" are read, not taken for strangers.
    targets.update({w: -1 for w in STOPWORDS if len(w) >= 3})
    speller = Speller(targets, frozenset(vocabulary | other_words) | STOPWORDS)

    # A list read by several topics votes for the one that reads the fewest lists: the
    # list's own topic ("communication"), not the broad one that also shows it (skills).
    field_topic: dict[str, str] = {}
    readers = [t for t in kb.topics.values() if t.answer in ("facts", "ladder")]
    for topic in sorted(readers, key=lambda t: len(t.paths)):
        for path in topic.paths:
            field_topic.setdefault(path, topic.id)
    overview = _topic_id(kb, "overview")
    if overview:
        field_topic["summary"] = overview
    # Domain words most facts could be about ("engineer", "backend") match nothing;
    # rarer ones ("oncall", "incident") are things a question can ask about.
    common = {
        s for s, ids in facts.postings.items() if len(ids) >= COMMON_IN_FACTS * len(facts.refs)
    }
    facts.ignore = ignore | {stem(w) for w in domain_words if stem(w) in common}
    generic = _generic(kb, phrases, facts, field_topic)
    # topics answered from facts, and which have facts filed by some role or ladder-wide
    fact_topics = [t for t in kb.topics.values() if t.answer == "facts"]
    role_filed = {
        t.id for t in fact_topics if any(r.get(p) for r in kb.roles.values() for p in t.paths)
    }
    ladder_filed = {t.id for t in fact_topics if any(kb.ladder_facts.get(p) for p in t.paths)}
    index = RouterIndex(
        aliases=aliases,
        max_alias=max_alias,
        other_roles=other_roles,
        max_other=max((len(k) for k in other_roles), default=1),
        phrases=phrases,
        single_phrases=single,
        phrase_starts=_starts(phrases),
        phrase_words_of=tuple(frozenset(w for w in p if w != GAP) for _, p, _ in phrases),
        domain=domain,
        domain_words=frozenset(domain_words),
        vocabulary=frozenset(vocabulary),
        question_words=question_words,
        variants=spelling_variants(question_words),
        ladder_words=ladder_words,
        alias_words=alias_words,
        trap_words=trap_words,
        trap_pairs=_trap_pairs(kb, level_words, {p[0] for _, p, _ in phrases if len(p) == 1}),
        fact_words=frozenset(fact_words),
        fact_verbs=frozenset(ws[0] for ws in facts.words if ws and ws[0] not in STOPWORDS),
        generic=generic,
        phrase_stems=frozenset(stem(w) for w in phrase_words),
        fact_phrases=_fact_phrases(kb, phrases, facts, alias_words),
        naming_phrases=frozenset(
            p for _, p, w in phrases if w == 2 and all(stem(x) in generic for x in p if x != GAP)
        )
        | _joined_titles(kb, phrases)
        | _title_synonyms(kb, phrases, facts.synonyms),
        title_words={
            t.id: frozenset(w for w in tokens(t.title) if w not in STOPWORDS)
            for t in kb.topics.values()
        },
        heading_stems=_heading_stems(kb, field_topic),
        field_topic=field_topic,
        topic_order={t: i for i, t in enumerate(kb.topics)},
        speller=speller,
        model=TopicModel(examples),
        scope=TopicModel(
            {
                IN_SCOPE: [e for ex in examples.values() for e in ex],
                OUT_OF_SCOPE: [
                    _role_free(slot_tokens(e), aliases, max_alias, domain_words)
                    for e in kb.out_of_scope
                ],
            }
        ),
        facts=facts,
        compare_topic=_topic_id(kb, "compare"),
        ladder_topic=_topic_id(kb, "ladder"),
        overview_topic=_topic_id(kb, "overview"),
        empty_topics=frozenset(
            t.id for t in fact_topics if t.id not in role_filed and t.id not in ladder_filed
        ),
        ladder_only_topics=frozenset(
            t.id
            for t in fact_topics
            if not t.examples  # a topic the ladder's own pages made, not a built-in one
            and t.id not in role_filed
            and t.id in ladder_filed
        ),
        graded_words=frozenset(w for g in kb.graded_words for w in tokens(g)),
        shared_codes=shared_codes,
        bare_codes=frozenset(
            k
            for k, (_, contextual) in aliases.items()
            if contextual
            and k not in {tuple(tokens(a)) for r in kb.roles.values() for a in r.context_aliases}
        ),
        name_starts=name_starts,
        stem_phrases=stem_phrases,
        track_words=_track_words(kb, domain_words),
        track_stems=_track_stems(kb),
        managing=managing_roles(kb),
    )
    kb._cache["router"] = index
    return index


_TRACK_NOUNS = frozenset({"track", "path", "ladder", "career", "level", "role"})


def _as_read(key: tuple[str, ...]) -> tuple[str, ...]:
    """A shortened name as a question's words are read: "vp eng" as "vp engineer",
    the chat shorthand every question goes through (shorthand.py)."""
    return tuple(SHORTHAND.get(w, w) for w in key)


def _numbered_heads(kb: KnowledgeBase, aliases: dict) -> None:
    """ "engineer 2" for "Software Engineer 2": a numbered title's last noun and number,
    the words before it left out as people leave them out, where only one role's title
    ends so and no name of the ladder's is already read so."""
    found: dict[tuple[str, ...], set[str]] = {}
    for role in kb.roles.values():
        for key in spoken_forms(tuple(tokens(role.title))):  # "II" as "2" too
            if len(key) >= 3 and key[-1].isdigit():
                found.setdefault(_as_read(key[-2:]), set()).add(role.id)
    for key, ids in found.items():
        if len(ids) == 1 and key not in aliases:
            aliases[key] = (next(iter(ids)), False)


def _track_said(track: Track) -> list[str]:
    """A track's title and id as words: what names it in a question."""
    return tokens(f"{track.title} {track.id.replace('-', ' ')}")


def _track_words(kb: KnowledgeBase, domain_words) -> dict[str, frozenset[str]]:
    """The words that name a track, shortened forms too ("IC" for "Individual
    Contributor"). A domain word ("engineering", "manager") names a track only where it
    tells tracks apart: it is in some of their titles, not all."""
    found: dict[str, set[str]] = {}
    for track in kb.tracks:
        said = _track_said(track)
        shortened = {w for form in short_forms(tuple(said))[1:] for w in form}
        for w in [*said, *sorted(shortened - set(said))]:
            if w not in STOPWORDS and w not in _TRACK_NOUNS:
                found.setdefault(w, set()).add(track.id)
    every = len(kb.tracks)
    return {
        w: frozenset(ids)
        for w, ids in found.items()
        if w not in domain_words or (every > 1 and len(ids) < every)
    }


def _track_stems(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Other forms of the words that tell tracks apart, by stem: "manager" for the
    Management track ("does a l2 manager review every PR"). Only a stem that is in
    some tracks' titles and not all."""
    found: dict[str, set[str]] = {}
    for track in kb.tracks:
        for w in _track_said(track):
            if w not in STOPWORDS and w not in _TRACK_NOUNS:
                found.setdefault(stem(w), set()).add(track.id)
    every = len(kb.tracks)
    return {s: frozenset(ids) for s, ids in found.items() if len(ids) < every}


def _shortened_heads(kb: KnowledgeBase, phrases: list) -> None:
    """A company's competency named by its one word, shortened as people type it
    ("tech" for "Technical"): a topic the ladder's own pages made (few examples), when
    no other topic has that phrase."""
    taken = {p for _, p, _ in phrases}
    for topic_id, pattern, weight in list(phrases):
        topic = kb.topics[topic_id]
        if weight != 2 or len(pattern) != 1 or len(topic.examples) >= FEW_EXAMPLES:
            continue
        if tuple(tokens(topic.title)) != pattern:
            continue  # the title's own word only
        for short in short_forms(pattern)[1:]:
            if short not in taken:
                taken.add(short)
                phrases.append((topic_id, short, 2))


RARE_HEAD = 4.0  # zipf: "traits" 3.7, "indicators" 3.9 - not "capital" 5.0, "people" 6.3


def _heads_named(kb: KnowledgeBase, phrases: list) -> None:
    """A company's competency heading named by its last word alone ("staff traits?" for
    "Enabling Traits"): a topic the ladder's own pages made (few examples), when that
    word is rare in English and in no other topic's title."""
    titles = {t.id: tokens(t.title) for t in kb.topics.values()}
    for topic in kb.topics.values():
        said = titles[topic.id]
        if topic.answer != "facts" or len(topic.examples) >= FEW_EXAMPLES or len(said) < 2:
            continue
        head = said[-1]
        if lexicon.zipf(head) >= RARE_HEAD or any(
            head in other for t, other in titles.items() if t != topic.id
        ):
            continue
        pattern = _pattern(head)
        if pattern and not any(p == pattern for _, p, _ in phrases):
            phrases.append((topic.id, pattern, 2))


BARE = 4  # characters: a code this short is an everyday token too
EVERYDAY_CODE = 5.0  # zipf: a short code this common in English ("be", "de") names nothing


NUMBERS = frozenset(NUMBER_WORDS.values())


def _titles_by_inner_code(kb: KnowledgeBase, aliases: dict, shared: dict) -> None:
    """ "senior em" for Senior Engineering Manager: a title ending in another role's
    title, said with that role's code (when the code is that role's alone)."""
    titles = {r.id: tuple(tokens(r.title)) for r in kb.roles.values()}
    by_title: dict[tuple[str, ...], list] = {}
    for role in kb.roles.values():
        by_title.setdefault(titles[role.id], []).append(role)
    for role in kb.roles.values():
        mine = titles[role.id]
        for cut in range(1, len(mine) - 1):  # each ending of two words or more
            head, theirs = mine[:cut], mine[cut:]
            for other in by_title.get(theirs, ()):
                _said_with_code(other, head, role.id, aliases, shared)


def _said_with_code(other, head: tuple[str, ...], role_id: str, aliases: dict, shared) -> None:
    """ "senior" + EM for Senior Engineering Manager, in each short form of "senior"."""
    for code in other.codes:
        said = tuple(tokens(code))
        if said in shared or not all(w.isalpha() for w in said):
            continue
        for form in short_forms(head):
            aliases.setdefault((*form, *said), (role_id, False))


def _bare(key: tuple[str, ...]) -> bool:
    return len("".join(key)) <= BARE


def _codes(kb: KnowledgeBase, aliases: dict) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Level codes into the alias table; those several roles share ("IC 5") are kept
    with every role they name (the alias table gives the first)."""
    named: dict[tuple[str, ...], list[str]] = {}
    literal: dict[tuple[str, ...], set[str]] = {}  # the roles whose code is written so
    for role in kb.roles.values():
        for code in role.codes:
            said = tuple(tokens(code))
            literal.setdefault(said, set()).add(role.id)
            # typed as one word: "techlead", "level1" (and so "lvl1", shorthand.py)
            pair = len(said) == 2 and (said[1].isalpha() or said[1][:1].isdigit())
            joined = [("".join(said),)] if pair and said[0].isalpha() else []
            # plurals and possessives: "EMs", "IC5s", "a D6's" (the apostrophe closed up)
            plural = [  # not of one letter: "level is", "level vs" are not Level I, V
                (*form[:-1], form[-1] + "s")
                for form in spoken_forms(said)[:2]
                if len(form[-1]) > 1 or form[-1].isdigit()
            ]
            shorts = [_as_read(f) for key in spoken_forms(said) for f in short_forms(key)[1:]]
            for key in spoken_forms(said) + joined + plural + shorts:  # "techlead", "EMs"
                holders = named.setdefault(key, [])
                if role.id not in holders:
                    holders.append(role.id)
    shared = {}
    for key, roles in named.items():
        written = [r for r in roles if r in literal.get(key, ())]
        if written:
            # "L5" is one role's code as written, another's "Level 5" only as said: the
            # code is the one that writes it so
            roles = written
        if key in aliases and aliases[key][0] not in roles:
            continue  # an alias of another role wins (validate refuses the code)
        if len(key) == 1 and _bare(key) and lexicon.zipf(key[0]) >= EVERYDAY_CODE:
            continue  # "BE" for Backend Engineer: "be" is every other sentence's word
        # A bare code ("EM", "TPM", "d7") is also an everyday token ("em dash", "TPM
        # 2.0", "a D7 chord"): like a level word, the rest of the question decides.
        aliases.setdefault(key, (roles[0], _bare(key)))
        if len(roles) > 1:
            shared[key] = tuple(roles)
    return shared


FEW_EXAMPLES = 8  # a topic with fewer hand-written examples also learns from its facts
MIN_STEM = 5  # shorter stems are everyday words ("plan", "work", "team"): not matched by stem
TAUGHT_FACTS = 40  # ...at most this many of them
TAUGHT_WORDS = 14  # ...each cut to its first words: what a question would say


def _taught_by_facts(kb: KnowledgeBase) -> dict[str, list[list[str]]]:
    """Examples for topics with few hand-written ones, from what they are about: the
    topic's title and phrases, and the start of the facts in its lists. A company's new
    topic ("communication", "collaboration") then needs no example questions."""
    out: dict[str, list[list[str]]] = {}
    for topic in kb.topics.values():
        if len(topic.examples) >= FEW_EXAMPLES or topic.answer != "facts":
            continue
        taught = [tokens(topic.title)] + [tokens(p.replace("...", " ")) for p in topic.phrases]
        for role in kb.roles.values():
            for path in topic.paths:
                for fact in role.get(path):
                    taught.append(tokens(fact.text)[:TAUGHT_WORDS])
                    if len(taught) >= TAUGHT_FACTS:
                        break
        out[topic.id] = [w for w in taught if w]
    return out


def _starts(phrases) -> dict[str, tuple[int, ...]]:
    starts: dict[str, list[int]] = {}
    for i, (_, pattern, _) in enumerate(phrases):
        starts.setdefault(pattern[0], []).append(i)
    return {w: tuple(ix) for w, ix in starts.items()}


def _heading_stems(kb: KnowledgeBase, field_topic: dict[str, str]) -> dict:
    """The content words of the headings of the lists each topic reads first."""
    out: dict[str, list[frozenset[str]]] = {}
    for topic in kb.topics.values():
        for spec in topic.fields:
            said = frozenset(stem(w) for w in tokens(spec.heading) if w not in STOPWORDS)
            if said and field_topic.get(spec.path) == topic.id:
                out.setdefault(topic.id, []).append(said)
    return {t: tuple(hs) for t, hs in out.items()}


def _generic(kb, phrases, facts: FactIndex, field_topic) -> frozenset[str]:
    """Stems that name a topic rather than a thing: the topics' titles, weak-phrase
    words, and one-word phrases the topic's own facts never use ("skill", "salary",
    "responsibility"). A phrase word the facts do use ("microservice", "master")
    names something specific that a question can ask about."""

    def used_by(s: str, topic: str) -> bool:
        return any(field_topic.get(facts.refs[i].path) == topic for i in facts.postings.get(s, ()))

    out = {stem(w) for t in kb.topics.values() for w in tokens(t.title)}  # "tools"
    held: dict[str, set[str]] = {}
    for ref in facts.refs:
        held.setdefault(field_topic.get(ref.path), set()).add(ref.role)
    filled = {t for t, roles in held.items() if len(roles) * 2 > len(kb.roles)}  # most do
    for topic, pattern, weight in phrases:
        if weight == 1 or GAP in pattern:  # question frames: "part of ... job"
            out.update(stem(w) for w in pattern if w != GAP)
        elif len(pattern) == 1 and not used_by(stem(pattern[0]), topic):
            s = stem(pattern[0])
            # A rare word another topic's facts use is a thing people ask about there:
            # "evaluated" marks a hiring question, "evaluate technologies" is a duty.
            # So is one whose synonyms they use: "pr" (facts say "code review").
            used = facts.postings.get(s) or any(
                facts.postings.get(x) for x in facts.synonyms.get(s, ())
            )
            # A topic few facts are filed under (a ladder of competencies files
            # "interview" under its own headings): a word the facts use is a thing.
            sparse = kb.topics[topic].answer == "facts" and topic not in filled
            if not (used and (names_a_thing(pattern[0]) or sparse)):
                out.add(s)
    return frozenset(out)


def _joined_titles(kb: KnowledgeBase, phrases) -> frozenset[tuple[str, ...]]:
    """A topic's title of several words written as one ("teamwork" for Team Work) names
    the topic, though its facts use the word too (and so still find it)."""
    joined = {t.id: "".join(ws) for t in kb.topics.values() if len(ws := tokens(t.title)) > 1}
    return frozenset(p for t, p, w in phrases if w == 2 and p == (joined.get(t),))


def _title_synonyms(kb: KnowledgeBase, phrases, synonyms) -> frozenset[tuple[str, ...]]:
    """A one-word phrase that is a synonym of its topic's title ("pay" for Salary) names
    the topic, though the topic's facts use the word too."""
    titles = {t.id: {stem(w) for w in tokens(t.title)} for t in kb.topics.values()}
    return frozenset(
        p
        for t, p, w in phrases
        if w == 2 and len(p) == 1 and any(stem(p[0]) in synonyms.get(s, ()) for s in titles[t])
    )


def _trap_pairs(kb: KnowledgeBase, level_words, topic_words) -> frozenset[tuple[str, str]]:
    """Each level word in an out-of-scope example with the word beside it ("junior
    high", "senior discount", "sales lead"): together they mean something else. Not a
    one-word topic phrase: "what does a school principal earn" must not make
    "principal earn" a trap."""
    pairs = set()
    for text in kb.out_of_scope:
        words = tokens(text)
        for i, w in enumerate(words):
            if w not in level_words:
                continue
            for j in (i - 1, i + 1):
                # the word after may be the verb of a real question ("principal earn")
                if (
                    0 <= j < len(words)
                    and words[j] not in STOPWORDS
                    and not (j > i and words[j] in topic_words)
                ):
                    pairs.add((words[j], w) if j < i else (w, words[j]))
    return frozenset(pairs)


def _fact_phrases(
    kb: KnowledgeBase, phrases, facts: FactIndex, alias_words=frozenset()
) -> tuple[tuple[str, ...], ...]:
    """Multi-word topic phrases that name a thing the facts talk about ("code review",
    "ci cd"), as opposed to question frames ("come after", "tell me about")."""
    texts = "\n".join(" " + " ".join(ws) + " " for ws in facts.words)
    frames = {t.id for t in kb.topics.values() if t.answer != "facts"}
    found = []
    for topic, pattern, weight in phrases:
        if (
            weight == 2
            and len(pattern) > 1
            and GAP not in pattern
            and topic not in frames
            and not any(w in STOPWORDS or w in MODIFIERS for w in pattern)
        ):
            needle = " " + " ".join(pattern) + " "
            if pattern not in found and needle in texts:
                found.append(pattern)
    # Names the facts use, written in capitals: "Spring Boot", "Google Cloud" - each
    # word ordinary English, together the name of a technology.
    for ref in facts.refs:
        for name in _NAME.findall(ref.fact(kb).text):
            pattern = tuple(tokens(name))
            if (
                len(pattern) > 1
                and pattern not in found
                and not any(w in STOPWORDS or w in alias_words for w in pattern)
                # not a place or an everyday pair ("United States", "App Service")
                and min(lexicon.zipf(w) for w in pattern) < EVERYDAY_WORD
            ):
                found.append(pattern)
    # A competency's name leading its facts at several levels ("Delivery Process: ...",
    # "Operational Excellence: ..."): asked about, it is the thing asked for. One word
    # ("Promotion: ...") is too everyday to tell, unless it leads facts of three roles or
    # more ("Influence: ..."): then it names a competency of the ladder's.
    labels: dict[tuple[str, ...], list[str]] = {}
    for ref, label in facts.lead_ins.items():  # each fact's, read once by the fact index
        pattern = tuple(tokens(label))
        if not any(w in STOPWORDS or w in alias_words for w in pattern):
            labels.setdefault(pattern, []).append(ref.role)
    found += [
        p
        for p, roles in labels.items()
        if (len(roles) >= 2 if len(p) > 1 else len(set(roles)) >= SINGLE_LABEL_ROLES)
        and p not in found
    ]
    return tuple(found)


SINGLE_LABEL_ROLES = 3
_NAME = re.compile(
    r"(?<![.:] )(?<!^)\b[A-Z][a-z0-9]+(?: [A-Z][a-z0-9]+)+"  # "Spring Boot"
    r"|\b[A-Z][a-z]+\.js\b"  # "Node.js"
)


def _topic_id(kb: KnowledgeBase, kind: str) -> str | None:
    topic = kb.topic_for(kind)
    return topic.id if topic else None


def managing_roles(kb: KnowledgeBase) -> frozenset[str]:
    """Roles that manage people: a title that says so ("Engineering Manager", "Head of
    Data", "Tech Lead"), or a place only on tracks of management ("Leadership and
    management"); a role also on another track (the senior a management track starts
    from) does not."""

    def management(track) -> bool:
        return bool(
            set(tokens(f"{track.title} {track.id.replace('-', ' ')}")) & MANAGEMENT_TRACK_WORDS
        )

    out = set()
    for role in kb.roles.values():
        tracks = kb.tracks_for(role.id)
        if set(tokens(role.title)) & MANAGING_TITLE_WORDS or (
            tracks and all(management(t) for t in tracks)
        ):
            out.add(role.id)
    return frozenset(out)
