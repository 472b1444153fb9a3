"""Roles named in a slash command's argument, and roles whose names look like what
was typed (for did-you-mean buttons). Unlike route(), these read a bare list of
role names, not a sentence."""

from __future__ import annotations

from ..ladder.model import KnowledgeBase
from .index import STOPWORDS, build_index
from .mentions import find_mentions
from .normalise import tokens
from .prepare import prepare


def find_roles(text: str, kb: KnowledgeBase):
    """Roles named in a slash command's argument ("senoir", "sr", "EM"), in order, with
    the corrections made and the words that named no role ("cto").

    Unlike route(), level words need no context here: "/role senior" names a role."""
    index = build_index(kb)
    w = prepare(text, index)
    mentions = find_mentions(w.words, index, w.scores)
    used = {j for m in mentions for j in range(m.start, m.end)}
    leftover = [w.typed[j] for j, x in enumerate(w.words) if j not in used and x not in STOPWORDS]
    return list(dict.fromkeys(m.role for m in mentions)), tuple(w.corrections), leftover


def similar_roles(text: str, kb: KnowledgeBase, limit: int = 3) -> tuple[str, ...]:
    """Role ids whose titles or aliases look most like text, for did-you-mean buttons."""
    from rapidfuzz import fuzz, process

    index = build_index(kb)
    query = " ".join(tokens(text))
    if not query:
        return ()
    names = {" ".join(key): role for key, (role, _) in index.aliases.items()}
    # WRatio copes with partial and reordered names ("engineer senior", "manager eng");
    # these are only suggestions, shown as buttons, so its leniency is what we want.
    hits = process.extract(query, list(names), scorer=fuzz.WRatio, limit=20, score_cutoff=60)
    return tuple(dict.fromkeys(names[name] for name, _, _ in hits))[:limit]
