"""Role files (roles/*.yaml): which fact lists they may hold, and reading them.

topics.yaml says which lists exist (`RoleLayout`); a role file holds the role's
id, title, aliases, level codes, summary and any of those lists. Ladder-wide
facts in ladder.yaml use the same lists (`read_fact_lists`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..text import normalise
from .location import display
from .model import LADDER, Fact, Role, Topic
from .schema import FileChecker, did_you_mean
from .yamlfile import LineDict, Problem, read_yaml

ROLE_KEYS = {"id", "title", "aliases", "context_aliases", "codes", "summary"}
# Both spellings of YAML's extension: a roles/lead.yml left out would surface only as
# "unknown role id 'lead'" wherever it is named. (live.py watches the same files.)
ROLE_SUFFIXES = (".yaml", ".yml")
PARALLEL_FROM = 400  # role files; below this a process pool costs more than it saves


class RoleLayout:
    """Which fact lists a role file may hold, as topics.yaml declares them: top-level
    lists ("responsibilities"), lists nested one level ("skills.technical"), and the
    lists whose facts may say `to: ROLE` (those a ladder topic reads)."""

    def __init__(self, topics: dict[str, Topic], fallback: bool = False):
        # fallback: topics.yaml could not be read, so these are the built-in topics'
        # lists, used to check role files without blaming them for fields it may add.
        self.fallback = fallback
        self.paths = tuple(dict.fromkeys(p for t in topics.values() for p in t.paths))
        self.nested: dict[str, list[str]] = {}
        for path in self.paths:
            head, _, leaf = path.partition(".")
            if leaf:
                self.nested.setdefault(head, []).append(leaf)
        self.top = {p for p in self.paths if "." not in p and p not in self.nested}
        self.with_to = {p for t in topics.values() if t.answer == "ladder" for p in t.paths}


def read_top(path: Path, refs: list, problems: list[Problem], shown: str | None = None):
    """A file's top-level mapping and a checker for it, or (None, None) after recording
    why it could not be read."""
    shown = shown or display(path)
    value, found = read_yaml(str(path), shown)
    problems.extend(found)
    if value is None:
        return None, None
    checker = FileChecker(shown, refs)
    d = checker.mapping(value, 1, "the file")
    if d is None:
        problems.extend(checker.problems)
    return d, checker


def read_fact_lists(
    d: LineDict, c: FileChecker, layout: RoleLayout, allow_to: bool = True
) -> dict[str, tuple[Fact, ...]]:
    """Every fact list layout allows, read from d: {path: facts}, non-empty ones only."""
    facts: dict[str, tuple[Fact, ...]] = {}
    for key in layout.top:
        facts[key] = c.facts(d, key, allow_to=allow_to and key in layout.with_to)
    for head, leaves in layout.nested.items():
        if head not in d:
            continue
        group = c.mapping(d[head], d.key_lines[head], repr(head))
        if group is None:
            continue
        c.unknown_keys(group, set(leaves))
        for leaf in leaves:
            path = f"{head}.{leaf}"
            facts[path] = c.facts(group, leaf, allow_to=allow_to and path in layout.with_to)
    return {path: facts[path] for path in layout.paths if facts.get(path)}


def _parse_role_file(path: str, shown: str, layout: RoleLayout):
    """Read and check one role file: (role, problems, refs, moves, id, id line, aliases
    line, [(alias, normalised alias)], codes line, [(code, normalised code)]).

    A plain function of its arguments, so a process pool can run it for big ladders."""
    refs: list = []
    problems: list[Problem] = []
    d, c = read_top(Path(path), refs, problems, shown)
    ident = d["id"] if d is not None and isinstance(d.get("id"), str) else Path(path).stem
    if d is None:
        return None, problems, refs, [], ident, 1, 1, [], 1, []
    role = _load_role(d, c, layout)
    problems.extend(c.problems)
    keys, codes = [], []
    if role is not None:
        keys = [(a, normalise(a)) for a in (role.id, *role.aliases, *role.context_aliases)]
        codes = [(code, normalise(code)) for code in role.codes]
    return (
        role,
        problems,
        refs,
        c.moves,
        ident,
        d.key_lines.get("id", d.line),
        d.key_lines.get("aliases", d.line),
        keys,
        d.key_lines.get("codes", d.line),
        codes,
    )


def _pool_context():
    """fork starts workers fastest, but forking while other threads run (a reload
    watcher, a server) can hang a worker on a lock another thread held at the fork:
    then workers start clean."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    clean = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(clean)


def parse_role_files(paths: list[Path], shown: list[str], layout: RoleLayout):
    """Role files in order, parsed on every core when there are many of them."""
    workers = min(4, os.cpu_count() or 1)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return [_parse_role_file(str(p), s, layout) for p, s in zip(paths, shown)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
        return list(
            pool.map(
                _parse_role_file,
                [str(p) for p in paths],
                shown,
                [layout] * len(paths),
                chunksize=max(1, len(paths) // (workers * 4)),
            )
        )


def _load_role(d: LineDict, c: FileChecker, layout: RoleLayout) -> Role | None:
    allowed = ROLE_KEYS | layout.top | set(layout.nested)
    if not layout.fallback and not allowed.issuperset(d):
        for key in d:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or " (no topic in topics.yaml reads it)"
                c.err(d.key_lines[key], f"unknown field {key!r}{hint}")
    rid, title = c.text(d, "id"), c.text(d, "title")
    if rid == LADDER:
        c.err(d.key_lines["id"], f"role id {LADDER!r} is reserved for ladder-wide facts")
        rid = None
    aliases = c.texts(d, "aliases", required=True)
    context_aliases = c.texts(d, "context_aliases")
    codes = c.texts(d, "codes")
    for word in context_aliases:
        if len(word.split()) != 1:
            c.err(d.key_lines["context_aliases"], f"context alias {word!r} must be a single word")
    summary = c.fact(d["summary"], d.key_lines["summary"], "'summary'") if "summary" in d else None
    if "summary" not in d:
        c.err(d.line, "missing required field 'summary'")
    facts = read_fact_lists(d, c, layout)
    if not (rid and title and summary):
        return None
    return Role(rid, title, aliases, summary, context_aliases, facts, codes)
