"""An imported ladder whose index page was written before its level headings gained
their codes, with tracks that branch from codes of two schemes (IC n and Manager n).
Written for these tests; no public ladder's sentences."""

from __future__ import annotations

import pytest

from bot.answer.render_text import render_plain
from bot.pipeline import ask
from bot.understand.router import route

from .test_import import import_into

INDEX = """# Our Engineering Ladder

Every path starts with the core levels, then splits.

* [Core path](core.md)
* [Security path](security.md)

## Levels

* **Core**
  * [*Engineer I (IC1):*](core.md#engineer-i) **Learns our stack quickly**, ships small tickets.
  * [*Engineer II (IC 2a):*](core.md#engineer-ii) **Owns one service end to end**.
  * [*Engineer III (IC 3a):*](core.md#engineer-iii) **Shapes fuzzy projects** into plans.
* **Managing**
  * [*Team Lead (Manager 4):*](managing.md#team-lead) **Keeps one team delivering**.
  * [*Engineering Manager (Manager 5):*](managing.md#engineering-manager) **Runs several squads**.
* **Leadership**
  * [*Director (Manager 7):*](managing.md#director) **Sets a department's direction**.
"""

PAGES = {
    "core.md": """# Core path

## Engineer I (IC 1)

- Picks up well-defined tickets and finishes them with guidance.
- Asks for help when stuck for more than 45 minutes.

## Engineer II (IC 2a)

- Breaks medium features into tasks and estimates them.
- Reviews pull requests from newer teammates.

## Engineer III (IC 3a)

- Leads a project of several people from design to launch.
- Writes the technical proposal for a new component.
""",
    "security.md": """# Security path

## Security Analyst (IC 2)

- Watches alerts and raises incidents to the on-call engineer.

## Security Engineer (IC 3)

- Hardens the build pipeline and reviews cloud permissions.

## Head of Information Security (IC 4)

- Writes the incident response plan and rehearses it twice a year.

## Cybersecurity Architect (IC 5)

- Chooses the SIEM and threat-detection stack.
""",
    "technical.md": """# Technical path

## Senior Engineer (IC 4)

**Mentorship:** A senior grows the people around them. They run the interview loop for
backend hires and debrief every candidate. They pair with each new joiner weekly.

- Owns the architecture of a product area.
- Mentors two or more engineers at a time.
- Plans their area's architecture 12-18 months ahead.
""",
    "managing.md": """# Managing path

## Team Lead (Senior Engineer)

- Holds weekly one-to-ones with every engineer on the team.
- Plans the team's sprint with product.
- About 60% direct contributorship.

## Engineering Manager

- Hires for several squads and balances their headcount.

## Director

- Grows the managers who report to them.
""",
    "exec.md": """# Leadership path

## Director (Manager 7)

- Owns the department's yearly budget and its hiring plan.
- Chooses which products the department invests in.
""",
}


@pytest.fixture(scope="module")
def ladder(tmp_path_factory):
    docs = tmp_path_factory.mktemp("index") / "docs"
    docs.mkdir()
    (docs / "README.md").write_text(INDEX)
    for name, text in PAGES.items():
        (docs / name).write_text(text)
    kb, _ = import_into(docs.parent / "kb", docs)
    return kb, {r.title: r for r in kb.roles.values()}


def test_an_index_link_finds_its_level_after_the_heading_gained_a_code(ladder):
    kb, titled = ladder
    # "#engineer-i" was written before the heading became "Engineer I (IC 1)"
    assert titled["Engineer I"].summary.text.startswith("Learns our stack quickly")
    assert titled["Engineer III"].summary.text.startswith("Shapes fuzzy projects")
    # "IC1" in the index is the heading's "IC 1", not a second code
    assert [c for c in titled["Engineer I"].codes if c.replace(" ", "") == "IC1"] == ["IC 1"]
    # the index alone gives the managing levels their codes
    assert "Manager 5" in titled["Engineering Manager"].codes


def test_a_path_branches_from_the_main_track_and_from_its_own_scheme_of_codes(ladder):
    kb, titled = ladder
    branch = {t.title: t.steps[0] for t in kb.tracks if t.steps}
    # IC 4 comes after IC 3a on the core path, not after the security path's IC 3
    assert branch["Technical path"] == (titled["Engineer III"].id,)
    # Manager 7 comes after Manager 5, the highest of its own scheme below it
    assert branch["Leadership path"] == (titled["Engineering Manager"].id,)


@pytest.mark.parametrize(
    "question",
    ["level code for engineer 3?", "the internal level of an engineer III", "eng 3 ic number"],
)
def test_a_level_asked_for_its_code_is_told_where_it_sits(ladder, question):
    kb, titled = ladder
    intent = route(question, kb)
    assert (intent.role, intent.topic) == (titled["Engineer III"].id, "progression")
    assert "IC 3a" in render_plain(ask(question, kb), kb)[:400]


def test_a_level_written_up_on_two_pages_under_one_code_is_one_role_on_both_paths(ladder):
    kb, titled = ladder
    directors = [r for r in kb.roles.values() if r.title == "Director"]
    assert len(directors) == 1
    director = directors[0]
    said = [f.text for path in director.facts for f in director.get(path)]
    assert "Grows the managers who report to them." in said  # the managers' page
    assert any("yearly budget" in s for s in said)  # the leadership page
    on = {t.title for t in kb.tracks if any(director.id in step for step in t.steps)}
    assert {"Managing path", "Leadership path"} <= on
    assert route("what does a director do", kb).role == director.id


def test_a_job_noun_other_titles_end_with_names_no_family(ladder):
    kb, titled = ladder
    numbered = {titled[t].id for t in ("Engineer I", "Engineer II", "Engineer III")}
    # "Engineer" is the stem of Engineer I-III, and also ends Senior and Security Engineer
    assert not any("Engineer" in titled[t].codes for t in ("Engineer I", "Engineer II"))
    for text in ("which eng domains should a senior engineer cover", "eng ladder levels?"):
        assert route(text, kb).role not in numbered, text


def test_a_title_with_its_one_variant_is_asked_about_without_it(ladder):
    kb, titled = ladder
    lead = titled["Team Lead (Senior Engineer)"]
    for text in ("what does a team lead do", "how much of a team lead's time goes to coding"):
        assert route(text, kb).role == lead.id, text
    assert route("what does a senior engineer do", kb).role == titled["Senior Engineer"].id


@pytest.mark.parametrize(
    "question", ["how far ahead should a senior engineer plan", "senior engineer planning horizon?"]
)
def test_how_far_ahead_is_answered_by_the_line_giving_a_time(ladder, question):
    kb, titled = ladder
    assert route(question, kb).role == titled["Senior Engineer"].id
    assert "12-18 months" in render_plain(ask(question, kb), kb)[:300]


def test_how_long_a_report_should_stay_stuck_is_a_question_not_a_request_for_help(ladder):
    kb, titled = ladder
    text = (
        "engineer I on my team keeps grinding on one flaky ticket - "
        "how long should they stay stuck before asking for help"
    )
    intent = route(text, kb)
    assert intent.answered and intent.role == titled["Engineer I"].id
    assert "45 minutes" in render_plain(ask(text, kb), kb)[:300]


@pytest.mark.parametrize(
    "question",
    [
        "how much of a team lead's time goes to coding",
        "team lead hands-on work, % wise?",
        "what percentage of the week does a team lead code",
        "how much IC work does a team lead still do",
        "team lead: how much hands on coding",
    ],
)
def test_how_much_of_their_time_is_answered_by_the_line_giving_a_share(ladder, question):
    kb, titled = ladder
    assert route(question, kb).role == titled["Team Lead (Senior Engineer)"].id
    lines = [line for line in render_plain(ask(question, kb), kb).splitlines() if line.strip()]
    assert "60%" in lines[2], lines[:3]  # after the title and its rule: the answer opens with it


def test_pay_asked_how_much_is_not_a_share(ladder):
    kb, _ = ladder
    assert "60%" not in render_plain(ask("how much does a team lead earn", kb), kb)


def test_security_titles_are_asked_about_as_people_shorten_them(ladder):
    kb, titled = ladder
    head = titled["Head of Information Security"].id
    assert route("what does the head of infosec do", kb).role == head
    assert route("cybersec architect tooling?", kb).role == titled["Cybersecurity Architect"].id


def test_a_paragraph_under_a_lead_in_is_filed_whole_under_one_topic(ladder):
    kb, titled = ladder
    senior = titled["Senior Engineer"]
    where = {
        f.text: path
        for path in senior.facts
        for f in senior.get(path)
        if "interview loop" in f.text or "new joiner" in f.text or "grows the people" in f.text
    }
    assert len(where) == 3 and len(set(where.values())) == 1, where


def test_how_much_time_off_is_no_share(ladder):
    kb, _ = ladder
    text = render_plain(ask("how much time off does a team lead get", kb), kb)
    lines = [line for line in text.splitlines() if line.strip()]
    assert "60%" not in lines[2], lines[:3]  # it does not open with the share line


def test_parallel_pages_of_the_same_levels_stay_apart(tmp_path):
    """Two disciplines' pages with the same titles and codes ("Senior Engineer (L5)" on
    checkout's and on billing's) are two paths, not one level written up twice."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for team, work in (("Checkout", "the payment form"), ("Billing", "the invoice runs")):
        (docs / f"{team.lower()}.md").write_text(
            f"# {team} path\n\n"
            f"## Engineer (L4)\n\n- Ships changes to {work} with review.\n\n"
            f"## Senior Engineer (L5)\n\n- Designs {work} end to end.\n\n"
            f"## Staff Engineer (L6)\n\n- Sets the direction of {work}.\n"
        )
    kb, _ = import_into(tmp_path / "kb", docs)
    seniors = [r for r in kb.roles.values() if r.title.startswith("Senior Engineer")]
    assert len(seniors) == 2
