"""Where the knowledge base is: --knowledge DIR, else $KNOWLEDGE_DIR, else the built-in
one; and how paths in its messages are shown."""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path


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


def directory_problem(explicit: str | None = None, env: Mapping[str, str] | None = None):
    """One line naming --knowledge or KNOWLEDGE_DIR and the path as given, when that
    path is not a directory (a configuration mistake, not a problem in a ladder);
    None when it is one, or when neither is set (the built-in ladder)."""
    env = os.environ if env is None else env
    if explicit:
        name, given = "--knowledge", explicit
    elif env.get("KNOWLEDGE_DIR"):
        name, given = "KNOWLEDGE_DIR", env["KNOWLEDGE_DIR"]
    else:
        return None
    path = Path(given)
    if path.is_dir():
        return None
    what = "is not a directory" if path.exists() else "does not exist"
    where = "give" if explicit else "set it to"
    instead = "leave it out" if explicit else "unset it"
    return (
        f"{name} names {given}, which {what}: {where} a knowledge base directory (one "
        f"holding ladder.yaml and roles/), or {instead} to use the built-in ladder."
    )


def display(path: Path) -> str:
    """A path as messages show it: relative to the working directory when inside it,
    else as it was given (an absolute path stays absolute, not ../../path)."""
    text = str(path)
    absolute = os.path.abspath(text)
    cwd = os.getcwd()
    if absolute == cwd or absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, cwd)
    return text
