"""Any Unicode up to Slack's 40,000 characters: no exception, an answer or a decline,
Block Kit within limits, and nothing typed echoed back as a live mention."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer.render_blocks import MAX_BLOCKS
from bot.answer.render_text import render_plain
from bot.commands import run_command
from bot.pipeline import answer_json, ask
from bot.slack.messages import command_messages, question_messages

LIVE = re.compile(r"<[!@#]")  # <!channel>, <!here>, <!everyone>, <@U…>, <#C…>

NAMED = [
    "",
    " ",
    "\t\n  \r\n",
    "\u200b\u200c\u200d\ufeff",
    "\u202e\u2066senior\u2069 skills",
    "se\u0301nior ski\u0300lls",
    "e\u0301\u0301\u0301\u0301\u0301" * 500,
    "ما هي مهارات المهندس الأول",
    "מה עושה מהנדס בכיר",
    "高级工程师的技能是什么",
    "🤖🚀🔥" * 300,
    ":thinking_face: :+1: :skin-tone-2:",
    "&lt;!channel&gt; senior &amp; staff",
    "<https://x|y> <mailto:a@b|a> <!subteam^S1|@team>",
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U024BE7LH>",
    "<#C024BE7LR|general>",
    "%s %d {0} {role} ${HOME} $(rm -rf /) `id`",
    "'; DROP TABLE roles; --",
    "1 OR 1=1",
    "\\x00 \\0 \\u0000 \x00 \x07 \x1b[31m",
    "*bold* _it_ ~s~ `code` ```block``` > quote",
    "senior " * 500,
    "a" * 3000,
    "x" * 40_000,
    ("sr " + "<!channel>") * 1000,
]


def check_everything(kb, text: str) -> None:
    answer = ask(text, kb)
    data = answer_json(answer, kb)
    assert isinstance(data["answered"], bool)
    assert not LIVE.search(data["text"]), data["text"][:200]
    assert render_plain(answer, kb)
    for messages in (
        question_messages(kb, text),
        command_messages(kb, "/role", text),
        command_messages(kb, "/ladder", text),
    ):
        for message in messages:
            assert len(message["blocks"]) <= MAX_BLOCKS
            dumped = json.dumps(message, ensure_ascii=False)
            assert not LIVE.search(dumped), dumped[:300]
            for block in message["blocks"]:
                if block["type"] == "section" and "text" in block:
                    assert len(block["text"]["text"]) <= 3000
                if block["type"] == "header":
                    assert len(block["text"]["text"]) <= 150


@pytest.mark.parametrize("text", NAMED, ids=range(len(NAMED)))
def test_named_hostile_inputs(kb, text):
    check_everything(kb, text)


def test_slash_text_of_3000_characters(kb):
    answer = run_command("/role", "senior " + "z" * 2993, kb)
    assert answer.title  # answered or declined, never an exception


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_unicode(kb, text):
    check_everything(kb, text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300).map(lambda s: (s * (40_000 // len(s) + 1))[:40_000]))
def test_any_long_unicode(kb, text):
    check_everything(kb, text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<!channel>",
                "<@U1>",
                "<#C1|x>",
                "&lt;",
                "&amp;",
                "senior",
                "skills",
                "vs",
                "staff",
                "<",
                ">",
                "&",
                ":x:",
                "\u202e",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_markup_soup(kb, text):
    check_everything(kb, text)
