"""Answers drawn from the ladder's structure: where a role sits, what comes next, what
a move takes, and two roles side by side. Orders are only the ones ladder.yaml
states: alternatives at one step ("Lead / Engineering Manager") are never ranked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..ladder.model import Fact, KnowledgeBase, Role
from ..stems import stem
from ..text import words
from ..understand.index import STOPWORDS, managing_roles

MAX_TRACKS_SHOWN = 12
MAX_ROLES_LISTED = 15
SIMILAR = 0.5  # lines sharing this share of the shorter one's words say the same thing
NEW_WORDS = 1  # ...unless the new line adds more words than this of its own


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...] = ()
    # A side-by-side comparison: ((left title, lines), (right title, lines)).
    pair: tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]] | None = None


class Citations:
    """Collects the source ids of every fact an answer shows, and keeps an answer from
    saying the same thing twice: a line much like one already shown is dropped. The
    words of the ladder's titles say nothing about sameness ("senior", "engineer"):
    every fact about a role could hold them."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.ids: dict[str, None] = {}
        self._shown: list[frozenset[str]] = []
        self._titles = title_stems(kb) if kb is not None else frozenset()

    def lines(self, facts, limit: int | None = None) -> tuple[str, ...]:
        out = []
        for fact in facts:
            if limit is not None and len(out) >= limit:
                break
            if self._repeats(fact.text):
                continue
            self.ids.update(dict.fromkeys(fact.sources))
            out.append(fact.text)
        return tuple(out)

    def text(self, fact: Fact) -> str:
        self.ids.update(dict.fromkeys(fact.sources))
        self._repeats(fact.text)
        return fact.text

    def _repeats(self, text: str) -> bool:
        bag = _bag(text) - self._titles
        for seen in self._shown:
            small = min(len(bag), len(seen))
            # Much like a line already shown, and adding at most one word of its own:
            # "message queues" beside "load balancing, caching" is news, not a repeat.
            if small >= 3 and len(bag & seen) / small >= SIMILAR and len(bag - seen) <= NEW_WORDS:
                return True
        self._shown.append(bag)
        return False


@lru_cache(maxsize=8192)
def _bag(text: str) -> frozenset[str]:
    """The stems a line is made of, for telling whether two lines say the same thing."""
    return frozenset(stem(w) for w in words(text) if len(w) > 3 and w not in STOPWORDS)


def title_stems(kb: KnowledgeBase) -> frozenset[str]:
    """Stems of the words that name levels in any fact: the level words (context
    aliases: "senior", "staff") and the ending most titles share ("backend engineer")."""
    found = kb._cache.get("title_stems")
    if found is None:
        level = " ".join(a for r in kb.roles.values() for a in r.context_aliases)
        found = frozenset(stem(w) for w in words(f"{level} {_common_ending(kb)}"))
        kb._cache["title_stems"] = found
    return found


@lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


SHARED_BY = 3  # roles whose titles must end alike for the ending to be left off
_NUMERAL = re.compile(r"\d{1,2}[a-z]?|[ivx]{1,4}", re.I)


def short(role: Role, kb: KnowledgeBase | None = None) -> str:
    """A title without the ending most of the ladder's titles share, for ladder drawings:
    'Senior Backend Engineer' -> 'Senior' when several titles end 'Backend Engineer';
    titles that are only that ending stay whole."""
    ending = _common_ending(kb) if kb is not None else ""
    if ending and role.title.endswith(" " + ending):
        return role.title[: -len(ending) - 1]
    return role.title


def _common_ending(kb: KnowledgeBase) -> str:
    """The longest ending of two words or more that SHARED_BY titles or more share."""
    found = kb._cache.get("title_ending")
    if found is None:
        counts: dict[str, int] = {}
        for role in kb.roles.values():
            parts = role.title.split()
            for n in range(2, len(parts)):
                if _NUMERAL.fullmatch(parts[-n]):
                    continue  # "II Engineer" numbers a level: "Senior II" is not "Senior"
                ending = " ".join(parts[-n:])
                counts[ending] = counts.get(ending, 0) + 1
        shared = [e for e, c in counts.items() if c >= SHARED_BY]
        found = kb._cache["title_ending"] = max(shared, key=len, default="")
    return found


def article(title: str) -> str:
    return "an" if title[:1].lower() in "aeiou" else "a"


def track_lines(
    kb: KnowledgeBase, role_id: str | None, cited: Citations, keep=None, only=()
) -> tuple[str, ...]:
    """Each track as 'Title: A → *B* → C / D', the given role in bold; all tracks for the
    discipline or None (at most MAX_TRACKS_SHOWN, then a count of the rest). `keep`:
    only tracks leading to roles that fit the question's condition ("no management");
    `only`: the tracks a question names."""
    whole = role_id is None or role_id == kb.default_role
    tracks = kb.tracks if whole else kb.tracks_for(role_id)
    if only:
        tracks = [t for t in tracks if t.id in only] or tracks
    if keep is not None:
        tracks = [t for t in tracks if all(keep(r) for r in t.steps[-1])] or tracks
    out = []
    for track in tracks[:MAX_TRACKS_SHOWN]:
        cited.ids.update(dict.fromkeys(track.sources))
        steps = [
            " / ".join(
                f"*{short(kb.roles[r], kb)}{_coded(kb.roles[r])}*"
                if r == role_id
                else short(kb.roles[r], kb)
                for r in step
            )
            for step in track.steps
        ]
        out.append(f"{track.title}: " + " → ".join(steps))
    if len(tracks) > MAX_TRACKS_SHOWN:
        out.append(f"…and {len(tracks) - MAX_TRACKS_SHOWN} more tracks.")
    return tuple(out)


def _coded(role) -> str:
    """ " (IC 4)": the role's level code, which people ask for ("what level is a senior
    data engineer"), unless its title says it already."""
    code = next((c for c in role.codes if any(ch.isdigit() for ch in c)), "")
    squeezed = role.title.lower().replace(" ", "")
    return f" ({code})" if code and code.lower().replace(" ", "") not in squeezed else ""


def distinct_title(kb: KnowledgeBase, role: Role, base: str = "") -> str:
    """The role's title (or `base`, a shorter name for it), and its track's where
    another role has the same title ("Senior Engineer 1 (Operations)"): a list or a
    choice must tell them apart. A track's own aside is left off its name
    ("Engineering (Individual Contributor)" -> "Engineering")."""
    base = base or role.title
    by_title = kb._cache.get("roles_by_title")
    if by_title is None:
        by_title = kb._cache["roles_by_title"] = {}
        for other in kb.roles.values():
            by_title.setdefault(other.title, []).append(other.id)
    others = [r for r in by_title[role.title] if r != role.id]
    track = next(iter(kb.tracks_for(role.id)), None)
    if not others or track is None:
        return base
    short = track.title.split(" (")[0]
    others = [t.title.split(" (")[0] for r in others for t in kb.tracks_for(r)[:1]]
    # "Engineering (IC)" and "Engineering (Manager)": the aside is what tells them apart
    return f"{base} ({track.title if short in others else short})"


def roles_listed(kb: KnowledgeBase, name=None) -> str:
    """The roles in ladder order, named by `name` (full titles, told apart where two
    are the same, by default), at most MAX_ROLES_LISTED of them and a count of the rest."""
    name = name or (lambda role: distinct_title(kb, role))
    order = kb.ladder_order()
    listed = ", ".join(name(kb.roles[r]) for r in order[:MAX_ROLES_LISTED])
    if len(order) > MAX_ROLES_LISTED:
        listed += f" and {len(order) - MAX_ROLES_LISTED} more"
    return listed


MAX_MOVE_FACTS = 4


def move_facts(kb: KnowledgeBase, target: str, source: str | None = None) -> list[Fact]:
    """What moving into target takes, best first: facts in the target's own file, then
    the source's, then the rest; for a move from `source`, a fact naming some other role
    as the one who moves ("principal engineers can also switch to management") comes
    after the others - never left out: it may be the only one there is."""
    owners = {r: i for i, r in enumerate((target, source))}
    found = sorted(kb.moves_into(target), key=lambda rf: owners.get(rf[0], 2))
    if source is None:
        return [f for _, f in found]
    names = _role_words(kb)
    others = {r for r in kb.roles if r not in (source, target)}

    def elsewhere(fact: Fact) -> bool:
        said = {r for r, ws in names.items() if ws & _word_set(fact.text)}
        return bool(said & others) and source not in said

    return sorted((f for _, f in found), key=elsewhere)


def _role_words(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Role id -> the single words that name it and no other role in a fact's text
    ("principal", "lead"; not "engineer", which every title shares)."""
    cached = kb._cache.get("role_words")
    if cached is None:
        named = {
            rid: {w for w in words(role.id.replace("-", " "))}
            | {w for a in role.context_aliases for w in words(a)}
            for rid, role in kb.roles.items()
        }
        counts: dict[str, int] = {}
        for ws in named.values():
            for w in ws:
                counts[w] = counts.get(w, 0) + 1
        cached = {rid: {w for w in ws if counts[w] == 1} for rid, ws in named.items()}
        kb._cache["role_words"] = cached
    return cached


def _move_lines(kb, target: str, cited: Citations, source: str | None = None, new=False):
    """What the move takes; when the sources don't say and `new` is asked for, what the
    target does that the source does not (one move asked about, not a list of them)."""
    facts = move_facts(kb, target, source)
    lines = cited.lines(facts, MAX_MOVE_FACTS)
    if lines or not new or source not in kb.roles:
        return lines or (NO_MOVE_FACTS,)
    added = cited.lines(_new_at(kb, target, source), NEW_SHOWN)
    return (NO_MOVE_FACTS_NEW, *added) if added else (NO_MOVE_FACTS,)


NO_MOVE_FACTS = "The sources don't say what this move takes."
NO_MOVE_FACTS_NEW = "The sources don't say what this move takes; new at this level:"
NEW_SHOWN = 3


def duty_paths(kb: KnowledgeBase) -> tuple[str, ...]:
    """The lists that say what a role does: the responsibilities topic's (else the
    default topic's)."""
    duties = kb.topics.get("responsibilities") or kb.topics.get(kb.default_topic)
    return tuple(duties.paths) if duties else ()


def new_at(kb: KnowledgeBase, facts, source: str) -> list[Fact]:
    """Of `facts`, those the source role's duties do not hold (by text)."""
    had = {f.text for p in duty_paths(kb) for f in kb.roles[source].get(p)}
    return [f for f in facts if f.text not in had]


def _new_at(kb: KnowledgeBase, target: str, source: str) -> list[Fact]:
    """The target's duties that the source's do not hold."""
    return new_at(kb, [f for p in duty_paths(kb) for f in kb.roles[target].get(p)], source)


def fits(kb: KnowledgeBase, intent) -> Callable[[str], bool]:
    """Whether a next step fits what the question puts on the path: not a role it sets
    aside ("besides lead"), no management role for "I don't want to manage", only
    management roles for "I want to manage people"."""
    managing = kb._cache.get("managing")
    if managing is None:
        managing = kb._cache["managing"] = managing_roles(kb)
    aside = set(intent.set_aside)
    if intent.condition == "no_management":
        return lambda r: r not in aside and r not in managing
    if intent.condition == "management":
        return lambda r: r not in aside and r in managing
    return lambda r: r not in aside


def progression(
    kb: KnowledgeBase,
    role: Role,
    other: str | None,
    direction: str,
    cited: Citations,
    paths,
    keep: Callable[[str], bool] = lambda r: True,
    asked_first: tuple = (),
):
    """(intro, sections) for a career-progression answer.

    direction "into": how to become `role` (what the move takes comes first);
    "onward": what comes after `role` (and not how to become it); `other`: the move
    from `role` to `other`; otherwise both ways."""
    sections: list[Section] = []
    general = [f for p in paths for f in role.get(p) if f.to is None]
    if direction == "into" and not other:
        before = [short(kb.roles[r], kb) for r in kb.previous_roles(role.id)]
        heading = f"Becoming {article(role.title)} {role.title}"
        if before:
            heading += f" (from {' or '.join(before)})"
        sections.append(Section(heading, _move_lines(kb, role.id, cited)))
        sections.append(Section("Where it sits", track_lines(kb, role.id, cited)))
        return "", tuple(sections)
    sections.append(Section("Where it sits", track_lines(kb, role.id, cited, keep)))
    if other and not keep(other):  # "do I have to become an EM? I'd rather stay technical"
        targets = [other] + [t for t in kb.next_roles(role.id) if t != other]
        other = None
    else:
        targets = [other] if other else list(kb.next_roles(role.id))
    if not other:
        # moves its own pages describe beyond its tracks ("principals also switch to
        # management"), after the tracks' next steps - the top of a track said so first
        described = [t for t in _moves_described(kb, role, paths) if t not in targets]
        if described and not targets and role.id != kb.default_role:
            sections.append(_TOP_OF_TRACK)
        targets += described
    if role.id == kb.default_role and not other:
        targets = []  # the whole ladder is shown; the notes below explain it
    left_out = [t for t in targets if not keep(t)]
    targets = [t for t in targets if keep(t)]
    if left_out and not targets:
        # "staff, thinking about the manager track": where the roles that fit start
        targets = [
            r
            for r in _track_starts(kb)
            if keep(r) and r != role.id and not _before_on_a_track(kb, r, role.id)
        ][:MAX_ELSEWHERE]

    for target in targets:
        name = kb.roles[target].title
        d = kb.distance(role.id, target)
        between = steps_between(kb, role.id, target) if d and d > 1 else []
        if between:
            # "what is between senior and principal": the steps in between, named.
            via = ", ".join(" / ".join(short(kb.roles[r], kb) for r in step) for step in between)
            heading = f"{name}, {d} steps on (via {via})"
        elif d is not None:
            heading = f"Next: {name}"
        else:
            heading = f"Moving to {name}"
        new = len(targets) == 1
        sections.append(Section(heading, _move_lines(kb, target, cited, role.id, new)))
    if left_out:
        names = " / ".join(short(kb.roles[r], kb) for r in left_out)
        line = f"Left out, as asked: {names}."
        if not targets:
            line = f"Every next step after {role.title} is one the question rules out: {names}."
        sections.append(Section("Other next steps", (line,)))
    elif not targets and role.id != kb.default_role:
        sections.append(_TOP_OF_TRACK)
    notes = general + (
        [f for p in paths for f in role.get(p) if f.to] if role.id == kb.default_role else []
    )
    # what the role's own pages say about its path, those matching the question first,
    # before how one becomes it (the question is mostly about what comes next)
    first = [f for f in asked_first if f in notes]
    notes = list(dict.fromkeys(first + notes))
    if notes:
        sections.append(Section("Notes", cited.lines(notes)))
    into = move_facts(kb, role.id)
    if into and not other and direction != "onward":
        heading = f"Becoming {article(role.title)} {role.title}"
        sections.append(Section(heading, cited.lines(into, MAX_MOVE_FACTS)))
    return "", tuple(s for s in sections if s.lines)


MAX_ELSEWHERE = 2  # roles shown on other tracks when no next step fits the question


_TOP_OF_TRACK = Section("Next", ("This is the top of its track in this ladder.",))


def _moves_described(kb: KnowledgeBase, role, paths) -> list[str]:
    """Roles a move fact of this role's own leads to that no track puts before it."""
    out: list[str] = []
    for f in (f for p in paths for f in role.get(p)):
        t = f.to
        if not t or t == role.id or t not in kb.roles or t in out:
            continue
        if _before_on_a_track(kb, t, role.id):  # the step before it, or any earlier
            continue
        out.append(t)
    return out


def _before_on_a_track(kb: KnowledgeBase, a: str, b: str) -> bool:
    return any(
        a in track.members and track.position(a) < track.position(b) for track in kb.tracks_for(b)
    )


def _track_starts(kb: KnowledgeBase) -> list[str]:
    """The first roles of each track past its first step, in ladder order."""
    out: list[str] = []
    for track in kb.tracks:
        for step in track.steps[1:2]:
            out += [r for r in step if r not in out]
    return out


def steps_between(kb: KnowledgeBase, low: str, high: str) -> list[tuple[str, ...]]:
    for track in kb.tracks_for(low):
        if high in track.members:
            i, j = track.position(low), track.position(high)
            if i < j:
                return list(track.steps[i + 1 : j])
    return []
