"""Socket Mode: the quickest way into a workspace, no public URL needed.

SIGHUP reloads the knowledge base in place (a ladder with problems is refused and
the old one kept); SIGTERM and Ctrl-C stop gracefully, writing the question log's
queue first.
"""

from __future__ import annotations

import signal
import sys
import threading

from ..ladder.location import directory_problem
from ..ladder.yamlfile import KnowledgeError
from ..live import LiveLadder
from .config import ConfigError, load_config
from .logs import setup_logging


def serve(knowledge_dir: str | None = None) -> int:
    mistake = directory_problem(knowledge_dir)
    if mistake:
        print(f"ladderbot: {mistake}", file=sys.stderr)
        return 2
    try:
        config = load_config("socket")
    except ConfigError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return 2
    setup_logging(config.log_level, config.secrets)
    try:
        ladder = LiveLadder.load(knowledge_dir or config.knowledge_dir, config.reload_seconds)
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from ..store import question_log
    from .app import build_service
    from .inbox import start_in_this_process

    try:
        service = build_service(config, ladder)
    except ConfigError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return 2
    start_in_this_process()  # the sweeper finishes events a previous run left pending
    ladder.start()
    service.question_log.start()
    stopping = threading.Event()

    def on_hup(signum, frame):
        threading.Thread(target=ladder.reload, name="ladderbot-sighup", daemon=True).start()

    def on_term(signum, frame):
        stopping.set()

    signal.signal(signal.SIGHUP, on_hup)
    signal.signal(signal.SIGTERM, on_term)
    handler = SocketModeHandler(service.app, config.app_token)
    try:
        handler.connect()  # reconnects by itself when dropped
        while not stopping.wait(1.0):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        handler.close()
        service.inbox.stop()
        question_log.close_all()
    return 0
