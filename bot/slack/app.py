"""Build the Bolt App: a WebClient with retry handlers, duplicate-event guard, listeners."""

from __future__ import annotations

import logging
from http.client import RemoteDisconnected
from urllib.error import URLError

from slack_bolt import App, BoltResponse
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from ..ladder.model import KnowledgeBase
from .config import ConfigError, SlackConfig
from .errors import describe
from .ledger import EventLedger
from .listeners import register_listeners

log = logging.getLogger("ladderbot")


def make_client(config: SlackConfig) -> WebClient:
    """Connection errors, timeouts, 429s (honouring Retry-After) and 5xx are retried."""
    return WebClient(
        token=config.bot_token,
        base_url=config.api_url or WebClient.BASE_URL,
        timeout=config.api_timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(
                max_retry_count=2,
                error_types=[URLError, ConnectionError, RemoteDisconnected, TimeoutError],
            ),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def _drop_token_unused_warning(record: logging.LogRecord) -> bool:
    """Bolt reads SLACK_BOT_TOKEN itself and warns that our client's copy wins; it does."""
    return not str(record.msg).startswith("As you gave `client`")


def build_app(config: SlackConfig, kb: KnowledgeBase, ledger: EventLedger | None = None) -> App:
    """Calls auth.test on the way (Bolt's token check); a rejected token is a ConfigError."""
    ledger = ledger or EventLedger()
    bolt_log = logging.getLogger("slack_bolt")
    bolt_log.addFilter(_drop_token_unused_warning)
    try:
        app = App(
            client=make_client(config),
            signing_secret=config.signing_secret,
            logger=bolt_log,
            # Acks go out as soon as the ack function returns, instead of Bolt polling for
            # them every 10 ms; slow Web API work runs in lazy listeners (see listeners/).
            process_before_response=True,
            # Socket Mode requests are not signed; HTTP requests always are verified.
            request_verification_enabled=config.signing_secret is not None,
        )
    except BoltError as exc:
        cause = exc.__cause__ or exc.__context__
        reason = cause.response.get("error") if isinstance(cause, SlackApiError) else None
        reason = reason or "auth.test failed"
        raise ConfigError(
            f"SLACK_BOT_TOKEN was not accepted by Slack ({reason}): check "
            "OAuth & Permissions > Bot User OAuth Token, and SLACK_API_URL "
            "if you set it."
        ) from None
    except (OSError, URLError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ConfigError(
            f"cannot reach the Slack Web API at {config.api_url or WebClient.BASE_URL} "
            f"({reason}): check SLACK_API_URL and the network."
        ) from None

    @app.middleware
    def skip_events_already_handled(body, next):
        """Slack redelivers an event it thinks failed; answer each event_id once."""
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not ledger.claim(str(event_id)):
            log.info("event %s already handled; skipping the redelivery", event_id)
            return BoltResponse(status=200, body="")
        return next()

    @app.error
    def log_error(error, body):
        kind = body.get("type") or body.get("command") or "request"
        log.error("while handling %s: %s", kind, describe(error))

    register_listeners(app, kb)
    return app
