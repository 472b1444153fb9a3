"""The baseline for bench/load.py: a bare Bolt app whose commands ack with a fixed text,
served through the same WSGI adapter and gunicorn settings as ladderbot.

BARE_PROCESS_BEFORE_RESPONSE=1 gives it the same Bolt mode as ladderbot (acks sent as
soon as the listener returns); without it, Bolt's default (acks polled every 10 ms)."""

from __future__ import annotations

import os

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient


def create_app():
    client = WebClient(
        token=os.environ["SLACK_BOT_TOKEN"],
        base_url=os.environ.get("SLACK_API_URL") or WebClient.BASE_URL,
    )
    app = App(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        process_before_response=os.environ.get("BARE_PROCESS_BEFORE_RESPONSE") == "1",
    )

    def answer(ack):
        ack("Senior Backend Engineer")

    for command in ("/role", "/skills", "/ladder"):  # the commands bench/load.py sends
        app.command(command)(answer)

    return SlackRequestHandler(app)
