"""Benchmark (not a test): no answer lost, none doubled, under a burst with a crash.

    python bench/burst.py [--events 600] [--threads 24] [--schedule 0 4 10] [--lease S]

Runs the Procfile's web command (gunicorn, two workers) on 127.0.0.1 against a
fake Slack Web API, and plays Slack: a burst of distinct signed app_mention
events from many threads, where a fifth are redelivered at once with
X-Slack-Retry-Num (many while the first delivery is still in flight), and one
gunicorn worker is killed with SIGKILL halfway through. Like Slack, the client
redelivers every event whose acknowledgement failed or took over 3 s, up to
three times, on Slack's schedule scaled down (Slack: at once, 1 min, 5 min;
here by default at once, 4 s, 10 s). The server runs with its default event
lease (EVENT_LEASE_SECONDS unset: 10 s, renewed by each live worker's
heartbeat), so the events the killed worker held are taken over by the others
once its leases run out; --lease sets EVENT_LEASE_SECONDS instead.

Then it counts chat.postMessage calls at the fake API, by the event id in each
message's metadata: answered (exactly once, in the event's own thread), lost,
doubled; and prints the ack latency p50/p99, the deliveries made, the time from
the end of the burst (its last first delivery) to the last answer, and from the
kill to the last answer taken over from the killed worker. Exit status 1 if any
event was lost, doubled or answered outside its thread, or the last answer came
more than --deadline seconds (default 30) after the burst. Every request goes to
127.0.0.1; every loop is bounded in count and time. Nothing is read from
../shared.
"""

from __future__ import annotations

import argparse
import heapq
import http.client
import json
import os
import random
import re
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.store.events import LEASE_SECONDS  # noqa: E402
from tests.fakeslack import FakeSlack  # noqa: E402
from tests.slackserver import SlackServer  # noqa: E402

ACK_LIMIT = 3.0  # seconds Slack waits for an acknowledgement
QUESTIONS = ("senior skills", "staff vs principal", "what does a lead do", "junior salary")
TAKEN_OVER = re.compile(r"answering event (\S+) left unfinished by another worker")


@dataclass
class Burst:
    events: int = 600
    threads: int = 24
    schedule: tuple[float, ...] = (0.0, 4.0, 10.0)  # redelivery delays after a failed ack
    duplicate_share: float = 0.2
    kill_at: float = 0.5  # kill a worker once this share of first deliveries is sent
    lease: float | None = None  # EVENT_LEASE_SECONDS; None: the server's default
    settle: float = 60.0  # longest wait for the last answers after the burst
    seed: int = 8
    ack_times: list[float] = field(default_factory=list)
    deliveries: int = 0
    failed_acks: int = 0
    killed: int | None = None
    killed_at: float | None = None  # time.monotonic()
    firsts_done_at: float | None = None  # when the last first delivery was acknowledged

    @property
    def lease_seconds(self) -> float:
        return LEASE_SECONDS if self.lease is None else self.lease


def worker_pids(master: int) -> list[int]:
    try:
        text = Path(f"/proc/{master}/task/{master}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def deliver(server: SlackServer, body: dict, retry: int, reason: str) -> tuple[int | None, float]:
    """One delivery as Slack makes it: (status or None when the connection failed, seconds)."""
    headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": reason} if retry else {}
    started = time.monotonic()
    try:
        status, _ = server.post_signed(json.dumps(body), "application/json", extra=headers)
    except (OSError, http.client.HTTPException):
        status = None
    return status, time.monotonic() - started


def run_burst(burst: Burst, log=print) -> dict:
    rng = random.Random(burst.seed)
    fake = FakeSlack().start()
    env = {} if burst.lease is None else {"EVENT_LEASE_SECONDS": str(burst.lease)}
    server = SlackServer(fake, {"LOG_LEVEL": "WARNING", "WEB_CONCURRENCY": "2", **env})
    bodies = {}
    base = time.time()
    for n in range(burst.events):
        ts = f"{base + n / 1000:.6f}"
        event_id = f"EvBURST{n:05d}"
        bodies[event_id] = {
            "token": "unused",
            "team_id": "T0TEAM",
            "api_app_id": "A0APP",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(base),
            "event": {
                "type": "app_mention",
                "user": "U0USER",
                "text": f"<@U0BOT1234> {QUESTIONS[n % len(QUESTIONS)]}",
                "ts": ts,
                "channel": f"C0BURST{n % 7}",
                "event_ts": ts,
            },
        }
    # The plan: (when, order, event id, retry number, reason), run by many threads.
    plan: list = []
    order = 0
    for event_id in bodies:
        plan.append((0.0, order, event_id, 0, ""))
        order += 1
        if rng.random() < burst.duplicate_share:  # Slack resends before the ack arrives
            plan.append((rng.uniform(0, 0.02), order, event_id, 1, "http_timeout"))
            order += 1
    heapq.heapify(plan)
    lock = threading.Condition()
    in_flight = [0]
    firsts_sent = [0]
    started = time.monotonic()
    deadline = started + 300

    def next_job():
        with lock:
            while time.monotonic() < deadline:
                if plan and plan[0][0] <= time.monotonic() - started:
                    in_flight[0] += 1
                    return heapq.heappop(plan)
                if not plan and not in_flight[0]:
                    return None
                lock.wait(0.01)
            return None

    def client():
        nonlocal order
        while (job := next_job()) is not None:
            _, _, event_id, retry, _reason = job
            status, took = deliver(server, bodies[event_id], retry, job[4])
            with lock:
                burst.deliveries += 1
                burst.ack_times.append(took)
                if retry == 0:
                    firsts_sent[0] += 1
                    if firsts_sent[0] == burst.events:
                        burst.firsts_done_at = time.monotonic()
                ok = status is not None and 200 <= status < 300 and took <= ACK_LIMIT
                if not ok:
                    burst.failed_acks += 1
                    tries = retry + 1
                    if tries <= len(burst.schedule):
                        when = time.monotonic() - started + burst.schedule[tries - 1]
                        reason = "http_timeout" if status is not None else "http_error"
                        heapq.heappush(plan, (when, order, event_id, tries, reason))
                        order += 1
                in_flight[0] -= 1
                lock.notify_all()

    def killer():
        while time.monotonic() < deadline and burst.killed is None:
            if firsts_sent[0] >= burst.events * burst.kill_at:
                pids = worker_pids(server.proc.pid)
                if pids:
                    burst.killed = pids[0]
                    os.kill(pids[0], signal.SIGKILL)
                    burst.killed_at = time.monotonic()
                    log(f"killed worker {pids[0]} with SIGKILL after {firsts_sent[0]} events")
                return
            time.sleep(0.005)

    try:
        threads = [threading.Thread(target=client) for _ in range(burst.threads)]
        threads.append(threading.Thread(target=killer))
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=max(1.0, deadline - time.monotonic()))
        sent_in = time.monotonic() - started

        def tally():
            parts: dict[str, list[dict]] = {}
            for call in fake.calls_to("chat.postMessage"):
                payload = (call["body"].get("metadata") or {}).get("event_payload") or {}
                parts.setdefault(payload.get("event_id"), []).append(call)
            return parts

        settle_until = time.monotonic() + burst.settle
        while time.monotonic() < settle_until and len(tally().keys() & bodies.keys()) < len(bodies):
            time.sleep(0.05)
        time.sleep(burst.lease_seconds + 1.0)  # long enough for a stray double to show up
        calls = tally()
        parts = {event_id: [c["body"] for c in posted] for event_id, posted in calls.items()}
        outside_thread = sum(
            1
            for event_id, posts in parts.items()
            if event_id in bodies
            for post in posts
            if post.get("thread_ts") != bodies[event_id]["event"]["ts"]
            or post.get("channel") != bodies[event_id]["event"]["channel"]
        )
        counts = [len(parts.get(event_id, ())) for event_id in bodies]
        logs = server.logs()
    finally:
        server.stop()
        fake.stop()
    acks = sorted(burst.ack_times)
    answered_at = {e: max(c["at"] for c in posted) for e, posted in calls.items() if e in bodies}
    taken_over = set(TAKEN_OVER.findall(logs)) & answered_at.keys()
    burst_end = burst.firsts_done_at or started + sent_in

    def after(start: float | None, events) -> float | None:
        times = [answered_at[e] for e in events]
        return max(times) - start if times and start is not None else None

    def pct(p: float) -> float:
        return acks[min(len(acks) - 1, int(p * len(acks)))] * 1000 if acks else float("nan")

    return {
        "events": len(bodies),
        "answered": sum(1 for c in counts if c == 1),
        "lost": sum(1 for c in counts if c == 0),
        "doubled": sum(1 for c in counts if c > 1),
        "outside_thread": outside_thread,
        "deliveries": burst.deliveries,
        "failed_acks": burst.failed_acks,
        "ack_p50_ms": pct(0.50),
        "ack_p99_ms": pct(0.99),
        "burst_seconds": burst_end - started,
        "deliveries_seconds": sent_in,
        "lease_seconds": burst.lease_seconds,
        "last_answer_after_burst": after(burst_end, answered_at),
        "worker_killed": burst.killed is not None,
        "kill_at_seconds": burst.killed_at - started if burst.killed_at else None,
        "taken_over": len(taken_over),
        "last_takeover_after_kill": after(burst.killed_at, taken_over),
        "logs": logs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=600)
    parser.add_argument("--threads", type=int, default=24)
    parser.add_argument("--schedule", type=float, nargs=3, default=[0.0, 4.0, 10.0])
    parser.add_argument("--lease", type=float, help="EVENT_LEASE_SECONDS (default: unset)")
    parser.add_argument("--deadline", type=float, default=30.0, help="seconds, burst to answer")
    args = parser.parse_args(argv)
    if args.events < 1 or args.threads < 1:
        parser.error("--events and --threads must be at least 1")
    burst = Burst(
        events=args.events, threads=args.threads, schedule=tuple(args.schedule), lease=args.lease
    )
    result = run_burst(burst)
    print(
        f"events {result['events']}: answered {result['answered']}, lost {result['lost']}, "
        f"doubled {result['doubled']}, outside their thread {result['outside_thread']}"
    )
    print(
        f"deliveries {result['deliveries']} (failed or late acks {result['failed_acks']}), "
        f"worker killed: {'yes' if result['worker_killed'] else 'NO'}, "
        f"events taken over from it: {result['taken_over']}"
    )
    print(
        f"ack p50 {result['ack_p50_ms']:.1f} ms, p99 {result['ack_p99_ms']:.1f} ms; "
        f"burst sent in {result['burst_seconds']:.1f} s (with redeliveries "
        f"{result['deliveries_seconds']:.1f} s), worker killed at "
        f"{seconds(result['kill_at_seconds'])}; event lease {result['lease_seconds']:g} s"
    )
    print(
        f"last answer {seconds(result['last_answer_after_burst'])} after the burst's end; "
        f"last answer taken over from the killed worker "
        f"{seconds(result['last_takeover_after_kill'])} after the kill"
    )
    bad = result["lost"] or result["doubled"] or result["outside_thread"]
    late = (result["last_answer_after_burst"] or 0) > args.deadline
    if late:
        print(f"the last answer came more than {args.deadline:g} s after the burst")
    return 1 if bad or late or not result["worker_killed"] else 0


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


if __name__ == "__main__":
    sys.exit(main())
