"""Which of the ladder's own lines name a role, by its title or a level code: "IC 6 /
Manager 5: £94,000" names Engineering Manager (Manager 5). Worked out once per knowledge
base for every role at once - each line's runs of words looked up among the roles'
names - and read by the understanding (which facts lead) and the answers (what the
ladder says of the role asked about).
"""

from __future__ import annotations

import re

from ..text import words
from .model import KnowledgeBase

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
