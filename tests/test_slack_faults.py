"""Slack misbehaving (on a fake Web API on loopback): the user still gets an answer where
Slack allows it, the server keeps serving, and one log line explains, without tokens."""

from __future__ import annotations

import json
import time
import uuid

import pytest

from .fakeslack import FakeSlack
from .slackserver import BOT_TOKEN, SIGNING_SECRET, SlackServer


@pytest.fixture(scope="module")
def fake():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def server(fake):
    server = SlackServer(fake, {"SLACK_API_TIMEOUT": "1", "WEB_CONCURRENCY": "1"})
    yield server
    server.stop()


def mention(server, channel: str, text: str = "senior skills", user: str = "U0ASKER") -> str:
    ts = f"{time.time():.6f}"
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@U0BOT1234> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    status, _ = server.event(event, "Ev" + uuid.uuid4().hex[:12])
    assert status == 200
    return ts


def posts_to(fake, channel):
    return [c for c in fake.calls_to("chat.postMessage") if c["body"].get("channel") == channel]


def delivered(fake, channel, count=1, timeout=15.0):
    return fake.wait_for(
        lambda f: len(posts_to(f, channel)) >= count and posts_to(f, channel), timeout
    )


@pytest.mark.parametrize(
    "fault",
    [
        {
            "status": 429,
            "body": {"ok": False, "error": "ratelimited"},
            "headers": {"Retry-After": "1"},
        },
        {"status": 500, "body": {"ok": False}},
        {"status": 503, "body": {"ok": False}},
        {"drop": True},
        {"delay": 2.5, "status": 200, "body": {"ok": True}},  # longer than the 1 s client timeout
    ],
    ids=["429", "500", "503", "connection-dropped", "timeout"],
)
def test_transient_faults_are_retried_and_the_answer_arrives(server, fake, fault):
    channel = "C" + uuid.uuid4().hex[:8].upper()
    fake.fail("chat.postMessage", fault)
    started = time.monotonic()
    mention(server, channel)
    calls = delivered(fake, channel, count=2)
    assert calls and len(calls) == 2, "one failed try, then one retry"
    assert calls[1]["body"]["text"].startswith("Senior Backend Engineer: Skills")
    if "Retry-After" in fault.get("headers", {}):
        assert time.monotonic() - started >= 1.0  # Retry-After was honoured


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found"])
def test_channel_refusal_falls_back_to_a_direct_message(server, fake, error):
    channel, user = "C" + uuid.uuid4().hex[:8].upper(), "U" + uuid.uuid4().hex[:8].upper()
    fake.fail("chat.postMessage", {"status": 200, "body": {"ok": False, "error": error}})
    mention(server, channel, user=user)
    dm = delivered(fake, user)
    assert dm[0]["body"]["text"].startswith("Senior Backend Engineer: Skills")
    assert "couldn't reply where you asked" in json.dumps(dm[0]["body"]["blocks"])


def test_message_too_long_sends_the_short_version(server, fake):
    channel = "C" + uuid.uuid4().hex[:8].upper()
    fake.fail("chat.postMessage", {"status": 200, "body": {"ok": False, "error": "msg_too_long"}})
    mention(server, channel)
    calls = delivered(fake, channel, count=2)
    assert "blocks" not in calls[1]["body"] and calls[1]["body"]["text"]


@pytest.mark.parametrize("error", ["invalid_auth", "account_inactive"])
def test_hard_failures_are_logged_once_and_serving_continues(server, fake, error):
    channel = "C" + uuid.uuid4().hex[:8].upper()
    fake.fail("chat.postMessage", {"status": 200, "body": {"ok": False, "error": error}})
    mention(server, channel)
    line = f"Slack API call chat.postMessage failed: {error}"
    assert fake.wait_for(lambda f: line in server.logs())
    assert server.logs().count(line) == 1
    # The next request is served as usual.
    assert server.get("/healthz")[0] == 200
    mention(server, channel, "staff skills")
    assert delivered(fake, channel, count=2)[-1]["body"]["text"].startswith("Staff Backend")


def test_persistent_server_errors_give_up_with_one_line(server, fake):
    channel = "C" + uuid.uuid4().hex[:8].upper()
    fake.fail("chat.postMessage", *[{"status": 500, "body": {"ok": False}}] * 3)
    mention(server, channel)
    assert fake.wait_for(lambda f: len(posts_to(f, channel)) == 3)
    assert fake.wait_for(lambda f: "chat.postMessage failed: 500" in server.logs())
    mention(server, channel, "lead skills")
    assert delivered(fake, channel, count=4)[-1]["body"]["text"].startswith("Lead Backend")


def test_failed_response_url_is_logged_and_serving_continues(server, fake):
    fake.fail("respond", {"status": 404, "body": {}})
    action = {
        "type": "button",
        "action_id": "ladder_topic_skills",
        "block_id": "b",
        "value": json.dumps({"r": "mid", "t": "skills"}),
        "action_ts": "1",
    }
    assert server.action(action)[0] == 200
    line = "response_url refused the answer (HTTP 404)"
    assert fake.wait_for(lambda f: line in server.logs())
    assert server.slash("/role", "mid")[0] == 200


def test_no_token_or_secret_in_any_log_line(server):
    logs = server.logs()
    assert "DEBUG" in logs
    assert BOT_TOKEN not in logs and SIGNING_SECRET not in logs


def test_connection_refused_is_one_line_and_serving_continues():
    """The Web API goes away after start-up: every retry is refused, one line explains it."""
    gone = FakeSlack().start()
    server = SlackServer(gone, {"SLACK_API_TIMEOUT": "1", "WEB_CONCURRENCY": "1"})
    try:
        gone.stop()  # nothing listens on that port any more
        mention(server, "C0GONE")
        line = "while handling app_mention: URLError"
        assert gone.wait_for(lambda f: line in server.logs(), timeout=20)
        assert server.logs().count(line) == 1
        assert server.get("/healthz")[0] == 200
        assert server.slash("/role", "lead")[0] == 200  # answered from the ack alone
        assert BOT_TOKEN not in server.logs()
    finally:
        server.stop()
