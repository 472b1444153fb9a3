"""Roles whose names look like what was typed, for did-you-mean buttons. Unlike
route(), this reads a bare name, not a sentence."""

from __future__ import annotations

from ..ladder.model import KnowledgeBase
from .index import build_index
from .normalise import tokens


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
