"""Posting replies through the Web API, with a fallback when Slack refuses the first try.

slack_sdk's retry handlers already cover connection errors, timeouts, 429s
(honouring Retry-After) and 5xx. What is left are Slack's own refusals:
- not_in_channel / channel_not_found / is_archived: the bot cannot post where it
  was asked, so it answers the person by direct message instead;
- msg_too_long: it sends the short plain-text version of the answer.
Anything else propagates to Bolt's error handler, which logs one line.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

log = logging.getLogger("ladderbot")

ANSWER_BY_DM = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


def post_reply(
    client, message: dict, channel: str, user: str | None = None, thread_ts: str | None = None
) -> None:
    args = {"channel": channel, **message}
    if thread_ts:
        args["thread_ts"] = thread_ts
    try:
        client.chat_postMessage(**args)
        return
    except SlackApiError as exc:
        error = exc.response.get("error")
        if error == "msg_too_long":
            log.warning("reply in %s was too long for Slack; sending the short version", channel)
            client.chat_postMessage(**{**args, "blocks": None, "text": message["text"][:3000]})
            return
        if error not in ANSWER_BY_DM or not user or user == channel:
            raise
        log.warning("cannot reply in %s (%s); answering %s by direct message", channel, error, user)
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
    client.chat_postMessage(
        channel=user, text=message["text"], blocks=[note, *message.get("blocks", [])][:50]
    )


def respond_checked(respond, message: dict, **extra) -> None:
    """respond() returns the response_url status instead of raising; log when it failed."""
    response = respond(**message, **extra)
    status = getattr(response, "status_code", 200)
    if status >= 400:
        log.error(
            "response_url refused the answer (HTTP %s); the button's reply was not shown", status
        )
