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
    seen: set[str] = set()
    for track in tracks:
        base = slug(track.title)
        track.id = base if base not in seen else f"{base}-{len(seen)}"
        seen.add(track.id)
    return tracks


def _first_number(track: Track) -> int:
    numbers = [n for n in (lv.number for lv in track.levels) if n is not None]
    return numbers[0] if numbers else 99


def _branch_point(track: Track, tracks: list[Track]) -> Level | None:
    """The level one number below the track's first, on the main track (same scheme of
    codes first), when the track starts above the main track's first level."""
    first = track.levels[0]
    for peer in first.peers:  # a table set it beside a level: from the one before that
        home = next((t for t in tracks if t is not track and peer in t.levels), None)
        if home is not None and home.levels.index(peer) > 0:
            return home.levels[home.levels.index(peer) - 1]
    number = first.number
    main = tracks[0]
    if number is None or number <= _first_number(main):
        return None
    candidates = [
        lv for t in tracks if t is not track for lv in t.levels if lv.number == number - 1
    ]
    same = [lv for lv in candidates if lv.scheme == first.scheme]
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
