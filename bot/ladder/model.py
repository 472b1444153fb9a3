"""The knowledge model: what the YAML files in knowledge/ become once loaded and checked.

Everything is a frozen dataclass so that a loaded knowledge base can be shared
freely between threads (gunicorn workers run several) without copying.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# How a topic is answered. Topics themselves are data (topics.yaml): a company adds
# one, with the role fields it reads, and no code changes. These four ways of
# answering are what the composer knows how to draw.
ANSWER_KINDS = (
    "facts",  # the facts in the topic's fields, under their headings
    "overview",  # the summary, the first few facts of the topic's fields, the ladder
    "ladder",  # the role's tracks, the next steps and what the moves take
    "compare",  # two roles side by side on the topics listed in `compares`
)


# The role id answers and buttons use for facts about the whole ladder (ladder.yaml's
# `facts`: promotion, reviews, pay equity, changing paths); no role file may take it.
LADDER = "ladder"


@dataclass(frozen=True)
class Fact:
    """One statement in our own words, with the documents it comes from."""

    text: str
    sources: tuple[str, ...]
    to: str | None = None  # progression facts: the role the move leads to


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    role: str
    publisher: str | None = None


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    aliases: tuple[str, ...]
    summary: Fact
    # Single words that name the role only when the question is about engineering
    # ("senior skills" yes, "senior discount" no).
    context_aliases: tuple[str, ...] = ()
    # Field path -> facts: "responsibilities", or "skills.technical" for a list nested
    # under `skills:` in the role file. Which paths exist is decided by topics.yaml.
    facts: Mapping[str, tuple[Fact, ...]] = field(default_factory=dict)
    # Level codes ("D3", "IC 5", "Manager 4"): names a company uses for its levels,
    # which may be shared by roles on different tracks (IC 5 on three of them).
    codes: tuple[str, ...] = ()

    def get(self, path: str) -> tuple[Fact, ...]:
        return self.facts.get(path, ())


@dataclass(frozen=True)
class FieldSpec:
    """One list of facts a topic reads, and the heading it is shown under."""

    path: str  # "responsibilities", or "skills.technical" for a nested list
    heading: str


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    answer: str  # one of ANSWER_KINDS
    fields: tuple[FieldSpec, ...] = ()
    phrases: tuple[str, ...] = ()  # strong signals: "salary", "code review"
    weak_phrases: tuple[str, ...] = ()  # question frames: "what does ... do"
    examples: tuple[str, ...] = ()  # questions people ask, for the topic model
    compares: tuple[str, ...] = ()  # compare topics: the topics shown side by side
    # Topics whose practices, asked of a role yes or no ("does a principal still review
    # PRs?", "do EMs do the hiring?"), are this topic's question: is it their duty.
    duty_over: tuple[str, ...] = ()

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(f.path for f in self.fields)


@dataclass(frozen=True)
class Track:
    """A path through the ladder, lowest step first. Each step is one role or several
    alternatives the documents give at the same point, e.g. senior -> (lead or
    engineering manager): both are moves after senior, and the ladder never says
    one of them is above the other."""

    id: str
    title: str
    steps: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...]

    @property
    def members(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for step in self.steps for r in step))

    def position(self, role_id: str) -> int:
        return next(i for i, step in enumerate(self.steps) if role_id in step)


@dataclass(frozen=True)
class KnowledgeBase:
    roles: dict[str, Role]  # in file-name order; treated as read-only
    topics: dict[str, Topic]
    tracks: tuple[Track, ...]
    sources: dict[str, Source]
    default_role: str
    default_topic: str
    domain_terms: tuple[str, ...]
    root: str = ""
    # Example questions the bot must decline ("lead paint", "principal of a loan").
    out_of_scope: tuple[str, ...] = ()
    # Job titles people ask about that this ladder does not have ("frontend engineer").
    other_roles: tuple[str, ...] = ()
    # Groups of words people use for the same thing ("coach", "mentor"), for retrieval.
    synonyms: tuple[tuple[str, ...], ...] = ()
    # The track questions about "going up" mean (ladder.yaml main_track; the first
    # track when unset): moves off it are moves into another role.
    main_track: str = ""
    # Level words English also uses as adjectives of degree: "the most senior IC".
    graded_words: tuple[str, ...] = ()
    # Facts about the whole ladder (ladder.yaml `facts`), by field path, like a role's.
    ladder_facts: Mapping[str, tuple[Fact, ...]] = field(default_factory=dict)
    # What validate warns about without refusing the ladder (file:line messages).
    warnings: tuple = ()
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def role(self, role_id: str) -> Role:
        return self.roles[role_id]

    def main_track_members(self) -> tuple[str, ...]:
        """The roles of the main track (ladder.yaml main_track, else the first track)."""
        for track in self.tracks:
            if track.id == self.main_track:
                return track.members
        return self.tracks[0].members if self.tracks else ()

    def _index(self) -> dict:
        """Lookups built once per knowledge base, so answers cost the same at 10 or
        10,000 roles: role -> tracks, target role -> move facts, ladder order."""
        index = self._cache.get("model")
        if index is None:
            tracks: dict[str, list[Track]] = {}
            for track in self.tracks:
                for member in track.members:
                    tracks.setdefault(member, []).append(track)
            moves: dict[str, list[tuple[str, Fact]]] = {}
            for role in self.roles.values():
                for facts in role.facts.values():
                    for fact in facts:
                        if fact.to and (role.id, fact) not in moves.setdefault(fact.to, []):
                            moves[fact.to].append((role.id, fact))
            order = dict.fromkeys(r for t in self.tracks for r in t.members)
            order.update(dict.fromkeys(self.roles))
            index = {
                "tracks": {k: tuple(v) for k, v in tracks.items()},
                "moves": {k: tuple(v) for k, v in moves.items()},
                "order": tuple(r for r in order if r in self.roles),
            }
            self._cache["model"] = index
        return index

    def topic_for(self, kind: str) -> Topic | None:
        """The topic answered in this way ("ladder", "compare"), if the ladder has one."""
        return next((t for t in self.topics.values() if t.answer == kind), None)

    def ladder_order(self) -> tuple[str, ...]:
        """Role ids as the tracks list them (lowest first), then any role on no track."""
        return self._index()["order"]

    def ladder_position(self, role_id: str) -> int:
        """Where role_id comes in ladder_order(), without searching it."""
        positions = self._cache.get("positions")
        if positions is None:
            positions = self._cache["positions"] = {r: i for i, r in enumerate(self.ladder_order())}
        return positions.get(role_id, len(positions))

    def roles_with(self, path: str) -> tuple[str, ...]:
        """Ids of the roles that have facts in this field, the discipline first, then
        ladder order; computed once per field."""
        key = "with:" + path
        found = self._cache.get(key)
        if found is None:
            order = (self.default_role, *self.ladder_order())
            found = tuple(
                r for r in dict.fromkeys(order) if r in self.roles and self.roles[r].get(path)
            )
            self._cache[key] = found
        return found

    def has_facts(self, role_id: str, topic_id: str) -> bool:
        """Whether the role (or the ladder, LADDER) has facts a topic reads; topics not
        answered from facts (overview, the ladder) are answered for every role."""
        topic = self.topics.get(topic_id)
        if topic is None or topic.answer != "facts":
            return True
        if role_id == LADDER:
            return any(self.ladder_facts.get(p) for p in topic.paths)
        return role_id in self.roles and any(self.roles[role_id].get(p) for p in topic.paths)

    def moves_to(self, role_id: str) -> tuple[Fact, ...]:
        """Every fact, from any role file, about moving into role_id (`to: role_id`)."""
        return tuple(fact for _, fact in self.moves_into(role_id))

    def moves_into(self, role_id: str) -> tuple[tuple[str, Fact], ...]:
        """(role file it is in, fact) for every fact about moving into role_id."""
        return self._index()["moves"].get(role_id, ())

    def tracks_for(self, role_id: str) -> tuple[Track, ...]:
        return self._index()["tracks"].get(role_id, ())

    def _steps(self, role_id: str, offset: int) -> tuple[str, ...]:
        found: list[str] = []
        for track in self.tracks_for(role_id):
            i = track.position(role_id) + offset
            if 0 <= i < len(track.steps):
                found += [r for r in track.steps[i] if r not in found]
        return tuple(found)

    def next_roles(self, role_id: str) -> tuple[str, ...]:
        """Roles one step above role_id on any track, in track order."""
        return self._steps(role_id, 1)

    def previous_roles(self, role_id: str) -> tuple[str, ...]:
        return self._steps(role_id, -1)

    def distance(self, a: str, b: str) -> int | None:
        """Steps between two roles on a shared track, or None if no track orders them
        (different tracks, or alternatives at the same step)."""
        best = None
        for track in self.tracks_for(a):
            if b in track.members:
                d = abs(track.position(a) - track.position(b))
                if d and (best is None or d < best):
                    best = d
        return best

    def alternatives(self, a: str, b: str) -> tuple[str, ...]:
        """The roles both a and b come after when a track gives them as alternatives."""
        found: list[str] = []
        for track in self.tracks_for(a):
            i = track.position(a)
            if b in track.steps[i] and b != a and i > 0:
                found += [r for r in track.steps[i - 1] if r not in found]
        return tuple(found)
