"""Mentions (answered in a thread), direct messages, and the App Home tab.

Which messages get an answer: anything a person wrote, whatever its subtype (a
question sent with a file, a reply also sent to the channel). Not: edits,
deletions, joins and leaves, and bots (this one included).

An edited mention arrives again with an `edited` field and a new event id. It is
ignored: the first answer stands in the thread, and a second one would only
repeat it (updating it in place would need the reply's ts kept per question).
"""

from __future__ import annotations

import time

from ...live import as_live
from ..delivery import Reply
from ..errors import ack_now, log_failures
from ..messages import home_view, question_reply
from ..record import event_question_id

IGNORED_SUBTYPES = frozenset(
    {
        "message_changed",
        "message_deleted",
        "channel_join",
        "channel_leave",
        "group_join",
        "group_leave",
        "bot_message",
    }
)


def not_from_a_person(event: dict) -> bool:
    return (
        bool(event.get("bot_id") or event.get("bot_profile"))
        or event.get("subtype") in IGNORED_SUBTYPES
        or not event.get("user")
    )


def _answered(kb, event: dict, recorder) -> tuple[dict, ...]:
    """The reply's messages; the question is logged (with 👍/👎 under the answer)."""
    started = time.perf_counter()
    logging = recorder is not None and recorder.enabled
    qid = event_question_id(event) if logging else None
    messages, answer = question_reply(kb, event.get("text", ""), qid)
    if qid:
        recorder.event(event, answer, started, qid)
    return tuple(messages)


def mention_reply(kb, event: dict, recorder=None) -> Reply | None:
    """A mention is answered in its thread (a new one under the question if need be)."""
    if not_from_a_person(event) or event.get("edited"):
        return None
    thread = event.get("thread_ts") or event.get("ts")
    return Reply(event["channel"], _answered(kb, event, recorder), thread, event.get("user"))


def direct_message_reply(kb, event: dict, recorder=None) -> Reply | None:
    """A DM is answered in the DM; a reply in a DM thread, in that thread."""
    if event.get("channel_type") != "im" or not_from_a_person(event):
        return None
    return Reply(event["channel"], _answered(kb, event, recorder), event.get("thread_ts"))


def handle_home_opened(kb, event: dict, client, admin=None) -> None:
    if event.get("tab", "home") != "home":
        return
    report = None
    if admin is not None and admin.allowed(event.get("user")):
        report = admin.report()[1]
    client.views_publish(user_id=event["user"], view=home_view(kb, report=report))


def register(app, ladder, inbox, recorder=None, admin=None) -> None:
    """Mentions and DMs are claimed in the event store before the ack (app.py's
    middleware) and answered by the inbox; see inbox.py for the life cycle."""
    ladder = as_live(ladder)
    inbox.replies["app_mention"] = lambda event: mention_reply(ladder.kb, event, recorder)
    inbox.replies["message"] = lambda event: direct_message_reply(ladder.kb, event, recorder)

    def on_answerable_event(ack, context):
        ack()
        inbox.answer_later(context["ladderbot_claim"])

    @log_failures("app_home_opened")
    def on_home_opened(event, client):
        handle_home_opened(ladder.kb, event, client, admin)

    app.event("app_mention")(on_answerable_event)
    app.event("message")(on_answerable_event)
    app.event("app_home_opened")(ack=ack_now, lazy=[on_home_opened])
