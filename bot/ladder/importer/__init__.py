"""`ladderbot import PATH... --out DIR`: a knowledge base built from a company's own
documents, in their own words, with no hand edits.

    documents.py   each file read into blocks (markdown.py, html.py, plaintext.py,
                   matrix.py for CSV, XLSX and progression YAML, tables.py for
                   matrices inside a page)
    levels.py      which headings are levels; codes and summaries from index pages
    tracks.py      tracks from the documents' structure and order
    placing.py     facts filed under topics by their headings
    build.py       which headings and pages are levels; the steps below, in order
    roles.py       ids, titles, codes and names of the levels (names.py: the
                   forms people type a title in)
    grouping.py    which levels make a track, in what order
    filing.py      facts under topics, summaries, ladder-wide facts
    draft.py       the ladder being built, as plain data
    writer.py      the YAML files and the review report

The result is written to a folder beside DIR, checked by the loader, and only then
moved into place: bad input leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml

from ..knowledge import load
from ..location import builtin_dir
from ..yamlfile import KnowledgeError
from .build import build
from .documents import SUFFIXES, ImportInputError, read_document
from .placing import Placer, TopicGuesser
from .writer import report, write

__all__ = ["ImportInputError", "import_ladder"]
CONFIG = "import.yaml"  # a maintainer's heading -> topic mapping, beside the documents
LICENCES = {"license", "licence", "copying"}  # LICENSE, LICENSE.md...: listed as not read
REPORT = "import-report.md"  # what an earlier import holds: --force may replace it


def _files(paths: list[Path], out: Path) -> tuple[list[tuple[Path, str]], list[str]]:
    """(file, name relative to what was given) to read, and what was left out (the
    output folder, when it sits among the documents, is not read)."""
    found: list[tuple[Path, str]] = []
    skipped: list[str] = []
    for path in paths:
        if not path.exists():
            raise ImportInputError(f"{path}: no such file or folder")
        if path.is_file():
            found.append((path, path.name))
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and (Path(root) / d).resolve() != out
            )
            for name in sorted(names):
                full = Path(root) / name
                shown = full.relative_to(path).as_posix()
                if name.startswith("."):
                    continue
                if Path(name).stem.lower() in LICENCES or name.lower() == CONFIG:
                    skipped.append(f"{shown} (a licence, or the import's own settings)")
                    continue
                if full.suffix.lower() in SUFFIXES:
                    found.append((full, shown))
                else:
                    skipped.append(f"{shown} (not a kind of document the importer reads)")
    if not found:
        others = [s.split(" (")[0] for s in skipped][:3]
        besides = f"; found only {', '.join(others)}" if others else ""
        raise ImportInputError(
            f"{paths[0]}: no documents to import ({', '.join(SUFFIXES)}){besides}"
        )
    return found, skipped


PLACEABLE = ("facts", "ladder", "overview")  # topics facts can be filed under


def _placer(config: Path | None, builtin) -> Placer:
    placer = Placer(dict(builtin.topics))
    if config is not None:
        try:
            data = yaml.safe_load(config.read_text()) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ImportInputError(f"{config}: cannot read it ({exc})") from None
        from ...text import normalise

        if not isinstance(data, dict):
            raise ImportInputError(f"{config}: expected 'topics:' and 'ignore:' sections")
        known = sorted(t.id for t in builtin.topics.values() if t.answer in PLACEABLE)
        for heading, topic in (data.get("topics") or {}).items():
            if str(topic) not in known:
                raise ImportInputError(
                    f"{config}: '{heading}: {topic}': no topic '{topic}'; use one of "
                    + ", ".join(known)
                )
            placer.overrides[normalise(str(heading))] = str(topic)
        placer.ignored = {normalise(str(h)) for h in data.get("ignore") or ()}
    return placer


def _check_target(target: Path, given: list[Path], force: bool) -> None:
    """--out is a new or empty folder (dot-files such as .git aside), or with --force
    an earlier import (it holds import-report.md); never a file, a link to nothing, the
    documents' folder or one holding them, nor where we stand."""
    if target.is_symlink() and not target.exists():
        raise ImportInputError(f"{target}: a link to a folder that does not exist")
    if target.exists() and not target.is_dir():
        raise ImportInputError(f"{target}: a file; --out takes a folder to write the ladder in")
    out = target.resolve()
    for path in given:
        if path.exists() and path.resolve().is_relative_to(out):
            raise ImportInputError(
                f"{target}: holds the documents being imported ({path}); choose another --out"
            )
    if Path.cwd().resolve().is_relative_to(out):
        raise ImportInputError(f"{target}: the current folder (or one holding it); choose another")
    if not target.exists() or not _visible(out):
        return
    if not force:
        raise ImportInputError(f"{target}: not empty (use --force to replace it)")
    if not (out / REPORT).is_file():
        raise ImportInputError(
            f"{target}: not empty, and not an earlier import (no {REPORT}): --force replaces"
            " only what `ladderbot import` wrote; choose a new folder"
        )


def _visible(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if not p.name.startswith(".")]


def _swap_in(work: Path, out: Path) -> None:
    """The new knowledge base in place of `out`, keeping its dot-files (.git): the old
    one is moved aside first and deleted only once the new one is there."""
    if not out.exists():
        work.rename(out)
        return
    for kept in out.iterdir():
        if kept.name.startswith("."):
            kept.rename(work / kept.name)
    aside = out.with_name(f".{out.name}.replaced")
    shutil.rmtree(aside, ignore_errors=True)
    out.rename(aside)
    work.rename(out)
    shutil.rmtree(aside, ignore_errors=True)


def import_ladder(
    paths: list[str], out: str, force: bool = False, config: str | None = None
) -> tuple[Path, str]:
    """Import, check, and write to `out`; (out, the report). ImportInputError for input
    the importer cannot use; nothing is written then."""
    target = Path(out)
    given = [Path(p) for p in paths]
    _check_target(target, given, force)
    files, skipped = _files(given, target.resolve())
    beside = next((p / CONFIG for p in given if p.is_dir() and (p / CONFIG).is_file()), None)
    builtin = load(builtin_dir())
    placer = _placer(Path(config) if config else beside, builtin)
    documents = [read_document(path, name) for path, name in files]
    ladder = build(documents, placer, TopicGuesser(builtin))
    if not ladder.roles:
        raise ImportInputError(
            f"{given[0]}: no levels found (no headings that name a role or a level code)"
        )
    out = target.resolve()  # a link to a folder: the folder, on its own file system
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".import-", dir=out.parent))
    try:
        write(ladder, work)
        try:
            load(work)
        except KnowledgeError as exc:  # a bug of ours, never the documents' fault:
            # still one line, not a traceback
            first = exc.problems[0]
            raise ImportInputError(
                f"{given[0]}: the importer made a ladder that does not validate (a bug in"
                f" ladderbot, please report it with the documents): {first}"
            ) from None
        _swap_in(work, out)
        text = report(ladder, target, skipped)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return target, text
