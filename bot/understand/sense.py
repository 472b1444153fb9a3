"""Stage 8: sense and scope. Which role spans mean the ladder's roles here, and
whether the question is about engineering at all.

Level words such as "senior", "lead" or "staff" also mean other things ("senior
discount", "lead paint", "staff room"), so a span found only through one is kept
only when the rest of the question allows it:
- a word from the out-of-scope examples ("loan", "citizen") with no engineering
  word beside it means the question is not about the ladder;
- an unknown word right before the level word makes a different job ("sales lead",
  "store manager"); right after it, a different thing ("lead singer", "staff room"),
  unless the question has a clear topic ("a principal's main duties").
Scope: a domain term ("engineer", "career ladder"), or a word or phrase from the
facts that English rarely uses ("redis", "code review"), says the question is
about engineering. This stage reads the words beside a span: it is word sense.
"""

from __future__ import annotations

from . import lexicon
from .asked import Asked
from .cues import word_before
from .frame import Frame, Span
from .index import OUT_OF_SCOPE, RouterIndex
from .markers import (
    ASKING_SOMEONE,
    AUXILIARIES,
    EXPECTED_TO,
    GIVEN,
    GROUPS,
    HEAD_NOUNS,
    MODIFIERS,
    PARTICLES,
    PEOPLE,
    PEOPLE_HEADS,
    PLEASE,
    STANDING_AFTER,
    STAYING,
    STOPWORDS,
    THE_THING,
)
from .phrases import contains
from .roles import is_unknown
from .topics import ROLE

LEVEL_JOINERS = ("to", "into")  # "mid to senior": a move
DURATIONS = (["year"], ["month"], ["week"], ["yr"], ["mo"])
WORKPLACE = (["at", "a"], ["at", "an"], ["at", "the"], ["in", "a"])
_WHEN = frozenset({"last", "this", "next", "every"})
# "be a principal someday": when, not the second half of a compound
_WHENEVER = frozenset({"yesterday", "today", "someday", "eventually", "soon", "later", "oneday"})
_TIME_UNITS = frozenset({"week", "month", "year", "quarter", "cycle", "spring", "summer", "fall"})


def _time_after(words: list[str], at: int) -> bool:
    """A time adverbial starts at `at`: "last week", "this year", "yesterday"."""
    first = words[at] if at < len(words) else ""
    second = words[at + 1] if at + 1 < len(words) else ""
    return (first in _WHEN and second in _TIME_UNITS) or first in _WHENEVER


SCOPE_THRESHOLD = 0.5
UNKNOWN_SCOPE_THRESHOLD = 0.055  # measured: in-scope questions up to 0.04, traps from 0.08
TECHNICAL = 4.0  # a fact word rarer than this in English marks an engineering question


def scope(frame: Frame, index: RouterIndex) -> None:
    """Domain and technical words, and what the question asks on the facts' side."""
    words, free = frame.words, frame.free
    present = set(words)
    # not a word of a level word's span ("developer" named as a role by itself)
    outside = [
        not any(m.start <= j < m.end for m in frame.spans if m.contextual)
        for j in range(len(words))
    ]
    frame.domain = any(d[0] in present and contains(words, outside, d) for d in index.domain)
    frame.technical = any(
        w in index.fact_words
        and w not in index.alias_words
        and w not in STOPWORDS
        and lexicon.zipf(w) < TECHNICAL
        for w in words
    ) or any(
        # a competency's one-word name ("Ownership") is as everyday as any other word
        len(p) > 1 and p[0] in present and contains(words, free, p)
        for p in index.fact_phrases
    )
    frame.engineering = (
        frame.domain
        or frame.technical
        or any(not m.contextual for m in frame.spans)
        or frame.hint is not None  # a command is about the ladder by definition
    )
    # "on the manager track", "ops engineer": the track's name says where, not what is
    # asked
    named_track = [
        w in index.track_words
        and (
            words[j + 1 : j + 2] in (["track"], ["path"]) or (j + 1 < len(free) and not free[j + 1])
        )
        for j, w in enumerate(words)
    ]
    asking = [
        f and not t and not (w in ("track", "path") and j and named_track[j - 1])
        for j, (f, t, w) in enumerate(zip(free, named_track, words))
    ]
    frame.asked = Asked(words, asking, index, frame.typed)


def model_words(
    frame: Frame, spans: list[Span], index: RouterIndex, start: int = 0, leave_out=frozenset()
) -> list[str]:
    """The question as the topic and scope models see it: role spans as ROLE, no words
    like "engineer" (they say who is asked about, not what). From `start` on, without
    the positions in `leave_out`."""
    words = frame.words[start:]
    shifted = [(m.start - start, m.end - start) for m in spans if m.start >= start]
    out, skip = [], {j for s, e in shifted for j in range(s + 1, e)}
    skip |= {j - start for j in leave_out if j >= start}
    starts = {s for s, _ in shifted}
    for j, w in enumerate(words):
        if j in starts:
            out.append(ROLE)
        elif j not in skip and w not in index.domain_words:
            out.append(w)
    return out


def out_of_scope_probability(frame: Frame, spans: list[Span], index: RouterIndex) -> float:
    return index.scope.probabilities(model_words(frame, spans, index)).get(OUT_OF_SCOPE, 0.0)


def meant(frame: Frame, index: RouterIndex) -> None:
    """Which spans mean a role on this ladder (kept), which do not (near), and whether a
    level word that means something else here ("senior discount") makes the whole
    question about that (trapped)."""
    if frame.hint is not None:  # a command is about the ladder: "/role lead" is the lead
        frame.kept = list(frame.spans)
        return
    words, asked = frame.words, frame.asked
    # "senior at a bank": where someone works, not what the question is about
    traps = sum(
        word in index.trap_words and words[max(0, j - 2) : j] not in WORKPLACE
        for j, word in enumerate(words)
    )
    near, kept, trapped = [], [], False
    strong = bool(frame.strong)
    titles_at = {m.start: m for m in frame.spans if not m.contextual}
    paired = _levels_paired(frame, index)
    for m in frame.spans:
        typed = frame.typed[m.start]
        plural = typed != words[m.start] and typed.endswith("s")
        title_after = titles_at.get(m.end)
        if m.contextual and title_after is not None and _apart(frame.kb, m.role, title_after.role):
            # "a (mid) designer": the level word says which of the title's, not the mid
            # engineer of another track ("senior backend engineer" is the senior's)
            near.append(m.role)
            continue
        if (
            m.contextual
            and m not in paired
            and not _code_in_capitals(frame.cased[m.start : m.end], words, m, index)
            and not keep_contextual(
                m,
                words,
                index,
                engineering=frame.engineering,
                strong_topic=strong,
                traps=traps,
                plural=plural,
                clause_starts=frame.clause_starts | {frame.focus},
            )
        ):
            near.append(m.role)
            trapped = trapped or trap_beside(m, words, index)
        else:
            kept.append(m)
    frame.near = near
    if trapped and not kept:
        # "senior discount": the whole question is about that - unless another role is
        # named as well ("senoir eng TC at a mid-size startup", "how much lead time
        # do seniors need")
        frame.trapped = True
        frame.note("sense", "a level word means something else here")
        return
    named_topic = bool(frame.strong - {index.compare_topic})  # "D6 influence - org wide?"
    if (
        kept
        and not frame.engineering
        and not named_topic
        and _codes_among_strangers(frame, kept, index)
    ):
        # codes that are everyday tokens, among words the ladder never uses ("Nikon D5
        # vs D6 for the offsite photos", "em or rem for font sizes")
        frame.near = near + [m.role for m in kept]
        frame.note("sense", "only short codes, among words the ladder never uses")
        return
    if (
        kept
        and all(m.contextual for m in kept)
        and not frame.engineering
        and not strong
        and len({m.role for m in kept}) < 2  # "lead or manager, which should I pick"
        and not asked.search(asked.query, [m.role for m in kept])  # "containers"
        # "how long shud a junior sit on a problem before telling someone": the time
        # a level's line gives ("says when you're stuck within half a day")
        and not (frame.cues.form == "how_long" and asked.timed([m.role for m in kept]))
        # Only a level word and a question frame: "who is the principal of the school"
        # is not about engineering when the rest reads like the out-of-scope examples.
        and reads_out_of_scope(frame, kept, index)
    ):
        frame.near = near + [m.role for m in kept]
        frame.note("sense", "only a level word, and the rest reads like the traps")
        return
    frame.kept = kept


def _levels_paired(frame: Frame, index: RouterIndex) -> list[Span]:
    """Level words joined by "to" ("mid to senior checklist", "sr -> staff"): a move
    between two levels, meant as levels whatever one word after them is ("checklist"
    does not make "senior checklist" a thing) - unless either is half of something
    else or more words are strangers to the ladder ("junior to senior gym
    membership"). Not "or":
    "senior or junior discount" is a discount for either."""
    spans, words, out = frame.spans, frame.words, []
    for a, b in zip(spans, spans[1:]):
        if (
            a.role == b.role
            or words[a.end : b.start] not in ([w] for w in LEVEL_JOINERS)
            or trap_beside(a, words, index)
            or trap_beside(b, words, index)
        ):
            continue
        inside = set(range(a.start, b.end))
        strangers = [
            j for j, w in enumerate(words) if j not in inside and is_unknown(w, index, strict=True)
        ]
        if strangers in ([], [b.end]):
            out += [m for m in (a, b) if m not in out]
    return out


def _apart(kb, level_role: str, title_role: str) -> bool:
    """Roles on no track in common, neither the discipline's role: a level word of one
    track cannot say which role of another it is."""
    if level_role == title_role or kb.default_role in (level_role, title_role):
        return False
    tracks = {t.id for t in kb.tracks_for(level_role)}
    return not tracks & {t.id for t in kb.tracks_for(title_role)}


CODE_STRANGERS = 2  # words the ladder never uses, beside codes alone, that say "not ours"


def _codes_among_strangers(frame: Frame, kept: list[Span], index: RouterIndex) -> bool:
    """Only codes that are everyday tokens ("D5", "em"), beside a word the ladder never
    uses ("Nikon D5 vs D6", "em or rem", "d1 vs d2 s3 bucket"): not the levels."""
    if not all(tuple(frame.words[m.start : m.end]) in index.bare_codes for m in kept):
        return False
    if any({"here", "self", "aux"} & m.marks for m in kept):
        # "IC3 here, do I have to...", "I'm an IC3": the asker's level; "where does a
        # b30 write down...": someone, the subject of the question
        return False
    inside = {j for m in kept for j in range(m.start, m.end)}
    strangers = sum(
        is_unknown(w, index, strict=True) for j, w in enumerate(frame.words) if j not in inside
    )
    return strangers >= CODE_STRANGERS


def reads_out_of_scope(frame: Frame, kept: list[Span], index: RouterIndex) -> bool:
    """Whether a question naming a role only by a level word reads more like the
    out-of-scope examples ("who is the principal of the school") than like the
    questions people ask about the ladder."""
    p = out_of_scope_probability(frame, kept, index)
    role_words = {j for m in kept for j in range(m.start, m.end)}
    if any(
        is_unknown(x, index) and not lexicon.is_adverb(x)
        for j, x in enumerate(frame.words)
        if j not in role_words
    ):
        # Words the ladder never uses ("melting", "school"): in scope only when the
        # rest of the question is clearly like the questions people ask about it. An
        # adverb ("realistically") says how, never what the question is about.
        return p > UNKNOWN_SCOPE_THRESHOLD
    return p > SCOPE_THRESHOLD


def _led(after: list[str]) -> bool:
    """Who or what is led, right after the word: "people", "a team", "the squad"."""
    if after[:1] and after[0] in ("people", "others", "team"):
        return True
    return len(after) == 2 and after[0] in ("a", "the", "my", "our") and after[1] in GROUPS


def keep_contextual(
    m: Span,
    words: list[str],
    index: RouterIndex,
    *,
    engineering: bool,
    strong_topic: bool,
    traps: int,
    plural: bool,
    clause_starts: frozenset[int] = frozenset(),
) -> bool:
    """Whether a role found only through a level word is meant as that level. A plural
    ("seniors", "leads") names people, never the first half of a compound. `traps`:
    how many words of the out-of-scope examples the question has ("loan", "school")."""
    if traps and not engineering and not (plural and traps == 1):
        # one such word beside a plural is a passing word ("do juniors get free
        # courses"), more say what the question is about ("seniors' bus fares")
        return False
    # the word before, in the same sentence ("context: junior, 8 months in": none)
    before = words[m.start - 1] if m.start > 0 and m.start not in clause_starts else ""
    after = words[m.end] if m.end < len(words) else ""
    if (
        (words[m.start].rstrip("s") in HEAD_NOUNS or words[m.start] == "management")
        and before
        and before not in STOPWORDS
        and before not in MODIFIERS  # "new manager here"
        and before not in PEOPLE_HEADS  # "what does a line manager do"
    ):
        return False  # "package manager", "database management": another kind of manager
    if before in index.trap_words or after in index.trap_words:
        return False  # "senior discount", "sales lead", whatever else the question says
    if before == "the" and after in GROUPS and not plural:
        return False  # "who represents engineering on the senior team": a body of people
    if _neighbours(words, m) & index.trap_pairs:  # "junior high", "staff meeting"
        return False
    if _asked_of_someone(words, m) and after in THE_THING:
        return False  # "can someone lead the standup tomorrow": a verb, a task for someone
    if before == "to" and _led(words[m.end : m.end + 2]):
        return False  # "want to lead a team", "prefer not to lead people": a verb
    if before == "to" and m.start > 1 and words[m.start - 2] in EXPECTED_TO:
        return False  # "what are they expected to architect": what they do, a verb
    if plural:
        return True  # "my lead says seniors should own features"
    if after.isdigit() and words[m.end + 1 : m.end + 2] not in DURATIONS:
        # "TPM 2.0", "em 12px": a code followed by a number is something else - not
        # "junior 2 years now": how long they have been one
        return False
    if (
        before
        and is_unknown(before, index, strict=True)
        and not engineering
        and not lexicon.is_adverb(before)  # "almost mid"
        and before not in GIVEN
        and before not in STAYING  # "would I earn more staying senior"
    ):
        return False  # "sales lead", "school principal", "store manager"
    said_before = word_before(words, m.start)
    if said_before in GIVEN and _gerund(after):
        return True  # "becoming a senior starting from the bottom"
    compound = (
        bool(after)
        and not _time_after(words, m.end)  # "promoted to mid last week"
        and is_unknown(after, index, strict=True)
        and after[:-1] not in index.fact_verbs  # "that a principal runs": a verb
        and after not in PEOPLE
        and after not in STANDING_AFTER  # "am i principal material"
        and not lexicon.is_adverb(after)  # "can a junior realistically have"
        and m.end - m.start == 1
        # "a level 4 deal with": a level numbered in words is no compound's first half
        # (a short code is: "a D7 chord")
        and not _numbered_word(words[m.start])
    )
    if engineering:
        return True
    helped = said_before in AUXILIARIES and not {"do", "does"} & set(words[m.end :])
    # a verb the duties use ("evaluate"), or any verb with its particle ("size up")
    verb = _duty_verb(after, index) or (m.end + 1 < len(words) and words[m.end + 1] in PARTICLES)
    if strong_topic and not (helped and verb):
        # "senior salary" yes; "a senior bus pass" no, whatever it asks about - but
        # "does a principal evaluate technologies": a verb the duties use.
        return not compound
    if helped:
        # "does a principal encourage...", "can a senior handle...": after a helping
        # verb and its subject comes a verb, not the second half of a compound - unless
        # the verb comes later ("what does a lead guitarist do").
        return True
    return not compound  # "lead singer", "staff room"


def _duty_verb(word: str, index: RouterIndex) -> bool:
    """A verb the facts use: one a fact opens with ("evaluate"), or one whose -ing or
    -ed form they hold ("encourage": "by encouraging knowledge sharing"). A noun
    seldom takes those endings, so "bus" in "a senior bus pass" is none."""
    if word in index.fact_verbs:
        return True
    if len(word) < 3 or not word.isalpha():
        return False
    forms = {word + "ing", word + "ed", word + "d"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")  # "encouraging"
    elif word.endswith("y"):
        forms.add(word[:-1] + "ied")  # "identified"
    elif word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ing", word + word[-1] + "ed"}  # "planning"
    return bool(forms & index.fact_words)


def _asked_of_someone(words: list[str], m: Span) -> bool:
    """The level word is the verb of a request that opens the message: "can someone
    lead ...", "pls could anyone lead ..." - not "how can someone lead a team"."""
    before = [w for w in words[: m.start] if w not in PLEASE]
    return len(before) == 2 and before[0] in AUXILIARIES and before[1] in ASKING_SOMEONE


def _numbered_word(word: str) -> bool:
    """ "level4" (a word and its number), not a short code ("d7", "ic3")."""
    return word[-1:].isdigit() and len(word.rstrip("0123456789")) >= 4


def _code_in_capitals(cased: list[str], words: list[str], m: Span, index: RouterIndex) -> bool:
    """A level code typed in capitals ("SEM operational excellence?", "TPM scope"):
    written as the ladder writes it, it means the level - unless a number follows
    ("TPM 2.0") or a trap word sits beside it."""
    said = " ".join(cased)
    said = said[:-1] if said.endswith("s") and len(said) > 2 else said  # "IC3s", "EMs"
    letters = [ch for ch in said if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters) or m.end - m.start != 1:
        return False
    after = words[m.end] if m.end < len(words) else ""
    return not after.isdigit() and not trap_beside(m, words, index)


def trap_beside(m: Span, words: list[str], index: RouterIndex) -> bool:
    """The level word is half of something else: "senior discount", "junior high"."""
    before = words[m.start - 1] if m.start > 0 else ""
    after = words[m.end] if m.end < len(words) else ""
    return (
        before in index.trap_words
        or after in index.trap_words
        or bool(_neighbours(words, m) & index.trap_pairs)
    )


def _neighbours(words: list[str], m: Span) -> set[tuple[str, str]]:
    """The level word with each neighbour, as the out-of-scope examples pair them."""
    word = words[m.start]
    out = set()
    if m.start > 0:
        out.add((words[m.start - 1], word))
    if m.end < len(words):
        out.add((word, words[m.end]))
    return out


def _gerund(word: str) -> bool:
    """ "starting", "steering": a verb's -ing form, from an English verb."""
    if len(word) < 6 or not word.endswith("ing"):
        return False
    base = word[:-3]
    return lexicon.is_english(base) or lexicon.is_english(base + "e")
