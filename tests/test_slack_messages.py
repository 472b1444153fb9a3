"""Slack payloads for big company ladders: the Home tab, menu values, long answers."""

from __future__ import annotations

import json
import re

import pytest

from bench.scale import generate
from bot.answer.compose import Answer, Section
from bot.answer.render_blocks import (
    MAX_BLOCKS,
    MAX_HOME_BLOCKS,
    MAX_OPTION_VALUE,
    fit_value,
    render_blocks,
)
from bot.ladder import knowledge
from bot.slack.messages import (
    action_value,
    answer_from_value,
    home_view,
    question_messages,
    role_options,
)
from bot.understand.intent import Intent

LONG_ID = "company-engineering-ladder-backend-platform-infrastructure-level-"


@pytest.fixture(scope="module")
def big_kb(tmp_path_factory):
    """1,000 roles whose ids are over 60 characters long."""
    directory = tmp_path_factory.mktemp("big") / "kb"
    generate(directory, 1000)
    for path in [*directory.glob("*.yaml"), *directory.glob("roles/*.yaml")]:
        path.write_text(re.sub(r"\br(\d+)\b", LONG_ID + r"\1", path.read_text()))
    return knowledge.load(directory)


def test_home_keeps_picker_and_card_for_a_thousand_roles(big_kb):
    selected = LONG_ID + "500"
    view = home_view(big_kb, selected)
    blocks = view["blocks"]
    assert len(blocks) <= MAX_HOME_BLOCKS
    picker = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert picker[0]["type"] == "external_select"  # 1,000 roles: searched as typed
    assert picker[0]["initial_option"]["text"]["text"] == big_kb.roles[selected].title
    title = big_kb.roles[selected].title
    assert any(b["type"] == "header" and title in b["text"]["text"] for b in blocks)
    assert len(json.dumps(picker[0]["initial_option"]["value"])) <= MAX_OPTION_VALUE + 2


def test_role_search_returns_at_most_100_options_that_decode_to_their_role(big_kb):
    options = role_options(big_kb, "engineer")
    assert len(options) == 100
    for option in options:
        assert len(option["value"]) <= MAX_OPTION_VALUE
    picked = action_value({"selected_option": options[42]})
    answer = answer_from_value(big_kb, {**picked, "t": "overview"})
    assert answer.title.startswith(options[42]["text"]["text"])


def test_menu_option_values_stay_under_150_characters_with_long_role_ids(big_kb):
    messages = question_messages(big_kb, f"what does a {big_kb.roles[LONG_ID + '7'].title} do")
    menus = [
        e
        for m in messages
        for b in m["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "static_select"
    ]
    assert menus and all(len(o["value"]) <= MAX_OPTION_VALUE for o in menus[0]["options"])
    chosen = action_value({"selected_option": menus[0]["options"][3]})
    compared = answer_from_value(big_kb, chosen)
    assert compared.intent.role == LONG_ID + "7" and compared.intent.other_role in big_kb.roles


@pytest.mark.parametrize("count", [10, 48, 49, 50, 98, 99, 100, 148, 149])
def test_every_message_of_a_long_answer_carries_content(kb, count):
    sections = tuple(Section(f"Part {i}", (f"point {i}",)) for i in range(count))
    answer = Answer("q", Intent("senior", "skills", None, 1.0, True), "T", "", sections, ())
    messages = render_blocks(answer, kb, share={"q": "x"})
    for blocks in messages:
        assert len(blocks) <= MAX_BLOCKS
        assert any(b["type"] in ("header", "section") for b in blocks), blocks
    shown = json.dumps(messages)
    assert f"point {count - 1}" in shown


@pytest.mark.parametrize("text", ["é" * 3000, "🙂" * 3000, "<&>" * 1000, "a" * 5000])
def test_fitted_values_decode_to_what_they_were_built_from(text):
    value = fit_value({"cmd": "/role", "x": text}, "x")
    from bot.answer.render_blocks import encode_value

    encoded = encode_value(value)
    assert len(encoded) <= 2000 and json.loads(encoded) == value
    assert text.startswith(value["x"]) and len(value["x"]) > 100
