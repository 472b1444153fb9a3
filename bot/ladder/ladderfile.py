"""ladder.yaml: the tracks, the role (if any) that answers questions naming none, the
main track, titles the ladder lacks, level words English grades, and facts about the
whole ladder."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import normalise
from .model import Fact, Track
from .rolefiles import RoleLayout, read_fact_lists
from .schema import FileChecker, did_you_mean
from .yamlfile import LineDict, LineList

LADDER_KEYS = {
    "default_role",
    "tracks",
    "other_roles",
    "main_track",
    "graded_words",
    "facts",
}


@dataclass
class LadderFile:
    default_role: str = ""
    tracks: list[Track] = field(default_factory=list)
    other_roles: tuple[str, ...] = ()
    main_track: str = ""
    graded_words: tuple[str, ...] = ()
    facts: dict[str, tuple[Fact, ...]] = field(default_factory=dict)


def read_ladder(d: LineDict, c: FileChecker, layout: RoleLayout, alias_owner: dict) -> LadderFile:
    """ladder.yaml's mapping, checked; problems go to the checker. `alias_owner`:
    normalised alias -> (role id, file, line), to refuse a lacking title that a role
    has as an alias."""
    c.unknown_keys(d, LADDER_KEYS)
    out = LadderFile()
    out.default_role = c.text(d, "default_role", required=False) or ""
    out.main_track = c.text(d, "main_track", required=False) or ""
    out.graded_words = c.texts(d, "graded_words")
    if out.default_role:
        c.ref("role", out.default_role, d.key_lines["default_role"])
    out.other_roles = c.texts(d, "other_roles")
    listed: dict[str, int] = {}
    raw = d.get("other_roles")
    for name, line in zip(raw or (), getattr(raw, "item_lines", ())):
        if not isinstance(name, str) or not name.strip():
            continue
        first = listed.setdefault(normalise(name), line)
        if first != line:
            c.err(line, f"{name.strip()!r} is listed twice in other_roles (line {first})")
    for name in out.other_roles:
        owner = alias_owner.get(normalise(name))
        if owner:
            c.err(
                d.key_lines["other_roles"],
                f"{name!r} is listed as not on this ladder, but role {owner[0]!r} "
                f"has it as an alias ({owner[1]}:{owner[2]})",
            )
    seen: set[str] = set()
    for entry, line in c.entries(d, "tracks"):
        track = _read_track(entry, line, c)
        if track is None:
            continue
        if track.id in seen:
            c.err(line, f"duplicate track id {track.id!r}")
        else:
            seen.add(track.id)
            out.tracks.append(track)
    if out.main_track and out.main_track not in seen:
        hint = did_you_mean(out.main_track, seen)
        c.err(d.key_lines["main_track"], f"unknown track id {out.main_track!r}{hint}")
    if "facts" in d:
        group = c.mapping(d["facts"], d.key_lines["facts"], "'facts'")
        if group is not None:
            allowed = layout.top | set(layout.nested)
            for key in group:
                if key not in allowed:
                    c.err(
                        group.key_lines[key],
                        f"unknown field {key!r}{did_you_mean(key, allowed)} under 'facts'",
                    )
            out.facts = read_fact_lists(group, c, layout, allow_to=False)
    return out


def _read_track(entry: LineDict, line: int, c: FileChecker) -> Track | None:
    """A track's steps are role ids, lowest first; a step may be a list of alternative
    roles (`[lead, engineering-manager]`) the documents give at the same point."""
    c.unknown_keys(entry, {"id", "title", "steps", "sources"})
    tid, title = c.text(entry, "id"), c.text(entry, "title")
    steps: list[tuple[str, ...]] = []
    raw = entry.get("steps")
    step_line = entry.key_lines.get("steps", line)
    if not isinstance(raw, LineList) or not raw:
        c.err(
            step_line, "'steps' must be a list of role ids (a step may be a list of alternatives)"
        )
    else:
        for item, item_line in zip(raw, raw.item_lines):
            names = list(item) if isinstance(item, LineList) else [item]
            if not names or not all(isinstance(n, str) and n.strip() for n in names):
                c.err(item_line, "a step must be a role id or a list of role ids")
                continue
            for name in names:
                c.ref("role", name.strip(), item_line)
            steps.append(tuple(n.strip() for n in names))
        members = [r for step in steps for r in step]
        for name in {r for r in members if members.count(r) > 1}:
            c.err(step_line, f"role {name!r} appears twice on track {tid!r}")
    track_sources = c.texts(entry, "sources", required=True)
    for sid in track_sources:
        c.ref("source", sid, entry.key_lines["sources"])
    if tid and title and steps:
        return Track(tid, title, tuple(steps), track_sources)
    return None
