"""Slack's less common shapes, replayed against the real gunicorn app and the fake Web API:
edits, DM threads, subtypes, share values, old buttons, plain-text fallbacks, retries
on response_url, role search, and secrets in forged requests."""

from __future__ import annotations

import json
import time
import urllib.parse
import uuid
from pathlib import Path

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
    server = SlackServer(fake)
    yield server
    server.stop()


def new_id() -> str:
    return "Ev" + uuid.uuid4().hex[:12].upper()


def posts_to(fake, channel):
    return [c for c in fake.calls_to("chat.postMessage") if c["body"].get("channel") == channel]


def channel_id() -> str:
    return "C" + uuid.uuid4().hex[:8].upper()


def mention(channel, text="senior skills", **extra) -> dict:
    ts = extra.pop("ts", f"{time.time():.6f}")
    event = {"type": "app_mention", "user": "U0USER", "text": f"<@U0BOT1234> {text}", "ts": ts}
    return {**event, "channel": channel, "event_ts": ts, **extra}


def dm(channel, text="senior skills", **extra) -> dict:
    ts = extra.pop("ts", f"{time.time():.6f}")
    event = {"type": "message", "channel_type": "im", "user": "U0USER", "text": text, "ts": ts}
    return {**event, "channel": channel, "event_ts": ts, **extra}


def test_an_edited_mention_is_not_answered_again(server, fake):
    channel = channel_id()
    original = mention(channel)
    assert server.event(original, new_id())[0] == 200
    assert fake.wait_for(lambda f: posts_to(f, channel))
    edited = {**original, "text": "<@U0BOT1234> staff skills", "edited": {"user": "U0USER"}}
    assert server.event(edited, new_id())[0] == 200  # Slack sends a new event id
    time.sleep(1.0)
    assert len(posts_to(fake, channel)) == 1


def test_a_reply_in_a_dm_thread_is_answered_in_that_thread(server, fake):
    channel = "D" + uuid.uuid4().hex[:8].upper()
    server.event(dm(channel, thread_ts="1700000000.000100"), new_id())
    posted = fake.wait_for(lambda f: posts_to(f, channel))
    assert posted[0]["body"]["thread_ts"] == "1700000000.000100"


@pytest.mark.parametrize("subtype", ["file_share", "thread_broadcast"])
def test_dms_with_a_subtype_from_a_person_are_answered(server, fake, subtype):
    channel = "D" + uuid.uuid4().hex[:8].upper()
    extra = {"thread_ts": "1.1"} if subtype == "thread_broadcast" else {"files": [{"id": "F1"}]}
    server.event(dm(channel, "lead skills", subtype=subtype, **extra), new_id())
    posted = fake.wait_for(lambda f: posts_to(f, channel))
    assert posted[0]["body"]["text"].startswith("Lead Backend Engineer: Skills")


@pytest.mark.parametrize("subtype", ["message_changed", "message_deleted", "channel_join"])
def test_edits_deletions_and_joins_are_not_answered(server, fake, subtype):
    channel = "D" + uuid.uuid4().hex[:8].upper()
    server.event(dm(channel, subtype=subtype), new_id())
    time.sleep(0.8)
    assert posts_to(fake, channel) == []


def buttons(blocks) -> dict:
    return {
        e["action_id"]: e
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "button"
    }


def click(server, element):
    return server.action(
        {"type": "button", "action_id": element["action_id"], "value": element["value"]}
    )


@pytest.mark.parametrize(
    "command, text, expect",
    [
        ("/role", "senior", "Senior Backend Engineer: Overview"),
        ("/role", "sénior " + "é中🙂" * 400, "Role not found"),
        ("/ladder", "senior staff", "Senior Backend Engineer vs Staff Backend Engineer"),
        ("/skills", "principal", "Principal Backend Engineer: Skills and tools"),
        ("/role", "中" * 900 + " archi", "Role not found"),
    ],
)
def test_share_posts_exactly_the_answer_shown(server, fake, command, text, expect):
    reply = json.loads(server.slash(command, text)[1])
    assert reply["text"].startswith(expect)
    share = buttons(reply["blocks"])["ladder_share"]
    assert len(share["value"]) <= 2000
    json.loads(share["value"])  # always whole JSON
    before = len(fake.responses())
    click(server, share)
    shared = fake.wait_for(
        lambda f: [r for r in f.responses()[before:] if r["body"].get("response_type")]
    )
    assert shared[0]["body"]["response_type"] == "in_channel"
    assert shared[0]["body"]["text"] == reply["text"]


def test_a_button_from_an_older_version_is_acknowledged_and_explained(server, fake):
    before = len(fake.responses())
    status, _ = server.action({"type": "button", "action_id": "ladder_retired_v1", "value": "{}"})
    assert status == 200
    said = fake.wait_for(lambda f: f.responses()[before:])
    assert "older version" in said[0]["body"]["text"]


def test_invalid_blocks_falls_back_to_plain_text(server, fake):
    channel = channel_id()
    fake.fail("chat.postMessage", {"status": 200, "body": {"ok": False, "error": "invalid_blocks"}})
    server.event(mention(channel), new_id())
    calls = fake.wait_for(lambda f: len(posts_to(f, channel)) >= 2 and posts_to(f, channel))
    assert "blocks" not in calls[1]["body"] and calls[1]["body"]["text"].startswith("Senior")


def test_response_url_is_retried_after_a_server_error(server, fake):
    fake.fail("respond", {"status": 503, "body": {}})
    before = len(fake.responses())
    action = {"type": "button", "action_id": "ladder_topic_skills", "value": '{"r":"lead"}'}
    server.action(action)
    sent = fake.wait_for(lambda f: len(f.responses()[before:]) >= 2 and f.responses()[before:])
    assert sent[1]["body"]["text"].startswith("Lead Backend Engineer")


def test_the_role_picker_searches_as_you_type(server):
    payload = {
        "type": "block_suggestion",
        "action_id": "ladder_role_pick",
        "block_id": "ladder_role_picker",
        "value": "sta",
        "team": {"id": "T0TEAM"},
        "user": {"id": "U0USER"},
        "api_app_id": "A0APP",
        "container": {"type": "view", "view_id": "V0VIEW"},
    }
    form = urllib.parse.urlencode({"payload": json.dumps(payload)})
    status, text = server.post_signed(form, "application/x-www-form-urlencoded")
    assert status == 200
    options = json.loads(text)["options"]
    assert [o["text"]["text"] for o in options] == ["Staff Backend Engineer"]


def test_an_unexpected_error_is_logged_with_its_traceback(server, fake):
    event = mention("C0UNUSED")
    del event["channel"]  # a payload shape the code does not expect
    assert server.event(event, new_id())[0] == 200
    assert fake.wait_for(lambda f: "KeyError: 'channel'" in server.logs())
    logs = server.logs()
    assert "while handling app_mention: KeyError" in logs
    assert "Traceback (most recent call last)" in logs and "mention_reply" in logs
    assert server.get("/healthz")[0] == 200


def test_forged_and_stale_requests_leave_no_secret_in_the_logs(server):
    hook = "https://hooks.slack.com/commands/T0TEAM/1234/SecretHookPath"
    form = urllib.parse.urlencode(
        {"token": "LegacyVerificationTok", "command": "/role", "response_url": hook}
    )
    server.post_signed(form, "application/x-www-form-urlencoded", secret="wrong-secret")
    server.post_signed(form, "application/x-www-form-urlencoded", timestamp=int(time.time()) - 600)
    payload = {"type": "block_actions", "token": "LegacyVerificationTok", "response_url": hook}
    action_form = urllib.parse.urlencode({"payload": json.dumps(payload)})
    server.post_signed(action_form, "application/x-www-form-urlencoded", secret="wrong-secret")
    event = json.dumps({"token": "LegacyVerificationTok", "type": "event_callback"})
    server.post_signed(event, "application/json", secret="wrong-secret")
    time.sleep(0.3)
    logs = server.logs()
    assert "Invalid request signature" in logs  # Bolt did log those bodies
    for secret in ("LegacyVerificationTok", "SecretHookPath", "hooks.slack.com/commands"):
        assert secret not in logs
    assert BOT_TOKEN not in logs and SIGNING_SECRET not in logs


def test_an_unusable_data_dir_fails_open_and_answers(tmp_path):
    (tmp_path / "not-a-dir").write_text("")
    fake = FakeSlack().start()
    server = SlackServer(fake, {"DATA_DIR": str(tmp_path / "not-a-dir" / "data")})
    try:
        channel = channel_id()
        assert server.event(mention(channel), new_id())[0] == 200
        assert fake.wait_for(lambda f: posts_to(f, channel))
        assert "event store unavailable" in server.logs()
        assert server.get("/healthz")[0] == 200
    finally:
        server.stop()
        fake.stop()
    assert Path(tmp_path / "not-a-dir").is_file()
