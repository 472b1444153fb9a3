"""Slash commands read what people type: the argument goes through the same
understanding as a question, with the command as a hint. The table is written for
these tests (not taken from ../shared/eval); every row is sent through the real app
(gunicorn, Bolt, signed requests) and checked by what the Share button carries:
the resolved role, topic and second role."""

from __future__ import annotations

import json

import pytest

from bot.answer.render_text import render_plain
from bot.commands import (
    ANSWER,
    NOT_FOUND,
    ROLES,
    TRACKS,
    command_or_question,
    reading_note,
    resolve,
    run_command,
)

from .fakeslack import FakeSlack
from .slackserver import SlackServer

# (command, text, kind, role, topic, other role); role "" for kinds without one
TABLE = [
    # a role alone, however it is typed
    ("/role", "senior", ANSWER, "senior", "overview", None),
    ("/role", "Sr.", ANSWER, "senior", "overview", None),
    ("/role", "senoir", ANSWER, "senior", "overview", None),
    ("/role", "principle", ANSWER, "principal", "overview", None),
    ("/role", "PRINCIPAL ENGINEER", ANSWER, "principal", "overview", None),
    ("/role", "jr dev", ANSWER, "junior", "overview", None),
    ("/role", "eng manager", ANSWER, "engineering-manager", "overview", None),
    ("/role", "tech lead", ANSWER, "lead", "overview", None),
    ("/role", "mid level", ANSWER, "mid", "overview", None),
    # a role and a topic word, either order, typos in either
    ("/role", "senior skills", ANSWER, "senior", "skills", None),
    ("/role", "skills senior", ANSWER, "senior", "skills", None),
    ("/role", "staff tools", ANSWER, "staff", "tools", None),
    ("/role", "principal responsibilities", ANSWER, "principal", "responsibilities", None),
    ("/role", "sr salay", ANSWER, "senior", "salary", None),
    ("/role", "pay staff", ANSWER, "staff", "salary", None),
    ("/role", "em carreer path", ANSWER, "engineering-manager", "progression", None),
    ("/role", "lead educaton", ANSWER, "lead", "education", None),
    # moves and comparisons
    ("/role", "senior -> staff", ANSWER, "senior", "progression", "staff"),
    ("/role", "em or tech lead", ANSWER, "engineering-manager", "compare", "lead"),
    ("/role", "how to get to principal", ANSWER, "principal", "progression", None),
    # /skills, with the topic it asks for
    ("/skills", "principal", ANSWER, "principal", "skills", None),
    ("/skills", "principle", ANSWER, "principal", "skills", None),
    ("/skills", "sr eng", ANSWER, "senior", "skills", None),
    ("/skills", "staff tools", ANSWER, "staff", "tools", None),
    ("/skills", "what does a lead need", ANSWER, "lead", "skills", None),
    ("/skills", "mid pls", ANSWER, "mid", "skills", None),
    ("/skills", "junior thanks a lot", ANSWER, "junior", "skills", None),  # filler, no topic
    # /ladder forms
    ("/ladder", "", TRACKS, "", None, None),
    ("/ladder", "tracks", TRACKS, "", None, None),
    ("/ladder", "senior staff", ANSWER, "senior", "compare", "staff"),
    ("/ladder", "junior vs mid", ANSWER, "junior", "compare", "mid"),
    ("/ladder", "principle and senior", ANSWER, "principal", "compare", "senior"),
    ("/ladder", "next senior", ANSWER, "senior", "progression", None),
    ("/ladder", "what comes after staff", ANSWER, "staff", "progression", None),
    ("/ladder", "from mid to senior", ANSWER, "mid", "progression", "senior"),
    # nothing that names a role
    ("/role", "", ROLES, "", None, None),
    ("/role", "list", ROLES, "", None, None),
    ("/skills", "", ROLES, "", None, None),  # skills of which role: the roles to pick from
    ("/role", "asdfgh", NOT_FOUND, "", None, None),
]
UNKNOWN_TITLES = [
    ("/role", "cto", "CTO"),
    ("/role", "product manager", "Product Manager"),
    ("/skills", "designer", "Designer"),
    ("/role", "data scientist", "Data Scientist"),
    ("/role", "technical writer", "Technical Writer"),
]


@pytest.mark.parametrize("command, text, kind, role, topic, other", TABLE)
def test_a_command_is_read_like_a_question(kb, command, text, kind, role, topic, other):
    r = resolve(command, text, kb)
    assert r.kind == kind
    if kind == ANSWER:
        assert (r.intent.role, r.intent.topic, r.intent.other_role) == (role, topic, other)


@pytest.mark.parametrize("command, text, title", UNKNOWN_TITLES)
def test_titles_the_ladder_lacks_are_said_plainly(kb, command, text, title):
    answer = run_command(command, text, kb)
    assert answer.intent.unknown_role == title
    assert f"no {title} role" in render_plain(answer, kb)


def test_a_word_is_never_refused_as_a_role(kb):
    for text in ("senior skills", "jr dev", "sr eng", "what comes after senior"):
        plain = render_plain(run_command("/role", text, kb), kb)
        assert "Role not found" not in plain and "don't know a role" not in plain


def test_what_was_not_read_word_for_word_is_said(kb):
    def note(text):
        return reading_note(resolve("/role", text, kb), text, kb)

    assert note("senior") == "" and note("senior skills") == ""
    assert note("sr salay") == "I read \u201csr salay\u201d as Senior Backend Engineer, salary."
    assert "left out \u201cblah\u201d" in note("senior blah")
    console = render_plain(command_or_question("/role senoir", kb), kb)
    assert "I read \u201csenoir\u201d as Senior Backend Engineer" in console


# --- through the real Slack path -------------------------------------------------


@pytest.fixture(scope="module")
def fake():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def server(fake):
    server = SlackServer(fake)
    yield server
    server.stop()


def _elements(blocks):
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def _share(reply) -> dict:
    share = next(e for e in _elements(reply["blocks"]) if e["action_id"] == "ladder_share")
    return share


def test_the_table_through_signed_requests(server):
    for command, text, kind, role, topic, other in TABLE:
        status, body = server.slash(command, text)
        assert status == 200, (command, text)
        value = json.loads(_share(json.loads(body))["value"])
        assert value["k"] == kind, (command, text, value)
        if kind == ANSWER:
            got = value["i"]
            assert (got.get("r"), got.get("t"), got.get("o")) == (role, topic, other), text


def _content(blocks):
    """The answer's own blocks: not the buttons, the feedback, or the reading note."""
    return [
        b
        for b in blocks
        if b["type"] != "actions"
        and not (b["type"] == "context" and "Sources" not in json.dumps(b))
    ]


@pytest.mark.parametrize(
    "command, text",
    [
        ("/role", "senior " + "\U0001d41a\U0001d41b\U0001d41c" * 24),  # mathematical bold
        ("/role", "sénior " + "é中🙂" * 400),
        ("/role", "中" * 900 + " archi"),
        ("/role", "principal responsibilities " + "x" * 3000),
        ("/skills", "senior do they need websockets " + "🙂" * 200),
        ("/ladder", "senior staff"),
    ],
)
def test_share_posts_exactly_the_acked_answer(server, fake, command, text):
    reply = json.loads(server.slash(command, text)[1])
    share = _share(reply)
    assert len(share["value"]) <= 2000
    before = len(fake.responses())
    server.action({"type": "button", "action_id": "ladder_share", "value": share["value"]})
    shared = fake.wait_for(
        lambda f: [r for r in f.responses()[before:] if r["body"].get("response_type")]
    )
    body = shared[0]["body"]
    assert body["response_type"] == "in_channel"
    assert body["text"] == reply["text"]
    assert _content(body["blocks"]) == _content(reply["blocks"])
