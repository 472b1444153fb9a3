"""Mentions (answered in a thread), direct messages, and the App Home tab."""

from __future__ import annotations

from ..delivery import post_reply
from ..errors import ack_now, log_failures
from ..messages import home_view, question_messages


def _from_a_bot(event: dict) -> bool:
    return bool(event.get("bot_id") or event.get("bot_profile")) or event.get("subtype") in (
        "bot_message",
        "message_changed",
        "message_deleted",
    )


def handle_mention(kb, event: dict, client) -> None:
    if _from_a_bot(event):
        return
    thread = event.get("thread_ts") or event.get("ts")
    for message in question_messages(kb, event.get("text", "")):
        post_reply(client, message, event["channel"], event.get("user"), thread)


def handle_direct_message(kb, event: dict, client) -> None:
    if event.get("channel_type") != "im" or _from_a_bot(event) or event.get("subtype"):
        return
    for message in question_messages(kb, event.get("text", "")):
        post_reply(client, message, event["channel"])


def handle_home_opened(kb, event: dict, client) -> None:
    if event.get("tab", "home") == "home":
        client.views_publish(user_id=event["user"], view=home_view(kb))


def register(app, kb) -> None:
    """Each event is acknowledged at once; the reply is posted by a lazy listener."""

    @log_failures("app_mention")
    def on_mention(event, client):
        handle_mention(kb, event, client)

    @log_failures("message")
    def on_message(event, client):
        handle_direct_message(kb, event, client)

    @log_failures("app_home_opened")
    def on_home_opened(event, client):
        handle_home_opened(kb, event, client)

    app.event("app_mention")(ack=ack_now, lazy=[on_mention])
    app.event("message")(ack=ack_now, lazy=[on_message])
    app.event("app_home_opened")(ack=ack_now, lazy=[on_home_opened])
