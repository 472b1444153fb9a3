"""What ladderbot relies on in Bolt beyond its documented API. Each test fails when a
Bolt release changes that behaviour, so the dependency is found by CI, not in Slack."""

from __future__ import annotations

import json
import logging
import urllib.parse

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from bot.slack.app import _drop_token_unused_warning
from bot.slack.listeners import commands

from .fakeslack import FakeSlack


@pytest.fixture(scope="module")
def fake():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def offline_app(fake, **options) -> App:
    """Bolt's authorization still calls auth.test: against the fake Web API."""
    client = WebClient(token="xoxb-contract-test", base_url=fake.api_url)
    return App(
        client=client,
        signing_secret="contract-secret",
        request_verification_enabled=False,
        token_verification_enabled=False,
        **options,
    )


def test_a_listeners_bolt_response_is_the_slash_command_ack(kb, fake):
    """listeners/commands.py returns the answer as a hand-built BoltResponse; with
    process_before_response=True Bolt must send that response as the ack."""
    app = offline_app(fake, process_before_response=True)
    commands.register(app, kb)
    form = {"command": "/role", "text": "senior", "user_id": "U1", "channel_id": "C1"}
    response = app.dispatch(
        BoltRequest(
            body=urllib.parse.urlencode(form),
            headers={"content-type": ["application/x-www-form-urlencoded"]},
        )
    )
    assert response.status == 200
    assert response.headers["content-type"] == ["application/json;charset=utf-8"]
    reply = json.loads(response.body)
    assert reply["text"].startswith("Senior Backend Engineer: Overview")
    assert reply["response_type"] == "ephemeral"


def test_the_filtered_bolt_warning_still_has_the_text_we_filter_on(fake, monkeypatch, caplog):
    """app.py drops one Bolt warning by its text: it must still be worded so."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-the-environment")
    caplog.set_level(logging.WARNING)
    offline_app(fake)
    warned = [r for r in caplog.records if "`token` will be unused" in r.getMessage()]
    assert warned, "Bolt no longer warns about token and client: drop the filter in app.py"
    assert not any(_drop_token_unused_warning(r) for r in warned)
