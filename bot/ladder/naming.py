"""Names in the ladder's lines: which of its own lines name a role, by its title or a
level code ("IC 6 / Manager 5: £94,000" names Engineering Manager, Manager 5), and the
competencies an area's lines open with at several levels ("Influence: ..."). Read by
the understanding (which facts lead, what the ladder can say of an area) and the
answers (what the ladder says of the role or area asked about).
"""

from __future__ import annotations

import re

from ..text import lead_in, words
from .model import Fact, KnowledgeBase, Topic

_CODE_GAP = re.compile(r"(?<=[a-z]) (?=\d)")  # "ic 3" and "ic3" are one code


def says(name: str, text: str) -> bool:
    """`name` as whole words of `text` ("IC 3" or "ic3" in "IC 3: £52,000", not in
    "IC 30")."""
    said = _CODE_GAP.sub("", " ".join(words(name)))
    return bool(said) and f" {said} " in f" {_CODE_GAP.sub('', ' '.join(words(text)))} "


def lines_naming(kb: KnowledgeBase, role_id: str, by_title: bool = False) -> tuple:
    """The ladder-wide lines naming a role (by its title alone, or by a code too), in
    the order filed. Worked out once per knowledge base for every role at once: each
    line's runs of words looked up among all the roles' names."""
    if not kb.ladder_facts:
        return ()
    index = kb._cache.get("lines naming")
    if index is None:
        index = kb._cache["lines naming"] = _naming_index(kb)
    return index.get((role_id, by_title), ())


def index_ladder_lines(kb: KnowledgeBase) -> None:
    """Work out which ladder-wide lines name each role now, not on the first question."""
    lines_naming(kb, next(iter(kb.roles), ""))


def _naming_index(kb: KnowledgeBase) -> dict:
    named: dict[str, list[tuple[str, bool]]] = {}  # a name as said -> (role, is title)
    for role in kb.roles.values():
        for name, is_title in ((role.title, True), *((c, False) for c in role.codes)):
            said = _CODE_GAP.sub("", " ".join(words(name)))
            if said:
                named.setdefault(said, []).append((role.id, is_title))
    longest = max((len(n.split()) for n in named), default=1)
    out: dict[tuple[str, bool], list] = {}
    for facts in kb.ladder_facts.values():
        for f in facts:
            said = _CODE_GAP.sub("", " ".join(words(f.text))).split()
            roles: dict[str, bool] = {}  # role -> named by its title
            for i in range(len(said)):
                for n in range(1, longest + 1):
                    for rid, is_title in named.get(" ".join(said[i : i + n]), ()):
                        roles[rid] = roles.get(rid, False) or is_title
            for rid, by_title in roles.items():
                out.setdefault((rid, False), []).append(f)
                if by_title:
                    out.setdefault((rid, True), []).append(f)
    return {key: tuple(dict.fromkeys(found)) for key, found in out.items()}


def names_role(kb: KnowledgeBase, role_id: str | None, text: str) -> bool:
    """A fact naming a role by its code or title, as whole words: "IC 3" in "IC 3:
    £52,000", not in "IC 30"."""
    role = kb.roles.get(role_id or "")
    if role is None:
        return False
    return any(says(n, text) for n in (*role.codes, role.title) if n)


def areas(kb: KnowledgeBase) -> tuple[str, ...]:
    """The headings the levels' lines are filed under, across the ladder, in the order
    the levels first use them ("Technology, System, People, Process, Influence"): what
    each level is described, and assessed, by."""
    found = kb._cache.get("areas")
    if found is None:
        heading = {}
        for topic in kb.topics.values():
            for spec in topic.fields:  # the company's own heading is added last
                heading[spec.path] = spec.heading
        said: dict[str, None] = {}
        for role_id in kb.ladder_order():
            for path, facts in kb.roles[role_id].facts.items():
                if facts and path in heading and path != "summary":
                    said.setdefault(heading[path], None)
        found = kb._cache["areas"] = tuple(said)
    return found


MAX_COMPETENCIES = 12
COMPETENCY_LINE = 5  # words after the name, at the least, in its typical line: a sentence


def competencies(kb: KnowledgeBase, topic: Topic) -> tuple[tuple[str, ...], tuple[Fact, ...]]:
    """The named competencies a topic's lists hold across the ladder ("Influence: ...",
    "Talent Growth: ..."), in the order the ladder first says them, with one line of
    each (for its sources). A competency heads a line at more than half of the levels
    with lines in those lists, a line that is a sentence and that changes from level
    to level: not a table's row of figures, a label with a short value ("Next up:
    Senior Engineer", "Experience: 2+ years") nor a legend every page repeats ("Min
    Progress: Minimum progress required"). None for a topic not answered from its lists
    (a comparison, the ladder's tracks). Worked out once per knowledge base and lists."""
    if topic.answer != "facts":
        return (), ()
    cache = kb._cache.setdefault("competencies", {})
    key = tuple(topic.paths)
    if key not in cache:
        cache[key] = _competencies(kb, key)
    return cache[key]


def _competencies(kb: KnowledgeBase, paths: tuple[str, ...]):
    levels: dict[str, set[str]] = {}
    lines: dict[str, list[Fact]] = {}
    with_lines = 0
    titles = {r.title for r in kb.roles.values()}
    for role in kb.roles.values():
        facts = [f for path in paths for f in role.get(path)]
        with_lines += bool(facts)
        for fact in facts:
            name = lead_in(fact.text)
            if name and name not in titles:
                levels.setdefault(name, set()).add(role.id)
                lines.setdefault(name, []).append(fact)

    def sentence(fact: Fact, name: str) -> bool:
        return len(fact.text[len(name) + 1 :].split()) >= COMPETENCY_LINE

    names = tuple(
        n
        for n, at in levels.items()
        if len(at) >= 2
        and len(at) * 2 > with_lines
        and len({f.text for f in lines[n]}) > 1  # the same line everywhere: a legend
        and sum(sentence(f, n) for f in lines[n]) * 2 > len(lines[n])
    )
    if len(names) < 2:  # one name alone is a field every level fills ("Experience")
        return (), ()
    return names, tuple(lines[n][0] for n in names)
