"""Socket Mode for real: slack_sdk's built-in client, through Bolt's SocketModeHandler,
against a WebSocket server on 127.0.0.1 that drops the first connection."""

from __future__ import annotations

import json
import logging
import threading
import time

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from websockets.sync.server import serve

from bot.slack.app import build_app
from bot.slack.config import load_config
from bot.store.database import Database
from bot.store.events import open_event_store

from .fakeslack import FakeSlack


class SocketServer:
    """Says hello to every connection; closes the first at once, and sends the second an
    app_mention envelope, recording the client's acknowledgement."""

    def __init__(self):
        self.connections = 0
        self.acks: list[str] = []
        self.stop = threading.Event()
        self.server = serve(self.handle, "127.0.0.1", 0)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link"

    def handle(self, ws):
        self.connections += 1
        ws.send(json.dumps({"type": "hello", "num_connections": 1, "debug_info": {"host": "test"}}))
        if self.connections == 1:
            ws.close()  # the drop a flaky network or a Slack refresh would cause
            return
        ts = f"{time.time():.6f}"
        ws.send(
            json.dumps(
                {
                    "envelope_id": "env-1",
                    "type": "events_api",
                    "accepts_response_payload": False,
                    "payload": {
                        "type": "event_callback",
                        "event_id": "EvSOCKET1",
                        "team_id": "T0TEAM",
                        "api_app_id": "A0APP",
                        "event": {
                            "type": "app_mention",
                            "user": "U0USER",
                            "channel": "C0SOCK",
                            "text": "<@U0BOT1234> principal skills",
                            "ts": ts,
                            "event_ts": ts,
                        },
                    },
                }
            )
        )
        while not self.stop.is_set():
            try:
                message = json.loads(ws.recv(timeout=0.2))
            except TimeoutError:
                continue
            except Exception:
                return
            if "envelope_id" in message:
                self.acks.append(message["envelope_id"])


@pytest.fixture
def fake():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def test_dropped_socket_reconnects_and_keeps_answering(kb, fake, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    sockets = SocketServer()
    sockets.thread.start()
    fake.socket_url = sockets.url
    config = load_config(
        "socket",
        {
            "SLACK_BOT_TOKEN": "xoxb-socket-test",
            "SLACK_APP_TOKEN": "xapp-socket-test",
            "SLACK_API_URL": fake.api_url,
            "DATA_DIR": str(tmp_path),
        },
    )
    app = build_app(config, kb, open_event_store(Database(config.database_url)))
    handler = SocketModeHandler(app, config.app_token)
    handler.client.ping_interval = 1
    try:
        handler.connect()
        posted = fake.wait_for(
            lambda f: [
                c for c in f.calls_to("chat.postMessage") if c["body"].get("channel") == "C0SOCK"
            ],
            timeout=30,
        )
        assert sockets.connections >= 2, "the client reconnected after the drop"
        assert len(fake.calls_to("apps.connections.open")) >= 2
        # the ack and the post race each other on a busy machine: wait for the ack too
        deadline = time.monotonic() + 15
        while "env-1" not in sockets.acks and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "env-1" in sockets.acks
        assert posted and posted[0]["body"]["text"].startswith("Principal Backend Engineer: Skills")
        assert posted[0]["body"]["thread_ts"]
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "apps.connections.open" in logged  # DEBUG logging really was captured
        assert "xapp-socket-test" not in logged and "xoxb-socket-test" not in logged
    finally:
        sockets.stop.set()
        handler.close()
        sockets.server.shutdown()
