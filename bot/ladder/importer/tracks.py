"""Tracks from the documents' structure and order.

- A page with several levels is a track, in the page's order (a page grouping its
  levels under headings of their own holds one track per group).
- Pages about one level each form a track per folder, ordered by an index page's
  links when there is one, else by level number, else by the level words of their
  titles ("junior" before "senior"), which the report flags for a check.
- Variants of one level ("Principal Engineer (Individual Contributor)" and "(People
  Manager)") split a track in two from the step before the first variant.
- A track that starts higher than the main one ("TL4" after "D1"-"D7") branches from
  the main track's level one number below ("D3"); one whose first level a table sets
  beside another track's level, from the level before that one.
- A career path drawn as a diagram (diagrams.py) orders a track's levels by its
  arrows and splits it where it branches: "Senior -> Principal" and "Senior -> Lead"
  are two paths from Senior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .levels import Level


@dataclass(eq=False)  # compared and hashed by identity
class Track:
    title: str
    levels: list[Level] = field(default_factory=list)
    branch: Level | None = None  # the level it branches from, on another track
    ordered_by: str = "the documents' order"
    id: str = ""

    @property
    def steps(self) -> list[Level]:
        return ([self.branch] if self.branch else []) + self.levels


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def build_tracks(groups: list[tuple[str, list[Level], str]]) -> list[Track]:
    """groups: (title, levels in order, how they were ordered), in document order."""
    tracks: list[Track] = []
    for title, levels, ordered_by in groups:
        tracks += _split_variants(Track(title, list(levels), ordered_by=ordered_by))
    if not tracks:
        return []
    main = min(tracks, key=lambda t: (_first_number(t), -len(t.levels), tracks.index(t)))
    tracks.remove(main)
    tracks.insert(0, main)
    for track in tracks[1:]:
        if track.branch is None:
            track.branch = _branch_point(track, tracks)
    _give_ids(tracks, lambda t: slug(t.title))
    return tracks


def _give_ids(tracks: list[Track], base) -> None:
    """Each track an id: `base(track)`, numbered where an earlier track has it."""
    taken: set[str] = set()
    for track in tracks:
        name = base(track)
        track.id = name if name not in taken else f"{name}-{len(taken)}"
        taken.add(track.id)


def _first_number(track: Track) -> int:
    numbers = [n for n in (lv.number for lv in track.levels) if n is not None]
    return numbers[0] if numbers else 99


def _branch_point(track: Track, tracks: list[Track]) -> Level | None:
    """The level one number below the track's first (of the same scheme of codes first,
    then on the main track), or with no such level the highest of its own scheme below
    it ("Manager 5" for "Manager 7"), when the track starts above the main track's
    first level."""
    first = track.levels[0]
    for peer in first.peers:  # a table set it beside a level: from the one before that
        home = next((t for t in tracks if t is not track and peer in t.levels), None)
        if home is not None and home.levels.index(peer) > 0:
            return home.levels[home.levels.index(peer) - 1]
    number = first.number
    main = tracks[0]
    if number is None or number <= _first_number(main):
        return None
    others = [lv for t in tracks if t is not track for lv in t.levels if lv.number is not None]
    candidates = [lv for lv in others if lv.number == number - 1]
    same = [lv for lv in candidates if lv.scheme == first.scheme]
    under = [lv for lv in others if first.scheme and lv.scheme == first.scheme]
    under = [lv for lv in under if lv.number < number]
    if not same and under:  # "Manager 7" after "Manager 5", when no "Manager 6" is
        same = [lv for lv in under if lv.number == max(u.number for u in under)]
    on_main = [lv for lv in candidates if lv in main.levels]
    pick = (same or on_main or candidates)[:1]
    return pick[0] if pick else None


def _split_variants(track: Track) -> list[Track]:
    variants = list(dict.fromkeys(lv.variant for lv in track.levels if lv.variant))
    if len(variants) < 2:
        return [track]
    out = []
    for i, variant in enumerate(variants):
        keep = [lv for lv in track.levels if lv.variant in ("", variant)]
        if i > 0:  # from the step before its first variant level
            first = next(j for j, lv in enumerate(keep) if lv.variant == variant)
            keep = keep[max(0, first - 1) :]
        out.append(Track(f"{track.title} ({variant})", keep, ordered_by=track.ordered_by))
    return out


DRAWN = "the documents' diagram"


def paths_drawn(tracks: list[Track], steps: list[tuple[str, str]]) -> list[Track]:
    """Each track reordered along the steps a diagram draws between its levels, one
    track per branch: the first way on from a level (in the documents' order) goes on
    the track itself, each other starts a track branching from that level. A track
    with fewer than two steps drawn between its levels stays as it is."""
    if not steps:
        return tracks
    out: list[Track] = []
    for track in tracks:
        nexts = _drawn_nexts(track, steps)
        if track.branch is not None or sum(map(len, nexts.values())) < 2:
            out.append(track)
            continue
        reached = {b for after in nexts.values() for b in after}
        start = next((lv for lv in track.levels if lv not in reached), track.levels[0])
        seen = {start}
        main = _follow(start, nexts, seen)
        branches = []
        for level in list(main):
            branches += [(level, b) for b in nexts[level][1:] if b not in seen]
        paths = []
        while branches:
            root, first = branches.pop(0)
            if first in seen:
                continue
            seen.add(first)
            path = _follow(first, nexts, seen)
            paths.append((root, path))
            for level in path:
                branches += [(level, b) for b in nexts[level][1:] if b not in seen]
        main += [lv for lv in track.levels if lv not in seen]  # none drawn: in order
        out.append(Track(track.title, main, ordered_by=DRAWN))
        for root, path in paths:
            # the same title: its own words would name a track ("lead" for "via Lead
            # Engineer") where people mean the level
            out.append(Track(track.title, path, branch=root, ordered_by=DRAWN))
    # a branch is named by the level it starts with, its title being its track's
    _give_ids(
        out,
        lambda t: slug(t.title if t.branch is None else f"{t.title} {t.levels[0].title}"),
    )
    return out


def _follow(level: Level, nexts: dict, seen: set) -> list[Level]:
    path = [level]
    while True:
        on = [b for b in nexts[path[-1]] if b not in seen]
        if not on:
            return path
        seen.add(on[0])
        path.append(on[0])


def _drawn_nexts(track: Track, steps: list[tuple[str, str]]) -> dict:
    """For each level of the track, the levels a drawn step leads to, in the track's
    order. A box names a level by its title, or by its title with more words that the
    track's title holds ("Lead Cloud Engineer" for the cloud track's "Lead Engineer")."""
    named = {lv: _box_names(lv, track) for lv in track.levels}
    nexts: dict[Level, list[Level]] = {lv: [] for lv in track.levels}
    for a, b in steps:
        ka, kb = _key(a), _key(b)
        froms = [lv for lv in track.levels if ka in named[lv]]
        tos = [lv for lv in track.levels if kb in named[lv]]
        if len(froms) == 1 and len(tos) == 1 and froms[0] is not tos[0]:
            nexts[froms[0]].append(tos[0])
    order = {lv: i for i, lv in enumerate(track.levels)}
    return {lv: sorted(dict.fromkeys(after), key=order.__getitem__) for lv, after in nexts.items()}


def _box_names(level: Level, track: Track) -> set[str]:
    words = _key(level.title).split()
    extra = [w for w in _key(track.title).split() if w not in words]
    names = {" ".join(words)}
    if len(words) >= 2:  # "lead engineer" -> "lead cloud engineer", track word inserted
        names |= {" ".join([*words[:-1], w, words[-1]]) for w in extra}
    names |= {" ".join([*words, w]) for w in extra}  # "senior qa/qe" -> "... engineer"
    names |= {" ".join([*words, "engineer"])}
    return names


def _key(text: str) -> str:
    return " ".join(text.lower().split())
