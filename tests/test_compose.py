"""Answers: real content for every role and topic, honest gaps, ladder drawings."""

import pytest

from bot.answer.compose import compose
from bot.answer.render_text import render_mrkdwn, render_plain
from bot.pipeline import ask
from bot.understand.intent import Intent


def answer_for(kb, role, topic, other=None):
    return compose(Intent(role, topic, other, 1.0, True), kb, "q")


def test_every_role_and_topic_has_content_or_an_honest_gap(kb):
    for role in kb.roles:
        for topic in kb.topics:
            other = (
                "principal"
                if topic == "compare" and role != "principal"
                else "senior"
                if topic == "compare"
                else None
            )
            answer = answer_for(kb, role, topic, other)
            text = render_mrkdwn(answer, kb)
            assert answer.sections or answer.intro, (role, topic)
            if "don't cover" not in text:
                assert answer.sources, (role, topic)


def test_gap_points_to_what_is_known_and_invents_nothing(kb):
    text = render_plain(answer_for(kb, "staff", "salary"), kb)
    assert "The sources don't cover salary for Staff Backend Engineer." in text
    assert "Senior Backend Engineer" in text and "$100,000 to $160,000" in text


def test_progression_draws_the_track_with_the_role_emphasised(kb):
    answer = answer_for(kb, "senior", "progression")
    text = render_mrkdwn(answer, kb)
    assert "Junior → Mid-level → *Senior* → Staff → Principal" in text
    assert "*Next: Staff Backend Engineer*" in text and "*Next: Lead Backend Engineer*" in text


def test_top_of_track_says_so(kb):
    assert "top of its track" in render_plain(answer_for(kb, "principal", "progression"), kb)


def test_compare_is_a_short_list_of_what_changes(kb):
    answer = answer_for(kb, "senior", "compare", "principal")
    headings = [s.heading for s in answer.sections]
    # the higher level's own facts first, whichever was named first
    assert headings[:3] == [
        "What changes",
        "Only Principal Backend Engineer",
        "Only Senior Backend Engineer",
    ]
    changes = answer.sections[0]
    assert changes.lines[0] == (
        "Principal Backend Engineer is 2 steps above Senior Backend Engineer (via Staff)."
    )
    principal = {f.text for p in kb.roles["principal"].facts.values() for f in p}
    assert set(answer.sections[1].lines) <= principal
    lines = [x for x in render_plain(answer, kb).splitlines() if x.strip()]
    assert len(lines) <= 15


def test_declined_answer_lists_what_the_bot_knows(kb):
    answer = ask("what's for dinner", kb)
    text = render_plain(answer, kb)
    assert not answer.answered and "Roles I know" in text and "Senior" in text


@pytest.mark.parametrize("hostile", ["<!channel> senior skills", "<!here>", "<@U123> & <#C1>"])
def test_nothing_user_typed_is_echoed_live(kb, hostile):
    text = render_mrkdwn(ask(hostile, kb), kb)
    for live in ("<!channel>", "<!here>", "<@U123>", "<#C1>"):
        assert live not in text


@pytest.mark.parametrize(
    "text",
    [
        "what does a mid need to show to make senior",
        "im mid, am i ready for senior yet?",
        "what do i need to demonstrate for a senior promotion, im mid level",
    ],
)
def test_readiness_answers_with_what_the_next_level_expects(kb, text):
    answer = ask(text, kb)
    assert (answer.intent.role, answer.intent.other_role) == ("senior", "mid")
    assert answer.title == "Senior Backend Engineer: what it expects"
    headings = [s.heading for s in answer.sections]
    assert headings[0] == "What a Senior Backend Engineer is expected to do"
    assert "Where it sits" in headings


def test_a_topic_named_alone_is_its_whole_list_not_a_detour(kb):
    # "responsibilities" shares a stem with "response times": no fact was asked for
    answer = ask("principal responsibilities", kb)
    assert answer.intent.facts == () and answer.sections[0].heading == "Responsibilities"
    assert "Also in the sources" not in [s.heading for s in answer.sections]


def test_a_list_is_not_put_first_for_holding_the_topics_own_name(kb):
    # "what communication skill": "Technical skills" shares only "skill", the topic's
    # own name; the list whose facts hold "communication" comes first
    answer = ask("what communication skill is expected from a lead back-end engineer", kb)
    lists = [
        s
        for s in answer.sections
        if s.heading in ("Technical skills", "Leadership and collaboration")
    ]
    assert lists and lists[0].heading == "Leadership and collaboration"


@pytest.mark.parametrize(
    "text", ["does a principal still code at all?", "does a team lead still code?"]
)
def test_no_gap_line_names_a_topic_whose_lines_follow(kb, text):
    # the role has duties on file: "the sources don't cover responsibilities" would be
    # false, and its duties are shown right after
    answer = render_plain(ask(text, kb), kb)
    assert "don't cover responsibilities" not in answer
    role = ask(text, kb).intent.role
    assert any(f.text in answer for f in kb.roles[role].get("responsibilities"))
