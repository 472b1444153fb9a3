"""`ladderbot import`: a knowledge base from a company's own documents, with no hand
edits. Public ladders are read from ../shared at run time (never copied); small
ladders in every format are written here by the tests themselves."""

from __future__ import annotations

import csv
import filecmp
from pathlib import Path

import pytest
import yaml

from bot.answer.compose import compose
from bot.answer.render_text import render_plain
from bot.ladder import knowledge
from bot.pipeline import ask
from bot.understand.router import route, understand

from .conftest import ROOT, run_bot

SHARED = ROOT.parent / "shared"
LADDERS = SHARED / "ladders"
needs_shared = pytest.mark.skipif(
    not (LADDERS / "engineeringladders").is_dir() or not (SHARED / "seeds").is_dir(),
    reason=f"needs ../shared/ladders and ../shared/seeds (the public ladders) beside the "
    f"project; {LADDERS} not found",
)


def imported(out: Path) -> tuple[knowledge.KnowledgeBase, dict]:
    kb = knowledge.load(out)
    roles = {p.stem: yaml.safe_load(p.read_text()) for p in (out / "roles").glob("*.yaml")}
    return kb, roles


def import_into(out: Path, source: Path) -> tuple[knowledge.KnowledgeBase, dict]:
    """`ladderbot import SOURCE --out OUT`, which must succeed, and what it wrote."""
    result = run_bot("import", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return imported(out)


@pytest.fixture(scope="module")
def ft_both(tmp_path_factory) -> knowledge.KnowledgeBase:
    """The FT's engineering and operations frameworks imported together, once for the
    tests that only read them."""
    out = tmp_path_factory.mktemp("ft") / "kb"
    return import_into(out, LADDERS / "ft-engineering-progression")[0]


@pytest.fixture(scope="module")
def el_ladder(tmp_path_factory) -> knowledge.KnowledgeBase:
    """engineeringladders imported, once for the tests that only read it."""
    out = tmp_path_factory.mktemp("el") / "kb"
    return import_into(out, LADDERS / "engineeringladders")[0]


def import_page(tmp_path: Path, name: str, text: str) -> knowledge.KnowledgeBase:
    """One page written for a test, imported, and the knowledge base it makes."""
    (tmp_path / name).write_text(text)
    return import_into(tmp_path / "kb", tmp_path / name)[0]


def ladder_lines(kb: knowledge.KnowledgeBase) -> list[str]:
    """The texts of the ladder's own (ladder-wide) facts."""
    return [f.text for facts in kb.ladder_facts.values() for f in facts]


def write_two_levels(docs: Path) -> Path:
    """A folder with a page each for Engineer I and Engineer II (and room for more)."""
    docs.mkdir()
    for n, title in enumerate(["Engineer I", "Engineer II"], 1):
        (docs / f"e{n}.md").write_text(f"# {title}\n\n## Impact\n\n- Ships work of size {n}.\n")
    return docs


DESIGN_TRACK = (
    "# Design\n\n## Junior Designer\n\n- Polishes screens others have designed.\n\n"
    "## Designer\n\n- Owns the design of a whole feature, start to finish.\n"
)


def import_with_design(tmp_path: Path, engineering: str) -> knowledge.KnowledgeBase:
    """A design track and the engineering page given, imported together."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "design.md").write_text(DESIGN_TRACK)
    (docs / "engineering.md").write_text(engineering)
    return import_into(tmp_path / "kb", docs)[0]


@needs_shared
@pytest.mark.parametrize(
    ("source", "at_least"),
    [
        ("ladders/engineeringladders", 18),
        ("ladders/ft-engineering-progression/engineering.yml", 8),
        # two frameworks whose titles collide ("Senior Engineer 2" in both)
        ("ladders/ft-engineering-progression", 11),  # 8 + 3 levels
        ("seeds", 4),
    ],
)
def test_the_public_ladders_import_and_validate(tmp_path, source, at_least):
    out = tmp_path / "kb"
    result = run_bot("import", str(SHARED / source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert run_bot("validate", str(out)).returncode == 0
    kb, _ = imported(out)
    assert len(kb.roles) >= at_least
    assert (out / "import-report.md").read_text().startswith("# Import report")


@needs_shared
def test_importing_twice_gives_the_same_files(tmp_path):
    source = str(LADDERS / "engineeringladders")
    assert run_bot("import", source, "--out", str(tmp_path / "a")).returncode == 0
    assert run_bot("import", source, "--out", str(tmp_path / "b")).returncode == 0
    compared = filecmp.dircmp(tmp_path / "a", tmp_path / "b")
    assert not compared.diff_files and not compared.left_only and not compared.right_only
    roles = filecmp.dircmp(tmp_path / "a" / "roles", tmp_path / "b" / "roles")
    assert not roles.diff_files and not roles.left_only


@needs_shared
def test_an_imported_framework_reads_its_codes_tracks_and_competencies(tmp_path):
    out = tmp_path / "kb"
    kb, roles = import_into(out, LADDERS / "engineeringladders")
    assert "D3" in roles["d3"]["codes"] and roles["tl5"]["title"] == "Tech Lead 5"
    tech = next(t for t in kb.tracks if t.title == "Tech Lead")
    assert tech.steps[0] == ("d3",)  # the track starts one level below TL4
    # a lead-in the framework defines ("Mentors" is one of the People levels)
    assert "Mentors" in " ".join(f.text for f in kb.roles["d4"].get("people"))
    assert route("does a D4 mentor others", kb).role == "d4"
    assert "mentors others" in render_plain(ask("does a D4 mentor others", kb), kb)
    # compared: what both levels share once, the higher level's own first
    answer = ask("whats the difference between d6 and d7", kb)
    changes, only_higher = answer.sections[:2]
    assert changes.lines[0] == "Developer 7 is 1 step above Developer 6."
    assert changes.lines[1].startswith("Both: \u201cMentors\u201d")
    assert only_higher.heading == "Only Developer 7"
    # a comparison that asks something only one of them holds is about that one
    intent = route("D4 vs D5: who defines the system's SLAs?", kb)
    assert (intent.role, intent.other_role) == ("d5", "d4")
    assert "defines its SLAs" in ask("D4 vs D5: who defines the system's SLAs?", kb).intro
    # ...or offers two as alternatives; a family's name ("EM") is all of its levels
    for text in (
        "who owns promotions and career planning, TL or EM",
        "is career planning the EM's job or the tech lead's",
    ):
        assert route(text, kb).role.startswith("em"), text
    assert "D6" in route("how wide is a D6's impact", kb).role.upper()  # possessive code
    # "which levels": the first whose facts say so, and the others that do too
    answer = ask("which developer levels are expected to mentor others?", kb)
    assert answer.intent.role == "d4" and answer.intent.holders[:2] == ("d4", "d5")
    assert answer.intro.startswith("(First at Developer 4;")
    # what pages outside any level say, about the ladder itself ("Managing Managers")
    assert "about-the-ladder" in kb.topics and kb.ladder_facts.get("about_the_ladder")
    answer = ask("how do I assess the managing skills of managers of managers", kb)
    assert answer.intent.role == "ladder" and "Assessing managers" in render_plain(answer, kb)


@needs_shared
def test_numbered_and_qualified_titles_are_asked_about_as_people_type_them(tmp_path):
    out = tmp_path / "kb"
    source = LADDERS / "ft-engineering-progression" / "engineering.yml"
    kb, _ = import_into(out, source)
    said = {
        "what does a senior 1 do": "senior-engineer-1",  # the title without its noun
        "SE1 responsibilities": "senior-engineer-1",  # initials and number
        "planning for a senior 2 ic": "senior-engineer-2-individual-contributor",
        "sr eng 2 people manager skills": "senior-engineer-2-people-manager",
        "what does a principal ic do": "principal-engineer-individual-contributor",
        "tech director duties": "technology-director",  # shortened words
    }
    for text, role in said.items():
        assert route(text, kb).role == role, text
    # a track named in the question's words, shortened or not, settles a shared name
    assert route("senior engineer 2 on the IC track, what about planning", kb).role == (
        "senior-engineer-2-individual-contributor"
    )
    # the bare family name is asked about, not guessed
    assert set(route("what does a senior engineer 2 do", kb).choices) == {
        "senior-engineer-2-individual-contributor",
        "senior-engineer-2-people-manager",
    }


@needs_shared
def test_a_title_two_frameworks_share_is_settled_by_what_only_one_of_them_has(ft_both):
    # the FT's engineering and operations frameworks both have a "Senior Engineer 1"
    kb = ft_both
    engineering, operations = "engineering-senior-engineer-1", "operations-senior-engineer-1"
    # only the engineering one has a planning competency, whatever the wording
    for text in ("SE1 planning expectations", "how should a senior engineer 1 plan and organise"):
        assert route(text, kb).role == engineering, text
    # the ops track named outright, beside a word that is another track's in another form
    assert route("ops SE1 incident management expectations", kb).role == operations
    # the track's name before a role qualifies it; it is not a thing asked for ("Ops")
    for text in ("ops engineer here, what tooling am I meant to know", "ops engineer tools?"):
        answer = ask(text, kb)
        assert answer.intent.role == "operations-engineer", text
        assert "Heroku" in render_plain(answer, kb), text
    # topics only one of each points at: asked which, whatever the order they come in
    text = "SE1 expectations for delivery and planning and organising"
    assert set(route(text, kb).choices) == {engineering, operations}
    # nothing settles it: asked which, the choices told apart by their track
    text = "what does a senior engineer 1 do"
    intent = route(text, kb)
    assert set(intent.choices) == {engineering, operations}
    answer = compose(intent, kb, text)
    assert answer.sections[0].lines == (
        "Senior Engineer 1 (Engineering)",
        "Senior Engineer 1 (Operations)",
    )


@needs_shared
def test_of_two_topics_named_alike_the_one_the_role_has_facts_under(ft_both):
    # FT's operations framework has "Leadership", its engineering one "Leadership of
    # Self and Others": a junior engineer (engineering only) has the second
    kb = ft_both
    for text in (
        "leadership at junior level??",
        "what leadership is expected of a junior engineer",
        "junior engineer leadership",
    ):
        intent = route(text, kb)
        assert (intent.role, intent.topic) == (
            "junior-engineer",
            "leadership-of-self-and-others",
        ), text
    # ...and a move weighed on it
    intent = route("going from junior engineer to engineer, how does leadership change?", kb)
    assert intent.topic == "leadership-of-self-and-others"
    # a competency's one word, shortened as people type it: "tech" for "Technical"
    assert route("principal IC tech expectations?", kb).topic == "technical"


@needs_shared
def test_a_list_named_by_its_heading_leads_over_a_line_elsewhere_sharing_its_words(ft_both):
    # "problem solving" is the heading of a competency list (filed under a topic of
    # another title); a line in another competency says "solving problems"
    kb = ft_both
    lists = {spec.path: spec.heading for t in kb.topics.values() for spec in t.fields}
    for text in ("SE1 problem solving", "problem solving expectations for a senior engineer 1"):
        intent = route(text, kb)
        assert intent.role == "engineering-senior-engineer-1", text
        led = intent.facts[0].path if intent.facts else kb.topics[intent.topic].paths[0]
        assert "Problem Solving" in lists[led], (text, led)


@needs_shared
def test_a_competencys_proficiency_at_a_level_is_imported_and_asked_for(ft_both):
    # each FT competency states the proficiency a level is expected to have
    junior = ft_both.roles["junior-engineer"]
    said = [f.text for path in junior.facts for f in junior.get(path)]
    assert any(text.startswith("Proficiency: ") for text in said)
    answer = render_plain(ask("junior engineer communication proficiency?", ft_both), ft_both)
    assert "Proficiency: " in answer[:400]


@needs_shared
def test_no_role_named_in_words_the_ladder_never_uses_is_declined_however_a_line_matched(
    ft_both,
):
    # "roadmap" is in a director's line; the rest is about a garden: the answer would
    # have been that director's, picked for the line it leads with
    for text in ("which roadmap app is best for planning my garden",):
        assert not route(text, ft_both).answered, text
    assert route("what roadmap work does a technology director own", ft_both).answered


@needs_shared
def test_a_question_citing_the_ladder_is_answered_from_it_and_a_ladder_to_climb_is_not(
    el_ladder,
):
    kb = el_ladder
    for text in (
        "which relationships do managers usually neglect according to the ladder",
        "which relationships do managers neglect, according to the ladder?",
        "why is there no level 8 in the ladder",
    ):
        assert route(text, kb).answered, text
    for text in (
        "can someone bring the ladder to the office",
        "is the ladder in the storage room safe to climb",
        "what's the ladder safety training requirement for the warehouse crew",
    ):
        assert not route(text, kb).answered, text


@needs_shared
def test_a_family_asked_what_it_does_is_told_what_its_page_says_of_it(el_ladder):
    # "Technical Program Manager" names TPM4-TPM7; its page opens with what the role is
    kb = el_ladder
    said = "Role responsible for coordinating and driving to completion initiatives"
    for text in (
        "whats a technical program manager actually responsible for",
        "what does a technical program manager do?",
    ):
        answer = ask(text, kb)
        assert answer.intent.family and said in answer.intro, text
    # a level asked by its code is that level's answer, without the family's line
    assert said not in ask("tpm5 salary", kb).intro


@needs_shared
def test_a_familys_name_beside_its_levels_codes_and_its_top_level(el_ladder):
    kb = el_ladder
    # "dev" names D1-D7; beside "D4" it only says which D4 is meant
    assert route("sr dev D4 people axis?", kb).role == "d4"
    assert route("sr dev D4 -> D5, what changes on the system axis", kb).role in ("d4", "d5")
    # the family's top level, or its first
    assert route("people axis for the highest dev level", kb).role == "d7"
    assert route("what do top developers do differently", kb).role != "d7"  # the best
    assert route("what does the first tech lead level do", kb).role == "tl4"
    # ...and "dev" before a place to work is development, no developer's level
    for text in ("which python version should our dev env use", "the dev server is down again"):
        assert not route(text, kb).answered, text


@needs_shared
def test_the_areas_every_level_is_assessed_by_are_named(ft_both, el_ladder, kb):
    ft, el = ft_both, el_ladder
    for text in ("what competency themes are we assessed on", "which areas are we rated on?"):
        answer = ask(text, ft)
        assert answer.intent.areas, text
        shown = render_plain(answer, ft)
        assert "Planning and Organising" in shown and "Team Work" in shown, text
    assert ask("what axes are people rated on in the radar charts", el).intent.areas
    for text in ("which areas of the city are safe", "what categories of expenses are there"):
        assert not route(text, kb).answered, text


# --- each format, written by the tests ----------------------------------------------

README = """# Engineering at Northwind

Our ladder has three paths.

* **Core**
  * [*Engineer I (IC 1):*](core.md#engineer-i) **Learns the ropes.** Ships small changes.
  * [*Engineer II (IC 2):*](core.md#engineer-ii) **Owns a feature.** Plans work.
* **Technical**
  * [*Senior Engineer (IC 3):*](technical.md#senior-engineer) **Owns a product area.**
* **Management**
  * [*Team Lead (IC 3):*](management.md#team-lead) **Runs a team.** Holds one to ones.

## Pay Equity

Every level has a salary band, and raises within a band follow performance reviews.

## Promotions

A promotion follows six months of working at the next level.
"""
CORE = """# Core

## Engineer I

Engineer I builds well-defined features with help.

### Technical Skills

* Writes tests for every change.
* **Debugging:** fixes bugs in the services the team owns.

### Communication

* Asks for help early.

## Engineer II

Engineer II owns features end to end.

### Technical Skills

* Designs features that take a few weeks.

### Communication

* Writes short design notes before larger changes.
"""
TECHNICAL = """# Technical

## Senior Engineer

A Senior Engineer sets technical direction for a product area.

### Technical Skills

* Reviews the designs of the whole area.

### Communication

* Presents technical plans to leadership.
"""
MANAGEMENT = """# Management

## Team Lead

A Team Lead runs one team day to day.

### Communication

* Holds regular one to ones with every engineer.
"""


def write_markdown_ladder(folder: Path) -> Path:
    folder.mkdir()
    for name, text in (
        ("readme.md", README),
        ("core.md", CORE),
        ("technical.md", TECHNICAL),
        ("management.md", MANAGEMENT),
    ):
        (folder / name).write_text(text)
    return folder


def test_a_markdown_ladder_of_several_pages(tmp_path):
    out = tmp_path / "kb"
    kb, roles = import_into(out, write_markdown_ladder(tmp_path / "docs"))
    assert {r.title for r in kb.roles.values()} == {
        "Engineer I",
        "Engineer II",
        "Senior Engineer",
        "Team Lead",
    }
    senior = next(r for r in kb.roles.values() if r.title == "Senior Engineer")
    lead = next(r for r in kb.roles.values() if r.title == "Team Lead")
    assert "IC 3" in senior.codes and "IC 3" in lead.codes  # a code two paths share
    assert senior.summary.text.startswith("A Senior Engineer sets technical direction")
    assert senior.get("responsibilities")[0].text == "Owns a product area."  # the index's
    # competencies shared by most levels are topics; facts keep their own words
    assert "communication" in kb.topics
    assert any("design notes" in f.text for f in kb.roles["ic-2"].get("communication"))
    # the pages' order and the branch: Technical and Management start after Engineer II
    technical = next(t for t in kb.tracks if t.title == "Technical")
    assert technical.steps == (("ic-2",), (senior.id,))
    # ladder-wide sections, and "IC 3" asked about gets the bot asking which
    assert any("salary band" in f.text for f in kb.ladder_facts["salary"])
    intent = route("what does an IC 3 do", kb)
    assert set(intent.choices) == {senior.id, lead.id}
    assert "six months" in render_plain(ask("how do promotions work", kb), kb)


def test_html_exports_with_details_sections(tmp_path):
    page = """<html><body><h1>Careers</h1><h2>Engineering</h2>
    <details><summary>Junior Engineer</summary><div><h3>What you do</h3>
    <ul><li><strong>Delivery:</strong> ships small tasks with support</li></ul></div></details>
    <details><summary>Senior Engineer</summary><div><h3>What you do</h3>
    <ul><li><strong>Delivery:</strong> leads projects across teams</li></ul>
    <table><tr><th>Area</th><th>Expectation</th></tr><tr><td>Mentoring</td>
    <td>coaches two engineers</td></tr></table></div></details></body></html>"""
    (tmp_path / "careers.html").write_text(page)
    out = tmp_path / "kb"
    kb, _ = import_into(out, tmp_path / "careers.html")
    senior = next(r for r in kb.roles.values() if r.title == "Senior Engineer")
    texts = [f.text for facts in senior.facts.values() for f in facts]
    assert "Delivery: leads projects across teams" in texts
    assert "Mentoring: coaches two engineers" in texts


def test_csv_and_xlsx_competency_matrices(tmp_path):
    rows = [
        ["Competency", "Associate", "Engineer", "Senior Engineer"],
        ["Communication", "Shares progress", "Writes design notes", "Leads design reviews"],
        ["Testing", "Writes unit tests", "Owns a test plan", "Sets the testing strategy"],
    ]
    with open(tmp_path / "matrix.csv", "w", newline="") as f:
        csv.writer(f).writerows(rows)
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "matrix.xlsx")
    for name in ("matrix.csv", "matrix.xlsx"):
        out = tmp_path / f"kb-{name}"
        result = run_bot("import", str(tmp_path / name), "--out", str(out))
        assert result.returncode == 0, result.stderr
        kb, _ = imported(out)
        assert [kb.roles[r].title for r in kb.ladder_order()] == [
            "Associate",
            "Engineer",
            "Senior Engineer",
        ]
        senior = next(r for r in kb.roles.values() if r.title == "Senior Engineer")
        assert [f.text for f in senior.get("communication")] == ["Leads design reviews"]


def test_titles_of_two_or_three_words_are_asked_about_by_their_initials(tmp_path):
    docs = write_markdown_ladder(tmp_path / "docs")
    out = tmp_path / "kb"
    kb, roles = import_into(out, docs)
    titled = {r.title: r for r in kb.roles.values()}
    for title, role in titled.items():
        words = title.split()
        if 2 <= len(words) <= 3 and all(w.isalpha() and len(w) > 2 for w in words):
            initials = "".join(w[0] for w in words).upper()
            assert initials in role.codes, title
    assert route("what does a TL own day to day", kb).role == titled["Team Lead"].id


def test_a_title_with_of_is_asked_about_without_it(tmp_path):
    kb = import_page(
        tmp_path,
        "vp.md",
        "# VP of Engineering\n\nThe VP of Engineering runs the engineering organisation.\n\n"
        "## Responsibilities\n\n- Owns the hiring plan and the budget.\n- Reports to the CEO.\n",
    )
    (vp,) = kb.roles.values()
    for text in ("who does the vp eng report to", "what does our engineering vp own"):
        assert route(text, kb).role == vp.id, text


def test_plain_text_articles_one_role_each(tmp_path):
    kb = import_page(
        tmp_path,
        "a.txt",
        "BLOG\n"
        "What does a Staff Engineer do?\n"
        "Table of Contents\n"
        "A Staff Engineer leads work that spans several teams and guides their designs.\n"
        "Key Responsibilities\n"
        "- Architecture: sets the direction of shared systems.\n"
        "- Mentoring: coaches senior engineers across the organisation.\n",
    )
    (staff,) = kb.roles.values()
    assert staff.title == "Staff Engineer"
    # the question under a page's furniture is the document's title
    assert kb.sources["a"].title == "What does a Staff Engineer do?"
    assert "Mentoring: coaches senior engineers across the organisation." in [
        f.text for f in staff.get("responsibilities")
    ]


def test_a_maintainers_mapping_of_headings_to_topics(tmp_path):
    docs = write_markdown_ladder(tmp_path / "docs")
    (docs / "import.yaml").write_text("topics:\n  Communication: skills\n")
    out = tmp_path / "kb"
    kb, _ = import_into(out, docs)
    assert "communication" not in kb.topics
    assert any("design notes" in f.text for f in kb.roles["ic-2"].get("skills.leadership"))


def test_a_mapping_to_a_topic_that_does_not_exist_is_one_line(tmp_path):
    docs = write_markdown_ladder(tmp_path / "docs")
    (docs / "import.yaml").write_text("topics:\n  Communication: mentoring\n")
    result = run_bot("import", str(docs), "--out", str(tmp_path / "kb"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "no topic 'mentoring'" in result.stderr
    assert not (tmp_path / "kb").exists()


@needs_shared
def test_ignoring_a_competency_a_framework_defines(tmp_path):
    (tmp_path / "import.yaml").write_text("ignore:\n  - Technology\n")
    out = tmp_path / "kb"
    result = run_bot(
        "import",
        str(LADDERS / "engineeringladders"),
        "--config",
        str(tmp_path / "import.yaml"),
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    kb, _ = imported(out)
    assert not any(f.text.startswith("Adopts") for f in kb.roles["d1"].get("tools"))


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("binary.md", b"\x00\x01\x02" * 100, "binary"),
        ("empty.md", b"   \n\n", "empty"),
        ("wall.txt", b"just words and more words " * 400, "no levels found"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, name, content, says):
    (tmp_path / name).write_bytes(content)
    out = tmp_path / "kb"
    result = run_bot("import", str(tmp_path / name), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("ladderbot:")
    assert says in result.stderr and name in result.stderr
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.md"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, sparse: nothing to write or read
    result = run_bot("import", str(big), "--out", str(tmp_path / "kb"))
    assert result.returncode == 2 and "too big" in result.stderr and "huge.md" in result.stderr


def test_out_must_be_empty_unless_forced_and_force_replaces_only_an_earlier_import(tmp_path):
    docs = write_markdown_ladder(tmp_path / "docs")
    out = tmp_path / "kb"
    assert run_bot("import", str(docs), "--out", str(out)).returncode == 0
    (out / "notes.txt").write_text("mine")
    refused = run_bot("import", str(docs), "--out", str(out))
    assert refused.returncode == 2 and "not empty" in refused.stderr
    assert (out / "notes.txt").read_text() == "mine"
    assert run_bot("import", str(docs), "--out", str(out), "--force").returncode == 0
    assert not (out / "notes.txt").exists() and (out / "ladder.yaml").is_file()
    # a folder that is no knowledge base is never replaced, --force or not
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "src" / "code.py").write_text("print(1)")
    refused = run_bot("import", str(docs), "--out", str(project), "--force")
    assert refused.returncode == 2 and "not an earlier import" in refused.stderr
    assert (project / "src" / "code.py").read_text() == "print(1)"


@pytest.mark.parametrize("where", ["docs", ".", "parent"])
def test_out_never_holds_the_documents_or_the_current_folder(tmp_path, where):
    (tmp_path / "parent").mkdir()
    docs = write_markdown_ladder(tmp_path / "parent" / "docs")
    before = sorted(p.name for p in docs.rglob("*"))
    out = {"docs": "docs", ".": ".", "parent": str(tmp_path / "parent")}[where]
    result = run_bot("import", "docs", "--out", out, "--force", cwd=docs.parent)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert sorted(p.name for p in docs.rglob("*")) == before  # nothing deleted


def test_out_as_a_file_and_output_inside_the_documents(tmp_path):
    docs = write_markdown_ladder(tmp_path / "docs")
    note = tmp_path / "note.txt"
    note.write_text("mine")
    result = run_bot("import", str(docs), "--out", str(note), "--force")
    assert result.returncode == 2 and "a file" in result.stderr and "Traceback" not in result.stderr
    assert note.read_text() == "mine"
    # a knowledge base written among the documents is not read back as one of them
    inside = docs / "kb"
    first = run_bot("import", str(docs), "--out", str(inside))
    again = run_bot("import", str(docs), "--out", str(inside), "--force")
    assert first.returncode == again.returncode == 0
    assert first.stdout == again.stdout


def test_a_heading_naming_two_topics_files_each_fact_under_the_one_it_is_about(tmp_path):
    kb = import_page(
        tmp_path,
        "a.txt",
        "What does a Staff Engineer do?\n"
        "A Staff Engineer leads work that spans several teams and guides their designs.\n"
        "Job Outlook and Salary\n"
        "Demand for staff engineers is expected to keep growing over the next decade.\n"
        "The average salary for a Staff Engineer ranges from $150,000 to $210,000 a year.\n",
    )
    (staff,) = kb.roles.values()
    assert any("$150,000" in f.text for f in staff.get("salary"))
    assert not any("$150,000" in f.text for p in ("hiring",) for f in staff.get(p))


def write_gitbook_ladder(root: Path) -> Path:
    """A GitBook export: a table of contents, then one page per position, makers'
    titles first and managers' after, with acronyms in brackets."""
    pages = [
        ("junior.md", "Junior Software Engineer (JSE)", "Fixes small bugs with a mentor."),
        ("software.md", "Software Engineer (SE)", "Delivers features of a few days alone."),
        ("senior.md", "Senior Software Engineer (SSE)", "Designs subsystems that scale."),
        (
            "senior-tl.md",
            "Senior Software Engineer (SSE) with Tech Lead Role",
            "Joins the monthly design review for the team.",
        ),
        ("staff.md", "Staff Engineer", "Shapes the architecture of whole product areas."),
        ("em.md", "Engineering Manager", "Runs weekly one to ones with every report."),
        ("director.md", "Director of Engineering", "Plans headcount across several teams."),
        ("vp.md", "VP of Engineering", "Owns the engineering budget and the org chart."),
    ]
    (root / "positions").mkdir(parents=True)
    contents = ["# Table of contents", ""]
    for name, title, fact in pages:
        contents.append(f"* [{title}](positions/{name})")
        (root / "positions" / name).write_text(
            f"# {title}\n\n_Years of experience: a few._\n\n## Technical Skill\n\n* {fact}\n"
            f"* Writes clear design notes before building.\n\n## Communication\n\n"
            f"* Keeps the team informed about progress on shared work.\n"
        )
    (root / "SUMMARY.md").write_text("\n".join(contents) + "\n")
    return root


def test_a_gitbook_folder_of_positions(tmp_path):
    out = tmp_path / "kb"
    kb, _ = import_into(out, write_gitbook_ladder(tmp_path / "docs"))
    titled = {r.title: r for r in kb.roles.values()}
    # the table of contents names every title and is none of them
    assert len(titled) == 8 and all(r.id != "summary" for r in kb.roles.values())
    senior, senior_tl = (
        titled["Senior Software Engineer"],
        titled["Senior Software Engineer with Tech Lead Role"],
    )
    assert "SSE" in senior.codes and "SSE" not in senior_tl.codes
    # an acronym in brackets is the level's own code, not another title's initials
    assert "SE" in titled["Software Engineer"].codes
    assert "SE" not in titled["Staff Engineer"].codes
    for text in ("what does an sse tl do", "sse with tech lead role meetings?"):
        assert route(text, kb).role == senior_tl.id, text
    assert route("what do seniors do", kb).role == senior.id
    # makers, then managers: two tracks
    assert [t.title for t in kb.tracks] == ["Individual contributor", "Management"]
    assert kb.tracks[1].steps[0] == (titled["Engineering Manager"].id,)
    # the one manager and the one director are asked about so; the VP as the VPE
    assert route("what does a manager do all week", kb).role == titled["Engineering Manager"].id
    assert route("what does the vpe own", kb).role == titled["VP of Engineering"].id
    assert (
        route("which package manager do we use for the frontend", kb).role
        != titled["Engineering Manager"].id
    )


MATRIX_PAGE = """# Our Ladder

## Tracks

| Maker title | IC level | M level | Manager title |
| ----------- | -------- | ------- | ------------- |
| Engineer 1 | IC2 | | |
| Engineer 2 | IC3 | | |
| Senior Engineer | IC4 | M2 | Team Manager |
| Staff Engineer | IC5 | M3 | Group Manager |

## Makers

- Engineer 1 (IC2): Learns the codebase and ships small changes with help.
- Staff Engineer (IC5): Sets direction for several teams at once.

### Craft

<table>
  <tr><td>Craft</td><td>Engineer 1</td><td>Engineer 2</td>
    <td>Senior Engineer</td><td>Staff Engineer</td></tr>
  <tr><td>Testing</td>
    <td><ul><li>Writes unit tests for the code they change.</li></ul></td>
    <td><ul><li>Adds integration tests where a change crosses services.</li></ul></td>
    <td><ul><li>Designs the test plan for a whole feature.</li></ul></td>
    <td><ul><li>Sets the testing strategy across several teams.</li></ul></td></tr>
  <tr><td>Reviews</td>
    <td><ul><li>Asks for review early and acts on feedback.</li></ul></td>
    <td><ul><li>Reviews the pull requests of teammates in good time.</li></ul></td>
    <td><ul><li>Coaches others to give kinder and sharper reviews.</li></ul></td>
    <td><ul><li>Shapes how the whole group reviews design documents.</li></ul></td></tr>
</table>

### Reach

<table>
  <tr><td>Reach</td><td>Engineer 1</td><td>Engineer 2</td>
    <td>Senior Engineer</td><td>Staff Engineer</td></tr>
  <tr><td>Scope</td><td>Their own tasks and nothing much more.</td>
    <td>A feature of the team's roadmap.</td>
    <td>The team's whole roadmap for a quarter.</td><td>Several teams' plans for the year.</td></tr>
</table>

## Managers

| Level | Title | People | Delivery |
| ----- | ----- | ------ | -------- |
| M2 | Team Manager | Runs weekly one to ones with every report. | Keeps the sprint plan honest. |
| M3 | Group Manager | Grows the managers who report to them. | Balances three teams' delivery. |
"""


def test_competency_matrices_inside_a_page(tmp_path):
    (tmp_path / "ladder.md").write_text(MATRIX_PAGE)
    out = tmp_path / "kb"
    kb, _ = import_into(out, tmp_path / "ladder.md")
    titled = {r.title: r for r in kb.roles.values()}
    assert set(titled) == {
        "Engineer 1",
        "Engineer 2",
        "Senior Engineer",
        "Staff Engineer",
        "Team Manager",
        "Group Manager",
    }
    # the table of titles and codes gives each title the code beside it
    assert "IC4" in titled["Senior Engineer"].codes and "M2" in titled["Team Manager"].codes
    assert "M2" not in titled["Senior Engineer"].codes
    # a column of every matrix is one level, each cell's items its facts
    senior = titled["Senior Engineer"]
    facts = [f.text for path in senior.facts for f in senior.get(path)]
    assert "Designs the test plan for a whole feature." in facts
    assert "The team's whole roadmap for a quarter." in facts
    assert not any("Writes unit tests" in f for f in facts)
    # a row per level, a column per competency
    manager = [f.text for p in titled["Team Manager"].facts for f in titled["Team Manager"].get(p)]
    assert "Runs weekly one to ones with every report." in manager
    # the list of levels gives a line on each
    engineer_1 = titled["Engineer 1"]
    assert engineer_1.summary.text == "Learns the codebase and ships small changes with help."
    # a track per section
    assert [t.title for t in kb.tracks] == ["Makers", "Managers"]
    # the table sets Team Manager beside Senior Engineer: the path starts after Engineer 2
    assert kb.tracks[1].steps[:2] == ((titled["Engineer 2"].id,), (titled["Team Manager"].id,))
    # a level's line, else its section's opening, never the page's
    assert titled["Group Manager"].summary.text != titled["Engineer 2"].summary.text
    assert route("what does an IC4 do about testing", kb).role == senior.id


def test_pages_are_ordered_by_the_index_that_links_them_all(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in (1, 2, 3):
        nxt = f"\n\nNext: [L{n + 1}](L{n + 1}.md)" if n < 3 else ""
        (docs / f"L{n}.md").write_text(
            f"# L{n}\n\n## Scope\n\n- Owns work of size {n} across the team's services.{nxt}\n"
        )
    (docs / "README.md").write_text("# Levels\n\n* [L1](L1.md)\n* [L2](L2.md)\n* [L3](L3.md)\n")
    out = tmp_path / "kb"
    kb, _ = import_into(out, docs)
    assert [step for (step,) in kb.tracks[0].steps] == ["l1", "l2", "l3"]


def test_a_worded_code_is_asked_about_by_its_initial(tmp_path):
    kb = import_page(
        tmp_path,
        "managers.md",
        "# Management\n\n## Engineering Manager (Manager 4)\n\n- Runs one team, hires for it.\n\n"
        "## Director of Engineering (Manager 5)\n\n- Runs several teams through their managers.\n",
    )
    titled = {r.title: r for r in kb.roles.values()}
    assert "M5" in titled["Director of Engineering"].codes
    assert route("what does an m5 do", kb).role == titled["Director of Engineering"].id


def test_a_paths_page_linking_its_level_pages_is_no_role(tmp_path):
    docs = tmp_path / "docs"
    (docs / "engineer").mkdir(parents=True)
    (docs / "engineer.md").write_text(
        "# Engineer\n\nThis page guides growth on the engineering path. Every level is "
        "assessed on craft, impact and behaviour, and expectations rise with each one.\n\n"
        "Levels on this path:\n\n- [Junior Engineer](engineer/junior.md)\n"
        "- [Mid Engineer](engineer/mid.md)\n- [Senior Engineer](engineer/senior.md)\n"
    )
    pages = (("junior", "Junior Engineer"), ("mid", "Mid Engineer"), ("senior", "Senior Engineer"))
    for name, title in pages:
        (docs / "engineer" / f"{name}.md").write_text(
            f"# {title}\n\n## Craft\n\n- Ships work that fits the {name} scope of the team.\n"
        )
    out = tmp_path / "kb"
    kb, _ = import_into(out, docs)
    assert {r.title for r in kb.roles.values()} == {
        "Junior Engineer",
        "Mid Engineer",
        "Senior Engineer",
    }
    wide = ladder_lines(kb)
    assert any("expectations rise" in t for t in wide)  # its text is about the ladder


def test_level_pages_linking_the_previous_and_next_are_levels(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    titles = ["Engineer 1", "Engineer 2", "Engineer 3", "Engineer 4"]
    for n, title in enumerate(titles, 1):
        links = [f"[previous](e{n - 1}.md)"] * (n > 1) + [f"[next](e{n + 1}.md)"] * (n < 4)
        (docs / f"e{n}.md").write_text(
            f"# {title}\n\n## Scope\n\n- Owns work of size {n} on the team.\n\n"
            + " ".join(links)
            + "\n"
        )
    out = tmp_path / "kb"
    kb, _ = import_into(out, docs)
    assert {r.title for r in kb.roles.values()} == set(titles)


def test_tables_and_titles_that_are_not_what_they_look_like(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Engineer I\n\n- Fixes small bugs with help from the team.\n\n"
        "## Engineer II\n\n- Delivers features of a few days on their own.\n\n"
        "## Senior Engineer with a Mentor\n\n- Pairs with a mentor every week on design.\n\n"
        "## Comparing two paths\n\n| Area | Engineer II | Engineering Manager |\n"
        "| --- | --- | --- |\n| Focus | Builds the team's features | Grows the team's people |\n",
    )
    # a table comparing two roles is no matrix; "X with a Mentor" is no level
    assert {r.title for r in kb.roles.values()} == {"Engineer I", "Engineer II"}


def test_one_title_with_two_bracketed_acronyms_is_two_variants(tmp_path):
    kb = import_page(
        tmp_path,
        "principal.md",
        "# Principal\n\n## Senior Engineer\n\n- Leads the design of a product area.\n\n"
        "## Principal Engineer (IC)\n\n- Sets technical direction across the org.\n\n"
        "## Principal Engineer (EM)\n\n- Manages the managers of several teams.\n",
    )
    assert {r.title for r in kb.roles.values()} == {
        "Senior Engineer",
        "Principal Engineer (IC)",
        "Principal Engineer (EM)",
    }


def test_codes_go_to_the_title_on_the_side_codes_sit(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n| IC code | IC title | M code | M title |\n| --- | --- | --- | --- |\n"
        "| IC4 | Senior Engineer | M2 | Team Manager |\n\n"
        "## Senior Engineer\n\n- Leads the design of a product area.\n\n"
        "## Team Manager\n\n- Runs weekly one to ones with every report.\n",
    )
    titled = {r.title: r for r in kb.roles.values()}
    assert "IC4" in titled["Senior Engineer"].codes and "M2" not in titled["Senior Engineer"].codes
    assert "M2" in titled["Team Manager"].codes


def write_graded_ladder(root: Path) -> Path:
    """Level pages whose competency headings carry the level's grade, each opening with
    a one-line summary and listing named competencies."""
    root.mkdir(parents=True)
    grades = [("Middle I Engineer", 1), ("Middle II Engineer", 2), ("Senior I Engineer", 3)]
    for title, n in grades:
        (root / f"{title.lower().replace(' ', '-')}.md").write_text(
            f"# {title}\n\n## Craft (C{n})\n\n> Builds features of size {n} with care.\n\n"
            f"* **Delivery Flow**: Ships changes of size {n} through the pipeline.\n"
            f"* **Design Habit**: Sketches designs of scope {n} before coding.\n\n"
            f"## Conduct (B{n})\n\n> Works well with teammates at reach {n}.\n\n"
            f"* **Peer Support**: Pairs with others on problems of size {n}.\n"
        )
    (root / "index.md").write_text(
        "# Engineer path\n\n"
        + "".join(f"* [{t}]({t.lower().replace(' ', '-')}.md)\n" for t, _ in grades)
    )
    return root


def test_a_competency_is_one_topic_whatever_grade_its_heading_gives(tmp_path):
    out = tmp_path / "kb"
    docs = write_graded_ladder(tmp_path / "docs")
    kb, _ = import_into(out, docs)
    assert "conduct" in kb.topics and not any("b1" in t or "b2" in t for t in kb.topics)
    titled = {r.title: r for r in kb.roles.values()}
    # asked for a summary of a competency: that competency, its opening line first
    answer = render_plain(ask("conduct summary for middle II", kb), kb)
    assert "Works well with teammates at reach 2." in answer.split("\n\n")[1]
    # a competency's two-word name, asked about, finds its line
    answer = render_plain(ask("senior I delivery flow?", kb), kb)
    assert "Ships changes of size 3" in answer.split("\n\n")[1]
    # the path drawn with whole titles: "Middle II" is not shortened to "Middle"
    drawn = render_plain(ask("where does middle II sit", kb), kb)
    assert "Middle I Engineer → [Middle II Engineer] → Senior I Engineer" in drawn
    assert titled["Middle II Engineer"].id in {s for (s,) in kb.tracks[0].steps}


def test_a_competency_named_in_one_word_at_every_level_is_the_line_asked_for(tmp_path):
    """ "Influence" is a topic word (impact), but on this ladder it also names a
    competency of its own, under another heading, at every level: asked about, that
    line leads."""
    root = tmp_path / "docs"
    root.mkdir()
    titles = ["Middle I Engineer", "Middle II Engineer", "Senior I Engineer"]
    for n, title in enumerate(titles, 1):
        (root / f"{title.lower().replace(' ', '-')}.md").write_text(
            f"# {title}\n\n## Impact (I{n})\n\n"
            f"* **Ownership**: Takes over parts of the product of size {n}.\n"
            f"* **Delivery**: Ships work that moves business goals of size {n}.\n\n"
            f"## Behaviour (B{n})\n\n"
            f"* **Influence**: Is a role model whose reach is {n} teams.\n"
            f"* **Communication**: Explains decisions to {n} audiences.\n"
        )
    kb, _ = import_into(tmp_path / "kb", root)
    for question in ("influence expectation for senior I?", "middle II influence"):
        lead = render_plain(ask(question, kb), kb).split("\n\n")[1]
        assert lead.startswith("Influence: Is a role model"), (question, lead)
    # the word alone, with nothing of the ladder's beside it, is still not a question
    assert not route("can you transfer ownership of the google doc to me", kb).answered


@pytest.mark.parametrize(
    ("written", "asked"), [("Behavior", "behaviour"), ("Behaviour", "behavior")]
)
def test_a_word_spelled_the_other_side_of_the_atlantic_is_the_ladders(tmp_path, written, asked):
    kb = import_page(
        tmp_path,
        "ladder.md",
        f"# Ladder\n\n## Engineer I\n\n### Craft\n\n- Fixes small bugs with help.\n\n"
        f"### {written}\n\n- Asks for feedback on their work.\n\n"
        f"## Engineer II\n\n### Craft\n\n- Delivers features on their own.\n\n"
        f"### {written}\n\n- Gives kind, specific feedback in reviews.\n",
    )
    intent = route(f"engineer II {asked}?", kb)
    assert intent.answered and intent.topic == written.lower()
    assert not intent.corrections  # another spelling, not a slip to point out
    answer = render_plain(ask(f"{asked} summary for engineer I", kb), kb)
    assert "Asks for feedback on their work." in answer


def test_a_numbered_title_is_asked_for_in_words_and_shortened(tmp_path):
    kb, _ = import_into(tmp_path / "kb", write_graded_ladder(tmp_path / "docs"))
    titled = {r.title: r.id for r in kb.roles.values()}
    for text, title in (
        ("mid 1 craft?", "Middle I Engineer"),
        ("collab expectations for a middle one engineer?", "Middle I Engineer"),
        ("what does a mid ii do", "Middle II Engineer"),
        ("senior one conduct", "Senior I Engineer"),
    ):
        assert route(text, kb).role == titled[title], text


def test_an_overview_section_is_the_summary_and_the_rest_of_it_is_kept(tmp_path):
    """Nothing an "Overview" section says is lost: its first paragraph is what the
    level is, the others what it does."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for code, first, second, duty in (
        (
            "L5",
            "An L5 has built production software for years.",
            "L5s are the key leaders in each area of expertise.",
            "An L5 owns their team's part of the code base.",
        ),
        (
            "L6",
            "An L6 is an extraordinary engineer.",
            "L6s set the technical direction of the whole company.",
            "An L6 is responsible for the codebase as a whole.",
        ),
    ):
        (docs / f"{code}.md").write_text(
            f"# {code}\n\n### Overview\n\n{first}\n\n{second}\n\n### Responsibilities\n\n{duty}\n"
        )
    kb, _ = import_into(tmp_path / "kb", docs)
    assert kb.roles["l5"].summary.text == "An L5 has built production software for years."
    # a section the maintainer leaves out is left out, Overview or not
    (docs / "import.yaml").write_text("ignore:\n  - Overview\n")
    ignored, _ = import_into(tmp_path / "kb2", docs)
    assert "production software" not in ignored.roles["l5"].summary.text
    assert "key leaders in each area" in render_plain(ask("what's an L5 in one sentence", kb), kb)
    answer = render_plain(ask("l6 responsibilities", kb), kb)
    assert "set the technical direction" in answer and "codebase as a whole" in answer


def test_an_area_asked_of_the_whole_ladder_names_its_competencies(tmp_path):
    """Lines opening with the same name at several levels are that area's competencies:
    asked of the ladder as a whole, the area lists them; a table's row of figures
    ("Title: ...; Band: ...") names no competency."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for n, title in enumerate(("Middle I Engineer", "Middle II Engineer", "Senior I Engineer"), 1):
        (docs / f"{title.lower().replace(' ', '-')}.md").write_text(
            f"# {title}\n\n## Behaviour\n\n"
            f"* **Influence**: Is a role model whose reach is {n} teams.\n"
            f"* **Talent Growth**: Helps {n} engineers grow in their own craft.\n"
            "* **Band Legend**: The band sets the salary range for the level.\n"
            f"* **Next up**: Level {n + 1}\n\n"
            f"## Craft\n\n* **Delivery Flow**: Ships changes of size {n} through review.\n\n"
            f"| Title | Band |\n| --- | --- |\n| {title} | B{n} |\n"
        )
    kb, _ = import_into(tmp_path / "kb", docs)
    answer = render_plain(ask("behaviour competencies across the ladder", kb), kb)
    assert "Competencies under Behaviour:\n  - Influence, Talent Growth\n" in answer
    assert "don't cover" not in answer
    # another area's, a legend every page repeats, a label with a short value: none
    assert not {"Delivery Flow", "Band Legend", "Next up"} & set(answer.split(", "))
    # one name alone is a field every level fills, not the area's competencies
    craft = render_plain(ask("craft competencies across the ladder", kb), kb)
    assert "Competencies under" not in craft
    # a line of the ladder's that answers what is asked comes before the names
    (docs / "reviews.md").write_text(
        "# How reviews work\n\nBehaviour competencies are assessed twice a year by a panel.\n"
    )
    kb, _ = import_into(tmp_path / "kb2", docs)
    asked = render_plain(ask("how often are behaviour competencies assessed?", kb), kb)
    assert asked.index("twice a year") < asked.index("Competencies under Behaviour")


def write_front_matter_ladder(root: Path) -> Path:
    """Level pages that say what they are in their front matter (as Obsidian, Jekyll or
    Hugo pages do), titled with words no job title holds, on two tracks that part after
    the third level; and a page about the competencies."""
    levels = root / "levels"
    levels.mkdir(parents=True)
    pages = [
        ("01 Junior", "Junior", "[Junior, Level 1]", 1, "technical", "Asks for help early."),
        ("02 Expert", "Expert", "[Expert, Level 2]", 2, "technical", "Solves problems alone."),
        (
            "03 Senior-L1",
            "Senior L1",
            "[Senior Level 1, Level 3]",
            3,
            "technical",
            "Designs features in their area.",
        ),
        (
            "04a Senior-L2 (technical track)",
            "Senior L2 (Technical Track)",
            "[Senior L2 Tech, Level 4a]",
            4,
            "technical",
            "Owns the team's architecture.",
        ),
        (
            "04b Senior-L2 (management track)",
            "Senior L2 (Management Track)",
            "[Senior L2 Mgmt, Level 4b]",
            4,
            "management",
            "Manages up to six engineers.",
        ),
    ]
    for name, title, aliases, number, track, line in pages:
        (levels / f"{name}.md").write_text(
            f"---\ntitle: {title}\naliases: {aliases}\nlevel: {number}\ntrack: {track}\n"
            f"tags: [career-ladder, level]\n---\n\n# {name}\n\n## Learning\n\n"
            f"* **Growth**: {line}\n\n## Influence\n\n* **Reach**: Helps {number} teams.\n"
        )
    (root / "axes.md").write_text(
        "---\ntitle: Axes\n---\n\n# Axes\n\nEvery level is assessed on each axis in turn."
        "\n\n## Learning\n\nLearning matters because the field keeps changing under every "
        "engineer.\n\n## Influence\n\n1. **Leads**: inspires and guides others.\n"
        "2. **Leads**: Lead by example, as a Lead does.\n"
    )
    return root


def test_front_matter_says_which_pages_are_levels_and_on_which_track(tmp_path):
    kb, _ = import_into(tmp_path / "kb", write_front_matter_ladder(tmp_path / "docs"))
    titled = {r.title: r for r in kb.roles.values()}
    assert set(titled) == {
        "Junior",
        "Expert",
        "Senior L1",
        "Senior L2 (Technical Track)",
        "Senior L2 (Management Track)",
    }
    # (the page about the axes, naming "Lead" in passing, is no article about a Lead)
    steps = {t.title: [s for (s,) in t.steps] for t in kb.tracks}
    ids = {title: role.id for title, role in titled.items()}
    assert steps["Technical"] == [
        ids[t] for t in ("Junior", "Expert", "Senior L1", "Senior L2 (Technical Track)")
    ]
    assert steps["Management"] == [ids["Senior L1"], ids["Senior L2 (Management Track)"]]
    # the names a page gives its level, and the code its title holds
    assert route("what does a level 2 do", kb).role == ids["Expert"]
    assert route("senior level 1 growth?", kb).role == ids["Senior L1"]
    assert route("l1 influence", kb).role == ids["Senior L1"]
    assert route("senior l2 mgmt learning", kb).role == ids["Senior L2 (Management Track)"]
    # "Senior L2" alone is either track's: the bot asks which
    assert set(route("senior l2 learning", kb).choices) == {
        ids["Senior L2 (Technical Track)"],
        ids["Senior L2 (Management Track)"],
    }
    # the page about a competency is the ladder's word on it
    assert any("field keeps changing" in f.text for f in kb.ladder_facts["learning"])
    # ...asked about in the words of those pages ("axis"), though no level uses them
    assert route("learning axis?", kb).answered
    assert "field keeps changing" in render_plain(ask("learning axis?", kb), kb)


def test_something_for_people_to_do_now_is_no_question_whatever_the_facts_say(tmp_path):
    """Help wanted now, or a meeting moved, naming no role, is declined even where the
    ladder's lines share its words; asked of a role, or about the ladder, it is not."""
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Engineer I\n\n- Asks for a code review before merging a migration "
        "script.\n\n## Engineer II\n\n- Writes post-mortems after an outage and runs the "
        "review.\n",
    )
    for errand in (
        "need a quick code review on the migration script before i merge",
        "can we move the post-mortem for yesterdays outage to thursday",
    ):
        assert not route(errand, kb).answered, errand
    assert route("does an engineer II write post-mortems after an outage?", kb).answered
    assert route("i need a review of what is expected at my level", kb).answered


def test_a_line_headed_by_what_is_asked_about_is_the_answer(tmp_path):
    """ "is sharing what i learn expected?" asks for the line headed "Shares knowledge",
    though "learn" alone would read the Learning list."""
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n"
        + "".join(
            f"## Engineer {n}\n\n### Learning\n\n"
            f"* **Stays current**: follows new versions of {n} tools.\n"
            f"* **Seeks feedback**: asks for reviews of {n} kinds.\n\n"
            f"### Influence\n\n* **Shares knowledge**: shares what they learn with "
            f"{n} teams in reviews and talks.\n\n"
            for n in ("I", "II")
        ),
    )
    answer = render_plain(ask("engineer II - is sharing what i learn actually expected?", kb), kb)
    assert answer.split("\n\n")[1].startswith("Shares knowledge: shares what they learn with II")
    # the heading's word alone says what is asked of a role named, never which role
    frame = understand("is sharing what i learn with the team actually expected?", kb)
    asked = frame.asked
    headed = [h for h in asked.search(asked.query, ["engineer-ii"]) if "share" in h.matched]
    assert headed and not [h for h in asked.search(asked.query) if "share" in h.matched]


@pytest.mark.parametrize(
    ("front", "title"),
    [
        ("title: Expert\ntags: level", "Expert"),  # a tag says it, one string
        ("title: Expert\nlevel: '2'\naliases: Level 2", "Expert"),  # a number as text
        ("title: Expert\nlevel: 2\naliases: [null, 5, [a, b], {x: 1}]", "Expert"),
        ("title: '()'\nlevel: 2", None),  # nothing to call it
        ("title: 123\nlevel: 2", None),
        ("title: Expert\nlevel: true", None),
    ],
)
def test_front_matter_of_any_shape_is_read_or_left_alone(tmp_path, front, title):
    from bot.ladder.importer.documents import read_document
    from bot.ladder.importer.levels import front_matter_level

    page = tmp_path / "02 Expert.md"
    page.write_text(f"---\n{front}\n---\n\n# 02 Expert\n\n## Learning\n\n- Grows.\n")
    level = front_matter_level(read_document(page, page.name))
    assert (level.title if level else None) == title
    if level is not None:
        assert all(isinstance(n, str) and n in ("Level 2",) for n in level.names)


def test_a_topic_the_role_files_nothing_under_is_found_in_its_own_lines_first(tmp_path):
    """ "engineer II mentorship - tooling?": nothing is filed under tools for Engineer II,
    but a line of its own says "tools"; that answers, not "the sources don't cover
    mentorship"."""
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\nMentorship - how you lift the people around you for the better.\n\n"
        "## Engineer I\n\n### Impact\n\n- Delivers assigned tasks with help.\n\n"
        "## Engineer II\n\n### Impact\n\n- Builds simple tools for the benefit of all "
        "engineers.\n- Delivers large well-defined tasks.\n",
    )
    answer = render_plain(ask("engineer II mentorship - tooling?", kb), kb)
    assert answer.split("\n\n")[1] == "Builds simple tools for the benefit of all engineers."


def test_a_code_typed_in_capitals_is_the_level(tmp_path):
    kb = import_page(
        tmp_path,
        "managers.md",
        "# Managers\n\n## Engineering Manager\n\n"
        "* **Operational Excellence**: Tracks the team's incidents and their causes.\n\n"
        "## Senior Engineering Manager\n\n"
        "* **Operational Excellence**: Sets the policies that keep several teams' toil low.\n",
    )
    senior = next(r for r in kb.roles.values() if r.title == "Senior Engineering Manager")
    assert "SEM" in senior.codes
    intent = route("SEM budget ownership?", kb)  # as the ladder writes it: the level
    assert intent.answered and intent.role == senior.id
    assert not route("sem budget ownership?", kb).answered  # in lower case, context decides
    assert "toil low" in render_plain(ask("SEM operational excellence?", kb), kb).split("\n\n")[1]


def test_a_ladder_page_named_by_its_heading_is_answered(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Engineer I\n\n- Fixes small bugs with help from the team.\n\n"
        "## Engineer II\n\n- Delivers features of a few days on their own.\n\n"
        "## Managing Managers\n\nAssessing a manager of managers means weighing delivery, "
        "goals and relationships across their teams.\n",
    )
    question = "how do I assess my managers (managing managers), which areas"
    intent = route(question, kb)
    assert intent.answered and intent.role == "ladder"
    assert "weighing delivery, goals and relationships" in render_plain(ask(question, kb), kb)
    assert not route("which python framework should we use for the new service", kb).answered


def test_titles_are_asked_about_by_their_alternatives_and_level_words(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Competencies\n\nThese criteria are used for levelling.\n\n"
        "## Software Engineering Intern / Apprentice\n\n- Asks for help early and often.\n\n"
        "## Software Engineer\n\n- Ships well-scoped features with tests.\n\n"
        "## Software Engineer 2\n\n- Breaks projects into milestones for the team.\n",
    )
    titled = {r.title: r for r in kb.roles.values()}
    intern = titled["Software Engineering Intern / Apprentice"]
    for text in ("what should an intern do when stuck", "apprentice expectations?"):
        assert route(text, kb).role == intern.id, text
    assert route("software engineering apprentice duties", kb).role == intern.id
    # "swe" for software engineer; the first of a numbered family is its "1"
    assert route("do swe1s write tests?", kb).role == titled["Software Engineer"].id
    assert route("swe 2 milestones?", kb).role == titled["Software Engineer 2"].id
    # a page about the framework gives no level its introduction as a summary
    assert all("criteria are used" not in r.summary.text for r in kb.roles.values())


def test_one_title_twice_on_a_page_still_validates(tmp_path):
    (tmp_path / "p0.md").write_text(
        "## Staff Engineer (IC)\n\n- Sets direction for several teams.\n"
    )
    (tmp_path / "p1.md").write_text(
        "## Staff Engineer (EM)\n\n- Runs a group of teams.\n\n"
        "## Staff Engineer (EM)\n\n- Hires for the group.\n"
    )
    out = tmp_path / "kb"
    result = run_bot("import", str(tmp_path), "--out", str(out))
    assert result.returncode == 0, result.stderr


def test_a_family_numbered_from_one_keeps_its_plain_title_apart(tmp_path):
    (tmp_path / "l.md").write_text(
        "# L\n\n## Software Engineer\n\n- Builds features with care.\n\n"
        "## Software Engineer I\n\n- Learns the codebase quickly.\n\n"
        "## Software Engineer II\n\n- Owns a service end to end.\n"
    )
    out = tmp_path / "kb"
    result = run_bot("import", str(tmp_path / "l.md"), "--out", str(out))
    assert result.returncode == 0, result.stderr


def test_a_competency_filed_under_a_built_in_topic_is_asked_about_by_its_heading(tmp_path):
    """A heading the built-in topics know ("Decision Making" is a duty) keeps its own
    name as the list's heading and as a phrase of the topic whose list it is (not of
    the overview, which also shows that list); named, that list leads the answer."""
    rows = [
        ["Competency", "Engineer", "Senior Engineer"],
        [
            "Problem Solving & Decision Making",
            "Resolves tricky bugs alone",
            "Makes calls on design",
        ],
        ["Communication", "Shares progress and sets expectations", "Leads design reviews"],
        ["Delivery", "Ships features", "Plans releases"],
    ]
    with open(tmp_path / "matrix.csv", "w", newline="") as f:
        csv.writer(f).writerows(rows)
    out = tmp_path / "kb"
    assert run_bot("import", str(tmp_path / "matrix.csv"), "--out", str(out)).returncode == 0
    topics = yaml.safe_load((out / "topics.yaml").read_text())
    assert "problem solving" in topics["add_phrases"]["responsibilities"]
    kb, _ = imported(out)
    headings = {f.path: f.heading for f in kb.topics["responsibilities"].fields}
    assert headings["responsibilities"] == "Problem Solving & Decision Making"
    engineer = next(r for r in kb.roles.values() if r.title == "Engineer")
    intent = route("what kind of problem solving is expected of an engineer", kb)
    assert (intent.role, intent.topic) == (engineer.id, "responsibilities")
    shown = render_plain(ask("what kind of problem solving is expected of an engineer", kb), kb)
    body = shown.split("\n\n", 1)[1]
    assert body.lstrip().startswith("Problem Solving & Decision Making"), shown


def test_the_preamble_under_a_title_naming_the_ladder_is_about_the_ladder(tmp_path):
    """Who owns the ladder and when it was revised sit under its title ("Career
    Ladder"): about the ladder, not the career-progression topic the title's words
    suggest; a page titled with a topic of its own keeps that topic."""
    docs = write_markdown_ladder(tmp_path / "docs")
    readme = docs / "readme.md"
    readme.write_text(
        readme.read_text().replace(
            "# Engineering at Northwind\n",
            "# Northwind Engineering Career Ladder\n\nOwned by the platform guild and "
            "revised every spring.\n",
        )
    )
    (docs / "promotions.md").write_text(
        "# Promotions\n\nA promotion case is written by the manager with the engineer.\n"
    )
    out = tmp_path / "kb"
    kb, _ = import_into(out, docs)
    wide = {path: [f.text for f in facts] for path, facts in kb.ladder_facts.items()}
    assert any("platform guild" in t for t in wide["about_the_ladder"])
    assert not any("platform guild" in t for t in wide.get("progression", []))
    assert any("promotion case" in t for t in wide["progression"])


TOPICS_MATRIX = """---
title: "🧭 Platform Engineering Framework"
levels: 3
topics:
  - name: "delivery"
    title: "🚚 Delivery"
    content:
      - level: 1
        criteria:
          - "Ships small changes with a reviewer beside them"
      - level: 2
        criteria:
          - "Ships features end to end"
        exampleCriteria:
          - criteria: "Splits a feature into releasable steps"
            examples:
              - "A flag first, then the endpoint, then the screen"
      - level: 3
        criteria:
          - "Plans the quarter's delivery for the squad"
  - name: "craft"
    content:
      - level: 2
        criteria:
          - "Writes tests that catch regressions"
      - level: 3
        criteria:
          - "Sets the squad's testing standards"
---
### How the framework works

Each level has a salary range, and you move through it by showing more of your level.
"""


@pytest.mark.parametrize("name", ["framework.md", "framework.yaml"])
def test_a_framework_with_its_matrix_in_front_matter_or_yaml(tmp_path, name):
    """Monzo's progression-framework format: topics with criteria per level, in a
    page's front matter (the page's prose is about every level) or a YAML file."""
    text = TOPICS_MATRIX if name.endswith(".md") else TOPICS_MATRIX.split("---")[1]
    kb = import_page(tmp_path, name, text)
    assert [kb.roles[r].title for r in kb.ladder_order()] == ["Level 1", "Level 2", "Level 3"]
    two = next(r for r in kb.roles.values() if r.title == "Level 2")
    said = [f.text for path in ("delivery", "craft") for f in two.get(path)]
    # an example criterion is a criterion; its examples are not expectations
    assert "Splits a feature into releasable steps" in said
    assert not any("A flag first" in t for t in said)
    assert "Delivery" in {t.title for t in kb.topics.values()}  # no emoji in the title
    assert route("what does a level 3 do for craft", kb).role == next(
        r.id for r in kb.roles.values() if r.title == "Level 3"
    )
    if name.endswith(".md"):
        wide = ladder_lines(kb)
        assert any("salary range" in t for t in wide)
        assert not any("salary range" in f.text for r in kb.roles.values() for f in r.get("salary"))


def test_levels_whose_titles_have_no_job_noun_beside_ones_that_do(tmp_path):
    # "Senior QA/QE" names a level as its siblings "QA/QE Engineer" and "Principal Test
    # Engineer" do; "Senior Responsibilities" among them would not
    kb = import_page(
        tmp_path,
        "qa.md",
        "# QA Roles\n\n## Graduate QA/QE\n\n- Runs the regression pack before release.\n\n"
        "## QA/QE Engineer\n\n- Writes test plans for new features.\n\n"
        "## Senior QA/QE\n\n- Coaches developers on testability.\n\n"
        "## Senior Responsibilities\n\n- Shared by every senior.\n\n"
        "## Principal Test Engineer\n\n- Sets the test strategy across teams.\n",
    )
    titles = [kb.roles[r].title for r in kb.ladder_order()]
    assert titles == [
        "Graduate QA/QE",
        "QA/QE Engineer",
        "Senior QA/QE",
        "Principal Test Engineer",
    ]
    senior = next(r for r in kb.roles.values() if r.title == "Senior QA/QE")
    said = [f.text for facts in senior.facts.values() for f in facts]
    assert "Coaches developers on testability." in said


def test_a_title_two_pages_share_is_also_said_the_way_its_page_says_its_titles(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "engineering.md").write_text(
        "# Engineering\n\n## Engineer\n\n- Ships features.\n\n## Senior Engineer\n\n"
        "- Designs services.\n\n## Lead Engineer\n\n- Runs the squad's delivery.\n"
    )
    (docs / "cloud.md").write_text(
        "# Cloud\n\n## Cloud Engineer\n\n- Builds pipelines.\n\n## Senior Cloud Engineer\n\n"
        "- Designs the platform.\n\n## Lead Engineer\n\n- Delegates platform work to the team.\n"
    )
    kb, _ = import_into(tmp_path / "kb", docs)
    cloud_lead = next(
        r for r in kb.roles.values() if r.title == "Lead Engineer" and "cloud" in r.id
    )
    assert "lead cloud engineer" in cloud_lead.aliases
    assert route("lead cloud engineer here, what should i hand off?", kb).role == cloud_lead.id
    assert len(route("what does a lead engineer do", kb).choices) == 2  # still asked which
    # a page of two titles, one a level word's: no "lead senior engineer"
    (docs / "platform.md").write_text(
        "# Platform\n\n## Senior Engineer\n\n- Owns the platform's services.\n\n"
        "## Lead Engineer\n\n- Sets the platform roadmap.\n"
    )
    kb, _ = import_into(tmp_path / "kb2", docs)
    said = {a for r in kb.roles.values() for a in r.aliases}
    assert not {"lead senior engineer", "senior lead engineer"} & said


def test_a_level_word_after_expected_to_is_what_they_do(tmp_path):
    # "architect" names Principal Architect, but "expected to architect" is a verb
    kb = import_page(
        tmp_path,
        "qa.md",
        "# QA\n\n## Automation Engineer\n\n- Automates regression tests.\n\n"
        "## Principal Automation Engineer\n\n- Designs the test frameworks teams share.\n\n"
        "## Principal Architect\n\n- Sets the architecture across products.\n",
    )
    meant = next(r.id for r in kb.roles.values() if r.title == "Principal Automation Engineer")
    for text in (
        "principal automation eng - what are they expected to architect",
        "what is a principal automation engineer supposed to architect?",
    ):
        assert route(text, kb).role == meant, text


SRE_TABLE = """<table>
  <tr>
    <th><pre>Level/Skill   </pre></th>
    <th><pre>On-call       </pre></th>
    <th><pre>Reliability   </pre></th>
  </tr>

  <tr>
    <td>1</td>
    <td>Shadows others on the rotation to learn the on-call runbooks</td>
    <td>Fixes flaky alerts that the team points out to them</td>
  </tr>

  <tr>
    <td>2</td>
    <td>Takes primary on-call shifts and writes the incident timeline</td>
    <td>Sets service level objectives for the services they own</td>
  </tr>
</table>
"""

SYSTEMS_PAGE = (
    "# Engineering Levels\n\n## L1\n\n- Writes small, well-tested changes to one service.\n\n"
    "## L2\n\n- Designs a feature across two services and ships it.\n"
)


def test_a_table_with_blank_lines_between_rows_and_numbered_levels(tmp_path):
    """CommonMark ends an HTML block at a blank line: the table's rows are still one
    table; rows numbered under "Level/Skill" are levels "Level 1", "Level 2". Another
    page's "L2" stays its own: "Level 2" is not also "L2" when a level is written so."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sre.md").write_text(SRE_TABLE)
    (docs / "systems.md").write_text(SYSTEMS_PAGE)
    kb, _ = import_into(tmp_path / "kb", docs)
    by_title = {r.title: r for r in kb.roles.values()}
    assert {"Level 1", "Level 2", "L1", "L2"} <= set(by_title)
    two = by_title["Level 2"]
    said = [f.text for facts in two.facts.values() for f in facts]
    assert "Takes primary on-call shifts and writes the incident timeline" in said
    assert route("what does an L2 design?", kb).role == by_title["L2"].id
    assert route("level 2 on-call expectations", kb).role == two.id
    assert not any("on-call" in t.lower() for t in ladder_lines(kb))  # not ladder-wide


PATHS_DIAGRAM = """# Career paths

```mermaid
flowchart BT
  subgraph eng [ ]
    e[Engineer]
    se[Senior Engineer]
    pe[Principal Engineer]
    le[Lead Engineer]
    e -.-> se
    se -.-> pe
    se -.-> le
  end
  subgraph cloud [ ]
    ce[Cloud Engineer] -.-> sce[Senior Cloud Engineer]
    sce -.-> lce[Lead Cloud Engineer]
  end
  em[Engineering Manager]
  le -.-> em
  eng --> em
  le --> em
  subgraph legend [Where]
    A -->|Reports To| C
    B -.->|Career Pathway| C
  end
```
"""


def test_career_paths_drawn_in_a_mermaid_flowchart_order_and_branch_tracks(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "engineering.md").write_text(
        "# Engineering\n\n## Engineer\n\n- Ships features with help.\n\n"
        "## Senior Engineer\n\n- Designs services on their own.\n\n"
        "## Lead Engineer\n\n- Leads the squad and measures its delivery.\n\n"
        "## Principal Engineer\n\n- Sets technical direction across teams.\n\n"
        "## Engineering Manager\n\n- Manages the engineers of two squads.\n"
    )
    (docs / "cloud.md").write_text(
        "# Cloud\n\n## Cloud Engineer\n\n- Builds pipelines.\n\n"
        "## Senior Cloud Engineer\n\n- Designs the platform.\n\n"
        "## Lead Engineer\n\n- Leads the platform squad.\n"
    )
    (docs / "paths.md").write_text(PATHS_DIAGRAM)
    kb, _ = import_into(tmp_path / "kb", docs)
    title = {r.id: r.title for r in kb.roles.values()}
    paths = [[title[r] for step in t.steps for r in step] for t in kb.tracks]
    steps = {(a, b) for path in paths for a, b in zip(path, path[1:])}
    # two paths from Senior, not one line in the page's order (Lead, then Principal);
    # the reporting line ("-->", so the legend says) is no step
    assert {
        ("Engineer", "Senior Engineer"),
        ("Senior Engineer", "Principal Engineer"),
        ("Senior Engineer", "Lead Engineer"),
        ("Lead Engineer", "Engineering Manager"),
        ("Senior Cloud Engineer", "Lead Engineer"),
    } <= steps
    assert ("Lead Engineer", "Principal Engineer") not in steps
    senior = next(r for r in kb.roles.values() if r.title == "Senior Engineer")
    assert set(kb.next_roles(senior.id)) == {
        r.id
        for r in kb.roles.values()
        if r.title in ("Principal Engineer", "Lead Engineer") and "cloud" not in r.id
    }


def test_a_flowcharts_career_steps_are_read_from_its_statements():
    from bot.ladder.importer.diagrams import career_steps

    chart = PATHS_DIAGRAM.split("```mermaid")[1].split("```")[0]
    steps = career_steps(chart)
    assert ("Senior Engineer", "Lead Engineer") in steps
    assert ("Lead Engineer", "Engineering Manager") in steps  # dotted: a career step
    assert ("Cloud Engineer", "Senior Cloud Engineer") in steps  # nodes named in the arrow
    assert not any("eng" in step or "A" in step for step in steps)  # groups, the legend
    # no legend: every arrow is a step, chained and fanned out
    assert career_steps("graph LR\n  a[Junior] --> b[Mid] --> c[Senior]\n  c --> d & e") == [
        ("Junior", "Mid"),
        ("Mid", "Senior"),
        ("Senior", "d"),
        ("Senior", "e"),
    ]


PROGRESSION_WITH_EXAMPLES = """name: Support
levels:
  - id: one
    name: Support Engineer
  - id: two
    name: Senior Support Engineer
themes:
  - id: comms
    name: Communication
competencies:
  - id: a1
    level: one
    theme: comms
    summary: Keeps users informed
    examples:
      - Posts an update on the status page within ten minutes of an outage
  - id: a2
    level: two
    theme: comms
    summary: Speaks for the team
    examples:
      - Briefs the leadership group during major incidents
"""


def test_a_progression_yamls_competency_examples_are_facts_under_its_theme(tmp_path):
    # the FT's format: a competency's examples say what it looks like at that level
    kb = import_page(tmp_path, "support.yml", PROGRESSION_WITH_EXAMPLES)
    one = next(r for r in kb.roles.values() if r.title == "Support Engineer")
    said = [f.text for f in one.get("communication")]
    assert said[:2] == [
        "Keeps users informed",
        "Posts an update on the status page within ten minutes of an outage",
    ]
    intent = route("support engineer comms during an outage, where do i post?", kb)
    assert intent.role == one.id
    assert "status page" in render_plain(
        ask("support engineer: where do i post during an outage", kb), kb
    )


def test_a_plain_text_article_with_numbered_sections_and_links_elsewhere(tmp_path):
    """ "2. Database Skills" above a paragraph heads a section; "Read More: ..." is a
    link to another article, not a heading the next section falls under; "the U.S."
    does not end a sentence."""
    kb = import_page(
        tmp_path,
        "guide.txt",
        "What is a Platform Engineer?\n"
        "A Platform Engineer builds the internal tools and infrastructure other teams use.\n"
        "Essential Skills for a Platform Engineer\n"
        "These are the skills a platform engineer needs most in daily work.\n"
        "1. Programming Languages\n"
        "Platform engineers write Go and Python to automate their infrastructure work.\n"
        "Read More: Complete Guide to Becoming a Florist in Paris\n"
        "2. Database Skills\n"
        "They tune PostgreSQL and Redis so that shared services stay fast under load.\n"
        "Job Outlook\n"
        "Demand is high according to the U.S. Bureau of Labor Statistics and similar sources.\n",
    )
    (role,) = kb.roles.values()
    paths = {p for t in kb.topics.values() for p in t.paths}
    facts = {p: [f.text for f in role.get(p)] for p in paths}
    said = [t for texts in facts.values() for t in texts]
    assert not any("PostgreSQL" in t for t in facts.get("progression", []))
    assert any("PostgreSQL" in t for t in said)
    assert not any("Florist" in t for t in said)
    assert any(t.startswith("Demand is high according to the U.S. Bureau") for t in said)


def test_levels_named_by_number_alone(tmp_path):
    """ "Level 1" ... "Level 3": "level" alone names no role (it is any level), "level
    three" is Level 3, "which level is..." is not Level I, and "level 3 of the car
    park" is not about the ladder."""
    kb = import_page(tmp_path, "framework.md", TOPICS_MATRIX)
    titled = {r.title: r.id for r in kb.roles.values()}
    assert not any("Level" in r.codes for r in kb.roles.values())
    assert route("does a level three plan the quarter's delivery", kb).role == titled["Level 3"]
    assert route("what does a level 2 do for craft", kb).role == titled["Level 2"]
    assert route("which level is expected to set testing standards", kb).role != titled["Level 1"]
    assert not route("which level of the car park has the ev chargers", kb).answered
    assert not route("what's the wifi password on level 3", kb).answered
    assert route("level 3 - what do they own on craft?", kb).role == titled["Level 3"]


def test_lead_ins_the_levels_never_use_are_facts_of_their_own(tmp_path):
    """A ladder-wide page's bold lead-ins ("**Guild lead** for one of the guilds") are
    kept when no level uses them (only a lead-in the levels use is a definition); a
    lead-in that is a sentence of its own keeps its full stop, with no colon after."""
    docs = write_markdown_ladder(tmp_path / "docs")
    readme = docs / "readme.md"
    readme.write_text(
        readme.read_text()
        + "\n## Leading without a title\n\n"
        + "* **Guild lead** for one of the practice guilds.\n"
        + "* **Team Lead ↔ Senior Engineer.** Same code, same band, switch at any review.\n"
    )
    out = tmp_path / "kb"
    kb, _ = import_into(out, docs)
    wide = ladder_lines(kb)
    assert "Guild lead: for one of the practice guilds." in wide
    assert any(t.startswith("Team Lead ↔ Senior Engineer. Same code") for t in wide)
    # two roles weighed on pay: the ladder's line naming both, wherever it is filed
    shown = render_plain(ask("senior engineer vs team lead, which pays more", kb), kb)
    assert "Same code, same band" in shown


def test_a_table_indexing_levels_described_elsewhere_is_not_levels_of_its_own(tmp_path):
    """A README's table whose titles link to the levels' sections ("| B20 | [Engineer
    II](core.md#engineer-ii) | Owns a feature from ticket to production |") indexes
    them: one role per level, not one more per row."""
    docs = write_markdown_ladder(tmp_path / "docs")
    index = (
        "# Levels\n\n| Code | Title | In one line |\n|---|---|---|\n"
        "| IC 1 | [Engineer I](core.md#engineer-i) | Learns the ropes on small changes |\n"
        "| IC 2 | [Engineer II](core.md#engineer-ii) | Owns a feature from ticket to production |\n"
        "| IC 3 | [Senior Engineer](technical.md#senior-engineer) | Owns a product area |\n"
    )
    (docs / "levels.md").write_text(index)
    out = tmp_path / "kb"
    kb, _ = import_into(out, docs)
    titles = sorted(r.title for r in kb.roles.values())
    assert titles == ["Engineer I", "Engineer II", "Senior Engineer", "Team Lead"]


def test_a_shared_code_is_settled_by_the_one_role_whose_facts_hold_most_of_it(tmp_path):
    """ "IC 3" is Senior Engineer's and Team Lead's; the senior's facts hold most of
    what is asked (presenting plans to leadership, not the slide deck), the lead's far
    less (a summary that "runs" a team, for "leadership")."""
    out = tmp_path / "kb"
    kb, _ = import_into(out, write_markdown_ladder(tmp_path / "docs"))
    senior = next(r.id for r in kb.roles.values() if r.title == "Senior Engineer")
    text = "is an ic 3 supposed to present the quarterly plans to leadership in a slide deck"
    intent = route(text, kb)
    assert intent.role == senior and not intent.choices


def test_a_title_ending_in_another_roles_title_is_said_with_its_code(tmp_path):
    kb = import_page(
        tmp_path,
        "management.md",
        "# Management\n\n## Engineering Manager (EM)\n\nAn Engineering Manager runs a team.\n\n"
        "### Responsibilities\n\n- Holds one to ones with each engineer.\n\n"
        "## Senior Engineering Manager\n\nA Senior Engineering Manager runs several teams.\n\n"
        "### Responsibilities\n\n- Manages other managers and plans the group's hiring.\n",
    )
    titled = {r.title: r.id for r in kb.roles.values()}
    assert (
        route("does a senior em manage other managers", kb).role
        == titled["Senior Engineering Manager"]
    )
    assert route("sr em responsibilities?", kb).role == titled["Senior Engineering Manager"]
    assert route("what does an em do", kb).role == titled["Engineering Manager"]


def test_the_last_item_of_a_numbered_list_stays_an_item(tmp_path):
    """ "3. Roll out behind a flag" after "2. ..." ends a list; the paragraph after it is
    not filed under it."""
    kb = import_page(
        tmp_path,
        "guide.txt",
        "What is a Release Engineer?\n"
        "A Release Engineer ships the company's software safely to its customers.\n"
        "Key Responsibilities\n"
        "The main steps of every release they own are these ones below.\n"
        "1. Cut the release branch on Monday\n"
        "2. Run the full regression suite\n"
        "3. Roll out behind a flag\n"
        "They also write the release notes that customers read every week.\n",
    )
    (role,) = kb.roles.values()
    said = [f.text for f in role.get("responsibilities")]
    assert "Roll out behind a flag" in said
    assert any("release notes" in t for t in said)


def test_a_table_rows_dates_and_figures_keep_their_column_headings(tmp_path):
    """ "Spring: 1 March; weeks 2-3 of March" says nothing of what is due when; the
    headings say it. Codes and titles in a row need none ("Engineer I: IC1")."""
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Engineer I\n\n- Fixes small bugs with help from the team.\n\n"
        "## Engineer II\n\n- Delivers features of a few days on their own.\n\n"
        "## Promotion cycles\n\n| Cycle | Cases due | Panel meets | Title |\n"
        "| --- | --- | --- | --- |\n| Spring | 1 March | weeks 2-3 of March | IC2 |\n",
    )
    lines = ladder_lines(kb)
    assert "Spring: Cases due 1 March; Panel meets weeks 2-3 of March; IC2" in lines
    answer = render_plain(ask("spring cycle, when are cases due?", kb), kb)
    assert "Cases due 1 March" in answer.split("\n\n")[1]


def test_a_page_copied_with_another_pages_title_takes_the_title_its_index_gives(tmp_path):
    docs = tmp_path / "docs"
    (docs / "track").mkdir(parents=True)
    pages = {
        "senior-i.md": ("Senior I Engineer", "Owns the design of one service end to end."),
        "senior-ii.md": ("Senior I Engineer", "Sets the technical direction of a whole area."),
    }
    for name, (title, duty) in pages.items():
        (docs / "track" / name).write_text(f"# {title}\n\n## Impact\n\n- {duty}\n")
    (docs / "track.md").write_text(
        "# Engineer Track\n\n- [Senior I Engineer](track/senior-i.md)\n"
        "- [Senior II Engineer](track/senior-ii.md)\n"
    )
    kb, _ = import_into(tmp_path / "kb", docs)
    titled = {r.title: r for r in kb.roles.values()}
    assert set(titled) == {"Senior I Engineer", "Senior II Engineer"}
    assert "whole area" in render_plain(ask("what does a senior II engineer do?", kb), kb)
    assert "whole area" not in render_plain(ask("what does a senior I engineer do?", kb), kb)
    report = (tmp_path / "kb" / "import-report.md").read_text()
    assert "track/senior-ii.md is titled Senior I Engineer" in report


def test_prose_citing_the_outside_world_is_kept_and_links_between_pages_are_not(tmp_path):
    docs = write_two_levels(tmp_path / "docs")
    (docs / "README.md").write_text(
        "# Career Ladder\n\nThis ladder was written by [Ada Byron](https://example.com/ada) "
        "and the platform team.\n\n- [Engineer I](e1.md)\n- [Engineer II](e2.md)\n\n"
        "## License\n\nThe ladder is shared under the "
        "[Creative Commons Attribution](https://creativecommons.org/licenses/by/4.0/) license.\n\n"
        "## Promotions\n\nPromotions are decided twice a year. For the bands, see [pay](pay.md).\n"
        "\n## Reviews\n\nEveryone gets written feedback twice a year.\n"
    )
    (docs / "pay.md").write_text("# Reviews\n\nEveryone gets written feedback twice a year.\n")
    kb, _ = import_into(tmp_path / "kb", docs)
    wide = [f for facts in kb.ladder_facts.values() for f in facts]
    texts = [f.text for f in wide]
    assert "This ladder was written by Ada Byron and the platform team." in texts
    assert any("Creative Commons Attribution" in t for t in texts)
    assert not any("see pay" in t for t in texts)  # a pointer to another page
    # said on two pages: one line, citing both
    feedback = [f for f in wide if f.text == "Everyone gets written feedback twice a year."]
    assert len(feedback) == 1 and len(feedback[0].sources) == 2
    answer = render_plain(ask("what license is the career ladder under?", kb), kb)
    assert "Creative Commons" in answer


def test_numbered_and_either_or_titles_and_a_next_step_line(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Career ladder\n\n## Trainee/Intern\n\nYou learn the basics under close "
        "supervision.\n\n_Career advancement: Junior Engineer_\n\n"
        "## Junior Engineer\n\nYou ship small changes without much supervision.\n\n"
        "_Career advancement: Principal Engineer_\n\n"
        "## 3 - Principal Engineer\n\nYou set the technical direction of projects.\n\n"
        "## Misc: Tech Lead\n\nAnyone can lead a project's technical work for a while.\n",
    )
    titled = {r.title: r for r in kb.roles.values()}
    assert set(titled) == {"Trainee/Intern", "Junior Engineer", "Principal Engineer", "Tech Lead"}
    assert route("what does an intern do?", kb).role == titled["Trainee/Intern"].id
    assert route("what does a trainee do?", kb).role == titled["Trainee/Intern"].id
    # the next step the page names is the move, not a fact about hiring
    junior = titled["Junior Engineer"]
    filed = [p for p, facts in junior.facts.items() if any("advancement" in f.text for f in facts)]
    assert filed == ["progression"]


def test_untitled_site_fragments_are_named_by_their_folder_and_state_expectations(tmp_path):
    """A site's per-level fragments ("engineering/mid-level-engineer/index.html"), with
    no title, whose headings are the expectations themselves and whose bullets are
    examples of them."""
    site = tmp_path / "site" / "engineering"
    levels = {
        "junior-engineer": "You deliver small, well-defined tasks with the help of your team.",
        "mid-level-engineer": "You tackle most of the problems your team faces without support.",
    }
    for folder, statement in levels.items():
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(
            f"<h3>{statement}</h3>\n<ul><li>You pick up tickets from the board.</li>"
            "<li>You ask for reviews early and often.</li></ul>\n"
        )
    kb, _ = import_into(tmp_path / "kb", tmp_path / "site")
    titled = {r.title: r for r in kb.roles.values()}
    assert set(titled) == {"Junior Engineer", "Mid Level Engineer"}
    mid = titled["Mid Level Engineer"]
    assert mid.summary.text == levels["mid-level-engineer"]
    assert [t.title for t in kb.tracks if mid.id in t.members] == ["Engineering"]
    assert any(titled["Junior Engineer"].id in t.members for t in kb.tracks if mid.id in t.members)


def test_a_level_word_before_another_tracks_title_says_which_of_that_title(tmp_path):
    kb = import_with_design(
        tmp_path,
        "# Engineering\n\n## Junior Engineer\n\n- Fixes small bugs with help.\n\n"
        "## Mid-level Engineer\n\n- Owns the code of a whole feature.\n",
    )
    titled = {r.title: r.id for r in kb.roles.values()}
    for text in ("what does a (mid) designer own?", "mid designer scope?"):
        assert route(text, kb).role == titled["Designer"], text
    assert route("what does a mid engineer own?", kb).role == titled["Mid-level Engineer"]


def test_a_role_familys_page_with_a_table_of_job_titles_makes_a_level_of_each(tmp_path):
    docs = tmp_path / "tracks"
    docs.mkdir()
    (docs / "team-lead.md").write_text(
        "# Team Lead\n\n## Responsibilities\n\n- Runs one to ones with every member of the team.\n"
        "\n## Job Titles\n\n| Job Title | Min Salary | Next Salary |\n| --- | --- | --- |\n"
        "| Engineering Manager | 90 000 | 100 000 |\n| Engineering Manager | 100 000 | 110 000 |\n"
        "| Senior Engineering Manager | 110 000 | 130 000 |\n"
    )
    (docs / "engineer.md").write_text(
        "# Engineer\n\n## Responsibilities\n\n- Reviews code for the team in good time.\n\n"
        "## Job Titles\n\n| Job Title | Min Salary |\n| --- | --- |\n"
        "| Junior {Discriminator} Engineer | 45 000 |\n| {Discriminator} Engineer | 75 000 |\n"
        "| Senior {Discriminator} Engineer | 100 000 |\n"
    )
    (docs / "technical-leader.md").write_text(
        "# Technical Leader\n\n## Responsibilities\n\n- Sets the architecture of an area.\n\n"
        "## Job Titles\n\n| Job Title | Min Salary |\n| --- | --- |\n"
        "| Staff Engineer | 140 000 |\n| Principal Engineer | 170 000 |\n"
    )
    kb, _ = import_into(tmp_path / "kb", docs)
    titled = {r.title: r for r in kb.roles.values()}
    assert set(titled) >= {"Staff Engineer", "Principal Engineer"}
    leader = render_plain(ask("what does a technical leader do?", kb), kb)
    assert "Staff Engineer to Principal Engineer" in leader  # in the ladder's order
    titled = {t: r for t, r in titled.items() if t not in ("Staff Engineer", "Principal Engineer")}
    assert set(titled) == {
        "Engineering Manager",
        "Senior Engineering Manager",
        "Junior Engineer",
        "Engineer",
        "Senior Engineer",
    }
    steps = {t.title: [r for step in t.steps for r in step] for t in kb.tracks}
    managers = [titled["Engineering Manager"].id, titled["Senior Engineering Manager"].id]
    assert steps["Team Lead"] == managers
    # the page's duties are each title's; the row is the title's own, headed
    senior = render_plain(ask("what's the min salary for a senior engineer?", kb), kb)
    assert "Min Salary 100 000" in senior
    # the family's name is asked about as such: its first title answers, and says so
    lead = render_plain(ask("what does a team lead do?", kb), kb)
    assert "Engineering Manager to Senior Engineering Manager" in lead
    assert "one to ones" in lead


def test_items_nested_under_a_bare_label_keep_it(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Engineer I\n\n- Fixes small bugs with help from the team.\n\n"
        "## Engineer II\n\n- Delivers features of a few days on their own.\n\n"
        "## Delivery\n\n- **Beginner**\n  - You understand the scope of work before starting.\n"
        "- **Intermediate**\n  - You estimate timelines that hold and hit your deadlines.\n"
        "- You ship in small, safe steps, and:\n  - You watch your change after release.\n",
    )
    lines = ladder_lines(kb)
    assert "Intermediate: You estimate timelines that hold and hit your deadlines." in lines
    assert "You watch your change after release." in lines  # under a sentence: as it is
    answer = render_plain(ask("intermediate delivery - what about estimates?", kb), kb)
    assert "estimate timelines that hold" in answer


def test_prose_linking_to_other_pages_in_passing_is_kept_but_pointers_are_not(tmp_path):
    docs = write_two_levels(tmp_path / "docs")
    (docs / "README.md").write_text(
        "# Career Ladder\n\n## How it works\n\nTo make sure everyone keeps growing, we hold "
        "[performance reviews](reviews.md) every six months with your manager. "
        "For the details, see [the reviews page](reviews.md).\n\n"
        "- [Engineer I](e1.md)\n- [Engineer II](e2.md)\n"
    )
    kb, _ = import_into(tmp_path / "kb", docs)
    lines = ladder_lines(kb)
    assert any("performance reviews every six months" in t for t in lines)
    assert not any("see the reviews page" in t for t in lines)
    assert not any(t.startswith("Engineer I") for t in lines)  # the list of levels: navigation


def test_which_level_says_a_thing_in_words_the_ladder_rarely_uses(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Engineer I\n\n- Fixes small bugs with help from the team.\n\n"
        "## Engineer II\n\n- You fix out of date code, tests, scripts, runbooks, and docs.\n\n"
        "## Senior Engineer\n\n- You fix out of date code, tests, scripts, runbooks, and docs.\n",
    )
    intent = route("which levels mention keeping runbooks up to date", kb)
    assert intent.answered and kb.roles[intent.role].title == "Engineer II"


@pytest.mark.parametrize(
    "text",
    [
        "which levels are expected to deal with architecture stuff",
        "what level is expected to handle systems architecture?",
    ],
)
def test_which_level_looks_for_the_thing_not_the_words_asking_for_a_duty(tmp_path, text):
    # "expected to" asks for a duty; the Trainee line that says "expected" does not
    # hold what is asked about, the Senior one does
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Trainee\n\n- You are not expected to work on customer systems alone.\n\n"
        "## Engineer\n\n- You fix bugs and ship small features.\n\n"
        "## Senior Engineer\n\n- Your work extends to systems architecture and planning.\n",
    )
    intent = route(text, kb)
    assert intent.answered and kb.roles[intent.role].title == "Senior Engineer"


def test_a_page_titled_in_its_front_matter_is_about_what_its_title_says(tmp_path):
    # a Hugo site: the home page's prose names a job ("say you are a Senior Software
    # Engineer") but its title names none, so it is the ladder's, not a role's
    docs = tmp_path / "docs"
    (docs / "engineering").mkdir(parents=True)
    (docs / "_index.md").write_text(
        '---\ntitle: "Career Ladders"\n---\n\nSay you are a "Senior Software Engineer". '
        'What does that mean? Does everyone mean the same by "Senior Software Engineer"?\n\n'
        "So we wrote our own descriptions of each role and how to move between them.\n"
    )
    for name, line in (
        ("engineer", "You fix bugs and ship small features."),
        ("senior-engineer", "You design services and mentor engineers."),
    ):
        (docs / "engineering" / f"{name}.md").write_text(
            f"---\ntitle: {name.replace('-', ' ').title()}\nweight: 2\n---\n\n"
            f"## Core Competencies\n\n* {line}\n"
        )
    kb, _ = import_into(tmp_path / "kb", docs)
    assert sorted(r.title for r in kb.roles.values()) == ["Engineer", "Senior Engineer"]
    assert any("our own descriptions" in t for t in ladder_lines(kb))


def test_a_competency_heading_is_asked_about_by_its_rare_last_word(tmp_path):
    # "Enabling Traits" is asked for as "traits"; "Delighting People" never as "people"
    level = (
        "## {title}\n\n### Core\n\n- You ship features.\n\n### Enabling Traits\n\n"
        "- Tenacity: you dig deep and do not give up.\n\n### Delighting People\n\n"
        "- You coach people who are new.\n\n"
    )
    text = "# Ladder\n\n" + "".join(level.format(title=t) for t in ("Engineer", "Staff Engineer"))
    kb = import_page(tmp_path, "ladder.md", text)
    assert route("staff level traits?", kb).topic == "enabling-traits"
    assert route("how do staff engineers work with people?", kb).topic != "delighting-people"


def test_list_items_that_finish_a_sentence_keep_it(tmp_path):
    # "make development plans" alone says nothing; with the sentence it finishes it does.
    # An item that is a sentence of its own ("Mastery - ...") stands as it is.
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## About the framework\n\nIt is short. The framework helps engineers, "
        "e.g. leads, and managers:\n\n- make development plans\n- set a fair level of pay\n\n"
        "We look at two things:\n\n- Mastery - your knowledge and skill\n"
        "- Impact - the size of what you deliver\n\n"
        "## Engineer I\n\n- Fixes bugs.\n\n## Engineer II\n\n- Designs features.\n",
    )
    lines = ladder_lines(kb)
    intro = "The framework helps engineers, e.g. leads, and managers:"
    assert f"{intro} make development plans" in lines
    assert f"{intro} set a fair level of pay" in lines
    assert "Mastery - your knowledge and skill" in lines


def test_a_pages_heading_names_its_level_under_a_site_title(tmp_path):
    # a Jekyll page whose front matter titles the whole handbook, its heading the level
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, title, line in (
        ("one.md", "Engineer", "You fix bugs and ship small features."),
        ("two.md", "Senior Engineer", "You design services and mentor engineers."),
    ):
        (docs / name).write_text(
            f"---\ntitle: Backend Handbook\nlayout: page\n---\n\n# {title}\n\n- {line}\n"
        )
    kb, _ = import_into(tmp_path / "kb", docs)
    assert sorted(r.title for r in kb.roles.values()) == ["Engineer", "Senior Engineer"]


def test_a_site_generators_template_tags_are_not_facts(tmp_path):
    # Hugo's shortcodes and Liquid's tags are the site's machinery: CommonMark reads
    # them as text, and they never reach an answer
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## About\n\nThe ladder applies to everyone in Engineering.\n\n"
        '{{< cards >}}\n{{< card link="engineer" title="1. Engineer" >}}\n{{< /cards >}}\n\n'
        "{% include footer.html %} Levels are reviewed every year.\n\n"
        "## Engineer I\n\n- Fixes bugs.\n\n## Engineer II\n\n- Designs features.\n",
    )
    lines = ladder_lines(kb)
    assert "The ladder applies to everyone in Engineering." in lines
    assert "Levels are reviewed every year." in lines
    assert not any("{" in t or "}" in t for t in lines)


def test_a_template_tag_in_a_code_span_is_the_lines_own_words(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Engineer I\n\n- Sets images with `{{ .Values.image.tag }}` in charts.\n\n"
        "## Engineer II\n\n- Designs features.\n",
    )
    facts = [f.text for fs in kb.roles["engineer-i"].facts.values() for f in fs]
    assert "Sets images with {{ .Values.image.tag }} in charts." in facts


def test_files_left_out_are_listed_and_no_file_name_is_skipped_unsaid(tmp_path):
    docs = write_markdown_ladder(tmp_path / "docs")
    (docs / "LICENSE").write_text("MIT")
    (docs / "SOURCE.txt").write_text("Where we got it\n\n- Written by the platform team.\n")
    result = run_bot("import", str(docs), "--out", str(tmp_path / "kb"))
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "kb" / "import-report.md").read_text()
    assert "LICENSE (a licence" in report
    sources = yaml.safe_load((tmp_path / "kb" / "sources.yaml").read_text())["sources"]
    assert any(s["document"] == "SOURCE.txt" for s in sources)


def test_html_headings_with_a_link_to_themselves_still_name_their_levels(tmp_path):
    page = "<h1>Engineering ladder</h1>" + "".join(
        f'<h2 id="{slug}">{title}<a class="headerlink" href="#{slug}">{mark}</a></h2>'
        f"<ul><li>{duty}</li></ul>"
        for slug, title, mark, duty in (
            ("e1", "Engineer I", "¶", "Fixes small bugs with help from the team."),
            ("e2", "Engineer II", "#", "Delivers features of a few days on their own."),
            ("se", "Senior Engineer", "🔗", "Leads the design of a product area."),
        )
    )
    kb = import_page(tmp_path, "ladder.html", page)
    assert {r.title for r in kb.roles.values()} == {"Engineer I", "Engineer II", "Senior Engineer"}


def test_a_vue_pages_template_is_read_as_its_html(tmp_path):
    body = "".join(
        f'<h2 id="{slug}">\n  {title}\n  <a href="#{slug}">#</a>\n</h2>\n<ul><li>{duty}</li></ul>\n'
        for slug, title, duty in (
            ("e1", "Engineer I", "Completes clearly-defined tasks with help."),
            ("e2", "Engineer II", "Owns features of a few days on their own."),
        )
    )
    page = (
        f'<template>\n<section class="content">\n{body}</section>\n</template>\n'
        "<script>\nexport default {}\n</script>\n"
    )
    kb = import_page(tmp_path, "engineering.vue", page)
    assert {r.title for r in kb.roles.values()} == {"Engineer I", "Engineer II"}
    assert "Owns features" in render_plain(ask("what does an engineer II do?", kb), kb)


def test_developer_names_a_ladders_engineer_titles(tmp_path):
    kb = import_with_design(
        tmp_path,
        "# Engineering\n\n## Junior Engineer\n\n- Pairs with others on small tickets.\n\n"
        "## Senior Engineer\n\n- Owns the code of a whole feature.\n",
    )
    junior = next(r.id for r in kb.roles.values() if r.title == "Junior Engineer")
    for text in ("what do people expect from a junior dev?", "junior developer duties"):
        assert route(text, kb).role == junior, text


def test_force_through_a_link_replaces_the_folder_it_points_to_and_keeps_dot_files(tmp_path):
    docs = write_markdown_ladder(tmp_path / "docs")
    real = tmp_path / "real"
    assert run_bot("import", str(docs), "--out", str(real)).returncode == 0
    (real / ".git").mkdir()
    (real / ".git" / "HEAD").write_text("ref: refs/heads/main")
    link = tmp_path / "link"
    link.symlink_to(real)
    result = run_bot("import", str(docs), "--out", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert (real / "ladder.yaml").is_file() and (real / ".git" / "HEAD").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left over
    # a link to nothing, and a knowledge base no import wrote, are refused
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere" / "kb")
    refused = run_bot("import", str(docs), "--out", str(tmp_path / "dangling"), "--force")
    assert refused.returncode == 2 and "does not exist" in refused.stderr
    assert not (tmp_path / "nowhere").exists()
    (real / "import-report.md").unlink()
    refused = run_bot("import", str(docs), "--out", str(real), "--force")
    assert refused.returncode == 2 and "not an earlier import" in refused.stderr
    # a new folder holding only dot-files (git init) counts as empty
    fresh = tmp_path / "fresh"
    (fresh / ".git").mkdir(parents=True)
    assert run_bot("import", str(docs), "--out", str(fresh)).returncode == 0
    assert (fresh / ".git").is_dir() and (fresh / "ladder.yaml").is_file()


def test_odd_pages_the_review_found(tmp_path):
    docs = tmp_path / "docs"
    (docs / "eng").mkdir(parents=True)
    (docs / "LICENSE.md").write_text("Permission is hereby granted, free of charge, to anyone.\n")
    (docs / "eng" / "01-junior-engineer.md").write_text(
        "## Scope\n\n- Fixes small bugs with help from the team.\n\n"
        "## Next: Senior Engineer\n\n- Previous level: Intern\n"
        '- Read the <a href="http://[broken">calendar</a> for the dates of each cycle of reviews.\n'
    )
    (docs / "eng" / "02-senior-engineer.md").write_text(
        "## Scope\n\n- Designs systems for the team.\n- Reports to: Junior Engineer\n\n"
        "## Levels compared\n\n| Level | Scope |\n| --- | --- |\n"
        "| Junior Engineer | small bugs |\n| Senior Engineer | whole systems |\n"
    )
    result = run_bot("import", str(docs), "--out", str(tmp_path / "kb"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    kb = knowledge.load(tmp_path / "kb")
    titled = {r.title: r for r in kb.roles.values()}
    assert set(titled) == {"Junior Engineer", "Senior Engineer"}
    senior = titled["Senior Engineer"]
    assert not any("Reports to" in f.text for f in senior.get("progression"))
    report = (tmp_path / "kb" / "import-report.md").read_text()
    assert "LICENSE.md (a licence" in report
    assert not any("Permission is hereby" in t for t in ladder_lines(kb))


def test_templates_are_read_only_in_vue_pages_and_nested_ones_too(tmp_path):
    levels = "".join(
        f"<h2>{t}</h2><ul><li>{d}</li></ul>"
        for t, d in (("Engineer I", "Fixes small bugs."), ("Engineer II", "Ships features."))
    )
    vue = (
        f"<template><div>{levels}<template v-if='x'><h2>Senior Engineer</h2>"
        "<ul><li>Designs whole systems.</li></ul></template></div></template>"
    )
    (tmp_path / "v").mkdir()
    kb = import_page(tmp_path / "v", "ladder.vue", vue)
    assert {r.title for r in kb.roles.values()} == {"Engineer I", "Engineer II", "Senior Engineer"}
    flash = '<template class="flash"><p>Reload to refresh your session.</p></template>'
    (tmp_path / "h").mkdir()
    kb = import_page(tmp_path / "h", "ladder.html", f"<h1>Ladder</h1>{levels}{flash}")
    lines = ladder_lines(kb)
    lines += [f.text for r in kb.roles.values() for fs in r.facts.values() for f in fs]
    assert not any("Reload" in t for t in lines)


def test_a_family_name_a_title_holds_and_readme_fragments(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "lead.md").write_text(
        "# Lead\n\n## Responsibilities\n\n- Leads the team's technical work.\n\n"
        "## Titles\n\n| Job Title | Band |\n| --- | --- |\n"
        "| Tech Lead | 5 |\n| Staff Engineer | 6 |\n"
    )
    kb, _ = import_into(tmp_path / "kb", docs)
    assert {r.title for r in kb.roles.values()} == {"Tech Lead", "Staff Engineer"}
    site = tmp_path / "site" / "engineering"
    for name in ("junior-engineer", "senior-engineer"):
        (site / name).mkdir(parents=True)
        (site / name / "README.md").write_text(f"- Does the work of a {name.split('-')[0]}.\n")
    kb, _ = import_into(tmp_path / "kb2", tmp_path / "site")
    assert [t.title for t in kb.tracks] == ["Engineering"]


def test_developer_names_a_ladders_plain_engineer_title(tmp_path):
    kb = import_page(
        tmp_path,
        "ladder.md",
        "# Ladder\n\n## Junior Engineer\n\n- Pairs with others on small tickets.\n\n"
        "## Engineer\n\n- Owns features end to end and answers for them in production.\n\n"
        "## Senior Engineer\n\n- Designs systems for the team.\n",
    )
    engineer = next(r.id for r in kb.roles.values() if r.title == "Engineer")
    assert route("what does a developer own?", kb).role == engineer
