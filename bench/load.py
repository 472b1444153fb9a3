"""Benchmark (not a test): ladderbot under load, against a bare Bolt app, on loopback.

    python bench/load.py [--seconds 20] [--connections 16 64] [--varied] [--question-log]

Serves the app with the Procfile's web command (gunicorn) on 127.0.0.1 with a
fake Slack Web API, drives a signed `/role senior` slash command at each
concurrency for the given time (with wrk if installed, e.g. `apt-get install
wrk`, else a built-in asyncio client), then does the same against bench/bare_app.py
(a Bolt app that acks with a fixed text) under the same gunicorn command, once
with Bolt's defaults and once in ladderbot's Bolt mode (process_before_response).
Prints requests/s, p50/p99 latency, non-2xx and errors, the ratio ours/bare,
and the peak RSS of each worker after the run. Targets (issue 4): ratio >= 0.9,
p99 < 100 ms at 16 connections, zero errors. Every request goes to 127.0.0.1
and every loop is bounded in time.

--question-log runs ladderbot twice, with the question log on (the default, every
command recorded in SQLite under a temporary DATA_DIR) and off, and prints the
throughput ratio (issue 9: within 10%).

--varied sends thousands of distinct signed /role, /skills and /ladder texts
(aliases alone or with a topic word, most with a typo, case, pairs, "next", "what
comes after"), as real traffic does, instead of repeating one. Target (issue 14):
ratio >= 0.8 against the bare app in the same Bolt mode.

--rounds N runs the three apps in turn N times and reports the median ratio and each
round's: on a shared 2-core machine one run of an app varies by a third from the next.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from tests.fakeslack import FakeSlack  # noqa: E402
from tests.slackserver import SIGNING_SECRET, free_port, server_env, web_command  # noqa: E402

OURS = "'bot.slack.wsgi:create_app()'"
BARE = "'bench.bare_app:create_app()'"
APPS = [
    ("ladderbot", OURS, {}),
    ("bare (defaults)", BARE, {}),
    ("bare (same mode)", BARE, {"BARE_PROCESS_BEFORE_RESPONSE": "1"}),
]


def start(app_spec: str, fake: FakeSlack, port: int, extra: dict) -> subprocess.Popen:
    command = web_command().replace(OURS, app_spec).replace(" --access-logfile -", "")
    env = server_env(fake, port, LOG_LEVEL="WARNING", **extra)
    proc = subprocess.Popen(
        ["bash", "-c", "exec " + command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            asyncio.run(one_request(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{app_spec} did not start")


def varied_commands(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """Distinct (command, text) pairs as people type them: the built-in ladder's aliases
    alone or with a topic word ("sr salary"), in either order, most with a slip of the
    finger (a letter swapped, dropped or doubled), in any case, in pairs, after "next"
    or "what comes after", with filler ("pls")."""
    from bot.ladder import knowledge

    kb = knowledge.load()
    names = sorted({a for r in kb.roles.values() for a in (r.id, *r.aliases)})
    topics = sorted(
        {p for t in kb.topics.values() for p in t.phrases if " " not in p and len(p) > 3}
    )
    rng = random.Random(seed)

    def slip(word: str) -> str:
        if len(word) < 4:
            return word
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(3)
        if kind == 0:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two letters swapped
        if kind == 1:
            return word[:i] + word[i + 1 :]  # one dropped
        return word[:i] + word[i] + word[i:]  # one doubled

    def typed(words: list[str]) -> list[str]:
        if rng.random() < 0.75:  # most commands carry a typo somewhere
            k = rng.randrange(len(words))
            words[k] = slip(words[k])
        return words

    out: dict[tuple[str, str], None] = {}
    while len(out) < count:
        command = rng.choice(["/role", "/skills", "/ladder"])
        role, other, topic = rng.choice(names), rng.choice(names), rng.choice(topics)
        form = rng.randrange(6)
        if command == "/ladder":
            words = rng.choice(
                [[role, other], [role, "vs", other], ["next", role], ["what comes after", role]]
            )
        elif form in (0, 1):
            words = [role]
        elif form == 2:
            words = [role, topic]
        elif form == 3:
            words = [topic, role]
        elif form == 4:
            words = [role, topic, "pls"]
        else:
            words = [role, "vs", other]
        text = " ".join(typed(words))
        text = rng.choice([text, text.upper(), text.title(), f"  {text} ", text])
        out[(command, text)] = None
    return list(out)


def signed_request(command: str = "/role", text: str = "senior", ts: str | None = None) -> bytes:
    body = urllib.parse.urlencode(
        {
            "command": command,
            "text": text,
            "user_id": "U0LOAD",
            "channel_id": "C0LOAD",
            "team_id": "T0TEAM",
            "api_app_id": "A0APP",
            "trigger_id": "1.2.3",
            "response_url": "http://127.0.0.1:9/respond",
        }
    ).encode()
    ts = ts or str(int(time.time()))  # valid for 5 minutes: signed again for each app
    sig = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=ts, body=body)
    head = (
        f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        f"X-Slack-Request-Timestamp: {ts}\r\nX-Slack-Signature: {sig}\r\n\r\n"
    )
    return head.encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status, length = int(status_line.split()[1]), 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return status


async def one_request(port: int, request: bytes) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    status = await read_response(reader)
    writer.close()
    return status


async def drive(port: int, connections: int, seconds: float, requests: list[bytes]) -> dict:
    latencies: list[float] = []
    sent = [0]
    counts = {"non2xx": 0, "errors": 0}
    stop_at = time.monotonic() + seconds

    async def worker():
        reader = writer = None
        while time.monotonic() < stop_at:
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                t0 = time.perf_counter()
                writer.write(requests[sent[0] % len(requests)])
                sent[0] += 1
                status = await asyncio.wait_for(read_response(reader), 10)
                latencies.append(time.perf_counter() - t0)
                if not 200 <= status < 300:
                    counts["non2xx"] += 1
            except (OSError, ConnectionError, asyncio.TimeoutError, asyncio.IncompleteReadError):
                counts["errors"] += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
            if latencies
            else float("nan")
        )

    return {"rps": len(latencies) / elapsed, "p50": pct(0.50), "p99": pct(0.99), **counts}


def drive_wrk(port: int, connections: int, seconds: float, requests: list[bytes]) -> dict:
    """The same load with wrk (C, from Debian's wrk package), which costs the CPU less than
    the Python generator does, so the server, not the client, is what gets measured. Each
    request is taken in turn from `requests`, each with its own signature."""
    entries, fixed = [], {}
    for request in requests:
        head, body = request.split(b"\r\n\r\n", 1)
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n")[1:])
        entries.append((body.decode(), headers.pop("X-Slack-Signature")))
        fixed = {k: v for k, v in headers.items() if k not in ("Host", "Content-Length")}
    lua = (
        "".join(f"wrk.headers['{k}'] = '{v}'\n" for k, v in fixed.items())
        + "local requests = {\n"
        + "".join(f"  {{[[{body}]], '{sig}'}},\n" for body, sig in entries)
        + "}\nlocal n = 0\n"
        + "request = function()\n  n = n + 1\n  local r = requests[(n % #requests) + 1]\n"
        + "  wrk.headers['X-Slack-Signature'] = r[2]\n"
        + "  return wrk.format('POST', nil, nil, r[1])\nend\n"
    )
    script = Path(tempfile.mkdtemp()) / "post.lua"
    script.write_text(lua)
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{int(seconds)}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/slack/events",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]

    def count(pattern: str) -> int:
        m = re.search(pattern, out)
        return sum(int(n) for n in m.groups()) if m else 0

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "non2xx": count(r"Non-2xx or 3xx responses: (\d+)"),
        "errors": count(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), "
            r"timeout (\d+)"
        ),
    }


def worker_peak_rss_mb(master_pid: int) -> list[float]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    out = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                out.append(int(line.split()[1]) / 1024)
    return out


def workers_cpu_seconds(master_pid: int) -> float:
    """User + system CPU time the master's workers have used so far."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, nargs="+", default=[16, 64])
    parser.add_argument(
        "--varied",
        action="store_true",
        help="thousands of distinct command texts instead of one repeated /role senior",
    )
    parser.add_argument("--texts", type=int, default=3000, help="distinct texts with --varied")
    parser.add_argument(
        "--question-log",
        action="store_true",
        help="compare ladderbot with the question log on (QUESTION_LOG=full) and off",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run ladderbot and the bare apps in turn this many times; the ratio is "
        "then the median of the rounds' (one run of each varies more than the gap)",
    )
    parser.add_argument(
        "--python-client",
        action="store_true",
        help="use the built-in asyncio client even if wrk is installed",
    )
    args = parser.parse_args()
    use_wrk = shutil.which("wrk") is not None and not args.python_client
    print(
        f"load generator: {'wrk' if use_wrk else 'python asyncio'}; "
        f"{args.seconds:.0f} s per run; {os.cpu_count()} cores",
        flush=True,
    )
    fake = FakeSlack().start()
    commands = varied_commands(args.texts) if args.varied else [("/role", "senior")]
    print(f"traffic: {len(commands)} distinct command text(s)", flush=True)
    results: dict[tuple[str, int], dict] = {}
    apps = [
        (name + (f" #{r + 1}" if args.rounds > 1 else ""), spec, extra)
        for r in range(args.rounds)
        for name, spec, extra in APPS
    ]
    if args.question_log:
        # Alternating, twice each: a single run of each varies more than the difference.
        apps = [
            ("log off", OURS, {"QUESTION_LOG": "off"}),
            ("log on", OURS, {"QUESTION_LOG": "full"}),
            ("log off 2", OURS, {"QUESTION_LOG": "off"}),
            ("log on 2", OURS, {"QUESTION_LOG": "full"}),
        ]
    data = tempfile.mkdtemp(prefix="ladderbot-bench-", dir=os.environ.get("BENCH_TMP"))
    try:
        for name, spec, extra in apps:
            # One timestamp for every request (wrk sends the other headers as they were
            # first given), taken anew per app so no signature goes stale.
            ts = str(int(time.time()))
            requests = [signed_request(c, t, ts) for c, t in commands]
            port = free_port()
            proc = start(spec, fake, port, {"DATA_DIR": data, **extra})
            try:
                asyncio.run(drive(port, 4, 2.0, requests[:50]))  # warm-up, not counted
                for conns in args.connections:
                    cpu_before = workers_cpu_seconds(proc.pid)
                    r = (
                        drive_wrk(port, conns, args.seconds, requests)
                        if use_wrk
                        else asyncio.run(drive(port, conns, args.seconds, requests))
                    )
                    served = r["rps"] * args.seconds
                    r["cpu_us"] = (workers_cpu_seconds(proc.pid) - cpu_before) / served * 1e6
                    results[(name, conns)] = r
                    print(
                        f"{name:10} {conns:3} conns: {r['rps']:7.0f} req/s  p50 "
                        f"{r['p50']:6.1f} ms  p99 {r['p99']:6.1f} ms  non-2xx {r['non2xx']}  "
                        f"errors {r['errors']}  worker CPU {r['cpu_us']:.0f} us/request",
                        flush=True,
                    )
                rss = worker_peak_rss_mb(proc.pid)
                print(
                    f"{name:10} peak RSS per worker after the run: "
                    + ", ".join(f"{m:.1f} MB" for m in rss),
                    flush=True,
                )
            finally:
                proc.terminate()
                proc.wait(timeout=20)
    finally:
        fake.stop()
        shutil.rmtree(data, ignore_errors=True)
    for conns in args.connections:
        if args.question_log:
            on = sum(results[(n, conns)]["rps"] for n in ("log on", "log on 2"))
            off = sum(results[(n, conns)]["rps"] for n in ("log off", "log off 2"))
            cpu_on = sum(results[(n, conns)]["cpu_us"] for n in ("log on", "log on 2")) / 2
            cpu_off = sum(results[(n, conns)]["cpu_us"] for n in ("log off", "log off 2")) / 2
            print(
                f"question log on/off at {conns} connections: throughput {on / off:.2f} "
                f"(target >= 0.9); worker CPU per request {cpu_on:.0f} us on, {cpu_off:.0f} us off"
            )
            continue
        same_mode, faster = [], []
        for r in range(args.rounds):
            tag = f" #{r + 1}" if args.rounds > 1 else ""
            ours = results[("ladderbot" + tag, conns)]["rps"]
            same_mode.append(ours / results[("bare (same mode)" + tag, conns)]["rps"])
            faster.append(ours / max(results[(n + tag, conns)]["rps"] for n, _, _ in APPS[1:]))
        rounds = f" (median of {args.rounds} rounds: " if args.rounds > 1 else ""
        print(
            f"ratio ours/bare at {conns} connections: {statistics.median(same_mode):.2f} "
            f"against the bare app in the same Bolt mode, {statistics.median(faster):.2f} "
            "against the faster bare app"
            + (rounds + ", ".join(f"{x:.2f}" for x in same_mode) + ")" if rounds else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
