"""The event store's life cycle (claim -> answer -> done), across processes and crashes."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.store.database import Database
from bot.store.events import (
    KEEP_SECONDS,
    MAX_AGE_SECONDS,
    MAX_ATTEMPTS,
    SQLEventStore,
    StoreError,
)
from bot.store.paths import data_dir
from bot.store.schema import slack_events


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(database, clock):
    return SQLEventStore(database, lease_seconds=10, clock=clock)


def test_first_claim_wins_and_redeliveries_are_dropped(store, database_url, clock):
    claim = store.claim("Ev1", {"type": "app_mention", "text": "hi"})
    assert claim and claim.attempt == 1 and claim.payload["text"] == "hi"
    assert store.claim("Ev1", {"type": "app_mention"}) is None  # leased: in hand
    other_process = SQLEventStore(Database(database_url), 10, clock)
    assert other_process.claim("Ev1", {}) is None
    store.finish(claim)
    clock.now += 10_000
    assert other_process.claim("Ev1", {}) is None  # done: never again, lease or not


def test_an_expired_lease_is_taken_over_and_the_old_owner_is_fenced_off(store, clock):
    first = store.claim("Ev2", {"type": "app_mention", "ts": "1.0"})
    assert store.begin_posting(first)
    clock.now += 11  # the first owner died after posting began
    second = store.claim("Ev2", {"type": "app_mention", "ts": "changed"})
    assert second and second.attempt == 2 and second.posted_maybe
    assert second.payload["ts"] == "1.0"  # the event as first persisted
    assert not store.begin_posting(first)  # a stalled old owner no longer posts
    store.finish(first)  # nor settles it
    assert store.begin_posting(second)
    store.finish(second)
    assert store.reclaim_expired() == ([], [])


def test_a_live_owner_renews_its_leases_in_one_go_and_loses_them_once_taken_over(store, clock):
    first = store.claim("EvR1", {"type": "app_mention"})
    second = store.claim("EvR2", {"type": "app_mention"})
    clock.now += 8  # lease 10
    assert store.renew([first, second]) == {("EvR1", first.owner), ("EvR2", second.owner)}
    clock.now += 8  # 16 s after the claims, 8 after the renewal: still held
    assert store.reclaim_expired() == ([], [])
    assert store.claim("EvR1", {}) is None
    clock.now += 3  # the heartbeat stopped: 11 s since the last renewal
    taken, _ = store.reclaim_expired()
    assert sorted(c.event_id for c in taken) == ["EvR1", "EvR2"]
    assert store.renew([first, second]) == set()  # the old owner's are gone for good
    store.finish(taken[0])
    assert store.renew(taken) == {(taken[1].event_id, taken[1].owner)}  # not the finished
    assert store.renew([]) == set()


def test_the_sweeper_reclaims_expired_events_and_gives_up_after_max_attempts(store, clock):
    store.claim("Ev3", {"type": "message"})
    store.claim("Ev4", {"type": "message"})
    assert store.reclaim_expired() == ([], [])  # leases still running
    for attempt in range(2, MAX_ATTEMPTS + 1):
        clock.now += 11
        claims, given_up = store.reclaim_expired()
        assert sorted(c.event_id for c in claims) == ["Ev3", "Ev4"] and given_up == []
        assert {c.attempt for c in claims} == {attempt}
    store.finish([c for c in claims if c.event_id == "Ev4"][0])
    clock.now += 11
    assert store.reclaim_expired() == ([], ["Ev3"])


def test_stale_events_are_given_up_not_answered_hours_late(store, clock):
    store.claim("Ev5", {"type": "message"})
    clock.now += MAX_AGE_SECONDS + 1
    assert store.claim("Ev5", {}) is None
    assert store.reclaim_expired() == ([], ["Ev5"])


def test_finished_events_are_pruned_after_a_day_and_keep_no_question_text(store, clock):
    claim = store.claim("Ev6", {"type": "message", "text": "private question"})
    store.finish(claim)
    with store.database.begin() as conn:
        assert conn.execute(select(slack_events.c.payload)).scalars().all() == [""]
    if store.path is not None:
        assert "private question" not in store.path.read_bytes().decode("latin-1")
    clock.now += KEEP_SECONDS + 1
    assert store.prune() == 1


def test_an_unusable_location_raises_store_error_only(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    broken = SQLEventStore(Database(f"sqlite:///{tmp_path / 'file' / 'sub' / 'e.sqlite3'}"))
    with pytest.raises(StoreError):
        broken.check()
    with pytest.raises(StoreError):
        broken.claim("Ev7", {})


def _claim_many(url: str, ids: list[str], out) -> None:
    store = SQLEventStore(Database(url))
    out.put([i for i in ids if store.claim(i, {"type": "message"})])


def test_processes_sharing_the_database_claim_each_event_exactly_once(database, database_url):
    database.upgrade()  # as the server does before its workers start
    ids = [f"Ev{n}" for n in range(150)]
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    workers = [context.Process(target=_claim_many, args=(database_url, ids, out)) for _ in range(3)]
    for worker in workers:
        worker.start()
    won = [out.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    claimed = [i for batch in won for i in batch]
    assert sorted(claimed) == sorted(ids)


def test_data_dir_defaults_to_a_per_user_directory():
    assert data_dir({"DATA_DIR": "/srv/bot"}) == Path("/srv/bot")
    assert data_dir({"XDG_DATA_HOME": "/x"}) == Path("/x/ladderbot")
    assert data_dir({}) == Path.home() / ".local" / "share" / "ladderbot"
