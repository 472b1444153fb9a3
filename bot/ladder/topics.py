"""Read topics.yaml: the one registry of what people ask about.

Each topic names how it is answered (`answer`), the role fields it reads
(`fields`: path -> heading), the phrases that signal it, and example questions the
router's topic model is fitted on. Routing, composing and validation all read this
registry, so a company adds a topic (say `on-call`, reading an `on_call` list in
its role files) with no code change.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..text import normalise
from .model import ANSWER_KINDS, FieldSpec, Topic
from .schema import FileChecker, did_you_mean
from .yamlfile import LineDict, LineList

_TOPIC_KEYS = {
    "id",
    "title",
    "answer",
    "fields",
    "phrases",
    "weak_phrases",
    "examples",
    "compares",
    "duty_over",
}
_FILE_KEYS = {
    "default_topic",
    "domain_terms",
    "topics",
    "out_of_scope",
    "synonyms",
    "extends",
    "add_fields",
    "add_phrases",
}
BUILTIN = "builtin"  # `extends: builtin`: this file adds to (or replaces) the built-in topics
_PATH = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")
# Kinds of answer a ladder has at most one topic for: the router asks for "the"
# comparison topic, "the" ladder topic.
_SINGLE_KINDS = ("overview", "ladder", "compare")


def _fields(c: FileChecker, entry: LineDict) -> tuple[FieldSpec, ...]:
    if "fields" not in entry:
        return ()
    d = c.mapping(entry["fields"], entry.key_lines["fields"], "'fields'")
    if d is None:
        return ()
    out = []
    for path, heading in d.items():
        line = d.key_lines[path]
        if not _PATH.match(path):
            c.err(line, f"field {path!r} must be a lower-case name, or two joined by '.'")
        elif not isinstance(heading, str) or not heading.strip():
            c.err(line, f"field {path!r} needs a heading (text), e.g. {path}: Responsibilities")
        else:
            out.append(FieldSpec(path, heading.strip()))
    return tuple(out)


MERGED_WORDS = 20  # an example this long with " - " inside is several, mis-indented


def _examples(c: FileChecker, entry: LineDict, key: str, seen: dict, owner: str):
    """Example questions, each checked for words and for being claimed only once."""
    found = c.texts(entry, key)
    if not found:
        return found
    items = entry[key]
    for text, line in zip(items, items.item_lines):
        if not isinstance(text, str) or not text.strip():
            continue  # c.texts reported it
        norm = normalise(text)
        if len(norm.split()) < 1:
            c.err(line, f"example {text!r} has no words")
        elif " - " in text and len(norm.split()) > MERGED_WORDS:
            # "- a\n    - b" indented too far is one plain scalar, "a - b": the model
            # would learn one long question instead of several.
            c.err(
                line,
                "example runs into the next one: check the indentation of the '- ' below it",
            )
        elif norm in seen and seen[norm][0] != owner:
            c.err(
                line,
                f"example {text!r} is also listed under {seen[norm][0]} (line {seen[norm][1]})",
            )
        elif norm in seen:
            c.err(line, f"duplicate example {text!r} (first at line {seen[norm][1]})")
        else:
            seen[norm] = (owner, line)
    return found


def _repeated_phrases(c: FileChecker, entry: LineDict, keys: tuple[str, ...]) -> None:
    """A phrase listed twice in one topic ("job scope" in phrases and again later) is
    reported: the second copy does nothing, and usually means a list was edited twice."""
    seen: dict[str, str] = {}
    for key in keys:
        for item in entry.get(key) or ():
            if isinstance(item, str) and item.strip():
                # "..." is a gap: "hard ... to find" is not "hard to find"
                norm = " ".join("..." if w == "..." else normalise(w) for w in item.split())
                if norm in seen:
                    c.err(entry.key_lines[key], f"phrase {item!r} is listed twice ({seen[norm]})")
                else:
                    seen[norm] = key


def _synonyms(c: FileChecker, d: LineDict) -> tuple[tuple[str, ...], ...]:
    raw = d.get("synonyms")
    if raw is None:
        return ()
    if not isinstance(raw, LineList):
        c.err(d.key_lines["synonyms"], "'synonyms' must be a list of word lists")
        return ()
    groups = []
    for item, line in zip(raw, raw.item_lines):
        if (
            not isinstance(item, LineList)
            or len(item) < 2
            or not all(isinstance(w, str) and w.strip() for w in item)
        ):
            c.err(line, "a synonym group must list two or more words, e.g. [mentor, coach]")
            continue
        groups.append(tuple(w.strip() for w in item))
    return tuple(groups)


def read_topics(d: LineDict, c: FileChecker):
    """(topics, default_topic, domain_terms, out_of_scope, synonyms, added fields) from
    topics.yaml's mapping; problems go to the checker. Added fields (`add_fields`) are
    lists topics this file does not define also read (merge_topics applies them)."""
    c.unknown_keys(d, _FILE_KEYS)
    extends = c.text(d, "extends", required=False)
    if extends is not None and extends != BUILTIN:
        c.err(d.key_lines["extends"], f"'extends' must be {BUILTIN!r}, not {extends!r}")
    default_topic = c.text(d, "default_topic", required=extends is None) or ""
    domain_terms = c.texts(d, "domain_terms")
    topics: dict[str, Topic] = {}
    topic_lines: dict[str, int] = {}
    examples_seen: dict[str, tuple[str, int]] = {}
    path_owner: dict[str, tuple[str, int]] = {}
    for entry, line in c.entries(d, "topics", required=extends is None):
        c.unknown_keys(entry, _TOPIC_KEYS)
        tid, title = c.text(entry, "id"), c.text(entry, "title")
        answer = c.text(entry, "answer", required=False) or "facts"
        if answer not in ANSWER_KINDS:
            c.err(
                entry.key_lines["answer"],
                f"unknown answer kind {answer!r}{did_you_mean(answer, ANSWER_KINDS)}; "
                f"one of: {', '.join(ANSWER_KINDS)}",
            )
            answer = "facts"  # check the rest as the usual kind
        fields = _fields(c, entry)
        if answer in ("facts", "ladder") and not fields and "fields" not in entry:
            c.err(line, f"topic {tid!r} needs 'fields': the role lists it answers from")
        for spec in fields if answer in ("facts", "ladder") else ():
            # A list may be read by several topics ("communication" under skills and
            # under a communication topic of its own); it is one list in role files.
            path_owner.setdefault(spec.path, (tid or "?", entry["fields"].key_lines[spec.path]))
        phrases = c.texts(entry, "phrases")
        weak = c.texts(entry, "weak_phrases")
        _repeated_phrases(c, entry, ("phrases", "weak_phrases"))
        examples = _examples(c, entry, "examples", examples_seen, f"topic {tid!r}")
        compares = c.texts(entry, "compares", required=answer == "compare")
        duty_over = c.texts(entry, "duty_over", required=False)
        if tid in topics:
            c.err(line, f"duplicate topic id {tid!r} (first at line {topic_lines[tid]})")
        elif tid and title:
            topics[tid] = Topic(
                tid, title, answer, fields, phrases, weak, examples, compares, duty_over
            )
            topic_lines[tid] = line
    for kind in _SINGLE_KINDS:
        same = [t for t in topics.values() if t.answer == kind]
        for extra in same[1:]:
            c.err(
                topic_lines[extra.id],
                f"topic {extra.id!r}: only one topic may be answered as {kind!r} "
                f"({same[0].id!r} already is)",
            )
    for topic in topics.values():
        for key, others in (("compares", topic.compares), ("duty_over", topic.duty_over)):
            for other in others:
                if other not in topics and extends is None:
                    verb = "compares" if key == "compares" else "has duty_over"
                    c.err(
                        topic_lines[topic.id],
                        f"topic {topic.id!r} {verb} unknown topic {other!r}"
                        f"{did_you_mean(other, topics)}",
                    )
    # Paths that are both a list and a parent of nested lists cannot both exist.
    for path in path_owner:
        if "." in path and path.split(".")[0] in path_owner:
            c.err(
                path_owner[path][1],
                f"field {path!r} sits under {path.split('.')[0]!r}, which is a list of its own",
            )
    out_of_scope = _examples(c, d, "out_of_scope", examples_seen, "out_of_scope")
    if "add_fields" in d and extends is None:
        c.err(d.key_lines["add_fields"], "'add_fields' needs 'extends: builtin'")
    added = _added_fields(c, d) if "add_fields" in d else {}
    for tid, extra in added.items():
        if tid in topics:  # this file's own topics take them here; built-in ones when merged
            topics[tid] = replace(topics[tid], fields=topics[tid].fields + extra)
    if "add_phrases" in d and extends is None:
        c.err(d.key_lines["add_phrases"], "'add_phrases' needs 'extends: builtin'")
    for tid, extra in (_added_phrases(c, d) if "add_phrases" in d else {}).items():
        added[PHRASES + tid] = extra  # laid over the built-in topic by merge_topics
    if default_topic and default_topic not in topics and topics and extends is None:
        c.err(
            d.key_lines["default_topic"],
            f"unknown topic {default_topic!r}{did_you_mean(default_topic, topics)}",
        )
    return topics, default_topic, domain_terms, out_of_scope, _synonyms(c, d), added


def _added_fields(c: FileChecker, d: LineDict) -> dict[str, tuple[FieldSpec, ...]]:
    """`add_fields: {skills: {communication: Communication}}`: lists a built-in topic
    also reads, so a company's competencies show under skills with no copy of it."""
    group = c.mapping(d["add_fields"], d.key_lines["add_fields"], "'add_fields'")
    out: dict[str, tuple[FieldSpec, ...]] = {}
    for tid, value in (group or {}).items():
        entry = LineDict(fields=value)
        entry.key_lines = {"fields": group.key_lines[tid]}
        out[tid] = _fields(c, entry)
    return out


PHRASES = "phrases:"  # in the added mapping: phrases for a built-in topic, not fields


def _added_phrases(c: FileChecker, d: LineDict) -> dict[str, tuple[str, ...]]:
    """`add_phrases: {tools: [technology, tech]}`: words a company's questions use for a
    built-in topic (its competency heading "Technology" filed under tools)."""
    group = c.mapping(d["add_phrases"], d.key_lines["add_phrases"], "'add_phrases'")
    out: dict[str, tuple[str, ...]] = {}
    for tid, value in (group or {}).items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            c.err(group.key_lines[tid], f"'add_phrases' of {tid!r} must be a list of phrases")
            continue
        out[tid] = tuple(v.strip() for v in value if v.strip())
    return out


def merge_topics(base: tuple, own: tuple) -> tuple:
    """A ladder's topics.yaml that `extends: builtin`, laid over the built-in one: its
    topics replace built-in ones with the same id and the rest follow; its default
    topic wins if it gives one; domain terms, traps and synonym groups add up."""
    topics = {**base[0]}
    for tid, topic in own[0].items():
        topics[tid] = topic
    for key, extra in own[5].items():
        if key.startswith(PHRASES):
            tid = key[len(PHRASES) :]
            if tid in topics:
                fresh = tuple(p for p in extra if p not in topics[tid].phrases)
                topics[tid] = replace(topics[tid], phrases=topics[tid].phrases + fresh)
            continue
        tid = key
        if tid in topics and tid not in own[0]:
            # a list the topic reads already keeps its place under the company's heading
            theirs = {f.path: f for f in extra}
            known = tuple(theirs.get(f.path, f) for f in topics[tid].fields)
            fresh = tuple(f for f in extra if f not in known)
            topics[tid] = replace(topics[tid], fields=known + fresh)
    default_topic = own[1] or base[1]
    domain = tuple(dict.fromkeys(base[2] + own[2]))
    out_of_scope = tuple(dict.fromkeys(base[3] + own[3]))
    synonyms = tuple(dict.fromkeys(base[4] + own[4]))
    return topics, default_topic, domain, out_of_scope, synonyms, {}
