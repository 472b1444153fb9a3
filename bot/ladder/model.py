"""The knowledge model: what the YAML files in knowledge/ become once loaded and checked.

Everything is a frozen dataclass so that a loaded knowledge base can be shared
freely between threads (gunicorn workers run several) without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The per-role lists a topic can draw on; the names match the YAML keys.
FACT_LISTS = (
    "responsibilities",
    "technical_skills",
    "leadership_skills",
    "tools",
    "education",
    "salary",
    "hiring",
    "workflows",
    "impact",
    "progression",
)

# Topic id -> the Role fields that answer it ("progression" and "compare" are drawn from
# the ladder as well, so compose answers them its own way).
TOPIC_FIELDS = {
    "overview": ("summary",),
    "responsibilities": ("responsibilities",),
    "skills": ("technical_skills", "leadership_skills"),
    "tools": ("tools",),
    "education": ("education",),
    "salary": ("salary",),
    "hiring": ("hiring",),
    "workflows": ("workflows",),
    "impact": ("impact",),
}


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
    responsibilities: tuple[Fact, ...] = ()
    technical_skills: tuple[Fact, ...] = ()
    leadership_skills: tuple[Fact, ...] = ()
    tools: tuple[Fact, ...] = ()
    education: tuple[Fact, ...] = ()
    salary: tuple[Fact, ...] = ()
    hiring: tuple[Fact, ...] = ()
    workflows: tuple[Fact, ...] = ()
    impact: tuple[Fact, ...] = ()
    progression: tuple[Fact, ...] = ()

    @property
    def skills(self) -> tuple[Fact, ...]:
        return self.technical_skills + self.leadership_skills


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    phrases: tuple[str, ...]
    weak_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]


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
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def role(self, role_id: str) -> Role:
        return self.roles[role_id]

    def _index(self) -> dict:
        """Lookups built once per knowledge base, so answers cost the same at 10 or
        10,000 roles: role -> tracks, target role -> progression facts, ladder order."""
        index = self._cache.get("model")
        if index is None:
            tracks: dict[str, list[Track]] = {}
            for track in self.tracks:
                for step in dict.fromkeys(track.steps):
                    tracks.setdefault(step, []).append(track)
            moves: dict[str, list[Fact]] = {}
            for role in self.roles.values():
                for fact in role.progression:
                    if fact.to and fact not in moves.setdefault(fact.to, []):
                        moves[fact.to].append(fact)
            order = dict.fromkeys(s for t in self.tracks for s in t.steps)
            order.update(dict.fromkeys(self.roles))
            index = {
                "tracks": {k: tuple(v) for k, v in tracks.items()},
                "moves": {k: tuple(v) for k, v in moves.items()},
                "order": tuple(r for r in order if r in self.roles),
            }
            self._cache["model"] = index
        return index

    def ladder_order(self) -> tuple[str, ...]:
        """Role ids as the tracks list them (lowest first), then any role on no track."""
        return self._index()["order"]

    def roles_with(self, field_name: str) -> tuple[str, ...]:
        """Ids of the roles that have facts in this list, the discipline first, then ladder
        order; computed once per list."""
        key = "with:" + field_name
        found = self._cache.get(key)
        if found is None:
            order = (self.default_role, *self.ladder_order())
            found = tuple(
                r
                for r in dict.fromkeys(order)
                if r in self.roles and getattr(self.roles[r], field_name, None)
            )
            self._cache[key] = found
        return found

    def moves_to(self, role_id: str) -> tuple[Fact, ...]:
        """Every progression fact, from any role file, about moving into role_id."""
        return self._index()["moves"].get(role_id, ())

    def tracks_for(self, role_id: str) -> tuple[Track, ...]:
        return self._index()["tracks"].get(role_id, ())

    def next_roles(self, role_id: str) -> tuple[str, ...]:
        """Roles one step above role_id on any track, in track order."""
        found: list[str] = []
        for track in self.tracks_for(role_id):
            i = track.steps.index(role_id)
            if i + 1 < len(track.steps) and track.steps[i + 1] not in found:
                found.append(track.steps[i + 1])
        return tuple(found)

    def previous_roles(self, role_id: str) -> tuple[str, ...]:
        found: list[str] = []
        for track in self.tracks_for(role_id):
            i = track.steps.index(role_id)
            if i > 0 and track.steps[i - 1] not in found:
                found.append(track.steps[i - 1])
        return tuple(found)

    def distance(self, a: str, b: str) -> int | None:
        """Steps between two roles on a shared track, or None if they share none."""
        best = None
        for track in self.tracks_for(a):
            if b in track.steps:
                d = abs(track.steps.index(a) - track.steps.index(b))
                best = d if best is None else min(best, d)
        return best
