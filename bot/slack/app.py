"""Build the Bolt App: a WebClient with retry handlers, the event inbox, listeners."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.error import URLError

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.error import BoltError
from slack_bolt.middleware import Middleware
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ..ladder.model import KnowledgeBase
from ..live import LiveLadder
from ..store.database import Database, StoreError, open_database, redacted
from ..store.events import EventStore, open_event_store
from ..store.question_log import QuestionLog, load_key
from .admin import Admin
from .config import ConfigError, SlackConfig
from .delivery import retry_handlers
from .errors import log_failure
from .inbox import Inbox
from .listeners import register_listeners
from .record import Recorder

log = logging.getLogger("ladderbot")


def make_client(config: SlackConfig) -> WebClient:
    """Connection errors, timeouts, 429s (honouring Retry-After) and 5xx are retried."""
    return WebClient(
        token=config.bot_token,
        base_url=config.api_url or WebClient.BASE_URL,
        timeout=config.api_timeout,
        retry_handlers=retry_handlers(),
    )


def _drop_token_unused_warning(record: logging.LogRecord) -> bool:
    """Bolt reads SLACK_BOT_TOKEN itself and warns that our client's copy wins; it does."""
    return not str(record.msg).startswith("As you gave `client`")


@dataclass
class Service:
    """The Slack app and what it keeps: for the transports (wsgi.py, serve.py)."""

    app: App
    ladder: LiveLadder
    database: Database
    question_log: QuestionLog
    inbox: Inbox

    def health(self) -> str:
        return self.question_log.state()


def open_store(config: SlackConfig, database: Database) -> EventStore:
    """The database, upgraded to the current schema, and the event store in it; an
    unusable one is reported once here, and still used (each event then logs one
    line and is answered anyway: see inbox.py)."""
    store = open_event_store(database, config.event_lease)
    try:
        database.upgrade()
        store.check()
    except StoreError as exc:
        log.warning(
            "database %s unavailable (%s); answering anyway: redeliveries may be answered "
            "twice and questions are not logged until it is back",
            redacted(database.url),
            exc,
        )
    return store


def open_question_log(config: SlackConfig, database: Database) -> QuestionLog:
    try:
        key = load_key(config.question_log_key, config.data_dir)
    except OSError as exc:
        log.warning(
            "cannot keep the question log's hashing key under DATA_DIR (%s); set "
            "QUESTION_LOG_KEY, or distinct askers are counted per process start",
            exc,
        )
        key = b""
    if not config.question_log_key and database.kind == "postgresql":
        log.warning(
            "QUESTION_LOG_KEY is not set: each machine hashes askers with its own key, so "
            "distinct askers are counted per machine; set the same secret on every machine"
        )
    return QuestionLog(
        database,
        config.question_log,
        key,
        config.question_log_days,
        config.question_log_queue,
    )


class ClaimEventsBeforeTheAck(Middleware):
    """Each event is persisted and leased before its ack; a redelivery of one that is
    done or in hand is acknowledged and dropped (inbox.py has the life cycle). A class,
    not a function: Bolt then hands it the request as is, with no per-request argument
    injection (a tenth of a slash command's time, and commands never need it)."""

    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox

    def process(self, *, req: BoltRequest, resp: BoltResponse, next):  # noqa: A002
        body = req.body
        if not self.inbox.wants(body):
            return next()
        claim = self.inbox.accept(body)
        if claim is None:
            log.info("event %s is answered or in hand; skipping the redelivery", body["event_id"])
            return BoltResponse(status=200, body="")
        req.context["ladderbot_claim"] = claim
        return next()


def build_app(config: SlackConfig, kb: KnowledgeBase, store: EventStore | None = None) -> App:
    """The Bolt app alone, for a ladder that never changes (tests, tools)."""
    return build_service(config, LiveLadder(kb), store).app


def build_service(
    config: SlackConfig, ladder: LiveLadder, store: EventStore | None = None
) -> Service:
    """Calls auth.test on the way (Bolt's token check); a rejected token is a ConfigError."""
    database = open_database(url=config.database_url or None)
    store = store or open_store(config, database)
    question_log = open_question_log(config, database)
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

    inbox = Inbox(store, app.client)

    app.use(ClaimEventsBeforeTheAck(inbox))

    @app.error
    def log_error(error, body):
        log_failure(body.get("type") or body.get("command") or "request", error)

    recorder = Recorder(question_log)
    admin = Admin(config.admin_user_ids, database, ladder, question_log)
    register_listeners(app, ladder, inbox, recorder, admin)
    return Service(app, ladder, database, question_log, inbox)
