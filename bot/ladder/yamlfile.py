"""Read a YAML file into plain Python values that remember their line numbers.

We compose with PyYAML's SafeLoader (no arbitrary tags) and build the values
ourselves from the node graph, because that is where line marks live and where
we can refuse what a knowledge file never needs: duplicate keys, custom tags,
recursive aliases and "billion laughs" alias bombs, and very large files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import yaml

MAX_FILE_BYTES = 1_000_000  # the biggest real ladder file is a few KB
MAX_VALUES = 100_000  # values built from one file, aliases counted every time used

_SafeConstructor = yaml.constructor.SafeConstructor
_SCALARS = {
    "tag:yaml.org,2002:str": _SafeConstructor.construct_yaml_str,
    "tag:yaml.org,2002:int": _SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SafeConstructor.construct_yaml_null,
}
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """A knowledge base could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key."""

    line: int = 1
    key_lines: dict


class LineList(list):
    """A sequence that remembers its own line and the line of each item."""

    line: int = 1
    item_lines: list


class _Builder:
    """Builds one file's values; a new one per load, so loads share nothing and any
    number may run at once on different threads."""

    def __init__(self, file: str):
        self.file = file
        self.count = 0
        self.problems: list[Problem] = []
        self._active: set[int] = set()
        # PyYAML's constructor only for its scalar conversions (0x1F, 1e3, yes/no...),
        # through methods that keep nothing; its construct_object would cache each
        # value built, for as long as the constructor lives.
        self._constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.file, node.start_mark.line + 1, message))

    def build(self, node: yaml.Node):
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooBig(node)
        if node.__class__ is yaml.ScalarNode:  # most nodes: no recursion to guard
            return node.value if node.tag == _STR_TAG else self._scalar(node)
        key = id(node)
        if key in self._active:
            self.fail(node, "recursive alias (a value that contains itself)")
            return None
        self._active.add(key)
        try:
            if node.__class__ is yaml.SequenceNode:
                return self._sequence(node)
            return self._mapping(node)
        finally:
            self._active.discard(key)

    def _scalar(self, node: yaml.ScalarNode):
        if node.tag == _TIMESTAMP_TAG:
            return node.value  # an unquoted date is still just text to us
        if node.tag == _STR_TAG:
            return node.value
        construct = _SCALARS.get(node.tag)
        if construct is None:
            self.fail(node, f"unsupported tag {node.tag!r}; knowledge files hold plain values")
            return None
        return construct(self._constructor, node)

    def _sequence(self, node: yaml.SequenceNode) -> LineList | None:
        if node.tag != _SEQ_TAG:
            self.fail(node, f"unsupported tag {node.tag!r}; knowledge files hold plain values")
            return None
        out = LineList()
        out.line = node.start_mark.line + 1
        out.item_lines = []
        for child in node.value:
            out.append(self.build(child))
            out.item_lines.append(child.start_mark.line + 1)
        return out

    def _mapping(self, node: yaml.MappingNode) -> LineDict | None:
        if node.tag != _MAP_TAG:
            self.fail(node, f"unsupported tag {node.tag!r}; knowledge files hold plain values")
            return None
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, "merge keys ('<<') are not supported")
                continue
            key = self.build(key_node)
            if not isinstance(key, str):
                self.fail(key_node, f"keys must be text, not {type(key).__name__}")
                continue
            if key in out:
                self.fail(
                    key_node,
                    f"duplicate key {key!r} (first at line {out.key_lines[key]})",
                )
                continue
            out[key] = self.build(value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out


class _TooBig(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


# libyaml's composer builds the same nodes with the same marks, several times faster
# (it matters for ladders of thousands of roles); pure Python where libyaml is absent.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A fast path: PyYAML keys its implicit resolvers (bool, int, float, null, timestamp,
# merge) by the first character of a plain scalar, so any other first character
# means text. The characters are read from PyYAML's own table when the loader is
# defined; should a PyYAML release drop that table, every scalar takes PyYAML's
# ordinary path (slower, same result), and test_yamlfile.py says so.
_RESOLVERS = getattr(yaml.SafeLoader, "yaml_implicit_resolvers", None)
MAY_BE_TYPED = frozenset(k for k in _RESOLVERS if k) if isinstance(_RESOLVERS, dict) else None


class _Loader(_BASE_LOADER):
    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if MAY_BE_TYPED is not None and implicit[0] and value and value[0] not in MAY_BE_TYPED:
                return _STR_TAG
        elif not getattr(self, "yaml_path_resolvers", None):  # untagged: plain list or mapping
            return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG
        return super().resolve(kind, value, implicit)


_LOADER = _Loader


def read_yaml(path: str, display: str | None = None):
    """Return (value, problems). value is None when the file could not be read."""
    name = display or path
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read file: {exc.strerror or exc}")]
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(name, 1, f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        ]
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read file: {exc.strerror or exc}")]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(name, line, f"YAML syntax error: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, f"YAML error: {exc}")]
    if node is None:
        return None, [Problem(name, 1, "file is empty")]
    builder = _Builder(name)
    try:
        value = builder.build(node)
    except _TooBig as big:
        return None, [
            Problem(
                name,
                big.node.start_mark.line + 1,
                f"too many values (over {MAX_VALUES:,}; an alias bomb?)",
            )
        ]
    return value, builder.problems
