"""The inbox: events persisted before the ack, answered once, finished after a crash,
and answered anyway when the store fails (against a fake Web API on loopback)."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.slack.delivery import Reply, answer_metadata, post_reply
from bot.slack.inbox import Inbox
from bot.store.database import Database
from bot.store.events import SQLEventStore, StoreError
from bot.store.schema import slack_events

from .fakeslack import FakeSlack
from .test_event_store import Clock


@pytest.fixture(scope="module")
def fake():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture
def client(fake):
    return WebClient(token="xoxb-inbox-test", base_url=fake.api_url)


def body(event_id: str, channel: str, text: str = "senior skills") -> dict:
    event = {"type": "app_mention", "user": "U1", "text": text, "ts": "1.5", "channel": channel}
    return {"type": "event_callback", "event_id": event_id, "event": event}


def two_part_reply(event: dict) -> Reply:
    parts = ({"text": "part one"}, {"text": "part two"})
    return Reply(event["channel"], parts, event["ts"], event["user"])


def posts(fake, channel):
    return [c["body"] for c in fake.calls_to("chat.postMessage") if c["body"]["channel"] == channel]


def test_an_answer_half_posted_by_a_dead_worker_is_finished_not_repeated(tmp_path, fake, client):
    clock = Clock()
    store = SQLEventStore(_db(tmp_path), lease_seconds=5, clock=clock)
    # The worker that died: it claimed the event, began posting, got part 0 out.
    claim = store.claim("EvHALF", body("EvHALF", "C0HALF")["event"])
    assert store.begin_posting(claim)
    post_reply(client, {"text": "part one"}, "C0HALF", "U1", "1.5", answer_metadata("EvHALF", 0))
    survivor = Inbox(store, client)
    survivor.replies["app_mention"] = two_part_reply
    assert survivor.sweep() == 0  # its lease is still running
    clock.now += 6
    assert survivor.sweep() == 1
    assert [p["text"] for p in posts(fake, "C0HALF")] == ["part one", "part two"]
    assert fake.calls_to("conversations.replies")[-1]["body"]["ts"] == "1.5"
    assert store.claim("EvHALF", {}) is None  # done
    clock.now += 6
    assert survivor.sweep() == 0


def test_redelivery_after_the_answer_is_dropped(tmp_path, fake, client):
    inbox = Inbox(SQLEventStore(_db(tmp_path)), client)
    inbox.replies["app_mention"] = two_part_reply
    claim = inbox.accept(body("EvONCE", "C0ONCE"))
    inbox.answer(claim)
    assert inbox.accept(body("EvONCE", "C0ONCE")) is None
    assert len(posts(fake, "C0ONCE")) == 2
    assert not fake.calls_to("conversations.replies") or all(
        c["body"]["channel"] != "C0ONCE" for c in fake.calls_to("conversations.replies")
    )  # the history is read only after a crash


def _db(tmp_path):
    return Database(f"sqlite:///{tmp_path / 'e.sqlite3'}")


class BrokenStore(SQLEventStore):
    def _statements(self):
        raise StoreError("OperationalError: disk I/O error")


def test_a_broken_store_fails_open_with_one_line_per_event(tmp_path, fake, client, caplog):
    inbox = Inbox(BrokenStore(_db(tmp_path)), client)
    inbox.replies["app_mention"] = two_part_reply
    for n in range(3):
        claim = inbox.accept(body(f"EvOPEN{n}", "C0OPEN"))
        assert claim is not None and not claim.stored
        inbox.answer(claim)
    assert len(posts(fake, "C0OPEN")) == 6
    warnings = [r for r in caplog.records if "event store unavailable" in r.getMessage()]
    assert len(warnings) == 3


def test_an_unexpected_error_is_logged_with_its_traceback_and_not_retried(tmp_path, client, caplog):
    clock = Clock()
    store = SQLEventStore(_db(tmp_path), lease_seconds=5, clock=clock)
    inbox = Inbox(store, client)
    inbox.replies["app_mention"] = lambda event: Reply(event["no such field"], ())
    inbox.answer(inbox.accept(body("EvBUG", "C0BUG")))
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info and "KeyError" in errors[0].getMessage()
    clock.now += 6
    assert store.reclaim_expired() == ([], [])  # failed, not pending


def test_a_claim_taken_over_is_no_longer_renewed_by_its_old_owner(tmp_path, client):
    clock = Clock()
    store = SQLEventStore(_db(tmp_path), lease_seconds=10, clock=clock)
    inbox = Inbox(store, client)
    claim = inbox.accept(body("EvLOST", "C0LOST"))
    inbox._hold(claim)  # as answer_later does, without answering it
    clock.now += 8
    assert inbox.beat() == 1 and inbox.held() == [claim]
    clock.now += 11  # the beats stopped (a stalled process): another worker takes it
    other = SQLEventStore(store.database, lease_seconds=10, clock=clock)
    assert [c.event_id for c in other.reclaim_expired()[0]] == ["EvLOST"]
    assert inbox.beat() == 0 and inbox.held() == []
    assert not store.begin_posting(claim)  # and it would not post over its successor


LEASE = 1.5  # seconds: short, so the test is; the default (10 s) behaves alike, scaled


def _hold_an_event_until_killed(url: str, channel: str, ready) -> None:
    """A worker that claims an event and is still answering it when it is killed."""
    inbox = Inbox(SQLEventStore(Database(url), lease_seconds=LEASE), client=None)
    inbox.replies["app_mention"] = lambda event: time.sleep(3600)  # a very slow answer
    inbox.answer_later(inbox.accept(body("EvBEAT", channel)))
    ready.set()
    time.sleep(3600)


def lease(database, event_id: str) -> tuple[float, int]:
    """(lease_until, attempts) of an event."""
    t = slack_events.c
    with database.begin() as conn:
        query = select(t.lease_until, t.attempts).where(t.event_id == event_id)
        return tuple(conn.execute(query).one())


def test_a_live_worker_keeps_its_event_and_a_killed_one_loses_it_within_seconds(
    database, database_url, fake, client
):
    database.upgrade()
    channel = f"C0BEAT{database.kind.upper()}"  # the fake Web API is the module's
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    worker = context.Process(
        target=_hold_an_event_until_killed, args=(database_url, channel, ready)
    )
    worker.start()
    try:
        assert ready.wait(60), "the worker did not claim the event"
        survivor = Inbox(SQLEventStore(database, lease_seconds=LEASE), client)
        survivor.replies["app_mention"] = two_part_reply
        first, _ = lease(database, "EvBEAT")
        time.sleep(3 * LEASE)  # three leases: it would have run out twice over
        assert survivor.sweep() == 0 and survivor.accept(body("EvBEAT", channel)) is None
        until, attempts = lease(database, "EvBEAT")
        assert until > first + 1.5 * LEASE  # renewed meanwhile...
        assert attempts == 1  # ...by its owner: never taken over, not even by its own sweeper
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        worker.join(30)
    killed = time.monotonic()
    while survivor.sweep() == 0:
        assert time.monotonic() - killed < 2 * LEASE + 2, "not taken over after the kill"
        time.sleep(0.05)
    taken_after = time.monotonic() - killed
    assert taken_after <= LEASE + survivor.beat_every + 1.0, taken_after
    assert [p["text"] for p in posts(fake, channel)] == ["part one", "part two"]
    time.sleep(LEASE + 0.5)
    assert survivor.sweep() == 0 and len(posts(fake, channel)) == 2  # answered once
