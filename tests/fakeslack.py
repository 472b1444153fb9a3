"""A fake Slack Web API on 127.0.0.1 that answers like Slack and records every call."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

BOT_USER = "U0BOT1234"


class FakeSlack:
    """Records calls as dicts: {"path", "method" (API method or None), "headers", "body",
    "at" (time.monotonic() when it arrived)}.

    `failures` maps an API method to a list of faults served, one per call, before the
    normal answer: dicts with any of "status", "body" (a dict), "headers", "delay"
    (seconds before answering) and "drop" (close the connection without a response).
    """

    def __init__(self):
        self.calls: list[dict] = []
        self.failures: dict[str, list[dict]] = {}
        self.socket_url: str | None = None  # what apps.connections.open hands out
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def start(self) -> FakeSlack:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def calls_to(self, method: str) -> list[dict]:
        with self.lock:
            return [c for c in self.calls if c["method"] == method]

    def responses(self) -> list[dict]:
        """Posts to response_url addresses (/respond/...)."""
        with self.lock:
            return [c for c in self.calls if c["path"].startswith("/respond/")]

    def wait_for(self, predicate, timeout: float = 10.0):
        """Wait until predicate(self) is truthy; return its value (or the last falsy one)."""
        deadline = time.monotonic() + timeout
        while True:
            result = predicate(self)
            if result or time.monotonic() > deadline:
                return result
            time.sleep(0.02)

    def messages_in(self, query: dict) -> list[dict]:
        """What conversations.replies (a thread) or .history (a channel) would list:
        the messages posted there so far, with their metadata."""
        thread = query.get("ts")
        found = []
        for call in self.calls_to("chat.postMessage"):
            body = call["body"]
            if body.get("channel") != query.get("channel") or call.get("refused"):
                continue
            if thread is not None and body.get("thread_ts") != thread:
                continue
            message = {"type": "message", "bot_id": "B0BOT1234", "text": body.get("text")}
            if body.get("metadata"):
                message["metadata"] = body["metadata"]
            found.append(message)
        return found

    def fail(self, method: str, *faults: dict) -> None:
        with self.lock:
            self.failures.setdefault(method, []).extend(faults)

    def _fault(self, method: str | None) -> dict | None:
        with self.lock:
            queued = self.failures.get(method or "respond")
            return queued.pop(0) if queued else None

    def _answer(self, method: str, body: dict) -> tuple[int, dict, dict]:
        if method == "auth.test":
            return (
                200,
                {
                    "ok": True,
                    "url": "https://example.slack.com/",
                    "team": "Test",
                    "user": "ladderbot",
                    "team_id": "T0TEAM",
                    "user_id": BOT_USER,
                    "bot_id": "B0BOT1234",
                },
                {},
            )
        if method in ("chat.postMessage", "chat.postEphemeral"):
            return (
                200,
                {
                    "ok": True,
                    "channel": body.get("channel"),
                    "ts": f"{time.time():.6f}",
                    "message_ts": f"{time.time():.6f}",
                },
                {},
            )
        if method in ("conversations.replies", "conversations.history"):
            return 200, {"ok": True, "messages": self.messages_in(body), "has_more": False}, {}
        if method == "views.publish":
            return 200, {"ok": True, "view": {"id": "V0VIEW"}}, {}
        if method == "apps.connections.open":
            if self.socket_url:
                return 200, {"ok": True, "url": self.socket_url}, {}
            return 200, {"ok": False, "error": "not_allowed_in_tests"}, {}
        return 200, {"ok": True}, {}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                ctype = self.headers.get("Content-Type", "")
                text = raw.decode("utf-8", "replace")
                if "json" in ctype:
                    body = json.loads(text or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(text).items()}
                    for key in ("blocks", "view", "metadata"):
                        if isinstance(body.get(key), str):
                            body[key] = json.loads(body[key])
                method = self.path[len("/api/") :] if self.path.startswith("/api/") else None
                call = {
                    "path": self.path,
                    "method": method,
                    "headers": dict(self.headers),
                    "body": body,
                    "at": time.monotonic(),
                }
                with fake.lock:
                    fake.calls.append(call)
                fault = fake._fault(method)
                if fault and (fault.get("drop") or not fault.get("body", {}).get("ok")):
                    with fake.lock:
                        call["refused"] = True  # Slack did not post it
                if fault:
                    time.sleep(fault.get("delay", 0))
                    if fault.get("drop"):
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
                if fault and "status" in fault:
                    status, payload = fault["status"], fault.get("body", {"ok": False})
                    headers = fault.get("headers", {})
                else:
                    status, payload, headers = (
                        fake._answer(method, body) if method else (200, {}, {})
                    )
                data = json.dumps(payload).encode() if method else b"ok"
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if method else "text/plain")
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST

        return Handler
