"""The question log: privacy modes, retention, votes, a database outage, and shutdown."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from bot.store.database import Database
from bot.store.question_log import BATCH, Question, QuestionLog, Vote, load_key, scrub, utcnow
from bot.store.schema import feedback, metadata, questions

from .pg import postgres_server

ASKER = "U0ASKER42"


def ask(qid: str, text: str = "what does a senior do", **extra) -> Question:
    fields = {
        "source": "mention",
        "team_id": "T0TEAM",
        "channel_id": "C0CHAN",
        "user_id": ASKER,
        "role": "senior",
        "topic": "responsibilities",
        "confidence": 0.9,
        "answered": True,
        "outcome": "answered",
        **extra,
    }
    return Question(id=qid, text=text, **fields)


def everything_stored(db: Database) -> str:
    """Every value of every table, as text: what a leak test searches."""
    out = []
    with db.begin() as conn:
        for table in metadata.tables.values():
            for row in conn.execute(select(table)):
                out.append(" ".join(str(v) for v in row))
    return "\n".join(out)


def rows(db: Database, table=questions):
    with db.begin() as conn:
        return [dict(r) for r in conn.execute(select(table)).mappings()]


def written(log: QuestionLog, *items) -> None:
    for item in items:
        (log.vote if isinstance(item, Vote) else log.record)(item)
    assert log.flush(10)


@pytest.fixture
def make_log(database):
    made = []

    def make(mode="full", **kw):
        log = QuestionLog(database, mode, key=b"k" * 32, **kw)
        made.append(log)
        return log

    yield make
    for log in made:
        log.close(2)


def test_full_mode_keeps_the_text_but_never_a_user_id(make_log, database):
    log = make_log("full")
    written(
        log,
        ask("q1", f"<@U0BOT1234> what does a senior do? cc <@{ASKER}|alex>"),
        ask("q2", "hi from a DM", source="dm", channel_id="D0DM", is_dm=True),
        Vote("q1", -1, "T0TEAM", ASKER),
    )
    stored = rows(database)
    assert {r["id"]: r["text"] for r in stored} == {
        "q1": "what does a senior do? cc @someone",
        "q2": "hi from a DM",
    }
    assert {r["channel_id"] for r in stored} == {"C0CHAN", None}  # a DM's channel is not kept
    dump = everything_stored(database)
    assert ASKER not in dump and "U0BOT1234" not in dump and "D0DM" not in dump
    hashes = {r["asker"] for r in stored}
    assert len(hashes) == 1 and len(hashes.pop()) == 40  # one person, counted, not named


def test_anonymous_mode_drops_direct_message_texts(make_log, database):
    log = make_log("anonymous")
    written(
        log,
        ask("q1", "channel question"),
        ask("q2", "private question", source="dm", is_dm=True, channel_id="D0DM"),
    )
    by_id = {r["id"]: r for r in rows(database)}
    assert by_id["q1"]["text"] == "channel question"
    assert by_id["q2"]["text"] is None and by_id["q2"]["normalised"] is None
    assert by_id["q2"]["outcome"] == "answered"  # still counted
    assert "private question" not in everything_stored(database)


def test_off_records_nothing(make_log, database):
    log = make_log("off")
    log.record(ask("q1"))
    log.vote(Vote("q1", 1, "T0TEAM", ASKER))
    assert not log.enabled and log.state() == "question log off"
    database.upgrade()
    assert rows(database) == [] and rows(database, feedback) == []


def test_voting_again_changes_the_vote_instead_of_adding_one(make_log, database):
    log = make_log()
    written(log, ask("q1"), Vote("q1", 1, "T0TEAM", ASKER))
    written(log, Vote("q1", -1, "T0TEAM", ASKER))
    written(log, Vote("q1", 1, "T0TEAM", "U0OTHER77"))
    votes = sorted(r["vote"] for r in rows(database, feedback))
    assert votes == [-1, 1]


def test_retention_deletes_old_questions_and_their_votes(make_log, database):
    log = make_log(days=90)
    old = utcnow() - timedelta(days=91)
    written(
        log,
        ask("old", asked_at=old),
        Vote("old", -1, "T0TEAM", ASKER, voted_at=old),
        ask("new"),
        Vote("new", 1, "T0TEAM", ASKER),
    )
    assert log.prune() == 1
    assert [r["id"] for r in rows(database)] == ["new"]
    assert [r["question_id"] for r in rows(database, feedback)] == ["new"]


def test_shutdown_writes_everything_queued_first(make_log, database):
    log = make_log()
    for n in range(300):
        log.record(ask(f"q{n}"))
    log.close(10)
    assert len(rows(database)) == 300


def test_recording_never_waits_for_the_database(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    broken = Database(f"sqlite:///{tmp_path / 'file' / 'sub' / 'l.sqlite3'}")
    log = QuestionLog(broken, queue_size=50)
    started = time.perf_counter()
    for n in range(2000):
        log.record(ask(f"q{n}"))
    assert time.perf_counter() - started < 0.5
    assert log.dropped >= 2000 - 50 - BATCH  # the queue's room, and a batch in hand
    assert log.state().startswith("question log degraded")
    log.close(0.1)


def test_a_database_outage_drops_and_counts_records_then_recovers(caplog):
    server = postgres_server()
    db = Database(server.new_database())
    log = QuestionLog(db, queue_size=5, key=b"k")
    caplog.set_level(logging.WARNING, logger="ladderbot")
    try:
        written(log, ask("before"))
        server.stop()
        for n in range(30):
            log.record(ask(f"during{n}"))  # returns at once: answers are not held up
        deadline = time.monotonic() + 10
        while log._failing_since is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert log.state().startswith("question log degraded")
        assert log.dropped >= 30 - 5 - 6  # the queue's room, and the batch in hand
        warnings = [r for r in caplog.records if "database unavailable" in r.getMessage()]
        assert len(warnings) == 1  # one a minute, not one a record
        server.start()
        assert log.flush(30)
        kept = {r["id"] for r in rows(db)}
        assert "before" in kept and len(kept) == 1 + (30 - log.dropped)
        assert log.state() == "ok"
        assert any("reachable again" in r.getMessage() for r in caplog.records)
    finally:
        server.ensure_running()
        log.close(2)
        db.dispose()


def test_the_key_is_made_once_and_kept_private(tmp_path):
    key = load_key(None, tmp_path)
    assert load_key(None, tmp_path) == key and len(key) == 64
    assert (tmp_path / "question-log.key").stat().st_mode & 0o077 == 0
    assert load_key("from-the-environment", tmp_path) == b"from-the-environment"


def test_scrub_leaves_ordinary_words_alone():
    assert (
        scrub("USA and UK teams, <@W012ABCDE>, U024BE7LH") == "USA and UK teams, @someone, @someone"
    )


def test_text_is_stored_as_parameters_not_sql(make_log, database):
    log = make_log()
    written(log, ask("q1", "'); DROP TABLE questions; --"))
    with database.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM questions")).scalar() == 1


def test_text_no_database_takes_is_cleaned_not_lost(make_log, database):
    log = make_log()
    written(log, ask("q1", "nul\x00 and a lone \ud800 surrogate"), ask("q2", "fine"))
    assert {r["id"] for r in rows(database)} == {"q1", "q2"}
    assert log.dropped == 0


def test_a_late_write_of_an_earlier_click_does_not_win(make_log, database):
    log = make_log()
    written(log, ask("q1"), Vote("q1", -1, "T0TEAM", ASKER, voted_at=2000.0))
    written(log, Vote("q1", 1, "T0TEAM", ASKER, voted_at=1000.0))  # clicked before, written after
    assert [r["vote"] for r in rows(database, feedback)] == [-1]


def test_anonymous_mode_drops_what_was_typed_in_a_dm_with_the_text(make_log, database):
    log = make_log("anonymous")
    written(log, ask("q1", "senoir skills", is_dm=True, corrections=(("senoir", "senior"),)))
    assert rows(database)[0]["corrections"] == "[]"
    assert "senoir" not in everything_stored(database)


def test_records_after_the_shutdown_are_counted_as_dropped(make_log):
    log = make_log()
    written(log, ask("q1"))
    log.close(2)
    log.record(ask("q2"))
    assert log.dropped == 1
