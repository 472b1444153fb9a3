"""Run the Procfile's web command for real on 127.0.0.1, and talk to it as Slack does."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from slack_sdk.signature import SignatureVerifier

from .conftest import ROOT

BOT_TOKEN = "xoxb-111-222-testtokenvalue"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def web_command() -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError("Procfile has no web: line")


def server_env(fake, port: int, **extra: str) -> dict:
    """The environment the Procfile's web command gets: loopback, the fake Web API,
    the test credentials, and this interpreter's gunicorn first on PATH."""
    inherited = {k: v for k, v in os.environ.items() if k != "KNOWLEDGE_DIR"}
    env = {
        **inherited,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        **extra,
    }
    return env


class SlackServer:
    def __init__(self, fake, extra_env: dict | None = None):
        self.fake = fake
        self.port = free_port()
        self.data_dir = tempfile.mkdtemp(prefix="ladderbot-test-")
        self._final_log: str | None = None
        self.log = open(Path(self.data_dir) / "gunicorn.log", "wb")  # noqa: SIM115
        extra = {"LOG_LEVEL": "DEBUG", "DATA_DIR": self.data_dir, **(extra_env or {})}
        env = server_env(fake, self.port, **extra)
        self.proc = subprocess.Popen(
            ["bash", "-c", "exec " + web_command()],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("gunicorn exited:\n" + self.logs())
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gunicorn did not come up:\n" + self.logs())

    def logs(self) -> str:
        if self._final_log is not None:
            return self._final_log
        return Path(self.log.name).read_text(errors="replace")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        # Keep what the server logged, then leave nothing behind in the temp folder.
        self._final_log = Path(self.log.name).read_text(errors="replace")
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def get(self, path: str):
        return self.request("GET", path)

    def post_signed(
        self,
        body: str,
        content_type: str,
        timestamp: int | None = None,
        extra: dict | None = None,
        secret: str = SIGNING_SECRET,
    ):
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
            **(extra or {}),
        }
        return self.request("POST", "/slack/events", body.encode(), headers)

    # Slack's request shapes -------------------------------------------------

    def slash(self, command: str, text: str, **fields):
        form = {
            "token": "unused",
            "team_id": "T0TEAM",
            "team_domain": "test",
            "channel_id": "C0CHAN",
            "channel_name": "general",
            "user_id": "U0USER",
            "user_name": "alex",
            "command": command,
            "text": text,
            "api_app_id": "A0APP",
            "is_enterprise_install": "false",
            "response_url": f"{self.fake.url}/respond/slash",
            "trigger_id": "123.456.abc",
            **fields,
        }
        return self.post_signed(urllib.parse.urlencode(form), "application/x-www-form-urlencoded")

    def event(self, event: dict, event_id: str, headers: dict | None = None):
        body = json.dumps(
            {
                "token": "unused",
                "team_id": "T0TEAM",
                "api_app_id": "A0APP",
                "event": event,
                "type": "event_callback",
                "event_id": event_id,
                "event_time": int(time.time()),
                "authorizations": [{"team_id": "T0TEAM", "user_id": "U0BOT1234", "is_bot": True}],
            }
        )
        return self.post_signed(body, "application/json", extra=headers)

    def action(self, action: dict, container: dict | None = None, response_url: bool = True):
        payload = {
            "type": "block_actions",
            "team": {"id": "T0TEAM"},
            "user": {"id": "U0USER", "name": "alex"},
            "api_app_id": "A0APP",
            "trigger_id": "123.456.abc",
            "actions": [action],
            "container": container
            or {
                "type": "message",
                "message_ts": "1.2",
                "channel_id": "C0CHAN",
                "is_ephemeral": True,
            },
            "channel": {"id": "C0CHAN"},
        }
        if response_url:
            payload["response_url"] = f"{self.fake.url}/respond/action"
        form = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.post_signed(form, "application/x-www-form-urlencoded")
