"""The inbox: events persisted before the ack, answered once, finished after a crash,
and answered anyway when the store fails (against a fake Web API on loopback)."""

from __future__ import annotations

import logging

import pytest
from slack_sdk import WebClient

from bot.slack.delivery import Reply, answer_metadata, post_reply
from bot.slack.inbox import Inbox
from bot.store.database import Database
from bot.store.events import SQLEventStore, StoreError

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
