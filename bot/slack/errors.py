"""How failures are logged: one line for Slack's refusals, a traceback for anything else.

A Slack API error (invalid_auth, a 500 after the retries, ...) is an expected
outcome that one line explains; anything else is a bug whose stack matters.
Secrets are redacted from both by the log formatter (logs.py).
"""

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


def expected(error: BaseException) -> bool:
    """Failures of the outside world, explained by one line: Slack's refusals and
    network errors left after the retries."""
    return isinstance(error, SlackApiError | OSError)


def log_failure(kind: str, error: Exception) -> None:
    if expected(error):
        log.error("while handling %s: %s", kind, describe(error))
    else:
        log.error("while handling %s: %s", kind, describe(error), exc_info=error)


def log_failures(kind: str):
    """For work Bolt runs outside its error handler (lazy listeners, our own threads):
    log the failure as the error handler does, so the worker thread carries on."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - logged; the next request is served
                log_failure(kind, error)

        return run

    return decorate


def ack_now(ack) -> None:
    """The acknowledgement for events and buttons: at once, before any Web API work."""
    ack()
