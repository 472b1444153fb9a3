"""Load a knowledge directory into a KnowledgeBase, or report every problem in it.

Layout: sources.yaml, topics.yaml, roles/*.yaml (or .yml) and ladder.yaml (see
knowledge/README.md). topics.yaml is read before the roles because it says which
fact lists a role file may hold (rolefiles.py); ladder.yaml is read last
(ladderfile.py). Checks are the schema (required fields, types, unknown fields)
and the references between files (source ids, role ids in tracks and moves,
aliases claimed twice, topic ids). All problems are collected, not just the first,
so a maintainer can fix a file in one pass. Warnings (a move fact that does not
name the role it moves to) are kept on the knowledge base for `validate` to show.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..text import normalise, spoken_forms
from .ladderfile import LadderFile, read_ladder
from .location import builtin_dir, resolve_dir  # noqa: F401 - the loader's public API
from .location import display as _display
from .model import KnowledgeBase, Role, Source, Topic
from .rolefiles import ROLE_SUFFIXES, RoleLayout, parse_role_files, read_top
from .schema import did_you_mean
from .topics import BUILTIN, merge_topics, read_topics
from .yamlfile import KnowledgeError, LineList, Problem

__all__ = ["ROLE_SUFFIXES", "builtin_dir", "load", "resolve_dir", "validate", "warnings"]


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
    d, c = read_top(root / "sources.yaml", refs, problems)
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

    topics, default_topic, domain_terms, out_of_scope, synonyms, _ = _read_topics(
        root, refs, problems
    )
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
    moves: list = []
    code_keys: list[tuple[str, str, str, str, int]] = []  # role, code, key, file, line
    for file, parsed in zip(shown, parse_role_files(role_files, shown, layout)):
        role, file_problems, file_refs, file_moves, ident, id_line, alias_line = parsed[:7]
        alias_keys, codes_line, codes = parsed[7:]
        problems.extend(file_problems)
        refs.extend(file_refs)
        moves.extend(file_moves)
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
        code_keys += [(role.id, code, key, file, codes_line) for code, key in codes]
    for rid, code, key, file, line in code_keys:
        # A level code may name roles on several tracks; an alias names one role only.
        # ("Level 2" may still be another role's: a ladder of "Senior L1", "Senior L2"
        # numbers its levels apart from those codes.)
        said = tuple(key.split())
        forms = (" ".join(f) for f in spoken_forms(said) if f[0] != "level" or said[0] == "level")
        owner = next((alias_owner[f] for f in forms if f in alias_owner), None)
        if owner and owner[0] != rid:
            problems.append(
                Problem(
                    file,
                    line,
                    f"level code {code!r} is an alias of role {owner[0]!r} "
                    f"({owner[1]}:{owner[2]}); list it under that role's codes instead",
                )
            )

    ladder = LadderFile()
    d, c = read_top(root / "ladder.yaml", refs, problems)
    if d is not None:
        ladder = read_ladder(d, c, layout, alias_owner)
        moves.extend(c.moves)
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
        tuple(ladder.tracks),
        sources,
        ladder.default_role,
        default_topic,
        domain_terms,
        str(root),
        out_of_scope,
        ladder.other_roles,
        synonyms,
        ladder.main_track,
        ladder.graded_words,
        ladder.facts,
        tuple(_move_warnings(moves, roles)),
    )


def _read_topics(root: Path, refs: list, problems: list[Problem]) -> tuple:
    """topics.yaml: the ladder's own; laid over the built-in one when it says `extends:
    builtin`, or the built-in one alone when the ladder has none (a company then
    inherits the built-in topics, whose examples name no role)."""
    empty: tuple = ({}, "", (), (), (), {})
    own, builtin = root / "topics.yaml", builtin_dir() / "topics.yaml"
    if not own.exists() and builtin.is_file():
        d, c = read_top(builtin, [], [])
        return read_topics(d, c) if d is not None else empty
    d, c = read_top(own, refs, problems)
    if d is None:
        return empty
    values = read_topics(d, c)
    problems.extend(c.problems)
    if d.get("extends") == BUILTIN and builtin.resolve() != own.resolve():
        base_d, base_c = read_top(builtin, [], [])
        if base_d is not None:
            values = merge_topics(read_topics(base_d, base_c), values)
    return values


def _builtin_layout(root: Path) -> RoleLayout:
    """The built-in topics' role lists, for checking role files when a ladder's own
    topics.yaml is unreadable (its problems are reported; these add no new ones)."""
    builtin = builtin_dir() / "topics.yaml"
    topics: dict[str, Topic] = {}
    if builtin.is_file() and builtin.resolve() != (root / "topics.yaml").resolve():
        d, c = read_top(builtin, [], [])
        if d is not None:
            topics = read_topics(d, c)[0]
    return RoleLayout(topics, fallback=True)


def validate(directory: str | os.PathLike | None = None) -> list[Problem]:
    """Every problem in a knowledge base; an empty list means it is clean."""
    try:
        load(directory)
    except KnowledgeError as exc:
        return exc.problems
    return []


def warnings(directory: str | os.PathLike | None = None) -> list[Problem]:
    """What a clean knowledge base still deserves a look at (validate shows them)."""
    try:
        return list(load(directory).warnings)
    except KnowledgeError:
        return []


def _move_warnings(moves, roles: dict[str, Role]) -> list[Problem]:
    """A fact filed as the move into a role (`to: ROLE`) that names neither the role's
    title, its aliases nor its codes describes some other move, or none."""
    out = []
    for file, line, text, to in moves:
        role = roles.get(to)
        if role is None:
            continue
        said = f" {normalise(text)} "
        names = (role.title, role.id.replace("-", " "), *role.aliases, *role.codes)
        names += role.context_aliases
        if not any(f" {normalise(n)} " in said for n in names if normalise(n)):
            out.append(
                Problem(
                    file,
                    line,
                    f"warning: this fact is filed as the move to {to!r} "
                    f"but does not name {role.title!r}",
                )
            )
    return out
