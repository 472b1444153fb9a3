"""What the ladder's own lines say of a role ("Engineer III is a senior role here in
everything but name"), as the answers show it: those the question shares words with
first. Which lines name a role is bot/ladder/naming.py's.
"""

from __future__ import annotations

from ..ladder.model import KnowledgeBase, Role
from ..ladder.naming import lines_naming
from ..text import words
from ..understand.facts import states_a_time
from ..understand.markers import STOPWORDS

YEARS = frozenset({"month", "year", "yr"})  # the span of time a level lasts, as said
IN_ROLE = frozenset(
    {("this", "role"), ("this", "level"), ("the", "role"), ("in", "role"), ("in", "level")}
    | {("at", "level"), ("the", "level")}
)
NEAR = 6  # words between the time given and the role it is spent in

SAID_OF = 2  # the ladder's own lines naming a role, shown with its answer


def said_of(kb: KnowledgeBase, role: Role, question: str, shared: int = 0) -> list:
    """The ladder-wide lines that name the role by its title (or, with `shared`, its
    code too): those sharing the most words with the question first, then in the order
    filed; with `shared`, only those sharing that many words besides its names."""
    names = set(words(role.title)) | {w for c in role.codes for w in words(c)}
    asked = {w for w in words(question) if w not in STOPWORDS} - names
    lines = lines_naming(kb, role.id, by_title=not shared)
    common = {f: len(asked & set(words(f.text))) for f in lines}
    found = [f for f in lines if common[f] >= shared]
    found.sort(key=lambda f: -common[f])  # what was asked first
    return found[:SAID_OF]


def time_in_role(role: Role) -> list:
    """A role's own lines that give the time spent in it, in months or years
    ("Approximate tenure in this role: ~2 years"): what "how long until the next
    level" can be answered with - not a span of something else ("leads 1-3 month
    projects", "a minimum of 2 years of experience")."""
    return [
        f
        for fs in role.facts.values()
        for f in fs
        if states_a_time(said := words(f.text), YEARS) and _spent_in_role(said)
    ]


def _spent_in_role(said: list[str]) -> bool:
    """ "tenure", or a year or month near "in this role" / "at level" - not "2 years of
    experience", whatever else the line says."""
    if "tenure" in said:
        return True
    units = [i for i, w in enumerate(said) if w in YEARS]
    return (
        any(
            (said[j], said[j + 1]) in IN_ROLE and any(abs(j - i) <= NEAR for i in units)
            for j in range(len(said) - 1)
        )
        and "experience" not in said
    )
