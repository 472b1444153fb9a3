"""Configuration from the environment, checked up front with one clear line per mistake.

Token values are never printed: messages name the variable and where in the
Slack app's settings to find it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

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
    event_lease: float = 60.0

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(s for s in (self.bot_token, self.signing_secret, self.app_token) if s)


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
        event_lease = float(env.get("EVENT_LEASE_SECONDS", "") or 60)
    except ValueError:
        event_lease = -1.0
    if not 1 <= event_lease <= 3600:
        raise ConfigError("EVENT_LEASE_SECONDS must be a number of seconds between 1 and 3600.")
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
    )
