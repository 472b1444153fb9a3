"""Benchmark (not a test): what the question log costs an answer, measured in-process.

    python bench/question_log.py [--requests 6000] [--rounds 6]

Builds the real Slack app (build_service, the same listeners, Bolt's request
verification, a fake Web API on 127.0.0.1) with QUESTION_LOG=full and =off, and
dispatches thousands of distinct signed slash commands through Bolt, in turns,
several rounds each. CPU time is the whole process's (the question log's writer
thread included), and everything queued is written to SQLite (in a temporary
DATA_DIR) before the clock stops. Prints CPU per request for each mode and the
throughput ratio on/off (issue 9: within 10%). bench/load.py --question-log
measures the same over HTTP, where the machine's noise is larger than the effect.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_bolt.request import BoltRequest  # noqa: E402
from slack_sdk.signature import SignatureVerifier  # noqa: E402

from bench.load import varied_commands  # noqa: E402
from bot import pipeline  # noqa: E402
from bot.live import LiveLadder  # noqa: E402
from bot.slack.app import build_service  # noqa: E402
from bot.slack.config import load_config  # noqa: E402
from tests.fakeslack import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"


def signed(command: str, text: str, ts: str) -> tuple[str, dict]:
    body = urllib.parse.urlencode(
        {
            "command": command,
            "text": text,
            "user_id": f"U0LOAD{hash(text) % 50}",
            "channel_id": "C0LOAD",
            "team_id": "T0TEAM",
            "response_url": "http://127.0.0.1:9/respond",
        }
    )
    sig = SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)
    headers = {
        "content-type": ["application/x-www-form-urlencoded"],
        "x-slack-request-timestamp": [ts],
        "x-slack-signature": [sig],
    }
    return body, headers


def measure(service, requests) -> float:
    """CPU microseconds per request, the log's writer included."""
    cpu = time.process_time()
    for body, headers in requests:
        response = service.app.dispatch(BoltRequest(body=body, headers=headers))
        assert response.status == 200, response.body
    assert service.question_log.flush(60)
    return (time.process_time() - cpu) / len(requests) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    fake = FakeSlack().start()
    data = tempfile.mkdtemp(prefix="ladderbot-bench-")
    kb = pipeline.load_for_serving()  # loaded, indexed and frozen, as the servers do
    try:
        services = {}
        for mode in ("full", "off"):
            env = {
                "SLACK_BOT_TOKEN": "xoxb-bench",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": fake.api_url,
                "DATA_DIR": os.path.join(data, mode),
                "QUESTION_LOG": mode,
                "LOG_LEVEL": "WARNING",
            }
            services[mode] = build_service(load_config("http", env), LiveLadder(kb))
        ts = str(int(time.time()))
        requests = [signed(c, t, ts) for c, t in varied_commands(args.requests)]
        for service in services.values():
            measure(service, requests[:500])  # warm-up, not counted
        results: dict[str, list[float]] = {"full": [], "off": []}
        for n in range(args.rounds):
            for mode in ("off", "full") if n % 2 == 0 else ("full", "off"):
                results[mode].append(measure(services[mode], requests))
        # The fastest round of each: this machine's noise (a shared VM) only ever adds.
        on, off = (min(results[m]) for m in ("full", "off"))
        for mode, label in (("full", "question log on "), ("off", "question log off")):
            rounds = ", ".join(f"{x:.1f}" for x in results[mode])
            print(f"{label}: best {min(results[mode]):6.1f} us CPU/request (rounds: {rounds})")
        print(f"throughput on/off: {off / on:.2f} (target >= 0.90); the log adds {on - off:.1f} us")
        for service in services.values():
            service.question_log.close(5)
    finally:
        fake.stop()
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
