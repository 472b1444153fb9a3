"""Load a knowledge directory into a KnowledgeBase, or report every problem in it.

Layout: sources.yaml, topics.yaml, roles/*.yaml (or .yml) and ladder.yaml (see
knowledge/README.md). topics.yaml is read before the roles because it says which
fact lists a role file may hold. Checks are the schema (required fields, types,
unknown fields) and the references between files (source ids, role ids in tracks
and moves, aliases claimed twice, topic ids). All problems are collected, not just the
first, so a maintainer can fix a file in one pass.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..text import normalise
from .location import builtin_dir, resolve_dir
from .location import display as _display
from .model import Fact, KnowledgeBase, Role, Source, Topic, Track
from .schema import FileChecker, did_you_mean
from .topics import read_topics
from .yamlfile import KnowledgeError, LineDict, LineList, Problem, read_yaml

_ROLE_KEYS = {"id", "title", "aliases", "context_aliases", "summary"}
# Both spellings of YAML's extension: a roles/lead.yml left out would surface only as
# "unknown role id 'lead'" wherever it is named. (live.py watches the same files.)
ROLE_SUFFIXES = (".yaml", ".yml")


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


def _read_top(path: Path, checker_refs: list, problems: list[Problem], shown: str | None = None):
    shown = shown or _display(path)
    value, found = read_yaml(str(path), shown)
    problems.extend(found)
    if value is None:
        return None, None
    checker = FileChecker(shown, checker_refs)
    d = checker.mapping(value, 1, "the file")
    if d is None:
        problems.extend(checker.problems)
    return d, checker


PARALLEL_FROM = 400  # role files; below this a process pool costs more than it saves


def _parse_role_file(path: str, shown: str, layout: RoleLayout):
    """Read and check one role file: (role, problems, refs, id, id line, aliases line,
    [(alias, normalised alias)]).

    A plain function of its arguments, so a process pool can run it for big ladders."""
    refs: list = []
    problems: list[Problem] = []
    d, c = _read_top(Path(path), refs, problems, shown)
    ident = d["id"] if d is not None and isinstance(d.get("id"), str) else Path(path).stem
    if d is None:
        return None, problems, refs, ident, 1, 1, []
    role = _load_role(d, c, layout)
    problems.extend(c.problems)
    keys = (
        []
        if role is None
        else [
            (alias, normalise(alias)) for alias in (role.id, *role.aliases, *role.context_aliases)
        ]
    )
    return (
        role,
        problems,
        refs,
        ident,
        d.key_lines.get("id", d.line),
        d.key_lines.get("aliases", d.line),
        keys,
    )


def _pool_context():
    """fork starts workers fastest, but forking while other threads run (a reload
    watcher, a server) can hang a worker on a lock another thread held at the fork:
    then workers start clean."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    clean = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(clean)


def _parse_role_files(paths: list[Path], shown: list[str], layout: RoleLayout):
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
    allowed = _ROLE_KEYS | layout.top | set(layout.nested)
    if not layout.fallback and not allowed.issuperset(d):
        for key in d:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or " (no topic in topics.yaml reads it)"
                c.err(d.key_lines[key], f"unknown field {key!r}{hint}")
    rid, title = c.text(d, "id"), c.text(d, "title")
    aliases = c.texts(d, "aliases", required=True)
    context_aliases = c.texts(d, "context_aliases")
    for word in context_aliases:
        if len(word.split()) != 1:
            c.err(d.key_lines["context_aliases"], f"context alias {word!r} must be a single word")
    summary = c.fact(d["summary"], d.key_lines["summary"], "'summary'") if "summary" in d else None
    if "summary" not in d:
        c.err(d.line, "missing required field 'summary'")
    facts: dict[str, tuple[Fact, ...]] = {}
    for key in layout.top:
        facts[key] = c.facts(d, key, allow_to=key in layout.with_to)
    for head, leaves in layout.nested.items():
        if head not in d:
            continue
        group = c.mapping(d[head], d.key_lines[head], repr(head))
        if group is None:
            continue
        c.unknown_keys(group, set(leaves))
        for leaf in leaves:
            path = f"{head}.{leaf}"
            facts[path] = c.facts(group, leaf, allow_to=path in layout.with_to)
    if not (rid and title and summary):
        return None
    facts = {path: facts[path] for path in layout.paths if facts.get(path)}
    return Role(rid, title, aliases, summary, context_aliases, facts)


def load(directory: str | os.PathLike | None = None) -> KnowledgeBase:
    """Load and check a knowledge base; raise KnowledgeError listing every problem."""
    root = resolve_dir(str(directory) if directory else None)
    problems: list[Problem] = []
    refs: list = []
    if not root.is_dir():
        # As given: this is the path someone typed (cli.py words it for them first).
        raise KnowledgeError([Problem(str(root), 1, "knowledge directory not found")])

    sources: dict[str, Source] = {}
    # Ids a broken file meant to define: references to them are not reported again.
    unsure: dict[str, set[str]] = {"source": set(), "role": set()}
    d, c = _read_top(root / "sources.yaml", refs, problems)
    if d is None or not isinstance(d.get("sources"), LineList):
        unsure["source"].add("*")  # without a list of sources, every citation is unsure
    if d is not None:
        c.unknown_keys(d, {"sources"})
        for entry, line in c.entries(d, "sources"):
            c.unknown_keys(entry, {"id", "title", "publisher", "role", "document"})
            sid, title, role = c.text(entry, "id"), c.text(entry, "title"), c.text(entry, "role")
            publisher = c.text(entry, "publisher", required=False)
            c.text(entry, "document", required=False)
            if isinstance(entry.get("id"), str):
                unsure["source"].add(entry["id"])
            if sid in sources:
                c.err(line, f"duplicate source id {sid!r}")
            elif sid and title and role:
                sources[sid] = Source(sid, title, role, publisher)
                c.ref("role", role, entry.key_lines["role"])
        problems.extend(c.problems)

    topics: dict[str, Topic] = {}
    default_topic, domain_terms, out_of_scope, synonyms = "", (), (), ()
    d, c = _read_top(root / "topics.yaml", refs, problems)
    if d is not None:
        topics, default_topic, domain_terms, out_of_scope, synonyms = read_topics(d, c)
        problems.extend(c.problems)
    layout = RoleLayout(topics) if topics else _builtin_layout(root)

    roles: dict[str, Role] = {}
    alias_owner: dict[str, tuple[str, str, int]] = {}
    defined_in: dict[str, str] = {}  # role id -> file:line
    roles_dir = root / "roles"
    names = (
        sorted(n for n in os.listdir(roles_dir) if n.endswith(ROLE_SUFFIXES))
        if roles_dir.is_dir()
        else []
    )
    role_files = [roles_dir / n for n in names]
    roles_shown = _display(roles_dir)  # computed once: relpath is slow on 10,000 files
    if not role_files:
        problems.append(Problem(roles_shown, 1, "no role files (roles/*.yaml or *.yml)"))
    shown = [os.path.join(roles_shown, path.name) for path in role_files]
    for file, parsed in zip(shown, _parse_role_files(role_files, shown, layout)):
        role, file_problems, file_refs, ident, id_line, alias_line, alias_keys = parsed
        problems.extend(file_problems)
        refs.extend(file_refs)
        unsure["role"].add(ident)
        if role is None:
            continue
        if role.id in roles:
            first = defined_in[role.id]
            problems.append(
                Problem(file, id_line, f"duplicate role id {role.id!r} (also in {first})")
            )
            continue
        roles[role.id] = role
        defined_in[role.id] = f"{file}:{id_line}"
        for alias, key in alias_keys:
            owner = alias_owner.get(key)
            if owner and owner[0] != role.id:
                problems.append(
                    Problem(
                        file,
                        alias_line,
                        f"alias {alias!r} is already claimed by role {owner[0]!r} "
                        f"({owner[1]}:{owner[2]})",
                    )
                )
            elif not owner:
                alias_owner[key] = (role.id, file, alias_line)

    tracks: list[Track] = []
    default_role, other_roles, main_track, graded_words = "", (), "", ()
    d, c = _read_top(root / "ladder.yaml", refs, problems)
    if d is not None:
        c.unknown_keys(d, {"default_role", "tracks", "other_roles", "main_track", "graded_words"})
        default_role = c.text(d, "default_role") or ""
        main_track = c.text(d, "main_track", required=False) or ""
        graded_words = c.texts(d, "graded_words")
        if default_role:
            c.ref("role", default_role, d.key_lines["default_role"])
        other_roles = c.texts(d, "other_roles")
        listed: dict[str, int] = {}
        raw = d.get("other_roles")
        for name, line in zip(raw or (), getattr(raw, "item_lines", ())):
            if not isinstance(name, str) or not name.strip():
                continue
            first = listed.setdefault(normalise(name), line)
            if first != line:
                c.err(line, f"{name.strip()!r} is listed twice in other_roles (line {first})")
        for name in other_roles:
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
                tracks.append(track)
        if main_track and main_track not in seen:
            hint = did_you_mean(main_track, seen)
            c.err(d.key_lines["main_track"], f"unknown track id {main_track!r}{hint}")
        problems.extend(c.problems)

    for kind, ident, file, line in refs:
        table = sources if kind == "source" else roles
        if ident not in table and ident not in unsure[kind] and "*" not in unsure[kind]:
            hint = did_you_mean(ident, table)
            problems.append(Problem(file, line, f"unknown {kind} id {ident!r}{hint}"))

    if problems:
        raise KnowledgeError(sorted(set(problems), key=lambda p: (p.file, p.line, p.message)))
    return KnowledgeBase(
        roles,
        topics,
        tuple(tracks),
        sources,
        default_role,
        default_topic,
        domain_terms,
        str(root),
        out_of_scope,
        other_roles,
        synonyms,
        main_track,
        graded_words,
    )


def _builtin_layout(root: Path) -> RoleLayout:
    """The built-in topics' role lists, for checking role files when a ladder's own
    topics.yaml is unreadable (its problems are reported; these add no new ones)."""
    builtin = builtin_dir() / "topics.yaml"
    topics: dict[str, Topic] = {}
    if builtin.is_file() and builtin.resolve() != (root / "topics.yaml").resolve():
        d, c = _read_top(builtin, [], [])
        if d is not None:
            topics = read_topics(d, c)[0]
    return RoleLayout(topics, fallback=True)


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


def validate(directory: str | os.PathLike | None = None) -> list[Problem]:
    """Every problem in a knowledge base; an empty list means it is clean."""
    try:
        load(directory)
    except KnowledgeError as exc:
        return exc.problems
    return []
