"""Load a knowledge directory into a KnowledgeBase, or report every problem in it.

Layout: sources.yaml, ladder.yaml, topics.yaml and roles/*.yaml (see README).
Checks are the schema (required fields, types, unknown fields) and the
references between files (source ids, role ids in tracks and progression,
aliases claimed twice, topic ids). All problems are collected, not just the
first, so a maintainer can fix a file in one pass.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path

from ..text import normalise
from .model import FACT_LISTS, KnowledgeBase, Role, Source, Topic, Track
from .schema import FileChecker, did_you_mean
from .yamlfile import KnowledgeError, LineDict, LineList, Problem, read_yaml

# The topics the answer composer knows how to answer; topics.yaml may not add others.
KNOWN_TOPICS = (
    "overview",
    "responsibilities",
    "skills",
    "tools",
    "progression",
    "education",
    "salary",
    "hiring",
    "workflows",
    "impact",
    "compare",
)
# The role file's fact lists; the two skill lists sit under `skills:` instead.
_ROLE_LISTS = tuple(name for name in FACT_LISTS if not name.endswith("_skills"))
_ROLE_KEYS = {"id", "title", "aliases", "context_aliases", "summary", "skills", *_ROLE_LISTS}


def builtin_dir() -> Path:
    """The knowledge base shipped with ladderbot: the data package bot.knowledge (the
    repo's knowledge/ directory, installed inside the package), else, when running from
    a source tree that was never installed, the repo's knowledge/ itself."""
    try:
        # bot.knowledge holds no Python, so it is a namespace package: ask for a file in it.
        ladder = resources.files("bot.knowledge").joinpath("ladder.yaml")
    except ModuleNotFoundError:
        ladder = None
    if ladder is not None and ladder.is_file():
        return Path(str(ladder)).parent
    return Path(__file__).resolve().parent.parent.parent / "knowledge"


def resolve_dir(explicit: str | None = None) -> Path:
    """--knowledge DIR, else $KNOWLEDGE_DIR, else the built-in knowledge base."""
    chosen = explicit or os.environ.get("KNOWLEDGE_DIR")
    return Path(chosen) if chosen else builtin_dir()


def _display(path: Path) -> str:
    """A path as error messages show it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


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


def _parse_role_file(path: str, shown: str):
    """Read and check one role file: (role, problems, refs, id, id line, aliases line,
    [(alias, normalised alias)]).

    A plain function of its arguments, so a process pool can run it for big ladders."""
    refs: list = []
    problems: list[Problem] = []
    d, c = _read_top(Path(path), refs, problems, shown)
    ident = d["id"] if d is not None and isinstance(d.get("id"), str) else Path(path).stem
    if d is None:
        return None, problems, refs, ident, 1, 1, []
    role = _load_role(d, c)
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


def _parse_role_files(paths: list[Path], shown: list[str]):
    """Role files in order, parsed on every core when there are many of them."""
    workers = min(4, os.cpu_count() or 1)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return [_parse_role_file(str(p), s) for p, s in zip(paths, shown)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(
            pool.map(
                _parse_role_file,
                [str(p) for p in paths],
                shown,
                chunksize=max(1, len(paths) // (workers * 4)),
            )
        )


def _load_role(d: LineDict, c: FileChecker) -> Role | None:
    c.unknown_keys(d, _ROLE_KEYS)
    rid, title = c.text(d, "id"), c.text(d, "title")
    aliases = c.texts(d, "aliases", required=True)
    context_aliases = c.texts(d, "context_aliases")
    for word in context_aliases:
        if len(word.split()) != 1:
            c.err(d.key_lines["context_aliases"], f"context alias {word!r} must be a single word")
    summary = c.fact(d["summary"], d.key_lines["summary"], "'summary'") if "summary" in d else None
    if "summary" not in d:
        c.err(d.line, "missing required field 'summary'")
    technical = leadership = ()
    if "skills" in d:
        skills = c.mapping(d["skills"], d.key_lines["skills"], "'skills'")
        if skills is not None:
            c.unknown_keys(skills, {"technical", "leadership"})
            technical, leadership = c.facts(skills, "technical"), c.facts(skills, "leadership")
    lists = {key: c.facts(d, key, allow_to=key == "progression") for key in _ROLE_LISTS}
    if not (rid and title and summary):
        return None
    return Role(
        rid,
        title,
        aliases,
        summary,
        context_aliases,
        technical_skills=technical,
        leadership_skills=leadership,
        **lists,
    )


def load(directory: str | os.PathLike | None = None) -> KnowledgeBase:
    """Load and check a knowledge base; raise KnowledgeError listing every problem."""
    root = resolve_dir(str(directory) if directory else None)
    problems: list[Problem] = []
    refs: list = []
    if not root.is_dir():
        raise KnowledgeError([Problem(_display(root), 1, "knowledge directory not found")])

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

    roles: dict[str, Role] = {}
    alias_owner: dict[str, tuple[str, str, int]] = {}
    roles_dir = root / "roles"
    names = (
        sorted(n for n in os.listdir(roles_dir) if n.endswith(".yaml"))
        if roles_dir.is_dir()
        else []
    )
    role_files = [roles_dir / n for n in names]
    roles_shown = _display(roles_dir)  # computed once: relpath is slow on 10,000 files
    if not role_files:
        problems.append(Problem(roles_shown, 1, "no role files (roles/*.yaml)"))
    shown = [os.path.join(roles_shown, path.name) for path in role_files]
    for file, parsed in zip(shown, _parse_role_files(role_files, shown)):
        role, file_problems, file_refs, ident, id_line, alias_line, alias_keys = parsed
        problems.extend(file_problems)
        refs.extend(file_refs)
        unsure["role"].add(ident)
        if role is None:
            continue
        if role.id in roles:
            problems.append(Problem(file, id_line, f"duplicate role id {role.id!r}"))
            continue
        roles[role.id] = role
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
    default_role = ""
    d, c = _read_top(root / "ladder.yaml", refs, problems)
    if d is not None:
        c.unknown_keys(d, {"default_role", "tracks"})
        default_role = c.text(d, "default_role") or ""
        if default_role:
            c.ref("role", default_role, d.key_lines["default_role"])
        seen: set[str] = set()
        for entry, line in c.entries(d, "tracks"):
            c.unknown_keys(entry, {"id", "title", "steps", "sources"})
            tid, title = c.text(entry, "id"), c.text(entry, "title")
            steps = c.texts(entry, "steps", required=True)
            for step in steps:
                c.ref("role", step, entry.key_lines["steps"])
            track_sources = c.texts(entry, "sources", required=True)
            for sid in track_sources:
                c.ref("source", sid, entry.key_lines["sources"])
            if tid in seen:
                c.err(line, f"duplicate track id {tid!r}")
            elif tid and title and steps:
                seen.add(tid)
                tracks.append(Track(tid, title, steps, track_sources))
        problems.extend(c.problems)

    topics: dict[str, Topic] = {}
    default_topic, domain_terms = "", ()
    d, c = _read_top(root / "topics.yaml", refs, problems)
    if d is not None:
        c.unknown_keys(d, {"default_topic", "domain_terms", "topics"})
        default_topic = c.text(d, "default_topic") or ""
        domain_terms = c.texts(d, "domain_terms")
        for entry, line in c.entries(d, "topics"):
            c.unknown_keys(entry, {"id", "title", "phrases", "weak_phrases"})
            tid, title = c.text(entry, "id"), c.text(entry, "title")
            phrases = c.texts(entry, "phrases", required=True)
            weak = c.texts(entry, "weak_phrases")
            if tid and tid not in KNOWN_TOPICS:
                c.err(
                    entry.key_lines["id"],
                    f"unknown topic {tid!r}; known topics: {', '.join(KNOWN_TOPICS)}",
                )
            elif tid in topics:
                c.err(line, f"duplicate topic id {tid!r}")
            elif tid and title:
                topics[tid] = Topic(tid, title, phrases, weak)
        if default_topic and default_topic not in KNOWN_TOPICS:
            c.err(d.key_lines["default_topic"], f"unknown topic {default_topic!r}")
        problems.extend(c.problems)

    for kind, ident, file, line in refs:
        table = sources if kind == "source" else roles
        if ident not in table and ident not in unsure[kind] and "*" not in unsure[kind]:
            hint = did_you_mean(ident, table)
            problems.append(Problem(file, line, f"unknown {kind} id {ident!r}{hint}"))

    if problems:
        raise KnowledgeError(sorted(set(problems), key=lambda p: (p.file, p.line, p.message)))
    return KnowledgeBase(
        roles, topics, tuple(tracks), sources, default_role, default_topic, domain_terms, str(root)
    )


def validate(directory: str | os.PathLike | None = None) -> list[Problem]:
    """Every problem in a knowledge base; an empty list means it is clean."""
    try:
        load(directory)
    except KnowledgeError as exc:
        return exc.problems
    return []
