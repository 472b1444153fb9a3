"""Which Slack events have been answered: claim with a lease, answer, mark done.

The life cycle of one event id:

    new ──claim──▶ pending, leased to one owner ──begin_posting──▶ pending, posting
    pending ──renew (the owner's heartbeat)──▶ pending, the same owner, a later lease
    pending ──finish──▶ done     never answered again; the question text is dropped
    pending ──fail────▶ failed   an error after the Web API's own retries; not retried
    pending, lease run out ──claim / reclaim_expired──▶ pending, leased to a new owner

A live worker renews the leases of every event it holds, all in one statement,
every third of a lease (the inbox's heartbeat), however long an answer takes. So
a lease runs out only when its owner died (or stalled for a whole lease), and it
can be short: taking over an expired lease is how an acknowledged event whose
process was killed still gets its answer, within seconds. The new owner learns
from `Claim.posted_maybe` that the old one may have posted part of the answer.

The interface is deliberately small — "is event E mine to answer?" — and the one
implementation, SQLEventStore, works on SQLite (one machine, no setup) and on
PostgreSQL (several machines behind a load balancer), chosen by DATABASE_URL.
Every method raises StoreError and nothing else, so callers can fail open.
"""

from __future__ import annotations

import json
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .database import Database, StoreError
from .schema import slack_events

__all__ = ["Claim", "EventStore", "SQLEventStore", "StoreError", "open_event_store"]

# How long a dead worker's events wait before another takes them over: renewed every
# third of it while the worker lives, so it need not cover a slow Web API call.
LEASE_SECONDS = 10.0
RENEW_AT_ONCE = 1000  # claims per renewal statement (far below any bind-parameter limit)
MAX_ATTEMPTS = 3  # tries per event, counting takeovers after a crash
MAX_AGE_SECONDS = 3600.0  # an event this old is no longer worth answering
KEEP_SECONDS = 86400.0  # finished ids are remembered this long (Slack retries for minutes)
REST_SECONDS = 5.0  # after the database fails, how long claims skip it (and fail open)


@dataclass(frozen=True)
class Claim:
    """The right to answer one event until the lease runs out."""

    event_id: str
    payload: dict = field(repr=False)  # what is needed to answer it: the event itself
    owner: str = ""
    attempt: int = 1
    posted_maybe: bool = False  # an earlier owner got as far as posting
    stored: bool = True  # False when the store failed and the event is answered anyway


class EventStore(ABC):
    lease_seconds: float = LEASE_SECONDS

    @abstractmethod
    def claim(self, event_id: str, payload: dict) -> Claim | None:
        """Record the event (if new) and lease it to the caller; None when it is done,
        failed, or leased to someone whose lease has not run out."""

    @abstractmethod
    def begin_posting(self, claim: Claim) -> bool:
        """Renew the lease and note that posting has begun; False if the lease was lost."""

    @abstractmethod
    def renew(self, claims: Collection[Claim]) -> set[tuple[str, str]]:
        """Extend the leases of these pending claims to a lease from now (a live
        worker's heartbeat); the (event id, owner) pairs renewed. A claim missing
        from them was finished, given up or taken over by another owner."""

    @abstractmethod
    def finish(self, claim: Claim) -> None:
        """The event is answered (or needs no answer): never again."""

    @abstractmethod
    def fail(self, claim: Claim) -> None:
        """Answering failed after the Web API's retries: give the event up."""

    @abstractmethod
    def reclaim_expired(self, limit: int = 20) -> tuple[list[Claim], list[str]]:
        """Lease pending events whose lease ran out to the caller: (claims, ids given up
        because they were tried MAX_ATTEMPTS times or are older than MAX_AGE_SECONDS)."""

    @abstractmethod
    def prune(self) -> int:
        """Forget finished events older than KEEP_SECONDS; returns how many."""

    def check(self) -> None:  # noqa: B027 - optional for stores with nothing to check
        """Raise StoreError now if the store is unusable (called once at start-up)."""


class SQLEventStore(EventStore):
    """The event store in the ladderbot database (bot/store/database.py): a SQLite file
    shared by every process on the machine, or PostgreSQL shared by several machines.

    Exactly-once claims rest on the event id being the table's primary key: an
    INSERT ... ON CONFLICT DO NOTHING wins for one process only, and taking over a
    lease is an UPDATE whose WHERE re-checks that the lease ran out, which the
    database evaluates under the row's lock (PostgreSQL) or the file's write lock
    (SQLite). Every step is one statement, atomic on its own, run on a connection
    where each statement commits by itself (Database.statements): SQLite's write
    lock is held only while a statement runs. The statements are built once per
    store, so SQLAlchemy compiles each only once. Nothing is opened until first
    used, and a forked child never reuses its parent's connections.
    """

    def __init__(
        self,
        database: Database,
        lease_seconds: float = LEASE_SECONDS,
        clock: Callable[[], float] = time.time,
    ):
        self.database = database
        self.lease_seconds = lease_seconds
        self.clock = clock
        self._sql: dict | None = None
        self._resting_until = 0.0

    @property
    def path(self) -> Path | None:
        return self.database.path

    @contextmanager
    def _statements(self):
        # After a failure, fail fast for a few seconds: an unreachable PostgreSQL
        # would otherwise hold every ack for its connect timeout, past Slack's 3 s.
        if time.monotonic() < self._resting_until:
            raise StoreError("skipped: the database failed a moment ago")
        try:
            self.database.ensure_schema()
            with self.database.statements() as conn:
                yield conn, self._sql or self._build()
        except StoreError as exc:
            if exc.transient:
                self._resting_until = time.monotonic() + REST_SECONDS
            raise

    def check(self) -> None:
        self.database.ensure_schema()
        self.database.check()

    def _build(self) -> dict:
        from sqlalchemy import bindparam, delete, or_, select, update

        t, p = slack_events.c, bindparam
        expired = (t.state == "pending", t.lease_until <= p("p_now"))
        take = {
            "owner": p("p_new_owner"),
            "lease_until": p("p_until"),
            "attempts": t.attempts + 1,
            "updated_at": p("p_now"),
        }
        due = select(t.event_id).where(*expired).order_by(t.received_at).limit(p("p_limit"))
        if self.database.kind == "postgresql":
            due = due.with_for_update(skip_locked=True)  # another sweeper has those
        self._sql = {
            "insert": self.database.insert(slack_events)
            .on_conflict_do_nothing(index_elements=["event_id"])
            .returning(t.event_id),  # rowcount is not reliable across drivers here
            "take_over": update(slack_events)
            .where(
                t.event_id == p("p_id"),
                *expired,
                t.attempts < MAX_ATTEMPTS,
                t.received_at > p("p_oldest"),
            )
            .values(**take)
            .returning(t.payload, t.attempts, t.posting),
            # By event id (the key) and owner: a row is renewed only while one of the
            # caller's owners holds it, never once another owner has taken it over.
            "renew": update(slack_events)
            .where(
                t.event_id.in_(p("p_ids", expanding=True)),
                t.owner.in_(p("p_owners", expanding=True)),
                t.state == "pending",
            )
            .values(lease_until=p("p_until"))
            .returning(t.event_id, t.owner),
            "posting": update(slack_events)
            .where(t.event_id == p("p_id"), t.owner == p("p_owner"), t.state == "pending")
            .values(posting=1, lease_until=p("p_until"), updated_at=p("p_now")),
            "settle": update(slack_events)
            .where(t.event_id == p("p_id"), t.owner == p("p_owner"))
            .values(state=p("p_state"), payload="", owner=None, updated_at=p("p_now")),
            "give_up": update(slack_events)
            .where(*expired, or_(t.attempts >= MAX_ATTEMPTS, t.received_at <= p("p_oldest")))
            .values(state="failed", payload="", owner=None, updated_at=p("p_now"))
            .returning(t.event_id),
            "reclaim": update(slack_events)
            .where(t.event_id.in_(due.scalar_subquery()), *expired)
            .values(**take)
            .returning(t.event_id, t.payload, t.attempts, t.posting),
            "prune": delete(slack_events).where(t.state != "pending", t.updated_at < p("p_before")),
        }
        return self._sql

    # the life cycle ------------------------------------------------------------

    def claim(self, event_id: str, payload: dict) -> Claim | None:
        now, owner = self.clock(), uuid.uuid4().hex
        with self._statements() as (db, sql):
            row = {
                "event_id": event_id,
                "payload": json.dumps(payload),
                "state": "pending",
                "owner": owner,
                "lease_until": now + self.lease_seconds,
                "attempts": 1,
                "posting": 0,
                "received_at": now,
                "updated_at": now,
            }
            if db.execute(sql["insert"], row).first() is not None:
                return Claim(event_id, payload, owner)
            taken = db.execute(
                sql["take_over"],
                {
                    "p_id": event_id,
                    "p_now": now,
                    "p_oldest": now - MAX_AGE_SECONDS,
                    "p_new_owner": owner,
                    "p_until": now + self.lease_seconds,
                },
            ).first()
        if taken is None:
            return None
        return Claim(event_id, json.loads(taken[0]), owner, taken[1], bool(taken[2]))

    def begin_posting(self, claim: Claim) -> bool:
        now = self.clock()
        with self._statements() as (db, sql):
            params = {
                "p_id": claim.event_id,
                "p_owner": claim.owner,
                "p_until": now + self.lease_seconds,
                "p_now": now,
            }
            return bool(db.execute(sql["posting"], params).rowcount)

    def renew(self, claims: Collection[Claim]) -> set[tuple[str, str]]:
        held = sorted({(c.event_id, c.owner) for c in claims})
        renewed: set[tuple[str, str]] = set()
        if not held:
            return renewed
        until = self.clock() + self.lease_seconds
        with self._statements() as (db, sql):
            for start in range(0, len(held), RENEW_AT_ONCE):  # one statement, as a rule
                chunk = held[start : start + RENEW_AT_ONCE]
                params = {
                    "p_ids": sorted({e for e, _ in chunk}),
                    "p_owners": sorted({o for _, o in chunk}),
                    "p_until": until,
                }
                renewed.update((r[0], r[1]) for r in db.execute(sql["renew"], params))
        return renewed & set(held)

    def _settle(self, claim: Claim, state: str) -> None:
        with self._statements() as (db, sql):
            db.execute(
                sql["settle"],
                {
                    "p_id": claim.event_id,
                    "p_owner": claim.owner,
                    "p_state": state,
                    "p_now": self.clock(),
                },
            )

    def finish(self, claim: Claim) -> None:
        self._settle(claim, "done")

    def fail(self, claim: Claim) -> None:
        self._settle(claim, "failed")

    def reclaim_expired(self, limit: int = 20) -> tuple[list[Claim], list[str]]:
        now, owner = self.clock(), uuid.uuid4().hex
        with self._statements() as (db, sql):
            given_up = db.execute(
                sql["give_up"], {"p_now": now, "p_oldest": now - MAX_AGE_SECONDS}
            ).all()
            rows = db.execute(
                sql["reclaim"],
                {
                    "p_now": now,
                    "p_limit": limit,
                    "p_new_owner": owner,
                    "p_until": now + self.lease_seconds,
                },
            ).all()
        claims = [Claim(r[0], json.loads(r[1]), owner, r[2], bool(r[3])) for r in rows]
        return claims, [r[0] for r in given_up]

    def prune(self) -> int:
        with self._statements() as (db, sql):
            return db.execute(sql["prune"], {"p_before": self.clock() - KEEP_SECONDS}).rowcount


def open_event_store(database: Database, lease_seconds: float = LEASE_SECONDS) -> SQLEventStore:
    """The event store in the ladderbot database (DATABASE_URL, else SQLite in DATA_DIR)."""
    return SQLEventStore(database, lease_seconds)
