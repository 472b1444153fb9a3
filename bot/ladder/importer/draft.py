"""The ladder being built, as plain data: its roles (a level each, with codes, names,
summary and facts by list) and what the report says of it. build.py fills it;
writer.py turns it into YAML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .documents import Block, Document
from .levels import Level
from .placing import Placer, TopicGuesser
from .tracks import Track


@dataclass(eq=False)  # compared and hashed by identity
class Role:
    id: str
    title: str
    level: Level
    codes: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)
    summary: tuple[str, str] | None = None  # (text, source id)
    facts: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)


@dataclass
class Ladder:
    documents: list[Document]
    roles: list[Role]
    tracks: list[Track]
    ladder_facts: dict[str, list[tuple[str, str]]]
    placer: Placer
    source_ids: dict[str, str]  # document name -> source id
    guesser: TopicGuesser | None = None
    cache: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # for the report
    unplaced: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # looked like a level, no content
    about: int = 0  # facts about how the ladder works, outside any level


def level_name(level: Level) -> str:
    """A level as the report names it: its page and title."""
    return f"{level.doc.name}: {level.title}"


def competency_of(block: Block, level: Level) -> str:
    """The heading a block sits under inside its level (not the level's own)."""
    depth = level.heading.level if level.heading else 1
    inner = [h for h in block.headings if h.level > depth]
    return GRADE.sub("", inner[-1].text).strip() if inner else ""


# A competency's grade at this level, after its name: "Craftsmanship (C3)", "Behavior
# (B2)" - the competency is the same at every level.
GRADE = re.compile(r"\s*\(\s*[A-Za-z]{1,3}\s?\d{1,2}[a-z]?\s*\)\s*$")
