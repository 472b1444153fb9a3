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

The interface is deliberately small — "is event E mine to answer?" — so that a
store shared by several machines (next: SQLAlchemy on PostgreSQL, chosen by
DATABASE_URL) can stand in for the SQLite one without touching the Slack code.
Every method raises StoreError and nothing else, so callers can fail open.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

LEASE_SECONDS = 60.0  # longer than one Web API call with all its retries
MAX_ATTEMPTS = 3  # tries per event, counting takeovers after a crash
MAX_AGE_SECONDS = 3600.0  # an event this old is no longer worth answering
KEEP_SECONDS = 86400.0  # finished ids are remembered this long (Slack retries for minutes)


class StoreError(Exception):
    """The store could not be read or written (disk full, read-only, removed, locked)."""


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


_SCHEMA = """
CREATE TABLE IF NOT EXISTS slack_events (
    event_id    TEXT PRIMARY KEY,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL,            -- pending | done | failed
    owner       TEXT,
    lease_until REAL NOT NULL,
    attempts    INTEGER NOT NULL,
    posting     INTEGER NOT NULL DEFAULT 0,
    received_at REAL NOT NULL,
    updated_at  REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS slack_events_by_state ON slack_events (state, lease_until);
"""


class SQLiteEventStore(EventStore):
    """One SQLite file in WAL mode: every process on the machine shares it, with no setup.

    Connections are opened per thread and per process (never inherited across
    gunicorn's fork), and nothing is opened until first used.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        lease_seconds: float = LEASE_SECONDS,
        clock: Callable[[], float] = time.time,
    ):
        self.path = Path(path)
        self.lease_seconds = lease_seconds
        self.clock = clock
        self._local = threading.local()

    # connections -------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across process crashes
            db.executescript(_SCHEMA)
        except BaseException:
            db.close()
            raise
        return db

    def _connection(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.pid, local.db = os.getpid(), None
        if local.db is None:
            local.db = self._open()
        return local.db

    @contextmanager
    def _transaction(self):
        try:
            db = self._connection()
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            self._local.db = None  # reconnect next time: the file may have been replaced
            raise StoreError(f"{type(exc).__name__}: {exc}") from exc

    def check(self) -> None:
        try:
            self._open().close()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    # the life cycle ------------------------------------------------------------

    def claim(self, event_id: str, payload: dict) -> Claim | None:
        now, owner = self.clock(), uuid.uuid4().hex
        with self._transaction() as db:
            inserted = db.execute(
                "INSERT INTO slack_events (event_id, payload, state, owner, lease_until,"
                " attempts, received_at, updated_at) VALUES (?, ?, 'pending', ?, ?, 1, ?, ?)"
                " ON CONFLICT (event_id) DO NOTHING",
                (event_id, json.dumps(payload), owner, now + self.lease_seconds, now, now),
            ).rowcount
            if inserted:
                return Claim(event_id, payload, owner)
            row = db.execute(
                "UPDATE slack_events SET owner = ?, lease_until = ?, attempts = attempts + 1,"
                " updated_at = ? WHERE event_id = ? AND state = 'pending' AND lease_until <= ?"
                " AND attempts < ? AND received_at > ? RETURNING payload, attempts, posting",
                (
                    owner,
                    now + self.lease_seconds,
                    now,
                    event_id,
                    now,
                    MAX_ATTEMPTS,
                    now - MAX_AGE_SECONDS,
                ),
            ).fetchone()
        if row is None:
            return None
        return Claim(event_id, json.loads(row[0]), owner, row[1], bool(row[2]))

    def begin_posting(self, claim: Claim) -> bool:
        now = self.clock()
        with self._transaction() as db:
            return bool(
                db.execute(
                    "UPDATE slack_events SET posting = 1, lease_until = ?, updated_at = ?"
                    " WHERE event_id = ? AND owner = ? AND state = 'pending'",
                    (now + self.lease_seconds, now, claim.event_id, claim.owner),
                ).rowcount
            )

    def _settle(self, claim: Claim, state: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE slack_events SET state = ?, payload = '', owner = NULL, updated_at = ?"
                " WHERE event_id = ? AND owner = ?",
                (state, self.clock(), claim.event_id, claim.owner),
            )

    def finish(self, claim: Claim) -> None:
        self._settle(claim, "done")

    def fail(self, claim: Claim) -> None:
        self._settle(claim, "failed")

    def reclaim_expired(self, limit: int = 20) -> tuple[list[Claim], list[str]]:
        now, owner = self.clock(), uuid.uuid4().hex
        with self._transaction() as db:
            given_up = db.execute(
                "UPDATE slack_events SET state = 'failed', payload = '', owner = NULL,"
                " updated_at = ? WHERE state = 'pending' AND lease_until <= ?"
                " AND (attempts >= ? OR received_at <= ?) RETURNING event_id",
                (now, now, MAX_ATTEMPTS, now - MAX_AGE_SECONDS),
            ).fetchall()
            rows = db.execute(
                "UPDATE slack_events SET owner = ?, lease_until = ?, attempts = attempts + 1,"
                " updated_at = ? WHERE event_id IN (SELECT event_id FROM slack_events"
                " WHERE state = 'pending' AND lease_until <= ? ORDER BY received_at LIMIT ?)"
                " RETURNING event_id, payload, attempts, posting",
                (owner, now + self.lease_seconds, now, now, limit),
            ).fetchall()
        claims = [Claim(r[0], json.loads(r[1]), owner, r[2], bool(r[3])) for r in rows]
        return claims, [r[0] for r in given_up]

    def prune(self) -> int:
        with self._transaction() as db:
            return db.execute(
                "DELETE FROM slack_events WHERE state != 'pending' AND updated_at < ?",
                (self.clock() - KEEP_SECONDS,),
            ).rowcount


def open_event_store(data_dir: str | os.PathLike, lease_seconds: float = LEASE_SECONDS):
    """The default store: events.sqlite3 under the data directory."""
    return SQLiteEventStore(Path(data_dir) / "events.sqlite3", lease_seconds)
