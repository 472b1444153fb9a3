"""Logging for the servers: every line, tracebacks included, with secrets redacted.

Redacted wherever they appear, in any log line from any library (Bolt logs a
whole request body when its signature is invalid or stale):
- the configured tokens and signing secret;
- anything shaped like a Slack token (xoxb-, xoxp-, xapp-, ...);
- the values of `token` (the legacy verification token) and `response_url` (a
  URL that lets anyone post to the channel for 30 minutes), in JSON, form or
  URL-encoded JSON bodies;
- Slack webhook URLs (hooks.slack.com/...);
- Slack user ids (U012AB3CD): the logs say what happened, not who asked.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"
_TOKEN_SHAPE = re.compile(r"\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+")
# A Slack user id (U01ABCDEF23, W...): who asked stays out of the logs too.
_USER_ID = re.compile(r"\b[UW](?=[A-Z0-9]*\d)[A-Z0-9]{8,}\b")
_HOOK_URL = re.compile(r"hooks\.slack(?:-gov)?\.com[^\s\"'&,}]*")
# "token": "v" · token=v · %22token%22%3A%22v%22 · 'response_url': 'v' (a dict's repr)
_Q = r"(?:\"|'|%22|%27)?"
_SPACE = r"(?:\s|\+|%20)*"  # a space, form-encoded or not
_SECRET_FIELD = re.compile(
    rf"({_Q}(?<![A-Za-z_])(?:token|response_url){_Q}{_SPACE}(?::|=|%3A|%3a){_SPACE}{_Q})"
    r"((?:(?!%22|%27|%2C|%2c)[^\"'&,}\s])+)"
)


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    text = _TOKEN_SHAPE.sub(REDACTED, text)
    text = _HOOK_URL.sub(REDACTED, text)
    text = _USER_ID.sub("U[user]", text)
    return _SECRET_FIELD.sub(lambda m: m.group(1) + REDACTED, text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual (message, traceback, stack), then redacts the whole line."""

    def __init__(self, fmt: str | None = None, secrets: tuple[str, ...] = ()):
        super().__init__(fmt)
        self.secrets = tuple(s for s in secrets if len(s) >= 8)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: str, secrets: tuple[str, ...]) -> None:
    logging.basicConfig(level=level, format=FORMAT)
    root = logging.getLogger()
    root.setLevel(level)
    for handler in root.handlers:
        handler.setFormatter(RedactingFormatter(FORMAT, secrets))
