"""Posting replies, with retries and a fallback when Slack refuses the first try.

slack_sdk's retry handlers cover connection errors, timeouts, 429s (honouring
Retry-After) and 5xx, for the Web API client and for response_url alike
(`Responder`). What is left are Slack's own refusals:
- not_in_channel / channel_not_found / is_archived: the bot cannot post where it
  was asked, so it answers the person by direct message instead;
- msg_too_long / invalid_blocks: it sends the plain-text version of the answer.
Anything else propagates to the caller, which logs it.

Every message answering an event carries the event id in its metadata, so that a
worker taking over an event after a crash can see which parts were already posted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from http.client import RemoteDisconnected
from urllib.error import URLError

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

log = logging.getLogger("ladderbot")

ANSWER_BY_DM = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}
PLAIN_TEXT_INSTEAD = {"msg_too_long", "invalid_blocks"}
METADATA_TYPE = "ladderbot_answer"


def retry_handlers() -> list:
    """Connection errors, timeouts, 429s (honouring Retry-After) and 5xx: two retries."""
    return [
        ConnectionErrorRetryHandler(
            max_retry_count=2,
            error_types=[URLError, ConnectionError, RemoteDisconnected, TimeoutError],
        ),
        RateLimitErrorRetryHandler(max_retry_count=2),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


@dataclass(frozen=True)
class Reply:
    """Where an event's answer goes and what it says (one or more messages)."""

    channel: str
    messages: tuple[dict, ...]
    thread_ts: str | None = None
    user: str | None = None  # who asked: answered by DM when the channel refuses


def answer_metadata(event_id: str, part: int) -> dict:
    return {"event_type": METADATA_TYPE, "event_payload": {"event_id": event_id, "part": part}}


def parts_already_posted(client, reply: Reply, event_id: str, since_ts: str | None) -> set[int]:
    """Which parts of an event's answer are already in Slack, from their metadata.

    Reads the thread (or, for an answer outside a thread, the channel's history
    since the question). Needs the *:history scopes; without them, or when Slack
    fails, nothing is known to be posted and the whole answer is sent."""
    args = {"channel": reply.channel, "include_all_metadata": True, "limit": 200}
    try:
        if reply.thread_ts:
            response = client.conversations_replies(ts=reply.thread_ts, **args)
        else:
            response = client.conversations_history(oldest=since_ts or "0", **args)
    except SlackApiError as exc:
        log.warning(
            "cannot check whether event %s was already answered (%s); answering it in full",
            event_id,
            exc.response.get("error", exc.response.status_code),
        )
        return set()
    found = set()
    for message in response.get("messages") or ():
        metadata = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == METADATA_TYPE and payload.get("event_id") == event_id:
            found.add(payload.get("part"))
    return found


def post_reply(
    client,
    message: dict,
    channel: str,
    user: str | None = None,
    thread_ts: str | None = None,
    metadata: dict | None = None,
) -> None:
    args = {"channel": channel, **message}
    if thread_ts:
        args["thread_ts"] = thread_ts
    if metadata:
        args["metadata"] = metadata
    try:
        client.chat_postMessage(**args)
        return
    except SlackApiError as exc:
        error = exc.response.get("error")
        if error in PLAIN_TEXT_INSTEAD:
            log.warning("Slack refused the reply in %s (%s); sending plain text", channel, error)
            client.chat_postMessage(**{**args, "blocks": None, "text": message["text"][:3000]})
            return
        if error not in ANSWER_BY_DM or not user or user == channel:
            raise
        log.warning("cannot reply in %s (%s); answering by direct message", channel, error)
    note = {
        "type": "context",
        "elements": [
            {
                "type": "mrkdwn",
                "text": "I couldn't reply where you asked (I may need to be invited to "
                "that channel), so here is the answer privately.",
            }
        ],
    }
    blocks = [note, *message.get("blocks", [])][:50]
    client.chat_postMessage(channel=user, text=message["text"], blocks=blocks, metadata=metadata)


class Responder:
    """Posts to a response_url like Bolt's respond(), but with the Web API client's
    retry handlers (Bolt's own makes one try), and logs a refusal instead of raising."""

    def __init__(self, response_url: str | None, timeout: float = 10.0):
        self.response_url = response_url
        self.timeout = timeout

    def __call__(self, text: str = "", blocks: list | None = None, **fields) -> int:
        if not self.response_url:
            raise ValueError("this request has no response_url to answer on")
        client = WebhookClient(
            url=self.response_url, timeout=self.timeout, retry_handlers=retry_handlers()
        )
        body = {"text": text, **({"blocks": blocks} if blocks is not None else {}), **fields}
        status = client.send_dict(body).status_code
        if status >= 400:
            log.error(
                "response_url refused the answer (HTTP %s); the button's reply was not shown",
                status,
            )
        return status
