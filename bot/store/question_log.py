"""The question log: what people asked in Slack, what the bot understood, and their votes.

Privacy by default (the README's "Question log" section is written for the people
who approve installing the bot):
- no raw Slack user id is ever stored: askers and voters are a keyed hash (HMAC-
  SHA256 with QUESTION_LOG_KEY, else a random key kept under DATA_DIR), good only
  for counting distinct people and keeping one vote per person; user mentions in
  the text ("<@U123>") are replaced by "@someone";
- QUESTION_LOG=full (default) keeps each question's text; anonymous also drops the
  text of direct messages; off records nothing at all;
- QUESTION_LOG_DAYS (default 90): older questions and their votes are deleted, once
  at start-up and then daily;
- a direct message's channel id is never stored.

Recording never slows or breaks an answer: `record` and `vote` append to a bounded
queue and return; a writer thread per process writes them in batches.
When the database is down, answers go on, the writer keeps the batch in hand and
retries, one warning a minute is logged, and once the queue is full new records
are dropped and counted. `close` (a graceful shutdown) writes what is queued first.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import tempfile
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..text import normalise
from .database import Database, StoreError
from .schema import feedback, questions

log = logging.getLogger("ladderbot")

MODES = ("full", "anonymous", "off")
QUEUE_SIZE = 10_000
BATCH = 500
GATHER_SECONDS = 0.2
ROWS_PER_STATEMENT = 50  # 16 columns each: well under SQLite's 32,766 parameters
WARN_EVERY_SECONDS = 60.0
PRUNE_EVERY_SECONDS = 86_400.0
KEY_FILE = "question-log.key"

_MENTION = re.compile(r"<[@!](?:[UW][A-Z0-9]+|subteam\^[A-Z0-9]+)(?:\|[^<>]*)?>")
_LEADING_MENTIONS = re.compile(r"^(?:\s*" + _MENTION.pattern + r"[\s,:]*)+")
_HAS_DIGIT = re.compile(r"\d")
_RAW_ID = re.compile(r"\b[UW](?=[A-Z0-9]*\d)[A-Z0-9]{5,}\b")
_logs: weakref.WeakSet[QuestionLog] = weakref.WeakSet()
COLUMNS = (
    "id asked_at source team_id channel_id asker text normalised role topic other_role "
    "confidence answered outcome corrections duration_ms"
).split()
assert [c.name for c in questions.columns] == COLUMNS, "question_values must follow the table"


@lru_cache(maxsize=4096)
def _normalised(text: str) -> str:
    return normalise(text)[:500]


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _utc(when: datetime | float | None) -> datetime:
    """A naive UTC datetime (how the tables keep time) from a datetime or epoch seconds."""
    if isinstance(when, datetime):
        return when
    if when is None:
        return utcnow()
    return datetime.fromtimestamp(when, timezone.utc).replace(tzinfo=None)


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL (PostgreSQL) and lone surrogates


def clean(text: str) -> str:
    """Text every database takes: no NUL, no half of a surrogate pair, at most 4,000."""
    text = text[:4000]
    return _UNSTORABLE.sub("\ufffd", text) if _UNSTORABLE.search(text) else text


def _short_text(value: str | None) -> str | None:
    return value[:255] if value is not None else None  # the columns' size


@lru_cache(maxsize=4096)
def scrub(text: str) -> str:
    """The text without Slack user ids: the mention of the bot a question starts with
    goes, other mentions and bare ids become "@someone"."""
    if "<" in text:
        text = _MENTION.sub("@someone", _LEADING_MENTIONS.sub("", text))
    return _RAW_ID.sub("@someone", text) if _HAS_DIGIT.search(text) else text


def load_key(explicit: str | None, data_dir: str | os.PathLike) -> bytes:
    """QUESTION_LOG_KEY, else a random key created once under DATA_DIR (mode 0600).

    Made in a temporary file and linked into place, so a worker starting at the same
    moment reads either no key (and makes its own attempt) or the whole one."""
    if explicit:
        return explicit.encode()
    path = Path(data_dir) / KEY_FILE
    for _ in range(3):
        try:
            key = path.read_bytes().strip()
            if key:
                return key
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(secrets.token_hex(32).encode())
            os.link(temp, path)  # fails if another process linked its key first
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
    raise OSError(f"cannot read or create {path}")


class Question(NamedTuple):
    """One question as asked and understood. `user_id` is hashed before it is stored.
    A tuple, since one is made for every answer: cheap to build and to queue."""

    id: str
    source: str  # command | mention | dm | button; cli | console (--log)
    text: str
    team_id: str | None = None
    channel_id: str | None = None
    user_id: str | None = None
    is_dm: bool = False
    role: str | None = None
    topic: str | None = None
    other_role: str | None = None
    confidence: float | None = None
    answered: bool = False
    outcome: str = "declined"  # answered | declined | unknown_role | clarify | chat
    corrections: tuple[tuple[str, str], ...] = ()
    duration_ms: float | None = None
    asked_at: datetime | float | None = None  # UTC or epoch seconds; None: when written


class Vote(NamedTuple):
    question_id: str
    vote: int  # +1 or -1
    team_id: str | None
    user_id: str
    voted_at: datetime | float | None = None  # None: when written


def start_in_this_process() -> None:
    """Start every log's writer here (gunicorn's post_fork hook)."""
    for q in list(_logs):
        q.start()


def close_all(timeout: float = 10.0) -> None:
    """Write what is queued and stop (gunicorn's worker_exit hook, Socket Mode's SIGTERM)."""
    for q in list(_logs):
        q.close(timeout)


class QuestionLog:
    def __init__(
        self,
        database: Database,
        mode: str = "full",
        key: bytes = b"",
        days: int = 90,
        queue_size: int = QUEUE_SIZE,
        clock: Callable[[], float] = time.monotonic,
    ):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.database = database
        self.mode = mode
        self.key = key or secrets.token_bytes(32)
        self.days = days
        self.queue_size = queue_size
        self.clock = clock
        self.dropped = 0  # records lost because the queue was full, since start
        self._pending: deque = deque()  # appended by request threads, emptied by the writer
        self._in_hand = 0  # records the writer has taken and not yet written
        self._wake = threading.Event()  # flush() asks the writer not to wait
        self._pid: int | None = None
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()
        self._failing_since: float | None = None
        self._last_warning = -WARN_EVERY_SECONDS
        self._dropped_reported = 0
        self._closed = False
        self._stop = threading.Event()
        self._hashes: dict[tuple, str] = {}  # (team, user) -> hash: people ask again
        _logs.add(self)

    @property
    def enabled(self) -> bool:
        return self.mode != "off"

    # the request path: never blocks ------------------------------------------------

    def record(self, question: Question) -> None:
        self._put(question)

    def vote(self, vote: Vote) -> None:
        self._put(vote)

    def _put(self, item) -> None:
        """A deque append (atomic under the GIL): no lock, no wake-up of the writer, which
        looks every GATHER_SECONDS. The request path's share of the log's cost is this
        and building the tuple (bench/question_log.py measures the whole)."""
        if not self.enabled:
            return
        if self._closed:
            self.dropped += 1  # asked during the shutdown, after the last write
            return
        if self._pid != os.getpid():
            self.start()
        if len(self._pending) >= self.queue_size:
            self.dropped += 1  # counted, and reported once a minute while it goes on
            self._warn("question log queue is full (database unavailable?); dropping records")
            return
        self._pending.append(item)

    def state(self) -> str:
        """For /healthz: "ok", "question log off" or "question log degraded (...)"."""
        if not self.enabled:
            return "question log off"
        if self._failing_since is not None or self.dropped > self._dropped_reported:
            return f"question log degraded ({self.dropped} records dropped)"
        return "ok"

    # the writer thread ---------------------------------------------------------------

    def start(self) -> None:
        """One writer per process: threads do not survive gunicorn's fork."""
        if self._pid == os.getpid() or not self.enabled:
            return
        with self._starting:
            if self._pid == os.getpid():
                return
            self._pending = deque()  # not the parent's
            self._in_hand = 0
            self._stop = threading.Event()
            self._thread = threading.Thread(
                target=self._write_forever, name="ladderbot-question-log", daemon=True
            )
            self._pid = os.getpid()
            self._thread.start()

    def write_queued(self) -> None:
        """Write what is queued in the calling thread: for a process with no writer
        thread (the command line's --log). StoreError if it could not; the records
        then stay queued."""
        batch = list(self._pending)
        if batch:
            self.write(batch)
            for _ in batch:
                self._pending.popleft()

    def unwritten(self) -> int:
        return len(self._pending) + self._in_hand

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything recorded so far is written; False if that took too long."""
        deadline = time.monotonic() + timeout
        self._wake.set()
        while self.unwritten():
            if time.monotonic() > deadline:
                return False
            self._wake.set()
            time.sleep(0.01)
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued (for up to `timeout` seconds), then stop the writer."""
        if self._pid != os.getpid() or self._thread is None:
            return
        self.flush(timeout)
        self._closed = True
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=2.0)
        left = self.unwritten()
        if left:
            log.warning("question log closed with %d records unwritten", left)

    def _write_forever(self) -> None:
        last_prune = None
        backoff = 0.5
        batch: list = []
        while True:
            if last_prune is None or self.clock() - last_prune >= PRUNE_EVERY_SECONDS:
                # At start-up, then daily, whether or not anyone asks anything.
                with contextlib.suppress(StoreError):
                    self.prune()
                    last_prune = self.clock()
            if not batch:
                if not self._pending and self._stop.is_set():
                    return
                if len(self._pending) < BATCH:
                    # Let a moment's records gather: one transaction for many.
                    self._wake.wait(GATHER_SECONDS)
                    self._wake.clear()
                if not self._pending:
                    continue
                pending = self._pending
                self._in_hand = take = min(len(pending), BATCH)  # counted before taken
                batch = [pending.popleft() for _ in range(take)]
            try:
                self.write(batch)
            except StoreError as exc:
                if not exc.transient:
                    self._write_one_by_one(batch, exc)
                else:
                    if self._failing_since is None:
                        self._failing_since = self.clock()
                    self._warn(f"question log: database unavailable ({exc}); answers go on")
                    if self._stop.wait(backoff):
                        return  # shutting down: what is unwritten is reported by close()
                    backoff = min(backoff * 2, 5.0)
                    continue
            except Exception:  # noqa: BLE001 - a bug must not stop the log for good
                log.exception("question log: could not write %d records; dropped", len(batch))
                self.dropped += len(batch)
            batch = []
            self._in_hand = 0
            backoff = 0.5
            if self._failing_since is not None:
                log.warning(
                    "question log: database reachable again; %d records dropped meanwhile",
                    self.dropped - self._dropped_reported,
                )
                self._failing_since = None
                self._dropped_reported = self.dropped

    def _write_one_by_one(self, batch: list, exc: StoreError) -> None:
        """A batch the database refused for what is in it, not for being down: each
        record on its own, so one bad record costs only itself."""
        bad = 0
        for item in batch:
            try:
                self.write([item])
            except StoreError:
                bad += 1
        if bad:
            self.dropped += bad
            self._dropped_reported += bad  # not an outage: reported here, once
            log.warning("question log: %d record(s) refused by the database (%s)", bad, exc)

    def _warn(self, message: str) -> None:
        now = self.clock()
        if now - self._last_warning >= WARN_EVERY_SECONDS:
            self._last_warning = now
            log.warning("%s (%d records dropped so far)", message, self.dropped)

    # what is stored --------------------------------------------------------------------

    def hashed(self, team_id: str | None, user_id: str | None) -> str | None:
        if not user_id:
            return None
        key = (team_id, user_id)
        found = self._hashes.get(key)
        if found is None:
            message = f"{team_id or ''}:{user_id}".encode()
            found = hmac.new(self.key, message, hashlib.sha256).hexdigest()[:40]
            if len(self._hashes) < 100_000:
                self._hashes[key] = found
        return found

    def question_values(self, q: Question, sqlite: bool = False) -> tuple:
        """The stored row, in the table's column order (COLUMNS)."""
        keep_text = not (q.is_dm and self.mode == "anonymous")
        text = scrub(clean(q.text)) if keep_text else None
        asked_at = _utc(q.asked_at)
        return (
            q.id,
            asked_at.isoformat(" ", "microseconds") if sqlite else asked_at,  # as SQLAlchemy
            q.source,
            q.team_id,
            None if q.is_dm else q.channel_id,
            self.hashed(q.team_id, q.user_id),
            text,
            # Only what went unanswered is grouped by its words (the report's list).
            _normalised(text) if text is not None and not q.answered else None,
            _short_text(q.role),
            _short_text(q.topic),
            _short_text(q.other_role),
            q.confidence,
            q.answered,
            q.outcome,
            # What was typed, so it goes with the text when that is dropped.
            json.dumps([[clean(a), clean(b)] for a, b in q.corrections])
            if q.corrections and keep_text
            else "[]",
            q.duration_ms,
        )

    def write(self, items: list) -> None:
        """Write questions and votes (the writer thread calls this). A few rows per
        transaction: SQLite has one writer at a time, and the event store's claims,
        which an acknowledgement waits for, must not queue behind a long batch. A
        batch that fails part way is simply written again: rows are keyed by their
        id and votes by (question, voter), so nothing is doubled."""
        asked = [i for i in items if isinstance(i, Question)]
        votes = {}
        for v in (i for i in items if isinstance(i, Vote)):
            voter = self.hashed(v.team_id, v.user_id)
            votes[(v.question_id, voter)] = {  # the last click counts
                "question_id": v.question_id,
                "voter": voter,
                "vote": 1 if v.vote > 0 else -1,
                "voted_at": _utc(v.voted_at),
            }
        self.database.ensure_schema()
        if asked:
            self._insert_questions(asked)
        if not votes:
            return
        with self.database.begin() as conn:
            for row in votes.values():
                stmt = self.database.insert(feedback).values(**row)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=["question_id", "voter"],
                        set_={"vote": stmt.excluded.vote, "voted_at": stmt.excluded.voted_at},
                        # The later click wins, whichever worker writes it first.
                        where=feedback.c.voted_at <= stmt.excluded.voted_at,
                    )
                )

    def _insert_questions(self, asked: list[Question]) -> None:
        """Multi-row INSERTs with the SQL written out once, a few rows at a time.

        Not SQLAlchemy's executemany: its per-row work was most of the log's cost
        under load. And a little at a time, yielding in between: the writer shares
        Python's GIL with the request threads, and a long run of Python work here
        shows up as latency in every answer being served meanwhile (bench/load.py
        --question-log)."""
        sqlite = self.database.kind == "sqlite"
        for start in range(0, len(asked), ROWS_PER_STATEMENT):
            chunk = asked[start : start + ROWS_PER_STATEMENT]
            params: list = []
            for q in chunk:
                params.extend(self.question_values(q, sqlite))
            with self.database.begin() as conn:
                conn.exec_driver_sql(self._insert_sql(len(chunk), sqlite), tuple(params))
            time.sleep(0)  # let the request threads have the GIL

    @staticmethod
    @lru_cache(maxsize=16)
    def _insert_sql(rows: int, sqlite: bool) -> str:
        one = "(" + ", ".join(["?" if sqlite else "%s"] * len(COLUMNS)) + ")"
        return (
            f"INSERT INTO questions ({', '.join(COLUMNS)}) VALUES "
            + ", ".join([one] * rows)
            + " ON CONFLICT (id) DO NOTHING"
        )

    def prune(self, now: datetime | None = None) -> int:
        """Delete questions older than `days`, and their votes; returns how many."""
        from sqlalchemy import delete, select

        cutoff = (now or utcnow()) - timedelta(days=self.days)
        self.database.ensure_schema()
        with self.database.begin() as conn:
            old = select(questions.c.id).where(questions.c.asked_at < cutoff)
            conn.execute(delete(feedback).where(feedback.c.question_id.in_(old)))
            conn.execute(delete(feedback).where(feedback.c.voted_at < cutoff))
            return conn.execute(delete(questions).where(questions.c.asked_at < cutoff)).rowcount
