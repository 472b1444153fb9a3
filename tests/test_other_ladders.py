"""Ladders other than the built-in one: level codes shared by tracks, no single
discipline, facts about the whole ladder, a topic of the company's own, and a
metamorphic check that nothing in the code depends on the built-in ladder's words.

tests/fixtures/codes is a small made-up ladder written for these tests.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.answer.compose import compose
from bot.answer.render_blocks import render_blocks
from bot.answer.render_text import render_plain
from bot.ladder import knowledge
from bot.ladder.model import LADDER
from bot.pipeline import ask
from bot.understand.router import route

from .conftest import ROOT, run_bot

CODES = Path(__file__).parent / "fixtures" / "codes"


@pytest.fixture(scope="module")
def codes():
    return knowledge.load(CODES)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("what does an IC3 do", "senior-engineer"),
        ("ic 3 responsibilities", "senior-engineer"),
        ("M3 duties", "team-lead"),
        ("engineer 2 skills", "engineer-2"),  # figures for the title's roman numerals
        ("what does an Engineer II do", "engineer-2"),
        ("level 3 on the management track, what do they own", "team-lead"),
        # words of a title shortened as people type them, with no alias saying so
        ("sr eng duties", "senior-engineer"),
        ("what does an eng mgr own", "engineering-manager"),
        ("staff eng responsibilities", "staff-engineer"),
        # shorthand typed with the level's figure
        ("what does an eng2 do", "engineer-2"),
        ("how independent is an eng1 supposed to be?", "engineer-1"),
        ("lvl1 skills?", "engineer-1"),
        ("lvl2 - what are the responsibilities", "engineer-2"),
        # a level word the ladder uses alone ("senior"), shortened ("sr")
        ("what does a sr do", "senior-engineer"),
    ],
)
def test_level_codes_and_their_spoken_forms_name_roles(codes, text, role):
    intent = route(text, codes)
    assert intent.answered and intent.role == role


@pytest.mark.parametrize("text", ["what does a level 3 do", "L3 responsibilities", "lvl 3 skills"])
def test_a_code_several_tracks_share_is_asked_about_not_guessed(codes, text):
    intent = route(text, codes)
    assert not intent.answered and set(intent.choices) == {"senior-engineer", "team-lead"}
    answer = compose(intent, codes, text)
    assert answer.title.startswith("Which") and "Senior Engineer, Team Lead" in answer.intro
    buttons = [
        e
        for message in render_blocks(answer, codes)
        for b in message
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    chosen = [e for e in buttons if e["action_id"].startswith("ladder_choose_")]
    assert [e["text"]["text"] for e in chosen] == ["Senior Engineer", "Team Lead"]


def test_another_role_named_settles_a_shared_code(codes):
    intent = route("how do i get from level 3 to engineering manager", codes)
    assert intent.answered and intent.role == "team-lead"


def test_a_track_named_in_another_form_of_its_word_settles_a_shared_code(codes):
    # "manager" for the Management track, as "management" would
    intent = route("does a level 3 manager review every PR", codes)
    assert intent.answered and intent.role == "team-lead"


def test_facts_about_the_whole_ladder(codes):
    intent = route("how do promotions work", codes)
    assert (intent.role, intent.topic) == (LADDER, "progression")
    assert "calibration panel" in render_plain(ask("how do promotions work", codes), codes)
    # beside a role's own answer, and in its place where the role's sources are silent
    pay = render_plain(ask("what is the salary of an engineering manager", codes), codes)
    assert "The sources don't cover salary for Engineering Manager." in pay
    assert "Across the ladder" in pay and "published pay band" in pay


def test_no_role_named_and_nothing_ladder_wide_asks_which_role(codes):
    intent = route("what skills do i need", codes)
    assert not intent.answered and intent.choices
    assert not route("what skills do i need to be a pilot", codes).answered
    assert not route("what is the salary of a nurse", codes).answered


def test_a_list_read_by_two_topics(codes):
    skills = render_plain(ask("engineer 2 skills", codes), codes)
    assert "Communication" in skills and "design notes" in skills
    assert route("Engineer II communication", codes).topic == "communication"


def test_a_topics_file_that_extends_the_built_in_one(codes):
    assert {"salary", "progression", "communication"} <= set(codes.topics)
    assert codes.topics["skills"].paths == ("skills", "communication")


def test_shared_codes_and_ladder_facts_are_checked(tmp_path):
    shutil.copytree(CODES, tmp_path / "kb")
    lead = tmp_path / "kb" / "roles" / "team-lead.yaml"
    lead.write_text(lead.read_text().replace("codes: [M3, Level 3]", "codes: [M3, Level 3, IC2]"))
    ladder = tmp_path / "kb" / "ladder.yaml"
    ladder.write_text(ladder.read_text().replace("  salary:", "  wages:"))
    em = tmp_path / "kb" / "roles" / "engineering-manager.yaml"
    em.write_text(em.read_text().replace("aliases: [", "aliases: [ic 2, "))
    problems = [str(p) for p in knowledge.validate(tmp_path / "kb")]
    assert any("level code 'IC2' is an alias of role 'engineering-manager'" in p for p in problems)
    assert any("unknown field 'wages'" in p and "ladder.yaml" in p for p in problems)


def test_the_ladder_role_id_is_reserved(tmp_path):
    shutil.copytree(CODES, tmp_path / "kb")
    path = tmp_path / "kb" / "roles" / "staff-engineer.yaml"
    path.write_text(path.read_text().replace("id: staff-engineer", "id: ladder"))
    assert any("reserved" in str(p) for p in knowledge.validate(tmp_path / "kb"))


def test_validate_warns_about_a_move_fact_that_names_another_move(tmp_path):
    shutil.copytree(CODES, tmp_path / "kb")
    path = tmp_path / "kb" / "roles" / "senior-engineer.yaml"
    path.write_text(
        path.read_text().replace(
            "Moving to Staff Engineer takes leading work", "The next step takes leading work"
        )
    )
    result = run_bot("validate", str(tmp_path / "kb"))
    assert result.returncode == 0
    assert "senior-engineer.yaml:" in result.stdout
    assert "warning: this fact is filed as the move to 'staff-engineer'" in result.stdout


def test_the_built_in_topic_examples_name_no_role(kb):
    from bot.understand.frame import Frame
    from bot.understand.index import build_index
    from bot.understand.roles import find_spans
    from bot.understand.spell import spell

    index = build_index(kb)
    for topic in kb.topics.values():
        for example in topic.examples:
            frame = Frame(example.replace("{role}", ""), kb)
            spell(frame, index)
            assert not find_spans(frame, index), example


# --- the built-in ladder with every level word renamed: routing must not change -----

RENAMED = {
    "senior": "veteran",
    "junior": "novice",
    "principal": "captain",
    "staff": "marshal",
    "lead": "foreman",
    "mid": "median",
}
_WORD = re.compile(r"\b(" + "|".join(RENAMED) + r")(s?)\b", re.I)
# ids, references and the topics' own names stay as they are: only words change
_KEEP = {"id", "to", "role", "sources", "steps", "default_role", "main_track", "document"}
_KEEP |= {"duty_over", "compares", "default_topic"}


def _renamed(text: str) -> str:
    def one(m: re.Match) -> str:
        word = RENAMED[m.group(1).lower()] + m.group(2)
        typed = m.group(0)
        if typed.isupper() and len(typed) > 1:
            return word.upper()
        return word.capitalize() if typed[0].isupper() else word

    return _WORD.sub(one, text)


def _walk(value, key=None):
    if key in _KEEP:
        return value
    if isinstance(value, dict):
        return {k: _walk(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, key) for v in value]
    return _renamed(value) if isinstance(value, str) else value


def test_renaming_every_level_word_changes_no_reading(kb, tmp_path):
    renamed = tmp_path / "renamed"
    shutil.copytree(ROOT / "knowledge", renamed)
    for path in renamed.rglob("*.yaml"):
        data = _walk(yaml.safe_load(path.read_text()))
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000))
    other = knowledge.load(renamed)
    table = Path(__file__).with_name("readings.txt").read_text().splitlines()
    questions = [line.split("|", 3)[3] for line in table if line and not line.startswith("#")]
    moved = []
    for question in questions:
        a, b = route(question, kb), route(_renamed(question), other)
        read = (a.role, a.topic, a.other_role, a.answered)
        if read != (b.role, b.topic, b.other_role, b.answered):
            moved.append(question)
    assert moved == []


@pytest.mark.parametrize(
    "text",
    [
        "Nikon IC3 vs IC4 for the offsite photos, which should we rent",
        "M3 or M4 bolts for the shelf bracket",
    ],
)
def test_short_codes_among_words_the_ladder_never_uses_are_not_levels(codes, text):
    assert not route(text, codes).answered
    assert route("IC3 vs IC4, what changes", codes).answered


@pytest.mark.parametrize(
    "text",
    [
        # a person wanted, not a role
        "who's the team lead for the data center migration project?",
        "who is the tech lead on tonight's incident bridge",
        "whos leading the IC3 sync today",
        "who is booking the team lead offsite venue",
        # people asked to do something, naming a level in passing
        "can someone book meeting room M3 on the 3rd floor for the senior sync",
        "does anyone have a contact for the engineering manager at fastly",
        # trouble with a thing, and what people use
        "the IC3 laptop image doesnt work after the update",
        "which debugger extension do u use, seniors?",
        # no question in it, a time it sets: an announcement
        "engineering manager office hours moved to thursday this week",
        # pay for other trades: the ladder's pay facts are no page of its own
        "how much does a plumber make a year",
        "what is a fair offer for my car",
        "team lead planning moved to 3pm tomorrow",
    ],
)
def test_requests_that_name_a_level_in_passing_are_declined(codes, text):
    assert not route(text, codes).answered, text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("who is responsible for hiring on the management track, the M4?", "engineering-manager"),
        ("can someone explain what an IC3 does", "senior-engineer"),
        ("I feel stuck as a senior engineer, what should I work on", "senior-engineer"),
        ("my IC2 gets stuck for days without asking, what does the ladder expect", "engineer-2"),
        ("I manage an IC2 who's aiming for IC3, how can I help", "engineer-2"),  # "who" of IC2
        ("promo panel is on thursday, what should an IC3 prepare", "senior-engineer"),
        ("friday deploys - are IC3s expected to be on call", "senior-engineer"),
        # what a level must do, in a request's words
        ("does an engineer 2 need to fix broken deploys on their own?", "engineer-2"),
    ],
)
def test_questions_with_the_words_of_requests_are_still_answered(codes, text, role):
    intent = route(text, codes)
    assert intent.answered and intent.role == role, text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("does a level 3 review designs?", "senior-engineer"),
        ("level 3 planning and one-to-ones?", "team-lead"),
    ],
)
def test_a_shared_code_is_settled_by_the_only_role_whose_facts_answer(codes, text, role):
    intent = route(text, codes)
    assert intent.answered and intent.role == role
    assert not route("what does a level 3 do", codes).answered  # nothing settles it


def edited_codes(tmp_path: Path, edit) -> knowledge.KnowledgeBase:
    copy = tmp_path / "kb"
    shutil.copytree(CODES, copy)
    edit(copy)
    return knowledge.load(copy)


def codes_with(tmp_path: Path, *facts: tuple[str, str, str]) -> knowledge.KnowledgeBase:
    """The fixture ladder with facts added, each (file, list, text): the list a dotted
    path in that file ("responsibilities", "facts.salary"), made if it is missing."""

    def add(kb_dir: Path) -> None:
        for file, where, text in facts:
            path = kb_dir / file
            data = yaml.safe_load(path.read_text())
            *parents, name = where.split(".")
            node = data
            for key in parents:
                node = node.setdefault(key, {})
            node.setdefault(name, []).append({"text": text, "sources": ["handbook"]})
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))

    return edited_codes(tmp_path, add)


def test_a_compound_a_fact_hyphenates_is_found_as_typed(tmp_path):
    def add_on_call(kb_dir: Path) -> None:
        path = kb_dir / "roles" / "engineer-1.yaml"
        text = path.read_text() + (
            "workflows:\n  - text: Joins the on-call rota as a shadow.\n    sources: [handbook]\n"
        )
        path.write_text(text)

    kb = edited_codes(tmp_path, add_on_call)
    for text in ("does an IC1 go on call?", "ic1 oncall?"):
        answer = render_plain(ask(text, kb), kb)
        assert "on-call rota" in answer.split("\n\n")[1], text


def test_a_synonym_phrase_in_the_question_finds_its_one_word_members(tmp_path):
    def add_workshops(kb_dir: Path) -> None:
        path = kb_dir / "roles" / "senior-engineer.yaml"
        path.write_text(
            path.read_text()
            + "  - text: Organises technical workshops for the product area.\n"
            + "    sources: [handbook]\n"
        )

    kb = edited_codes(tmp_path, add_workshops)
    # "training session" is in a synonym group with "workshop" (topics.yaml)
    answer = render_plain(ask("does an IC3 run training sessions?", kb), kb)
    assert "workshops" in answer.split("\n\n")[1]


def test_a_moves_answer_shows_what_the_ladder_says_of_moving_to_that_role(tmp_path):
    def add_sign_off(kb_dir: Path) -> None:
        path = kb_dir / "ladder.yaml"
        path.write_text(
            path.read_text().replace(
                "  progression:\n",
                "  progression:\n    - text: Promotions to IC4 also need the CTO's sign-off.\n"
                "      sources: [handbook]\n",
            )
        )

    kb = edited_codes(tmp_path, add_sign_off)
    answer = render_plain(ask("who signs off promotions to IC4", kb), kb)
    assert answer.index("CTO's sign-off") < answer.index("Where it sits")  # named: first
    assert answer.count("CTO's sign-off") == 1 and "don't say what this move takes" not in answer
    other = render_plain(ask("how do I become a senior engineer", kb), kb)
    assert other.index("Where it sits") < other.index("CTO's sign-off")  # for everyone: after


@pytest.mark.parametrize(
    "text",
    [
        "IC3 -> IC4 whats different in responsibilities",
        "going from IC3 to IC4, what changes in responsibilities?",
    ],
)
def test_what_differs_on_a_move_asked_of_one_topic_shows_it_for_both(codes, text):
    intent = route(text, codes)
    # both levels: the one the move heads to first when "what changes" is asked (as
    # "what changes at IC4" is about IC4); "whats different" weighs them in order
    first = "staff-engineer" if "changes" in text else "senior-engineer"
    second = "senior-engineer" if first == "staff-engineer" else "staff-engineer"
    assert (intent.role, intent.other_role, intent.topic) == (first, second, "responsibilities")
    answer = render_plain(ask(text, codes), codes)
    assert "Senior Engineer:" in answer and "Staff Engineer:" in answer


def test_a_topics_file_adds_phrases_to_a_built_in_topic(tmp_path):
    ladder = tmp_path / "kb"
    shutil.copytree(CODES, ladder)
    topics = ladder / "topics.yaml"
    data = yaml.safe_load(topics.read_text()) if topics.exists() else {"extends": "builtin"}
    data["add_phrases"] = {"tools": ["gizmo kit"]}
    topics.write_text(yaml.safe_dump(data))
    kb = knowledge.load(ladder)
    assert "gizmo kit" in kb.topics["tools"].phrases
    assert route("what gizmo kit does a senior engineer use", kb).topic == "tools"


def test_a_shared_code_asked_about_a_ladder_wide_topic_gets_the_ladders_answer(codes):
    # pay is set for every level alike here: no need to ask which "level 3"
    intent = route("level 3 salary?", codes)
    assert intent.answered and intent.role == LADDER and intent.topic == "salary"
    assert "published pay band" in render_plain(ask("level 3 salary?", codes), codes)


def _add_competencies(kb_dir: Path) -> None:
    """Two competency headings of the company's own, with no example questions, as
    `ladderbot import` writes them."""
    topics = kb_dir / "topics.yaml"
    topics.write_text(
        topics.read_text()
        + "  - id: team-work\n    title: Team Work\n    fields:\n      team_work: Team Work\n"
        + "    phrases: [team work, teamwork]\n"  # as `ladderbot import` writes them
        + "  - id: organising\n    title: Organising\n    fields:\n      organising: Organising\n"
        + "    phrases: [organising, organisation]\n"
    )
    path = kb_dir / "roles" / "senior-engineer.yaml"
    path.write_text(
        path.read_text()
        + "team_work:\n  - text: Pairs with teammates and promotes teamwork across squads.\n"
        + "    sources: [handbook]\n"
        + "organising:\n  - text: Splits quarterly plans into tasks the team can pick up.\n"
        + "    sources: [handbook]\n"
    )


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the heading's two words written as one, beside a frame of another topic
        ("teamwork for an IC3 - what are they supposed to do", "team-work"),
        ("team work for IC3s, what's expected", "team-work"),
        ("teamwork expectations for ic3", "team-work"),
        ("IC3 responsibilities for teamwork", "team-work"),
        # the heading's noun asked with its verb
        ("how should an IC3 organise their work", "organising"),
        ("ic3: how organized do they need to be", "organising"),
    ],
)
def test_a_competency_heading_is_found_as_people_word_it(tmp_path, text, topic):
    kb = edited_codes(tmp_path, _add_competencies)
    intent = route(text, kb)
    assert (intent.role, intent.topic) == ("senior-engineer", topic)


def test_where_a_role_sits_gives_its_level_code(codes):
    for text in (
        "what level is a senior engineer on the ladder",
        "where does a senior engineer sit",
    ):
        intent = route(text, codes)
        assert (intent.role, intent.other_role) == ("senior-engineer", None), text
        assert "Senior Engineer (IC3)" in render_plain(ask(text, codes), codes)


@pytest.mark.parametrize("text", ["what level is a staff engineer", "staff engineer vs senior?"])
def test_a_roman_level_plus_s_is_not_an_everyday_word(codes, text):
    # "Level I" and "Level V" must not turn "level is" or "vs" into a level
    assert "engineer-1" not in {route(text, codes).role, route(text, codes).other_role}


def test_an_outage_finds_what_the_ladder_says_of_incidents(tmp_path):
    kb = codes_with(
        tmp_path,
        (
            "roles/senior-engineer.yaml",
            "responsibilities",
            "Runs the post-incident review and sees its actions through.",
        ),
    )
    for text in ("what should an IC3 do after an outage", "ic3 duties after outages?"):
        lead = render_plain(ask(text, kb), kb).split("\n\n")[1]
        assert "post-incident review" in lead, text


def test_a_topic_with_nothing_filed_finds_the_line_that_says_its_word(tmp_path):
    kb = codes_with(
        tmp_path,
        (
            "roles/engineer-1.yaml",
            "responsibilities",
            "Most of our apprentice hires start at this level.",
        ),
    )
    answer = ask("where do most IC1 hires come from", kb)
    assert answer.intent.topic == "hiring"
    assert "apprentice hires" in render_plain(answer, kb).split("\n\n")[1]


@pytest.mark.parametrize(
    "text",
    [
        "IC3 here - gonna nuke the flaky cron thingy, need a memo first?",
        "IC3 here, do I have to write anything up before touching two microservices?",
    ],
)
def test_a_short_code_the_asker_says_they_are_is_their_level(codes, text):
    intent = route(text, codes)
    assert intent.answered and intent.role == "senior-engineer", text


def test_a_short_code_as_the_subject_of_a_question_is_the_level(codes):
    # "does a M3 ..." asks about someone, however many words the ladder never uses
    intent = route("can an IC3 veto a gnarly monorepo refactor proposed by another squad", codes)
    assert intent.answered and intent.role == "senior-engineer"


PAY_LINES = (  # the ladder's pay lines, and Team Lead's own pay fact
    ("ladder.yaml", "facts.salary", "Level 3: £66,000 to £85,000 a year."),
    ("ladder.yaml", "facts.salary", "On-call is paid at £40 per weekday shift."),
    ("roles/team-lead.yaml", "salary", "Team leads also get a leadership allowance."),
)


def test_the_ladders_lines_answer_for_a_shared_code_and_for_no_role(tmp_path):
    kb = codes_with(tmp_path, *PAY_LINES)
    # "Level 3" is Senior Engineer's and Team Lead's, and Team Lead has pay facts of its
    # own; the ladder's line naming the code answers rather than asking which
    answer = render_plain(ask("salary range for level 3 in lisbon?", kb), kb)
    assert "£66,000 to £85,000" in answer
    # no role named, one of the ladder's lines holding three things asked
    answer = render_plain(ask("how much is on-call paid per shift", kb), kb)
    assert "£40 per weekday shift" in answer


@pytest.mark.parametrize(
    "text",
    ["who reviews the designs of a product area and sets its direction"],
)
def test_whose_duty_it_is_names_the_role_whose_facts_hold_it(codes, text):
    answer = ask(text, codes)
    assert answer.intent.role == "senior-engineer"
    assert "reviews its designs" in render_plain(answer, codes)


@pytest.mark.parametrize("text", ["who's on call tonight for payments", "who approves my expenses"])
def test_whose_duty_is_not_a_person_wanted_or_a_loose_match(codes, text):
    assert not route(text, codes).answered


def test_a_compound_a_fact_hyphenates_is_found_written_as_one_word(tmp_path):
    kb = codes_with(
        tmp_path,
        (
            "roles/senior-engineer.yaml",
            "responsibilities",
            "Records big trade-offs in decision records.",
        ),
    )
    answer = render_plain(ask("where do IC3s write down tradeoffs for the next person", kb), kb)
    assert "trade-offs in decision records" in answer.split("\n\n")[1]


def test_a_promotion_to_a_shared_code_is_answered_by_the_ladders_lines_naming_it(tmp_path):
    kb = codes_with(
        tmp_path,
        ("ladder.yaml", "facts.progression", "Promotions to Level 3 also need a written case."),
    )
    answer = ask("promo to level 3 - is there an extra step?", kb)
    assert not answer.intent.choices
    assert "written case" in render_plain(answer, kb)


def test_underperforming_finds_what_the_ladder_says_of_performance_problems(tmp_path):
    kb = codes_with(
        tmp_path,
        (
            "roles/engineering-manager.yaml",
            "responsibilities",
            "Deals with performance problems early.",
        ),
    )
    text = "one of my reports is underperforming, what does the ladder expect of me as M4"
    assert "performance problems early" in render_plain(ask(text, kb), kb)


def test_an_overview_shows_what_the_ladder_says_of_the_role_by_name(tmp_path):
    kb = codes_with(
        tmp_path,
        (
            "ladder.yaml",
            "facts.progression",
            "Senior Engineer is a career level: many stay for good.",
        ),
    )
    answer = render_plain(ask("is senior engineer considered a career level here?", kb), kb)
    assert "many stay for good" in answer and "don't cover overview" not in answer
    answer = render_plain(ask("senior engineer in a nutshell, do people stay for good?", kb), kb)
    # sharing two words with the question ("stay", "good"), the ladder's line leads
    assert answer.split("\n\n")[1].startswith("Senior Engineer is a career level")


def test_a_path_answer_shows_the_ladders_line_on_that_role_sharing_the_question(tmp_path):
    kb = codes_with(
        tmp_path, ("ladder.yaml", "facts.salary", "M4 is paid on the same band as IC4.")
    )
    answer = ask("whats next after m4, is it the same band as an ic?", kb)
    assert answer.intent.role == "engineering-manager" and answer.intent.topic == "progression"
    assert "same band as IC4" in render_plain(answer, kb)


def test_a_role_with_no_pay_of_its_own_leads_with_the_ladders_line_naming_it(tmp_path):
    kb = codes_with(tmp_path, ("ladder.yaml", "facts.salary", "M4: £94,000 to £116,000."))
    body = render_plain(ask("what's the pay band for an m4", kb), kb).split("\n\n", 1)[1]
    assert "M4: £94,000 to £116,000." in body.split("\n\n")[0] + body.split("\n\n")[1]
    assert "don't cover" not in body.split("\n\n")[0]


def test_three_words_of_a_ladder_line_do_not_answer_a_question_about_something_else(tmp_path):
    kb = codes_with(tmp_path, *PAY_LINES)
    assert not route("is a nurse paid per shift on call", kb).answered


def test_a_path_answer_shows_each_ladder_line_sharing_the_question_words(tmp_path):
    """Each line naming the role that shares a word asked shows once - none is taken
    for a repeat of itself (it was, once it had three words or more)."""
    kb = codes_with(
        tmp_path,
        ("ladder.yaml", "facts.salary", "M4 is the equivalent of IC4 in pay and weight."),
        ("ladder.yaml", "facts.salary", "IC4 and M4 are equivalent: band minimum £94,000"),
    )
    for text in ("m4 is equivalent to which ic level", "m4 equivalent ic level?"):
        answer = render_plain(ask(text, kb), kb)
        assert "equivalent of IC4 in pay" in answer, text
        assert "band minimum £94,000" in answer, text


def test_only_title_and_level_shorthand_takes_a_figure():
    from bot.understand.normalise import tokens

    # "dev2" is a server far more often than a Developer 2
    assert tokens("eng1 and lvl5 on dev2") == ["engineer1", "and", "level5", "on", "dev2"]


def test_chat_function_words_are_not_words_asked_about(codes):
    from bot.understand.router import understand

    asked = understand("what is expected re: estimates and deadlines?", codes).asked
    assert "estim" in asked.specific and "re" not in asked.specific
    # nor is a contraction typed without its apostrophe
    asked = understand("havent had a review yet, how often are they", codes).asked
    assert "review" in asked.specific and "havent" not in asked.specific


@pytest.mark.parametrize(
    "text", ["how do I go from IC1 to IC2?", "moving from engineer I to engineer II"]
)
def test_a_move_the_sources_say_nothing_of_shows_what_is_new_at_the_target(codes, text):
    answer = render_plain(ask(text, codes), codes)
    assert "don't say what this move takes" in answer
    assert "Breaks a feature into tasks" in answer  # Engineer II's, not Engineer I's
    assert "Fixes bugs and builds small features" not in answer.split("Next")[-1]


LADDER_LINES = (
    (
        "ladder.yaml",
        "facts.progression",
        "The framework guides growth talks; it is not a rating system.",
    ),
    (
        "ladder.yaml",
        "facts.progression",
        "Anyone may propose edits to the ladder by opening a pull request.",
    ),
)


def test_a_framework_the_ladder_does_not_call_itself_is_not_the_ladder(kb):
    # the built-in ladder's pages never say "framework": a web framework, not an answer
    # about the ladder (and not "Yes" from a line about ORM frameworks)
    assert not route("is the framework used to score people", kb).answered


def test_the_ladder_named_as_what_is_asked_about_is_answered(tmp_path):
    # no role named, and an everyday word the ladder's files never use ("score")
    kb = codes_with(tmp_path, *LADDER_LINES)
    text = "is the framework used to score people?"
    assert "not a rating system" in render_plain(ask(text, kb), kb)


@pytest.mark.parametrize(
    "text",
    [
        "our career ladder looks finished, or do folks still tweak it?",
        "is the career ladder final, or do folks still tweak it?",
    ],
)
def test_the_ladder_named_is_asked_about_among_words_its_files_never_use(tmp_path, text):
    # naming no role, most words strangers to the ladder's files ("folks", "tweak"):
    # the ladder named as the subject keeps it a question about the ladder
    kb = codes_with(tmp_path, *LADDER_LINES)
    assert "propose edits to the ladder" in render_plain(ask(text, kb), kb)


@pytest.mark.parametrize(
    "text",
    [
        "is the framework code covered by unit tests",
        "is our framework's test coverage good enough",
        "is the framework used by plumbers",  # a word the ladder never uses, and rare
    ],
)
def test_a_framework_or_ladder_that_is_not_ours_is_declined(tmp_path, text):
    kb = codes_with(tmp_path, *LADDER_LINES)
    assert not route(text, kb).answered


@pytest.mark.parametrize(
    "text",
    [
        "runbook for restarting the redis cluster is out of date, who owns it?",
        "runbooks for the payments service are out of date, who owns them?",
    ],
)
def test_who_owns_a_thing_just_named_is_a_person_wanted(tmp_path, text):
    # whoever answers for that runbook now, however well a ladder-wide line shares its
    # words; asked as a duty ("who fixes out of date runbooks") it is the ladder's
    kb = codes_with(
        tmp_path,
        (
            "ladder.yaml",
            "facts.responsibilities",
            "Engineers fix out of date runbooks, scripts and docs they come across.",
        ),
    )
    assert not route(text, kb).answered
    assert route("who fixes out of date runbooks?", kb).answered


@pytest.mark.parametrize(
    "text",
    ["should a senior present to the wider eng team?", "does a senior mentor the mobile eng team"],
)
def test_a_team_of_engineers_is_not_a_title_the_ladder_lacks(codes, text):
    # "the wider eng team" is a group the senior works with, not a "Wider Eng" role
    intent = route(text, codes)
    assert intent.answered and intent.role == "senior-engineer" and not intent.unknown_role


@pytest.mark.parametrize(
    "text",
    [
        "how long should an engineer i stay blocked before pinging someone for help?",
        "as an engineer 1 how long until i ask someone when stuck",
    ],
)
def test_how_long_is_answered_by_the_line_that_gives_a_time(tmp_path, text):
    line = "Tries docs and logs first, and asks for help within half a day of being blocked."
    kb = codes_with(tmp_path, ("roles/engineer-1.yaml", "responsibilities", line))
    answer = render_plain(ask(text, kb), kb)
    assert line in answer.split("\n\n")[1]  # the first thing said, under the title


def test_a_synonym_counts_no_more_than_the_word_asked(tmp_path):
    # "mentor" is in many lines, "teach" (one of its synonyms) in one: the line that
    # says "mentoring" answers "how many people should an engineer ii mentor"
    kb = codes_with(
        tmp_path,
        ("roles/engineer-2.yaml", "responsibilities", "Teaches a workshop once a quarter."),
        ("roles/engineer-2.yaml", "responsibilities", "Is mentoring two or three engineers."),
        ("roles/senior-engineer.yaml", "responsibilities", "Mentors the engineers on the team."),
        ("roles/staff-engineer.yaml", "responsibilities", "Mentors senior engineers."),
    )
    intent = route("how many people should an engineer ii mentor", kb)
    assert [f.fact(kb).text for f in intent.facts[:1]] == ["Is mentoring two or three engineers."]


@pytest.mark.parametrize(
    "text", ["does a staff engineer still write code hands-on?", "is staff still hands on"]
)
def test_hands_on_asked_finds_the_line_that_hyphenates_it(tmp_path, text):
    # the fact's "hands-on" is one word to search, as asked with or without the hyphen
    line = "While you are hands-on, you do it only where no one else on the team can."
    kb = codes_with(
        tmp_path,
        ("roles/staff-engineer.yaml", "responsibilities", "Designs systems other teams build on."),
        ("roles/staff-engineer.yaml", "responsibilities", line),
    )
    intent = route(text, kb)
    assert [f.fact(kb).text for f in intent.facts[:1]] == [line]


@pytest.mark.parametrize(
    "text", ["management track levels? whats the order", "what levels are on the management track"]
)
def test_a_track_asked_about_is_shown_first_and_alone(codes, text):
    answer = render_plain(ask(text, codes), codes)
    first = answer.split("\n\n")[1]  # the first section, under the title
    assert first.startswith("Tracks:") and "Management:" in first
    assert "Individual contributor:" not in answer


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("do engineer IIs score their own work?", "Keeps a rating of their own estimates."),
    ],
)
def test_the_built_in_synonyms_find_a_line_in_other_words(tmp_path, text, line):
    # a company's "rating" is the asker's "score"
    kb = codes_with(tmp_path, ("roles/engineer-2.yaml", "responsibilities", line))
    intent = route(text, kb)
    assert [f.fact(kb).text for f in intent.facts[:1]] == [line]


@pytest.mark.parametrize(
    "text",
    [
        "how long does someone stay engineer i before engineer ii",
        "how long to become an engineer ii",
        "how long does someone stay an engineer i?",
    ],
)
def test_how_long_a_move_takes_is_the_time_the_level_below_says(tmp_path, text):
    line = "Approximate tenure in this role: about 2 years."
    kb = codes_with(
        tmp_path,
        ("roles/engineer-1.yaml", "responsibilities", line),
        ("roles/engineer-1.yaml", "responsibilities", "Leads 1-3 month projects."),
        ("roles/engineer-1.yaml", "skills", "A minimum of 2 years of experience in this role."),
        ("roles/engineer-2.yaml", "responsibilities", "Earns about $90,000 a year."),
    )
    answer = render_plain(ask(text, kb), kb)
    section = answer.split("How long at Engineer I:\n")[1].split("\n\n")[0]
    assert section == f"  - {line}"  # not a project's span, nor a pay rate
    assert "no timeframe" not in answer


@pytest.mark.parametrize(
    "text",
    [
        "diff between engineer i and engineer ii regarding debugging difficulty?",
        "engineer ii vs senior engineer on fixing hard bugs, whats different",
    ],
)
def test_two_levels_weighed_on_a_kind_of_trouble_is_a_question_about_them(codes, text):
    # "debugging", "fixing" are words of a request for help; weighing two levels on
    # them asks how the levels differ
    intent = route(text, codes)
    assert intent.answered and intent.topic == "compare" and intent.other_role


def test_writing_code_finds_a_line_that_says_hands_on(tmp_path):
    # the built-in synonyms carry to a company's ladder: "code" is "hands-on" work
    kb = codes_with(
        tmp_path,
        ("roles/engineer-1.yaml", "skills", "Writes code that others can read and change."),
        (
            "roles/engineering-manager.yaml",
            "responsibilities",
            "Stays hands-on: about a fifth of the week on delivery.",
        ),
    )
    intent = route("do engineering managers still write code?", kb)
    assert intent.role == "engineering-manager"
    assert [f.fact(kb).text for f in intent.facts[:1]] == [
        "Stays hands-on: about a fifth of the week on delivery."
    ]


WORK_LINES = (
    ("roles/engineer-1.yaml", "responsibilities", "Keeps their Jira tickets updated every day."),
    (
        "roles/engineer-2.yaml",
        "responsibilities",
        "Deploys to staging first and watches the release.",
    ),
)


@pytest.mark.parametrize(
    "text",
    ["jira is down again?? cant update my tickets", "staging is down again, is someone deploying?"],
)
def test_a_thing_reported_broken_is_declined_though_a_line_shares_its_words(tmp_path, text):
    assert not route(text, codes_with(tmp_path, *WORK_LINES)).answered


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a role named, a wh-question asked, or what the asker should do: a question
        ("engineer 2 here: staging is down again, is redeploying on me?", "engineer-2"),
        ("jira is down for everyone, what do engineers do then", "engineer-1"),
        ("staging is down again, should i redeploy it myself", "engineer-2"),
    ],
)
def test_a_question_about_a_thing_that_is_down_is_still_answered(tmp_path, text, role):
    intent = route(text, codes_with(tmp_path, *WORK_LINES))
    assert intent.answered and intent.role == role


def role_edited(tmp_path: Path, role_id: str, change) -> knowledge.KnowledgeBase:
    """The fixture ladder with one role's file changed: change(data) edits its YAML."""

    def edit(kb_dir: Path) -> None:
        path = kb_dir / "roles" / f"{role_id}.yaml"
        data = yaml.safe_load(path.read_text())
        change(data)
        path.write_text(yaml.safe_dump(data, sort_keys=False))

    return edited_codes(tmp_path, edit)


def test_a_role_described_in_one_paragraph_is_answered_from_it(tmp_path):
    # no responsibilities on file, only the summary: asked what it does, that is it
    kb = role_edited(tmp_path, "engineer-1", lambda data: data.pop("responsibilities"))
    answer = render_plain(ask("engineer 1 responsibilities?", kb), kb)
    assert "ships small, well-defined changes" in answer
    assert "don't cover responsibilities" not in answer


def test_a_numbered_title_is_found_by_its_last_noun_and_number(tmp_path):
    # "engineer 3" for "Staff Platform Engineer III", the only title that ends so
    def rename(data: dict) -> None:
        data["title"], data["aliases"] = "Staff Platform Engineer III", []

    intent = route("what does an engineer 3 own", role_edited(tmp_path, "staff-engineer", rename))
    assert intent.answered and intent.role == "staff-engineer"


def test_two_roles_of_one_title_are_told_apart_by_their_tracks_whole_names(tmp_path):
    def same_title(kb_dir: Path) -> None:
        for name in ("senior-engineer", "team-lead"):
            path = kb_dir / "roles" / f"{name}.yaml"
            data = yaml.safe_load(path.read_text())
            data["title"] = "Level 3 Engineer"
            path.write_text(yaml.safe_dump(data, sort_keys=False))
        ladder = kb_dir / "ladder.yaml"
        text = ladder.read_text().replace("title: Individual contributor", "title: Eng (IC)")
        ladder.write_text(text.replace("title: Management", "title: Eng (Manager)"))

    kb = edited_codes(tmp_path, same_title)
    text = "what does a level 3 do"
    answer = compose(route(text, kb), kb, text)
    assert answer.sections[0].lines == (
        "Level 3 Engineer (Eng (IC))",
        "Level 3 Engineer (Eng (Manager))",
    )
