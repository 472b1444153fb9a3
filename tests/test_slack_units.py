"""Listener callbacks, configuration and Block Kit limits, tested without an App or a server.

The same callbacks serve Socket Mode, so these are its handler-level tests.
"""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer.compose import Answer, Section
from bot.answer.render_blocks import MAX_BLOCKS, MAX_SECTION, chunks, encode_value, render_blocks
from bot.pipeline import ask
from bot.slack.config import ConfigError, load_config
from bot.slack.listeners import actions, commands, events
from bot.slack.logs import RedactingFormatter
from bot.understand.intent import Intent

from .conftest import run_bot


class Recorder:
    def __init__(self):
        self.calls = []

    def __call__(self, **kwargs):
        self.calls.append(kwargs)

    def views_publish(self, **kwargs):
        self.calls.append(kwargs)

    def chat_postMessage(self, **kwargs):  # noqa: N802 - slack_sdk's name
        self.calls.append(kwargs)


def test_command_callback_answers_in_the_acknowledgement(kb):
    respond = Recorder()
    response = commands.handle_command(kb, {"command": "/skills", "text": "lead"}, respond)
    reply = json.loads(response.body)
    assert response.status == 200 and respond.calls == []  # a short answer is one message
    assert reply["text"].startswith("Lead Backend Engineer: Skills and tools")
    assert reply["response_type"] == "ephemeral"


def test_a_very_long_answer_sends_the_rest_through_response_url(kb):
    respond = Recorder()
    commands.send_the_rest([{"text": "part 2", "blocks": []}, {"text": "part 3"}], respond)
    assert [c["text"] for c in respond.calls] == ["part 2", "part 3"]


def test_mention_reply_threads_and_skips_bots_and_edits(kb):
    event = {"text": "<@U1> junior skills", "ts": "5.5", "channel": "C1", "user": "U2"}
    reply = events.mention_reply(kb, event)
    assert (reply.channel, reply.thread_ts, reply.user) == ("C1", "5.5", "U2")
    assert reply.messages[0]["text"].startswith("Junior Backend Engineer: Skills")
    in_thread = events.mention_reply(kb, {**event, "ts": "7.7", "thread_ts": "5.5"})
    assert in_thread.thread_ts == "5.5"
    assert events.mention_reply(kb, {**event, "bot_id": "B1"}) is None
    assert events.mention_reply(kb, {**event, "edited": {"user": "U2", "ts": "6"}}) is None


def test_dm_reply_only_answers_people_in_ims(kb):
    dm = {"channel_type": "im", "text": "senior skills", "channel": "D1", "user": "U1"}
    assert events.direct_message_reply(kb, {**dm, "channel_type": "channel"}) is None
    for subtype in ("bot_message", "message_changed", "message_deleted", "channel_join"):
        assert events.direct_message_reply(kb, {**dm, "subtype": subtype}) is None
    reply = events.direct_message_reply(kb, dm)
    assert reply.messages[0]["text"].startswith("Senior Backend Engineer: Skills")
    assert reply.thread_ts is None
    for subtype in ("file_share", "thread_broadcast"):  # people's messages all the same
        assert events.direct_message_reply(kb, {**dm, "subtype": subtype}) is not None


def test_home_callback_publishes_view(kb):
    client = Recorder()
    events.handle_home_opened(kb, {"user": "U1", "tab": "home"}, client)
    assert client.calls[0]["user_id"] == "U1" and client.calls[0]["view"]["type"] == "home"


def test_follow_up_button_responds_in_place(kb):
    respond, client = Recorder(), Recorder()
    body = {
        "response_url": "http://127.0.0.1/x",
        "container": {"type": "message"},
        "user": {"id": "U1"},
    }
    action = {"value": encode_value({"r": "staff", "t": "skills"})}
    actions.handle_follow_up(kb, body, action, respond, client)
    assert respond.calls[0]["replace_original"] is False
    assert respond.calls[0]["text"].startswith("Staff Backend Engineer: Skills")


def test_stale_button_values_decline_politely(kb):
    respond, client = Recorder(), Recorder()
    body = {"response_url": "http://127.0.0.1/x", "user": {"id": "U1"}}
    actions.handle_follow_up(kb, body, {"value": '{"r": "cto"}'}, respond, client)
    actions.handle_follow_up(kb, body, {"value": "not json"}, respond, client)
    assert all("outside what I know" in c["text"] for c in respond.calls)


@pytest.mark.parametrize(
    "env, variable",
    [
        ({}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxp-user-token"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-ok"}, "SLACK_SIGNING_SECRET"),
        (
            {"SLACK_BOT_TOKEN": "xoxb-ok", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "ftp://x"},
            "SLACK_API_URL",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-ok", "SLACK_SIGNING_SECRET": "s", "LOG_LEVEL": "LOUD"},
            "LOG_LEVEL",
        ),
    ],
)
def test_config_errors_name_the_variable_not_the_value(env, variable):
    with pytest.raises(ConfigError) as err:
        load_config("http", env)
    assert variable in str(err.value)
    for value in env.values():
        if value.startswith("xox"):
            assert value not in str(err.value)


def test_socket_mode_needs_an_app_token():
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        load_config("socket", {"SLACK_BOT_TOKEN": "xoxb-ok"})
    config = load_config(
        "socket",
        {
            "SLACK_BOT_TOKEN": "xoxb-ok",
            "SLACK_APP_TOKEN": "xapp-1",
            "SLACK_API_URL": "http://127.0.0.1:9/api",
        },
    )
    assert config.api_url == "http://127.0.0.1:9/api/"
    assert "xoxb-ok" not in repr(config) and "xapp-1" not in repr(config)
    assert config.event_lease == 10  # short: a live worker's heartbeat renews it (inbox.py)


def test_serve_without_app_token_exits_2_with_one_line():
    result = run_bot("serve", env={"SLACK_BOT_TOKEN": "xoxb-secret-abcdef", "SLACK_APP_TOKEN": ""})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "SLACK_APP_TOKEN" in result.stderr
    assert "xoxb-secret-abcdef" not in result.stderr + result.stdout


def test_redacting_formatter_covers_messages_and_tracebacks():
    formatter = RedactingFormatter("%(message)s", ("s3cr3t-signing",))
    try:
        raise KeyError("xoxb-12345678 s3cr3t-signing")
    except KeyError:
        import sys

        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "token=%s", ("xoxb-12345678",), exc_info
    )
    line = formatter.format(record)
    assert "Traceback" in line and "KeyError" in line
    assert "xoxb-12345678" not in line and "s3cr3t-signing" not in line


def test_long_answers_are_split_never_rejected(kb):
    lines = tuple(f"point {i} " + "x" * 900 for i in range(200))
    sections = tuple(Section(f"Part {i}", lines[i * 10 : (i + 1) * 10]) for i in range(20))
    answer = Answer(
        "q",
        Intent("senior", "skills", None, 1.0, True),
        "T" * 400,
        "i" * 5000,
        sections,
        ("senior-guide",),
    )
    messages = render_blocks(answer, kb, share={"q": "x"})
    assert len(messages) > 1
    for blocks in messages:
        assert len(blocks) <= MAX_BLOCKS
        for block in blocks:
            if "text" in block:
                assert len(block["text"]["text"]) <= (150 if block["type"] == "header" else 3000)
    shown = "".join(json.dumps(b) for m in messages for b in m)
    assert "point 199" in shown  # nothing was dropped


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=5000), st.integers(min_value=10, max_value=MAX_SECTION))
def test_chunks_respect_the_limit_and_keep_everything(text, limit):
    pieces = chunks(text, limit)
    assert all(len(p) <= limit for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


def test_console_scripted(kb):
    script = "/role sr\n/ladder next junior\nwhat do staff engineers do?\nquit\n/role never\n"
    result = run_bot(stdin=script)
    assert result.returncode == 0
    out = result.stdout
    assert "Senior Backend Engineer: Overview" in out
    assert "Junior Backend Engineer: Career progression" in out
    assert "Staff Backend Engineer: Responsibilities" in out
    assert "never" not in out  # stopped at quit
    assert ask("", kb).intent.answered is False
