"""Which Slack events have been answered: claim with a lease, answer, mark done.

The life cycle of one event id:

    new ──claim──▶ pending, leased to one owner ──begin_posting──▶ pending, posting
    pending ──finish──▶ done     never answered again; the question text is dropped
    pending ──fail────▶ failed   an error after the Web API's own retries; not retried
    pending, lease run out ──claim / reclaim_expired──▶ pending, leased to a new owner

A lease runs out only when its owner died (or stalled far beyond the Web API's
retries), so taking over an expired lease is how an acknowledged event whose
process was killed still gets its answer. The new owner learns from
`Claim.posted_maybe` that the old one may have posted part of the answer.

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
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .database import Database, StoreError
from .schema import slack_events

__all__ = ["Claim", "EventStore", "SQLEventStore", "StoreError", "open_event_store"]

LEASE_SECONDS = 60.0  # longer than one Web API call with all its retries
MAX_ATTEMPTS = 3  # tries per event, counting takeovers after a crash
MAX_AGE_SECONDS = 3600.0  # an event this old is no longer worth answering
KEEP_SECONDS = 86400.0  # finished ids are remembered this long (Slack retries for minutes)


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
    (SQLite). Nothing is opened until first used, and a forked child never reuses
    its parent's connections.
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

    @property
    def path(self) -> Path | None:
        return self.database.path

    @contextmanager
    def _transaction(self):
        self.database.ensure_schema()
        with self.database.begin() as conn:
            yield conn

    def check(self) -> None:
        self.database.ensure_schema()
        self.database.check()

    def _insert(self):
        if self.database.kind == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(slack_events)

    # the life cycle ------------------------------------------------------------

    def claim(self, event_id: str, payload: dict) -> Claim | None:
        from sqlalchemy import update

        now, owner = self.clock(), uuid.uuid4().hex
        t = slack_events.c
        with self._transaction() as db:
            inserted = db.execute(
                self._insert()
                .values(
                    event_id=event_id,
                    payload=json.dumps(payload),
                    state="pending",
                    owner=owner,
                    lease_until=now + self.lease_seconds,
                    attempts=1,
                    posting=0,
                    received_at=now,
                    updated_at=now,
                )
                .on_conflict_do_nothing(index_elements=["event_id"])
                .returning(t.event_id)  # rowcount is not reliable across drivers here
            ).first()
            if inserted is not None:
                return Claim(event_id, payload, owner)
            row = db.execute(
                update(slack_events)
                .where(
                    t.event_id == event_id,
                    t.state == "pending",
                    t.lease_until <= now,
                    t.attempts < MAX_ATTEMPTS,
                    t.received_at > now - MAX_AGE_SECONDS,
                )
                .values(
                    owner=owner,
                    lease_until=now + self.lease_seconds,
                    attempts=t.attempts + 1,
                    updated_at=now,
                )
                .returning(t.payload, t.attempts, t.posting)
            ).first()
        if row is None:
            return None
        return Claim(event_id, json.loads(row[0]), owner, row[1], bool(row[2]))

    def begin_posting(self, claim: Claim) -> bool:
        from sqlalchemy import update

        now, t = self.clock(), slack_events.c
        with self._transaction() as db:
            return bool(
                db.execute(
                    update(slack_events)
                    .where(
                        t.event_id == claim.event_id,
                        t.owner == claim.owner,
                        t.state == "pending",
                    )
                    .values(posting=1, lease_until=now + self.lease_seconds, updated_at=now)
                ).rowcount
            )

    def _settle(self, claim: Claim, state: str) -> None:
        from sqlalchemy import update

        t = slack_events.c
        with self._transaction() as db:
            db.execute(
                update(slack_events)
                .where(t.event_id == claim.event_id, t.owner == claim.owner)
                .values(state=state, payload="", owner=None, updated_at=self.clock())
            )

    def finish(self, claim: Claim) -> None:
        self._settle(claim, "done")

    def fail(self, claim: Claim) -> None:
        self._settle(claim, "failed")

    def reclaim_expired(self, limit: int = 20) -> tuple[list[Claim], list[str]]:
        from sqlalchemy import or_, select, update

        now, owner, t = self.clock(), uuid.uuid4().hex, slack_events.c
        expired = (t.state == "pending", t.lease_until <= now)
        with self._transaction() as db:
            given_up = db.execute(
                update(slack_events)
                .where(
                    *expired,
                    or_(t.attempts >= MAX_ATTEMPTS, t.received_at <= now - MAX_AGE_SECONDS),
                )
                .values(state="failed", payload="", owner=None, updated_at=now)
                .returning(t.event_id)
            ).all()
            due = select(t.event_id).where(*expired).order_by(t.received_at).limit(limit)
            if self.database.kind == "postgresql":
                due = due.with_for_update(skip_locked=True)  # another sweeper has those
            rows = db.execute(
                update(slack_events)
                .where(t.event_id.in_(due.scalar_subquery()), *expired)
                .values(
                    owner=owner,
                    lease_until=now + self.lease_seconds,
                    attempts=t.attempts + 1,
                    updated_at=now,
                )
                .returning(t.event_id, t.payload, t.attempts, t.posting)
            ).all()
        claims = [Claim(r[0], json.loads(r[1]), owner, r[2], bool(r[3])) for r in rows]
        return claims, [r[0] for r in given_up]

    def prune(self) -> int:
        from sqlalchemy import delete

        t = slack_events.c
        with self._transaction() as db:
            return db.execute(
                delete(slack_events).where(
                    t.state != "pending", t.updated_at < self.clock() - KEEP_SECONDS
                )
            ).rowcount


def open_event_store(database: Database, lease_seconds: float = LEASE_SECONDS) -> SQLEventStore:
    """The event store in the ladderbot database (DATABASE_URL, else SQLite in DATA_DIR)."""
    return SQLEventStore(database, lease_seconds)
