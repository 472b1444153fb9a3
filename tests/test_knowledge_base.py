"""The built-in knowledge base: clean, sourced, our own words, no invented figures."""

import re

import pytest
import yaml

from bot.ladder import knowledge

from .conftest import ROOT, SEEDS

NO_SEEDS = (
    "needs ../shared/seeds (the source documents the built-in ladder is written from) "
    f"beside the project; not found at {SEEDS}"
)

ROLE_IDS = {
    "backend-engineer",
    "junior",
    "mid",
    "senior",
    "staff",
    "lead",
    "principal",
    "engineering-manager",
    "solutions-architect",
}
TOPIC_IDS = {
    "overview",
    "responsibilities",
    "skills",
    "tools",
    "progression",
    "education",
    "salary",
    "hiring",
    "workflows",
    "impact",
    "compare",
}


def _words(text):
    return re.findall(r"[a-z0-9$%]+", text.lower())


def _all_facts(kb):
    for role in kb.roles.values():
        yield role.summary
        for facts in role.facts.values():
            yield from facts


def test_builtin_is_clean():
    assert knowledge.validate(ROOT / "knowledge") == []


def test_ids_are_exactly_the_agreed_ones(kb):
    assert set(kb.roles) == ROLE_IDS
    assert set(kb.topics) == TOPIC_IDS
    assert {t.id for t in kb.tracks} == {"individual-contributor", "management", "architecture"}
    assert len(kb.sources) == 5


def test_tracks_follow_the_documents(kb):
    tracks = {t.id: t.steps for t in kb.tracks}
    ic = tuple((r,) for r in ("junior", "mid", "senior", "staff", "principal"))
    assert tracks["individual-contributor"] == ic
    # The senior guide gives lead and engineering manager as alternative moves after
    # senior; nothing puts one above the other.
    assert tracks["management"] == (("senior",), ("lead", "engineering-manager"))
    assert kb.next_roles("senior") == ("staff", "lead", "engineering-manager")
    assert kb.previous_roles("senior") == ("mid",)
    assert kb.next_roles("principal") == ()
    assert kb.distance("lead", "engineering-manager") is None
    assert kb.alternatives("lead", "engineering-manager") == ("senior",)


def test_every_fact_cites_a_known_source(kb):
    for fact in _all_facts(kb):
        assert fact.sources and set(fact.sources) <= set(kb.sources)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=NO_SEEDS)
def test_no_sentence_is_copied_from_the_documents():
    """A run of 10 or more words identical to a document counts as copied."""
    seed_runs = set()
    for path in SEEDS.glob("*.txt"):
        w = _words(path.read_text(encoding="utf-8"))
        seed_runs.update(tuple(w[i : i + 10]) for i in range(len(w) - 9))
    copied = []
    for path in sorted((ROOT / "knowledge").rglob("*.yaml")):
        w = _words(path.read_text(encoding="utf-8"))
        copied += [
            (path.name, " ".join(w[i : i + 10]))
            for i in range(len(w) - 9)
            if tuple(w[i : i + 10]) in seed_runs
        ]
    assert copied == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason=NO_SEEDS)
def test_every_figure_appears_in_a_cited_document(kb):
    """Numbers (salaries, percentages, years) are never invented: each is in a cited document."""
    docs = {}
    for path in SEEDS.glob("*.txt"):
        docs[path.name] = path.read_text(encoding="utf-8")
    entries = yaml.safe_load((ROOT / "knowledge" / "sources.yaml").read_text())["sources"]
    by_source = {e["id"]: docs[e["document"]] for e in entries}
    checked = 0
    for fact in _all_facts(kb):
        for figure in re.findall(r"\$?\d[\d,]*%?", fact.text):
            assert any(figure in by_source[s] for s in fact.sources), (figure, fact.text)
            checked += 1
    assert checked >= 5  # the salary range, the 22% outlook and its years are in there


def test_thin_roles_stay_thin_rather_than_invented(kb):
    assert kb.roles["staff"].get("salary") == ()
    assert kb.roles["mid"].get("education") == ()
    assert kb.roles["senior"].get("salary")  # the one documented figure


def test_installed_copy_is_found_without_the_repo(tmp_path, monkeypatch):
    monkeypatch.delenv("KNOWLEDGE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert knowledge.resolve_dir(None) == knowledge.builtin_dir()
    assert (knowledge.builtin_dir() / "ladder.yaml").is_file()
