"""The imported ladder as a knowledge base: sources.yaml, ladder.yaml, topics.yaml
(extending the built-in topics with the ladder's new ones), roles/*.yaml, and a
short review report. Written in a stable order, so importing twice gives the same
files."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..location import builtin_dir
from .draft import Ladder, Role
from .roles import GRADED

HEADER = (
    "# Written by `ladderbot import` from the company's own documents, in their own words.\n"
    "# Edit freely; `ladderbot validate` checks it. import-report.md says what went where.\n"
)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # a list written twice is written out twice
        return True


def _dump(data) -> str:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + text


def _fact(text: str, source: str, to: str | None = None) -> dict:
    out = {"text": text, "sources": [source]}
    if to:
        out["to"] = to
    return out


def _nest(facts: dict[str, list]) -> dict:
    """{"skills.technical": [...]} -> {"skills": {"technical": [...]}}"""
    out: dict = {}
    for path, items in facts.items():
        head, _, leaf = path.partition(".")
        if leaf:
            out.setdefault(head, {})[leaf] = items
        else:
            out[head] = items
    return out


def role_data(role: Role) -> dict:
    data: dict = {"id": role.id, "title": role.title}
    if role.codes:
        data["codes"] = list(dict.fromkeys(role.codes))
    data["aliases"] = role.aliases
    if role.context_aliases:
        data["context_aliases"] = role.context_aliases
    text, source = role.summary or (role.title, "")
    data["summary"] = _fact(text, source)
    facts = {
        path: [_fact(t, s, to) for t, s, to in dict.fromkeys(items)]
        for path, items in role.facts.items()
    }
    data.update(_nest(facts))
    return data


def write(ladder: Ladder, out: Path) -> None:
    (out / "roles").mkdir(parents=True, exist_ok=True)
    roles = {r.level: r for r in ladder.roles}
    order = [roles[lv] for t in ladder.tracks for lv in t.levels if lv in roles]
    order += [r for r in ladder.roles if r not in order]
    first_role = order[0].id if order else ""
    by_doc = {r.level.doc.name: r.id for r in reversed(order)}
    sources = [
        {
            "id": sid,
            "title": doc.title,
            "role": by_doc.get(doc.name, first_role),
            "document": doc.name,
        }
        for doc in ladder.documents
        if (sid := ladder.source_ids[doc.name])
    ]
    (out / "sources.yaml").write_text(_dump({"sources": sources}))
    for role in order:
        (out / "roles" / f"{role.id}.yaml").write_text(_dump(role_data(role)))
    (out / "ladder.yaml").write_text(_dump(_ladder(ladder, roles, order)))
    (out / "topics.yaml").write_text(_dump(_topics(ladder)))


def _ladder(ladder: Ladder, roles: dict, order: list[Role]) -> dict:
    tracks = []
    for track in ladder.tracks:
        steps = [roles[lv].id for lv in track.steps if lv in roles]
        if steps:
            sources = sorted({ladder.source_ids[lv.doc.name] for lv in track.steps})
            tracks.append(
                {"id": track.id, "title": track.title, "steps": steps, "sources": sources}
            )
    data: dict = {"main_track": tracks[0]["id"]} if tracks else {}
    graded = sorted({a for r in order for a in r.context_aliases if a in GRADED})
    if graded:
        data["graded_words"] = graded
    data["tracks"] = tracks
    names = " | ".join(
        a for r in order for a in (r.title.lower(), *r.aliases, *(c.lower() for c in r.codes))
    )
    # titles this ladder lacks, but not one inside its own ("program manager" of
    # "technical program manager")
    data["other_roles"] = [t for t in _builtin_other_roles() if t.lower() not in names]
    if ladder.ladder_facts:
        data["facts"] = _nest(
            {
                p: [{"text": t, "sources": s} for t, s in _one_per_text(items).items()]
                for p, items in ladder.ladder_facts.items()
            }
        )
    return data


def _one_per_text(items: list[tuple[str, str]]) -> dict[str, list[str]]:
    """A line two pages both say ("The specific professions are covered under Job
    Profiles", on each track's page) once, citing both."""
    out: dict[str, list[str]] = {}
    for text, source in items:
        sources = out.setdefault(text, [])
        if source not in sources:
            sources.append(source)
    return out


def _builtin_other_roles() -> list[str]:
    """Titles people ask about that are no engineering ladder's (the built-in list):
    named as such rather than answered as the nearest role."""
    data = yaml.safe_load((builtin_dir() / "ladder.yaml").read_text())
    return list(data.get("other_roles") or ())


def _topics(ladder: Ladder) -> dict:
    new = sorted(ladder.placer.new.values(), key=lambda t: t.id)
    data: dict = {"extends": "builtin"}
    if new:
        data["topics"] = [
            {"id": t.id, "title": t.title, "fields": {t.path: t.title}, "phrases": t.phrases}
            for t in new
        ]
    competencies = dict(sorted(ladder.placer.competencies.items()))
    if competencies:
        # what a role does and needs, on a ladder of competencies: all of them
        data["add_fields"] = {"responsibilities": competencies, "skills": competencies}
    phrases = ladder.placer.builtin_phrases()
    if phrases:
        # a competency filed under a built-in topic is asked about by its own name:
        # "Technology" (filed under tools) as "technology", "tech"
        data["add_phrases"] = phrases
    return data


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def report(ladder: Ladder, out: Path, skipped: list[str]) -> str:
    facts = sum(len(v) for r in ladder.roles for v in r.facts.values())
    wide = sum(len(v) for v in ladder.ladder_facts.values())
    lines = [
        "# Import report",
        "",
        f"{_count(len(ladder.documents), 'document')}: {_count(len(ladder.roles), 'role')} on "
        f"{_count(len(ladder.tracks), 'track')}, {_count(facts, 'fact')}, {wide} about the "
        f"whole ladder, {_count(len(ladder.placer.new), 'new topic')}.",
        "",
        "## Roles",
        "",
    ]
    for role in ladder.roles:
        counts = ", ".join(f"{p} {len(v)}" for p, v in sorted(role.facts.items()))
        codes = f" [{', '.join(role.codes)}]" if role.codes else ""
        lines.append(
            f"- {role.id}: {role.title}{codes} ({role.level.doc.name}) - {counts or 'summary only'}"
        )
    lines += ["", "## Tracks", ""]
    for track in ladder.tracks:
        names = " -> ".join(lv.title for lv in track.steps)
        lines.append(f"- {track.title}: {names} (ordered by {track.ordered_by})")
    if ladder.placer.new:
        lines += ["", "## New topics (competency headings no built-in topic covers)", ""]
        if ladder.about:
            lines += [
                f"- about-the-ladder holds {ladder.about} passages from outside any level "
                "(how the framework works, guidance pages): check they belong to everyone"
            ]
        lines += [
            f"- {t.id}: {t.title}" for t in sorted(ladder.placer.new.values(), key=lambda t: t.id)
        ]
    if ladder.notes:
        lines += ["", "## Check", ""] + [f"- {n}" for n in ladder.notes]
    if ladder.empty:
        lines += ["", "## Looked like a level but had no content (left out)", ""]
        lines += [f"- {e}" for e in ladder.empty]
    if ladder.unplaced:
        lines += [
            "",
            f"## Not placed ({len(ladder.unplaced)}: no level, and no topic its heading names)",
            "",
        ]
        lines += [f"- {u}" for u in ladder.unplaced[:40]]
        if len(ladder.unplaced) > 40:
            lines.append(f"- ...and {len(ladder.unplaced) - 40} more")
    if skipped:
        lines += ["", "## Files not read", ""] + [f"- {s}" for s in skipped]
    text = "\n".join(lines) + "\n"
    (out / "import-report.md").write_text(text)
    return text
