"""Socket Mode: the quickest way into a workspace, no public URL needed."""

from __future__ import annotations

import sys

from .. import pipeline
from ..ladder.yamlfile import KnowledgeError
from .config import ConfigError, load_config
from .logs import setup_logging


def serve(knowledge_dir: str | None = None) -> int:
    try:
        config = load_config("socket")
    except ConfigError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return 2
    setup_logging(config.log_level, config.secrets)
    try:
        kb = pipeline.load_for_serving(knowledge_dir or config.knowledge_dir)
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from .app import build_app
    from .inbox import start_in_this_process

    try:
        app = build_app(config, kb)
    except ConfigError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return 2
    start_in_this_process()  # the sweeper finishes events a previous run left pending
    SocketModeHandler(app, config.app_token).start()  # reconnects by itself when dropped
    return 0
