"""Typed, line-aware reads from a knowledge file, collecting problems instead of raising.

The loader (bot/ladder/knowledge.py) says what each file must hold; this says how a
field is checked and how a problem is worded, once for every file.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .model import Fact
from .yamlfile import LineDict, LineList, Problem

FACT_KEYS = frozenset({"text", "sources"})
FACT_KEYS_WITH_TO = frozenset({"text", "sources", "to"})


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest of choices, or '' when none is close."""
    hint = process.extractOne(word, sorted(choices), scorer=fuzz.ratio, score_cutoff=70)
    return f" (did you mean {hint[0]!r}?)" if hint else ""


class FileChecker:
    """Typed reads from one file's LineDicts, recording problems instead of raising."""

    def __init__(self, file: str, refs: list):
        self.file = file
        self.problems: list[Problem] = []
        self.refs = refs  # (kind, id, file, line) checked once every file is read
        self.moves: list[tuple[str, int, str, str]] = []  # (file, line, text, to) of moves

    def err(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def mapping(self, value, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.err(line, f"{what} must be a mapping, not {kind_of(value)}")
        return None

    def unknown_keys(self, d: LineDict, allowed: set[str] | frozenset[str]) -> None:
        if allowed.issuperset(d):
            return
        for key in d:
            if key not in allowed:
                self.err(d.key_lines[key], f"unknown field {key!r}{did_you_mean(key, allowed)}")

    def text(self, d: LineDict, key: str, required: bool = True) -> str | None:
        if key not in d:
            if required:
                self.err(d.line, f"missing required field {key!r}")
            return None
        value = d[key]
        if not isinstance(value, str) or not value.strip():
            self.err(d.key_lines[key], f"{key!r} must be non-empty text, not {kind_of(value)}")
            return None
        return value.strip()

    def texts(self, d: LineDict, key: str, required: bool = False) -> tuple[str, ...]:
        if key not in d:
            if required:
                self.err(d.line, f"missing required field {key!r}")
            return ()
        value = d[key]
        if not isinstance(value, LineList):
            self.err(d.key_lines[key], f"{key!r} must be a list of text, not {kind_of(value)}")
            return ()
        out = []
        for item, line in zip(value, value.item_lines):
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            else:
                self.err(line, f"items of {key!r} must be non-empty text, not {kind_of(item)}")
        return tuple(out)

    def ref(self, kind: str, ident: str, line: int) -> None:
        self.refs.append((kind, ident, self.file, line))

    def fact(self, value, line: int, what: str, allow_to: bool = False) -> Fact | None:
        d = self.mapping(value, line, what)
        if d is None:
            return None
        self.unknown_keys(d, FACT_KEYS_WITH_TO if allow_to else FACT_KEYS)
        text = self.text(d, "text")
        sources = self.texts(d, "sources", required=True)
        if "sources" in d and not sources and isinstance(d["sources"], LineList):
            self.err(d.key_lines["sources"], f"{what} must cite at least one source")
        for sid in sources:
            self.ref("source", sid, d.key_lines["sources"])
        to = self.text(d, "to", required=False) if allow_to else None
        if to:
            self.ref("role", to, d.key_lines["to"])
            if text:
                self.moves.append((self.file, d.key_lines["to"], text, to))
        if text is None or not sources:
            return None
        return Fact(" ".join(text.split()), sources, to)

    def facts(self, d: LineDict, key: str, allow_to: bool = False) -> tuple[Fact, ...]:
        if key not in d:
            return ()
        value = d[key]
        if not isinstance(value, LineList):
            self.err(d.key_lines[key], f"{key!r} must be a list of facts, not {kind_of(value)}")
            return ()
        found = (
            self.fact(v, ln, f"an item of {key!r}", allow_to)
            for v, ln in zip(value, value.item_lines)
        )
        return tuple(f for f in found if f is not None)

    def entries(self, d: LineDict, key: str, required: bool = True):
        """(mapping, line) for each item of a list of mappings (required by default)."""
        if key not in d and not required:
            return
        if key not in d or not isinstance(d[key], LineList):
            self.err(d.key_lines.get(key, d.line), f"{key!r} must be a list")
            return
        for item, line in zip(d[key], d[key].item_lines):
            entry = self.mapping(item, line, f"an item of {key!r}")
            if entry is not None:
                yield entry, line


def kind_of(value) -> str:
    return {LineDict: "a mapping", LineList: "a list", type(None): "empty"}.get(
        type(value), type(value).__name__
    )
