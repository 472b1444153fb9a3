"""The database: which one DATABASE_URL selects, and schema upgrades that keep every row."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import insert, inspect, select

from bot.store.database import Database, DatabaseURLError, database_url, redacted
from bot.store.events import SQLEventStore
from bot.store.schema import metadata, slack_events

from .conftest import run_bot


def test_database_url_defaults_to_sqlite_under_data_dir(tmp_path):
    assert database_url({"DATA_DIR": str(tmp_path)}) == f"sqlite:///{tmp_path}/ladderbot.sqlite3"
    assert database_url({"DATABASE_URL": "sqlite:////srv/x.db"}) == "sqlite:////srv/x.db"
    for given in ("postgres://u:p@h/db", "postgresql://u:p@h/db"):
        assert database_url({"DATABASE_URL": given}) == "postgresql+psycopg://u:p@h/db"


@pytest.mark.parametrize(
    "url",
    ["mysql://h/db", "sqlite://", "sqlite:///:memory:", "nonsense", "postgresql://u:p@h:54x2/db"],
)
def test_unusable_urls_are_refused_by_name(url):
    with pytest.raises(DatabaseURLError, match="DATABASE_URL"):
        database_url({"DATABASE_URL": url})


def test_passwords_never_reach_a_log_line():
    assert redacted("postgresql+psycopg://bot:s3cret@db:5432/l") == (
        "postgresql+psycopg://bot:***@db:5432/l"
    )
    assert "s3cret" not in redacted("postgresql+psycopg://bot@db/l?password=s3cret")
    from bot.slack.config import load_config

    env = {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "x",
        "DATABASE_URL": "postgresql://bot@db/l?password=s3cretvalue",
    }
    assert "s3cretvalue" in load_config("http", env).secrets  # so the log redacts it


def test_a_bad_database_url_is_one_line_naming_the_variable(tmp_path):
    result = run_bot("report", env={"DATABASE_URL": "mysql://x/y", "DATA_DIR": str(tmp_path)})
    assert result.returncode == 2 and "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_migrations_create_exactly_the_tables_the_code_uses(database):
    database.upgrade()
    found = inspect(database.engine)
    for table in metadata.tables.values():
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    assert database.revision() == "0002"


def test_an_upgrade_logs_one_line_of_ours_and_nothing_from_alembic(database, caplog):
    caplog.set_level(logging.DEBUG)
    database.upgrade()
    database.upgrade()  # already current: nothing to say
    assert not [r for r in caplog.records if r.name.startswith("alembic")]
    ours = [r.getMessage() for r in caplog.records if r.name == "ladderbot"]
    assert len(ours) == 1 and ours[0].endswith("schema upgraded from empty to 0002")


def test_an_upgrade_from_the_first_schema_keeps_its_rows(database):
    database.upgrade("0001")
    assert database.revision() == "0001"
    row = {
        "event_id": "Ev-old",
        "payload": json.dumps({"type": "app_mention", "text": "kept"}),
        "state": "pending",
        "owner": "someone",
        "lease_until": 0.0,
        "attempts": 1,
        "posting": 0,
        "received_at": 1e12,  # far in the future for the test clock: not too old
        "updated_at": 0.0,
    }
    with database.begin() as conn:
        conn.execute(insert(slack_events).values(**row))
    database.upgrade()
    assert database.revision() == "0002"
    with database.begin() as conn:
        kept = conn.execute(select(slack_events)).mappings().all()
    assert [dict(r) for r in kept] == [row]
    # ...and the upgraded store still works on it: the expired lease is taken over.
    claims, _ = SQLEventStore(database, clock=lambda: 1e12 + 1).reclaim_expired()
    assert [c.payload["text"] for c in claims] == ["kept"]


def test_db_upgrade_command_reports_what_it_did(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'l.sqlite3'}"}
    first = run_bot("db", "upgrade", env=env)
    assert first.returncode == 0 and "upgraded from empty to 0002" in first.stdout
    again = run_bot("db", "upgrade", env=env)
    assert again.returncode == 0 and "schema is current (0002)" in again.stdout


def test_an_unreachable_database_is_one_line(tmp_path):
    env = {"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = run_bot("report", "--json", env=env)
    assert result.returncode == 1 and "cannot read" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_several_databases_in_one_process_do_not_share_state(tmp_path):
    a = Database(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    b = Database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    SQLEventStore(a).claim("Ev1", {})
    assert SQLEventStore(b).claim("Ev1", {}) is not None
