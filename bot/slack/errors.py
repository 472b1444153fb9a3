"""One log line per failure, built only from fields that never hold a token."""

from __future__ import annotations

import functools
import logging

from slack_sdk.errors import SlackApiError

log = logging.getLogger("ladderbot")


def describe(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        response = error.response
        method = str(getattr(response, "api_url", "")).rsplit("/", 1)[-1] or "?"
        return f"Slack API call {method} failed: {response.get('error', response.status_code)}"
    return f"{type(error).__name__}: {str(error)[:200]}"


def log_failures(kind: str):
    """For Bolt lazy listeners, whose exceptions bypass the app's error handler: log the
    failure as the error handler would (one line), so the worker thread carries on."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - logged, and the next request is served
                log.error("while handling %s: %s", kind, describe(error))

        return run

    return decorate


def ack_now(ack) -> None:
    """The acknowledgement for events and buttons: at once, before any Web API work."""
    ack()
