"""Slack events in, answers out: every event answered once, even when a worker dies.

Slack delivers an event at least once, and stops redelivering as soon as it has
an acknowledgement. So an event is written down before it is acknowledged:

1. `accept` (app middleware, before the listener acks) claims the event in the
   store with a short lease, persisting the event itself. A redelivery of an event
   that is done, or leased to a live worker, is acknowledged and dropped.
2. The listener acknowledges at once and hands the claim to this process's
   answer pool (`answer_later`).
3. `answer` posts the reply, each message tagged with the event id in its
   metadata, and marks the event done.

Why a sweeper rather than answering before the acknowledgement: an answer
waits on the Web API, whose calls are retried for up to half a minute (timeouts,
429 Retry-After, 5xx), far past the 3 s Slack allows for an ack; a late ack makes
Slack redeliver, and a worker killed mid-answer would leave nobody to finish it
either way. Instead each process runs two threads:
- a heartbeat, which renews the leases of every event the process holds (queued
  in its pool or being answered) in one statement every third of a lease, so a
  live worker keeps its events however long the Web API takes, and the lease
  (EVENT_LEASE_SECONDS, default 10) only bounds how long a dead one's wait;
- a sweeper, which takes over pending events whose lease ran out (their worker
  died: within a lease and a third of the kill) and answers them in the pool.
If the dead worker may have posted part of the answer, the new owner first looks
for messages carrying the event id (delivery.parts_already_posted), so a crash
between posting and marking done does not double the answer; and before each
message, an owner checks the event is still its own (begin_posting), so one
that stalled past its lease never posts over its successor.

The store fails open: if it cannot be read or written, one line is logged and
the event is answered anyway (a redelivery might then be answered twice, which
beats not answering at all).
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from ..store.events import Claim, EventStore, StoreError
from .delivery import Reply, answer_metadata, parts_already_posted, post_reply
from .errors import log_failure

log = logging.getLogger("ladderbot")

PRUNE_EVERY_SECONDS = 600.0
_inboxes: weakref.WeakSet[Inbox] = weakref.WeakSet()


def start_in_this_process() -> None:
    """Start every inbox's pool and sweeper here (gunicorn's post_fork hook)."""
    for inbox in list(_inboxes):
        inbox.start()


def stop_in_this_process(timeout: float = 10.0) -> None:
    """Finish the answers in hand and stop (gunicorn's worker_exit hook)."""
    for inbox in list(_inboxes):
        if inbox._pid == os.getpid():
            inbox.stop(timeout)


class Inbox:
    def __init__(self, store: EventStore, client, workers: int = 8):
        self.store = store
        self.client = client
        self.workers = workers
        # event type -> the reply to it (None: nothing to say), set by the listeners
        self.replies: dict[str, Callable[[dict], Reply | None]] = {}
        self.sweep_every = min(max(store.lease_seconds / 3, 0.2), 10.0)
        self.beat_every = max(store.lease_seconds / 3, 0.1)
        self._pid: int | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._stop = threading.Event()
        self._starting = threading.Lock()  # never held by gunicorn's master, which forks
        self._held: dict[tuple[str, str], Claim] = {}  # (event id, owner): what we renew
        self._beat_failing = False
        _inboxes.add(self)

    # 1. before the ack -------------------------------------------------------------

    def wants(self, body: dict) -> bool:
        event = body.get("event") or {}
        return body.get("type") == "event_callback" and event.get("type") in self.replies

    def accept(self, body: dict) -> Claim | None:
        """Persist and lease a new event to this process; None for one already taken."""
        self.start()
        event_id = str(body.get("event_id") or "")
        event = {**body["event"], "event_id": event_id, "team_id": body.get("team_id")}
        if not event_id:
            return Claim("", event, stored=False)
        try:
            claim = self.store.claim(event_id, event)
        except StoreError as exc:
            log.warning("event store unavailable (%s); answering %s anyway", exc, event_id)
            return Claim(event_id, event, stored=False)
        if claim is not None and claim.attempt > 1:  # redelivered after its lease ran out
            log.warning(
                "answering event %s left unfinished by another worker (try %d, redelivered)",
                event_id,
                claim.attempt,
            )
        return claim

    # 2. after the ack --------------------------------------------------------------

    def answer_later(self, claim: Claim) -> None:
        self.start()
        assert self._pool is not None
        self._hold(claim)  # renewed from now on, queued or answering
        try:
            self._pool.submit(self.answer, claim)
        except RuntimeError:  # stopping: its lease runs out, and another worker answers it
            self._held.pop((claim.event_id, claim.owner), None)
            log.info("stopping; event %s is left to another worker", claim.event_id)

    def answer(self, claim: Claim) -> None:
        event = claim.payload
        kind = event.get("type", "event")
        self._hold(claim)
        try:
            try:
                reply = self.replies[kind](event)
                finished = reply is None or self._post(claim, reply)
            except Exception as error:  # noqa: BLE001 - logged (traceback if unexpected)
                log_failure(kind, error)
                self._settle(claim, self.store.fail)
                return
            if finished:
                self._settle(claim, self.store.finish)
        finally:
            # Given up or lost: no longer renewed. (If settling failed, the lease runs
            # out and a successor finds the answer already in the thread.)
            self._held.pop((claim.event_id, claim.owner), None)

    def _post(self, claim: Claim, reply: Reply) -> bool:
        """Post every part not yet in Slack; False if another worker took the event over."""
        posted: set[int] = set()
        if claim.posted_maybe:
            posted = parts_already_posted(
                self.client, reply, claim.event_id, claim.payload.get("ts")
            )
        for part, message in enumerate(reply.messages):
            if part in posted:
                continue
            if not self._still_mine(claim):
                log.info("event %s was taken over by another worker", claim.event_id)
                return False
            metadata = answer_metadata(claim.event_id, part) if claim.event_id else None
            post_reply(self.client, message, reply.channel, reply.user, reply.thread_ts, metadata)
        return True

    def _still_mine(self, claim: Claim) -> bool:
        if not claim.stored:
            return True
        try:
            return self.store.begin_posting(claim)
        except StoreError as exc:
            log.warning("event store unavailable (%s); answering %s anyway", exc, claim.event_id)
            return True

    def _settle(self, claim: Claim, how: Callable[[Claim], None]) -> None:
        # No longer renewed from now: so a beat that finds it settled knows it was ours.
        self._held.pop((claim.event_id, claim.owner), None)
        if not claim.stored:
            return
        try:
            how(claim)
        except StoreError as exc:
            log.warning("event store unavailable (%s); %s not marked", exc, claim.event_id)

    # 2b. while this worker lives: the heartbeat -----------------------------------

    def _hold(self, claim: Claim) -> None:
        if claim.stored and claim.event_id:
            self._held[(claim.event_id, claim.owner)] = claim  # one dict op: GIL-atomic

    def held(self) -> list[Claim]:
        return list(self._held.values())

    def beat(self) -> int:
        """Renew the lease of every event this process holds, in one statement; how
        many were renewed. One lost to another owner is dropped from what is renewed
        (its answer stops at the next begin_posting)."""
        claims = self.held()
        if not claims:
            return 0
        renewed = self.store.renew(claims)
        for claim in claims:
            key = (claim.event_id, claim.owner)
            if key not in renewed and self._held.pop(key, None) is not None:
                log.info("event %s is no longer this worker's to answer", claim.event_id)
        return len(renewed)

    def _beat_forever(self) -> None:
        """Until the process stops and has nothing left in hand: a graceful stop finishes
        the answers in hand, and their leases must outlive it."""
        while not (self._stop.is_set() and not self._held):
            time.sleep(self.beat_every)
            try:
                self.beat()
                if self._beat_failing:
                    log.warning("event store reachable again; leases renewed")
                    self._beat_failing = False
            except StoreError as exc:
                if not self._beat_failing:  # once per outage, not every beat
                    log.warning("event store unavailable (%s); leases not renewed", exc)
                    self._beat_failing = True
            except Exception as error:  # noqa: BLE001 - the heartbeat must outlive a bug
                log_failure("the event heartbeat", error)

    # 3. events whose worker died ---------------------------------------------------

    def sweep(self, inline: bool = True, batch: int = 20) -> int:
        """Take over every pending event whose lease ran out, `batch` at a time, and
        answer each (here, or with inline=False in the pool, as the sweeper thread
        does, so a dead worker's backlog is answered in parallel and renewed
        meanwhile); returns how many were taken over."""
        taken = 0
        while True:
            claims, given_up = self.store.reclaim_expired(batch)
            for event_id in given_up:
                log.error("event %s could not be answered in time; giving it up", event_id)
            for claim in claims:
                log.warning(
                    "answering event %s left unfinished by another worker (try %d)",
                    claim.event_id,
                    claim.attempt,
                )
                if inline:
                    self.answer(claim)
                else:
                    self.answer_later(claim)
            taken += len(claims)
            if len(claims) < batch or self._stop.is_set():
                return taken

    def _sweep_forever(self) -> None:
        since_prune = PRUNE_EVERY_SECONDS
        while not self._stop.wait(self.sweep_every):
            try:
                self.sweep(inline=False)
                since_prune += self.sweep_every
                if since_prune >= PRUNE_EVERY_SECONDS:
                    self.store.prune()
                    since_prune = 0.0
            except StoreError as exc:
                log.warning("event store unavailable (%s); sweeping again later", exc)
            except Exception as error:  # noqa: BLE001 - the sweeper must outlive a bug
                log_failure("the event sweeper", error)

    # per process -------------------------------------------------------------------

    def start(self) -> None:
        """Threads do not survive gunicorn's fork: each process starts its own, once."""
        if self._pid == os.getpid():
            return
        with self._starting:
            if self._pid == os.getpid():
                return
            self._stop = threading.Event()
            self._held = {}  # a forked child holds nothing of its parent's
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="ladderbot-answer")
            for name, loop in (("sweeper", self._sweep_forever), ("heartbeat", self._beat_forever)):
                threading.Thread(target=loop, name=f"ladderbot-{name}", daemon=True).start()
            self._pid = os.getpid()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop taking work and give the answers in hand up to `timeout` seconds (the
        heartbeat renews their leases meanwhile). One still unfinished when the
        process ends stays pending in the store, and is answered by another worker
        (or the next start) once its lease runs out."""
        self._stop.set()
        if self._pool is None:
            return
        self._pool.shutdown(wait=False, cancel_futures=False)
        deadline = time.monotonic() + timeout
        for thread in list(getattr(self._pool, "_threads", ())):
            thread.join(max(0.0, deadline - time.monotonic()))
