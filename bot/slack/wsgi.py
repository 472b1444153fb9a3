"""The HTTP app for gunicorn: all Slack traffic on POST /slack/events, health on GET /healthz.

    gunicorn 'bot.slack.wsgi:create_app()'

Configuration problems print one line and exit with status 2 (a knowledge-base
problem, status 1) before gunicorn forks any worker (gunicorn.conf.py preloads the app).
"""

from __future__ import annotations

import sys

from slack_bolt.adapter.wsgi import SlackRequestHandler

from ..ladder.location import directory_problem
from ..ladder.yamlfile import KnowledgeError
from ..live import LiveLadder
from .app import build_service
from .config import ConfigError, load_config
from .logs import setup_logging

MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few KB; refuse anything absurd


def _plain(start_response, status: str, body: bytes):
    start_response(
        status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    )
    return [body]


def wrap(handler: SlackRequestHandler, health=lambda: "ok"):
    """/healthz answers 200 while the process serves; its body says how the question
    log is doing ("ok", "question log degraded (...)"), for people, not for routing."""

    def application(environ, start_response):
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == "/healthz" and method in ("GET", "HEAD"):
            return _plain(start_response, "200 OK", (health() + "\n").encode())
        if path != "/slack/events":
            return _plain(start_response, "404 Not Found", b"not found\n")
        if method != "POST":
            return _plain(start_response, "405 Method Not Allowed", b"POST only\n")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = MAX_BODY_BYTES + 1
        if length > MAX_BODY_BYTES:
            return _plain(start_response, "413 Payload Too Large", b"request body too large\n")
        return handler(environ, start_response)

    return application


def create_app():
    try:
        config = load_config("http")
    except ConfigError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr, flush=True)
        sys.exit(2)
    mistake = directory_problem()  # KNOWLEDGE_DIR
    if mistake:
        print(f"ladderbot: {mistake}", file=sys.stderr, flush=True)
        sys.exit(2)
    setup_logging(config.log_level, config.secrets)
    try:
        ladder = LiveLadder.load(config.knowledge_dir, config.reload_seconds)
    except KnowledgeError as exc:
        print(exc, file=sys.stderr, flush=True)
        sys.exit(1)
    try:
        service = build_service(config, ladder)
    except ConfigError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr, flush=True)
        sys.exit(2)
    # Watched from here too: with preload_app this is gunicorn's master, and workers it
    # forks later (SIGHUP, a crash) then start from the ladder as last edited.
    ladder.start()
    return wrap(SlackRequestHandler(service.app), service.health)
