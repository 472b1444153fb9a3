"""Configuration from the environment, checked up front with one clear line per mistake.

Token values are never printed: messages name the variable and where in the
Slack app's settings to find it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..store.database import DatabaseURLError, database_url, url_password
from ..store.events import LEASE_SECONDS
from ..store.paths import data_dir

WHERE = {
    "SLACK_BOT_TOKEN": "OAuth & Permissions > Bot User OAuth Token (starts with xoxb-)",
    "SLACK_SIGNING_SECRET": "Basic Information > App Credentials > Signing Secret",
    "SLACK_APP_TOKEN": "Basic Information > App-Level Tokens, with the connections:write scope "
    "(starts with xapp-)",
}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """Missing or malformed configuration; the message names the variable."""


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str = field(repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    api_url: str | None = None
    log_level: str = "INFO"
    knowledge_dir: str | None = None
    api_timeout: float = 10.0
    data_dir: str = ""  # DATA_DIR, else a per-user directory (bot/store/paths.py)
    event_lease: float = LEASE_SECONDS  # renewed by a live worker's heartbeat (inbox.py)
    database_url: str = field(default="", repr=False)  # may hold a password
    question_log: str = "full"  # full | anonymous | off
    question_log_days: int = 90
    question_log_key: str | None = field(default=None, repr=False)
    question_log_queue: int = 10_000
    admin_user_ids: frozenset[str] = frozenset()
    reload_seconds: float = 2.0  # how often KNOWLEDGE_DIR is checked for edits; 0: never

    @property
    def secrets(self) -> tuple[str, ...]:
        password = url_password(self.database_url) if self.database_url else None
        values = (
            self.bot_token,
            self.signing_secret,
            self.app_token,
            self.question_log_key,
            password,
        )
        return tuple(s for s in values if s)


def _required(env: Mapping[str, str], name: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise ConfigError(
            f"{name} is not set: find it in your Slack app's settings under {WHERE[name]}."
        )
    return value


def load_config(mode: str, env: Mapping[str, str] | None = None) -> SlackConfig:
    """mode is "http" (needs the signing secret) or "socket" (needs the app token)."""
    env = os.environ if env is None else env
    bot_token = _required(env, "SLACK_BOT_TOKEN")
    if not bot_token.startswith("xoxb-"):
        raise ConfigError(
            "SLACK_BOT_TOKEN does not look like a bot token (it should start with "
            f"xoxb-): use {WHERE['SLACK_BOT_TOKEN']}."
        )
    signing_secret = app_token = None
    if mode == "http":
        signing_secret = _required(env, "SLACK_SIGNING_SECRET")
        if any(ch.isspace() for ch in signing_secret):
            raise ConfigError(
                "SLACK_SIGNING_SECRET contains spaces: copy it again from "
                f"{WHERE['SLACK_SIGNING_SECRET']}."
            )
    else:
        app_token = _required(env, "SLACK_APP_TOKEN")
        if not app_token.startswith("xapp-"):
            raise ConfigError(
                "SLACK_APP_TOKEN does not look like an app-level token (it should "
                f"start with xapp-): use {WHERE['SLACK_APP_TOKEN']}."
            )
    api_url = env.get("SLACK_API_URL", "").strip() or None
    if api_url:
        if not api_url.startswith(("http://", "https://")):
            raise ConfigError(
                "SLACK_API_URL must be an http:// or https:// URL, such as https://slack.com/api/."
            )
        api_url = api_url.rstrip("/") + "/"
    log_level = (env.get("LOG_LEVEL", "") or "INFO").strip().upper()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}.")
    try:
        api_timeout = float(env.get("SLACK_API_TIMEOUT", "") or 10)
    except ValueError:
        api_timeout = -1.0
    if not 0 < api_timeout <= 300:
        raise ConfigError("SLACK_API_TIMEOUT must be a number of seconds between 0 and 300.")
    try:
        event_lease = float(env.get("EVENT_LEASE_SECONDS", "") or LEASE_SECONDS)
    except ValueError:
        event_lease = -1.0
    if not 1 <= event_lease <= 3600:
        raise ConfigError("EVENT_LEASE_SECONDS must be a number of seconds between 1 and 3600.")
    try:
        db_url = database_url(env)
    except DatabaseURLError as exc:
        raise ConfigError(str(exc)) from None
    mode = (env.get("QUESTION_LOG", "") or "full").strip().lower()
    if mode not in ("full", "anonymous", "off"):
        raise ConfigError("QUESTION_LOG must be one of full, anonymous, off.")
    days = _number(env, "QUESTION_LOG_DAYS", 90, 1, 36500, "a number of days", whole=True)
    queue = _number(env, "QUESTION_LOG_QUEUE", 10_000, 1, 1_000_000, "a count", whole=True)
    reload_seconds = _number(env, "KNOWLEDGE_RELOAD_SECONDS", 2, 0, 3600, "a number of seconds")
    listed = env.get("ADMIN_USER_IDS", "").split(",")
    admins = frozenset(a.strip().upper() for a in listed if a.strip())
    bad = sorted(a for a in admins if not _USER_ID.match(a))
    if bad:
        raise ConfigError(
            "ADMIN_USER_IDS must be Slack user ids separated by commas (like U012AB3CD); "
            f"not: {', '.join(bad)[:80]}."
        )
    return SlackConfig(
        bot_token,
        signing_secret,
        app_token,
        api_url,
        log_level,
        env.get("KNOWLEDGE_DIR") or None,
        api_timeout,
        str(data_dir(env)),
        event_lease,
        db_url,
        mode,
        int(days),
        env.get("QUESTION_LOG_KEY", "").strip() or None,
        int(queue),
        admins,
        reload_seconds,
    )


_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def _number(env, name: str, default: float, low: float, high: float, what: str, whole=False):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise ConfigError(f"{name} must be {what} between {low} and {high}.")
    return value
