"""Answers shaped by what the question says about the asker and the path: a manager
asking about a report's move, conditions on the next step (no management, management,
a role set aside). Several wordings each, written for the tests."""

from __future__ import annotations

import pytest

from bot.pipeline import ask
from bot.understand.router import route


@pytest.mark.parametrize(
    ("text", "mover", "target"),
    [
        ("how do I help my mid-level engineer get to senior?", "mid", "senior"),
        ("my report is a mid, how do they get to senior", "mid", "senior"),
        ("how can I get my junior promoted to mid", "junior", "mid"),
        ("one of my juniors wants to become mid, what should I focus on with him", "junior", "mid"),
        ("I manage a staff engineer who wants principal, how do i help", "staff", "principal"),
        (
            "I manage a staff engineer who's aiming for principal, how can I help",
            "staff",
            "principal",
        ),
        # one person on the asker's team; a move said with "get to"
        (
            "manager here, there's a mid on my team who wants senior, how do i help?",
            "mid",
            "senior",
        ),
        (
            "got a junior in my squad who wants mid next cycle, how do I support her",
            "junior",
            "mid",
        ),
    ],
)
def test_a_managers_question_about_a_reports_move(kb, text, mover, target):
    intent = route(text, kb)
    assert (intent.role, intent.other_role) == (mover, target)
    assert intent.asker == "report"
    headings = [s.heading for s in ask(text, kb).sections]
    assert any(kb.roles[target].title in h for h in headings)


def test_my_lead_is_the_askers_own_lead_not_a_report(kb):
    intent = route("my lead says I should focus on design, what does a senior do", kb)
    assert intent.role == "senior" and intent.asker == ""


def next_steps(answer) -> list[str]:
    return [s.heading for s in answer.sections if s.heading.startswith("Next")]


@pytest.mark.parametrize(
    "text",
    [
        "I'm a senior and I don't want to manage people, what's my path?",
        "is there a way to keep growing after senior without becoming a manager?",
        "senior here, zero interest in management, where do i go next",
        "as a senior I want to stay IC, what comes next",
        "senior here and I never want to be a manager, where can I go",
        "no management for me please, senior now, what are the ic options",
        # refused after its word, in other words for managing, or as no interest
        "senior here, management is not for me. what's next?",
        "senior, the manager track isn't really for me - what now?",
        "i'm a senior and i prefer not to lead people, which role is next for me?",
        "Senior engineer. Not interested in becoming a manager - what's my path from here?",
        "im senior, want to stay hands-on, no people mgmt. what's my path?",
        # a refusal anywhere wins over leading a team, which is not managing it
        "I want to lead a team but not manage people, senior now, what's next?",
        "senior here, leading a team of three but I want to stay IC. what next?",
        # people who report to one, a preference over managing, staying instead
        "senior here, I don't want direct reports, what's next?",
        "I'm a senior and I prefer the technical work over managing people, what's next?",
        "senior; my boss hints I should manage, but I'd stay hands-on instead. what's next?",
    ],
)
def test_no_management_keeps_only_the_steps_that_manage_nobody(kb, text):
    answer = ask(text, kb)
    assert answer.intent.role == "senior"
    assert next_steps(answer) == ["Next: Staff Backend Engineer"]
    assert "Left out, as asked: Lead / Engineering Manager." in [
        line for s in answer.sections for line in s.lines
    ]


@pytest.mark.parametrize(
    "text",
    [
        "i never want to manage people, what is my path",
        "I want to stay technical and never manage anyone - what should I aim for?",
    ],
)
def test_no_management_with_no_role_named_shows_the_paths_that_manage_nobody(kb, text):
    answer = ask(text, kb)
    assert answer.intent.answered and answer.intent.role not in ("engineering-manager", "lead")
    where = next(s for s in answer.sections if s.heading == "Where it sits")
    assert where.lines and not any("Engineering Manager" in line for line in where.lines)


@pytest.mark.parametrize(
    "text",
    [
        "senior here, I want to manage people, what are my options",
        "im a senior and want to move into management, what's next for me",
        "I'm a senior and want to lead a team, what's next?",  # "lead" the verb
        "senior here, how do I move toward leading people?",
    ],
)
def test_management_keeps_only_the_steps_that_manage(kb, text):
    answer = ask(text, kb)
    assert set(next_steps(answer)) == {"Next: Lead Backend Engineer", "Next: Engineering Manager"}


def test_a_role_set_aside_is_left_out_of_the_next_steps(kb):
    answer = ask("whats next after senior besides lead", kb)
    assert "Next: Lead Backend Engineer" not in next_steps(answer)
    assert "Next: Staff Backend Engineer" in next_steps(answer)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("EM or tech lead, which pays more", {"engineering-manager", "lead"}),
        ("does staff pay more than senior?", {"staff", "senior"}),
        ("who earns more, a lead or a staff engineer", {"lead", "staff"}),
        ("senior vs principal salary", {"senior", "principal"}),
        # a word between "than" and the role it weighs
        ("would staff pay more than staying a senior?", {"staff", "senior"}),
        ("is a lead paid more than a regular senior engineer?", {"lead", "senior"}),
        # a move, weighed: the pay of both
        (
            "better money to stay senior or to become an engineering manager?",
            {"senior", "engineering-manager"},
        ),
        ("would I earn more if I moved from senior to staff?", {"senior", "staff"}),
    ],
)
def test_which_pays_more_shows_the_pay_of_both_or_says_it_is_not_covered(kb, text, pair):
    answer = ask(text, kb)
    assert {answer.intent.role, answer.intent.other_role} == pair
    assert answer.intent.topic == "salary"
    said = answer.intro + " ".join(line for s in answer.sections for line in s.lines)
    for role in pair:
        title = kb.roles[role].title
        has_pay = bool(kb.roles[role].get("salary"))
        assert has_pay or f"don't cover salary for {title}" in said or title in answer.intro
    if any(kb.roles[r].get("salary") for r in pair):
        assert "$" in said  # the figure the sources give, for the one that has it


@pytest.mark.parametrize(
    "text",
    [
        "context: mid, 3 yrs, I own two services end to end. am I ready for senior?",
        "am I ready to be an EM if I've never had direct reports",
    ],
)
def test_readiness_is_not_turned_by_what_the_asker_says_they_do(kb, text):
    # "I own two services" is the asker's story, not the topic asked about
    answer = ask(text, kb)
    assert answer.intent.topic == "progression" and answer.intent.direction == "ready"


@pytest.mark.parametrize(
    "text",
    [
        "staff eng considering switching to people management. how does that work?",
        "i'm a staff engineer thinking about pivoting into management, how?",
    ],
)
def test_a_switch_of_track_named_after_to_is_the_move_into_that_role(kb, text):
    intent = route(text, kb)
    moving = (intent.role, intent.other_role) == ("staff", "engineering-manager")
    becoming = intent.role == "engineering-manager" and intent.direction == "into"
    assert intent.topic == "progression" and (moving or becoming)


def test_keep_growing_as_an_ic_is_the_path_on_its_condition(kb):
    answer = ask("mid eng, mgmt is not for me. how do i keep growing as IC?", kb)
    assert (answer.intent.role, answer.intent.topic) == ("mid", "progression")
    assert next_steps(answer) == ["Next: Senior Backend Engineer"]


@pytest.mark.parametrize(
    "text",
    [
        "HR here - someone asked how to help their mid get to senior. what should they work on?",
        "how should i help my mid engineer get to senior",
    ],
)
def test_get_to_a_level_is_the_move_there(kb, text):
    intent = route(text, kb)
    assert (intent.role, intent.other_role, intent.topic) == ("mid", "senior", "progression")


def test_the_seniors_on_my_team_are_the_askers_peers(kb):
    text = (
        "I'm mid-level and not sure what separates me from the seniors on my team. "
        "What's the difference?"
    )
    assert route(text, kb).asker == ""


def test_other_lines_of_management_set_no_condition(kb):
    answer = ask("senior here, product management is not for me, what's next?", kb)
    assert "Next: Engineering Manager" in next_steps(answer)


def test_roles_offered_for_a_person_wanted_are_weighed(kb):
    text = "who is usually the lead on a greenfield payments rewrite, staff or principal?"
    assert route(text, kb).answered


def test_a_move_its_own_pages_describe_is_a_next_step_beyond_its_track(kb):
    # the principal is the top of its track, but its pages say principals also switch
    # to management: that is where a principal who wants to manage goes
    def moves(answer) -> list[str]:
        return [
            s.heading.split(": ", 1)[-1].removeprefix("Moving to ")
            for s in answer.sections
            if s.heading.startswith(("Next: ", "Moving to "))
        ]

    wants = ask("principal here, keen to start managing people. what's the path?", kb)
    assert moves(wants) == ["Engineering Manager"]
    # ...and a principal who never wants to is not sent back down the ladder
    never = ask("principal, never want to manage people - any next step?", kb)
    shown = moves(never)
    assert "Engineering Manager" not in shown
    assert not {"Junior Backend Engineer", "Mid-level Backend Engineer"} & set(shown)
