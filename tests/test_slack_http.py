"""The app served for real by gunicorn (Procfile's web: line) against a fake Slack Web API."""

from __future__ import annotations

import json
import time
import uuid

import pytest

from bot.answer.render_blocks import MAX_BLOCKS, MAX_HEADER, MAX_HOME_BLOCKS, MAX_SECTION

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


def assert_within_limits(blocks, max_blocks=MAX_BLOCKS):
    assert 0 < len(blocks) <= max_blocks
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= MAX_HEADER
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= MAX_SECTION
        if block["type"] == "context":
            assert len(block["elements"]) <= 10
        if block["type"] == "actions":
            assert len(block["elements"]) <= 25


def texts(blocks) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def new_id() -> str:
    return "Ev" + uuid.uuid4().hex[:10].upper()


def test_health_needs_no_slack_auth(server):
    assert server.get("/healthz") == (200, "ok\n")


def test_start_up_called_auth_test(server, fake):
    assert fake.calls_to("auth.test")


def test_url_verification(server):
    body = json.dumps(
        {"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV", "type": "url_verification"}
    )
    status, text = server.post_signed(body, "application/json")
    assert status == 200 and "3eZbrw1aBm2rZgRNFdxV" in text


def test_role_command_answers_privately_with_a_share_button(server):
    status, text = server.slash("/role", "senior")
    assert status == 200
    reply = json.loads(text)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"].startswith("Senior Backend Engineer: Overview")
    assert_within_limits(reply["blocks"])
    assert reply["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Senior Backend Engineer: Overview", "emoji": True},
    }
    assert "Junior → Mid-level → *Senior* → Staff → Principal" in texts(reply["blocks"])
    assert any(b["type"] == "context" and "Sources:" in texts(b) for b in reply["blocks"])
    actions = [
        e["action_id"] for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert {
        "ladder_topic_responsibilities",
        "ladder_topic_skills",
        "ladder_topic_next",
        "ladder_compare",
        "ladder_share",
    } <= set(actions)


def test_typo_in_level_answers_the_best_match_and_says_so(server):
    reply = json.loads(server.slash("/role", "senoir")[1])
    assert "Senior Backend Engineer" in reply["text"]
    assert "I read \u201csenoir\u201d as Senior Backend Engineer" in texts(reply["blocks"])


def test_unknown_level_lists_roles_with_did_you_mean_buttons(server):
    reply = json.loads(server.slash("/role", "archi")[1])
    assert "I don't know a role called" in texts(reply["blocks"])
    assert "ladder_suggest_0" in texts(reply["blocks"])


@pytest.mark.parametrize("typed", ["<!channel>", "<@U0OTHER>", "<!here> senior", "<#C0CHAN|x>"])
def test_typed_markup_never_pings(server, typed):
    reply = json.loads(server.slash("/role", typed)[1])
    body = texts(reply)
    for live in ("<!channel>", "<!here>", "<@U0OTHER>", "<#C0CHAN"):
        assert live not in body


def test_skills_and_ladder_commands(server):
    skills = json.loads(server.slash("/skills", "principal")[1])
    assert "Technical skills" in texts(skills) and "Tools and technologies" in texts(skills)
    ladder = json.loads(server.slash("/ladder", "")[1])
    assert "Leadership and management: Senior → Lead / Engineering Manager" in texts(ladder)
    compare = json.loads(server.slash("/ladder", "senior principal")[1])
    assert compare["text"].startswith("Senior Backend Engineer vs Principal Backend Engineer")
    nxt = json.loads(server.slash("/ladder", "next senior")[1])
    assert "Next: Staff Backend Engineer" in texts(nxt)
    helped = json.loads(server.slash("/role", "help")[1])
    assert "/ladder next senior" in texts(helped)


def test_mention_is_answered_in_a_thread(server, fake):
    ts = f"{time.time():.6f}"
    event = {
        "type": "app_mention",
        "user": "U0USER",
        "text": "<@U0BOT1234> senior vs staff?",
        "ts": ts,
        "channel": "C0CHAN",
        "event_ts": ts,
    }
    assert server.event(event, new_id())[0] == 200
    posts = fake.wait_for(
        lambda f: [c for c in f.calls_to("chat.postMessage") if c["body"].get("thread_ts") == ts]
    )
    assert len(posts) == 1
    body = posts[0]["body"]
    assert body["channel"] == "C0CHAN"
    assert body["text"].startswith("Senior Backend Engineer vs Staff Backend Engineer")
    assert_within_limits(body["blocks"])
    assert posts[0]["headers"]["Authorization"] == f"Bearer {BOT_TOKEN}"


def test_off_topic_mention_gets_a_short_friendly_decline(server, fake):
    ts = f"{time.time():.6f}"
    event = {
        "type": "app_mention",
        "user": "U0USER",
        "text": "<@U0BOT1234> what's for lunch?",
        "ts": ts,
        "channel": "C0CHAN",
        "event_ts": ts,
    }
    server.event(event, new_id())
    post = fake.wait_for(
        lambda f: [c for c in f.calls_to("chat.postMessage") if c["body"].get("thread_ts") == ts]
    )[0]
    assert "outside what I know" in post["body"]["text"]
    assert "Roles I know" in texts(post["body"]["blocks"])


def test_direct_message_is_answered_in_the_dm(server, fake):
    ts = f"{time.time():.6f}"
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U0USER",
        "channel": "D0DM",
        "text": "what does a lead engineer do",
        "ts": ts,
        "event_ts": ts,
    }
    server.event(event, new_id())
    posts = fake.wait_for(
        lambda f: [c for c in f.calls_to("chat.postMessage") if c["body"]["channel"] == "D0DM"]
    )
    assert len(posts) == 1 and "thread_ts" not in posts[0]["body"]
    assert posts[0]["body"]["text"].startswith("Lead Backend Engineer: Responsibilities")


def test_bots_are_never_answered(server, fake):
    before = len(fake.calls_to("chat.postMessage"))
    for extra in (
        {"bot_id": "B0OTHER"},
        {"subtype": "bot_message", "bot_id": "B0BOT1234"},
        {"user": "U0BOT1234", "bot_id": "B0BOT1234"},
    ):
        ts = f"{time.time():.6f}"
        event = {
            "type": "message",
            "channel_type": "im",
            "user": "U0X",
            "channel": "D0BOT",
            "text": "senior skills",
            "ts": ts,
            "event_ts": ts,
            **extra,
        }
        assert server.event(event, new_id())[0] == 200
    time.sleep(1.0)
    assert len(fake.calls_to("chat.postMessage")) == before


def test_home_tab_publishes_the_ladder_with_a_role_picker(server, fake):
    event = {
        "type": "app_home_opened",
        "user": "U0HOME",
        "channel": "D0HOME",
        "tab": "home",
        "event_ts": f"{time.time():.6f}",
    }
    server.event(event, new_id())
    call = fake.wait_for(
        lambda f: [c for c in f.calls_to("views.publish") if c["body"]["user_id"] == "U0HOME"]
    )[0]
    view = call["body"]["view"]
    assert view["type"] == "home"
    assert_within_limits(view["blocks"], MAX_HOME_BLOCKS)
    pickers = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [p["action_id"] for p in pickers] == ["ladder_role_pick"]
    titles = [o["text"]["text"] for o in pickers[0]["options"]]
    assert len(titles) == 9 and "Senior Backend Engineer" in titles


def test_home_role_picker_shows_its_card(server, fake):
    action = {
        "type": "static_select",
        "action_id": "ladder_role_pick",
        "block_id": "ladder_role_picker",
        "selected_option": {
            "text": {"type": "plain_text", "text": "Staff"},
            "value": json.dumps({"r": "staff"}),
        },
        "action_ts": "1",
    }
    server.action(action, container={"type": "view", "view_id": "V0VIEW"}, response_url=False)
    call = fake.wait_for(
        lambda f: [
            c
            for c in f.calls_to("views.publish")
            if "Staff Backend Engineer: Overview" in texts(c["body"])
        ]
    )
    assert call


@pytest.mark.parametrize(
    "action_id, value, expect",
    [
        ("ladder_topic_skills", {"r": "junior", "t": "skills"}, "Junior Backend Engineer: Skills"),
        (
            "ladder_topic_next",
            {"r": "mid", "t": "progression"},
            "Mid-level Backend Engineer: Career",
        ),
        (
            "ladder_suggest_0",
            {"q": "Lead Backend Engineer salary"},
            "Lead Backend Engineer: Salary",
        ),
    ],
)
def test_buttons_answer_without_a_new_command(server, fake, action_id, value, expect):
    action = {
        "type": "button",
        "action_id": action_id,
        "block_id": "b",
        "value": json.dumps(value),
        "action_ts": "1",
    }
    assert server.action(action)[0] == 200
    sent = fake.wait_for(
        lambda f: [r for r in f.responses() if r["body"]["text"].startswith(expect)]
    )
    assert sent and sent[0]["body"]["response_type"] == "ephemeral"
    assert_within_limits(sent[0]["body"]["blocks"])


def test_compare_menu(server, fake):
    action = {
        "type": "static_select",
        "action_id": "ladder_compare",
        "block_id": "b",
        "selected_option": {
            "text": {"type": "plain_text", "text": "Lead"},
            "value": json.dumps({"r": "staff", "t": "compare", "o": "lead"}),
        },
        "action_ts": "1",
    }
    server.action(action)
    assert fake.wait_for(
        lambda f: [
            r
            for r in f.responses()
            if r["body"]["text"].startswith("Staff Backend Engineer vs Lead Backend Engineer")
        ]
    )


def test_share_posts_the_same_answer_visibly(server, fake):
    action = {
        "type": "button",
        "action_id": "ladder_share",
        "block_id": "b",
        "value": json.dumps({"cmd": "/role", "x": "principal"}),
        "action_ts": "1",
    }
    server.action(action)
    shared = fake.wait_for(
        lambda f: [r for r in f.responses() if r["body"].get("response_type") == "in_channel"]
    )
    assert shared[0]["body"]["text"].startswith("Principal Backend Engineer: Overview")
    assert "ladder_share" not in texts(shared[0]["body"]["blocks"])


def test_retried_event_is_answered_once(server, fake):
    ts, event_id = f"{time.time():.6f}", new_id()
    event = {
        "type": "app_mention",
        "user": "U0USER",
        "text": "<@U0BOT1234> staff skills",
        "ts": ts,
        "channel": "C0RETRY",
        "event_ts": ts,
    }
    assert server.event(event, event_id)[0] == 200
    for n, reason in ((1, "http_timeout"), (2, "http_error")):
        headers = {"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": reason}
        assert server.event(event, event_id, headers)[0] == 200
    fake.wait_for(
        lambda f: [c for c in f.calls_to("chat.postMessage") if c["body"]["channel"] == "C0RETRY"]
    )
    time.sleep(1.0)
    posts = [c for c in fake.calls_to("chat.postMessage") if c["body"]["channel"] == "C0RETRY"]
    assert len(posts) == 1


@pytest.mark.parametrize("case", ["missing", "wrong", "stale", "changed"])
def test_bad_signatures_get_401_and_run_nothing(server, fake, case):
    before = len(fake.calls)
    ts = f"{time.time():.6f}"
    body = json.dumps(
        {
            "type": "event_callback",
            "event_id": new_id(),
            "event": {
                "type": "app_mention",
                "user": "U0",
                "text": "senior",
                "ts": ts,
                "channel": "C0BAD",
            },
        }
    )
    if case == "missing":
        status, _ = server.request(
            "POST", "/slack/events", body.encode(), {"Content-Type": "application/json"}
        )
    elif case == "wrong":
        status, _ = server.post_signed(body, "application/json", secret="not-the-secret")
    elif case == "stale":
        status, _ = server.post_signed(
            body, "application/json", timestamp=int(time.time()) - 6 * 60
        )
    else:
        ts_now = str(int(time.time()))
        from slack_sdk.signature import SignatureVerifier

        sig = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=ts_now, body=body)
        status, _ = server.request(
            "POST",
            "/slack/events",
            body.replace("senior", "junior").encode(),
            {
                "Content-Type": "application/json",
                "X-Slack-Request-Timestamp": ts_now,
                "X-Slack-Signature": sig,
            },
        )
    assert status == 401
    time.sleep(0.3)
    assert len(fake.calls) == before


def test_oversized_body_is_refused(server):
    status, _ = server.request(
        "POST", "/slack/events", b"x" * 1_100_000, {"Content-Type": "application/json"}
    )
    assert status == 413


def test_no_secret_in_logs(server):
    server.slash("/role", "staff")
    time.sleep(0.3)
    logs = server.logs()
    assert "DEBUG" in logs  # the capture really is at DEBUG level
    assert BOT_TOKEN not in logs and SIGNING_SECRET not in logs
