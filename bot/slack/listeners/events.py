"""Mentions (answered in a thread), direct messages, and the App Home tab."""

from __future__ import annotations

from ..messages import home_view, question_messages


def _from_a_bot(event: dict) -> bool:
    return bool(event.get("bot_id") or event.get("bot_profile")) or event.get("subtype") in (
        "bot_message",
        "message_changed",
        "message_deleted",
    )


def handle_mention(kb, event: dict, say) -> None:
    if _from_a_bot(event):
        return
    thread = event.get("thread_ts") or event.get("ts")
    for message in question_messages(kb, event.get("text", "")):
        say(**message, thread_ts=thread)


def handle_direct_message(kb, event: dict, say) -> None:
    if event.get("channel_type") != "im" or _from_a_bot(event) or event.get("subtype"):
        return
    for message in question_messages(kb, event.get("text", "")):
        say(**message)


def handle_home_opened(kb, event: dict, client) -> None:
    if event.get("tab", "home") == "home":
        client.views_publish(user_id=event["user"], view=home_view(kb))


def register(app, kb) -> None:
    @app.event("app_mention")
    def on_mention(ack, event, say):
        ack()
        handle_mention(kb, event, say)

    @app.event("message")
    def on_message(ack, event, say):
        ack()
        handle_direct_message(kb, event, say)

    @app.event("app_home_opened")
    def on_home_opened(ack, event, client):
        ack()
        handle_home_opened(kb, event, client)
