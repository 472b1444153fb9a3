import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.ladder import knowledge
from bot.store.database import Database

from .pg import postgres_server, stop_postgres_server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def kb():
    return knowledge.load(ROOT / "knowledge")


@pytest.fixture
def kb_copy(tmp_path, monkeypatch):
    """A writable copy of the built-in knowledge base at ./kb (cwd is tmp_path)."""
    shutil.copytree(ROOT / "knowledge", tmp_path / "kb")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "kb"


def run_bot(*args, stdin=None, env=None, cwd=None, timeout=60):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("KNOWLEDGE_DIR", None) if env is None or "KNOWLEDGE_DIR" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
    )


def pytest_sessionfinish(session, exitstatus):
    stop_postgres_server()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """The URL of a new, empty database: a SQLite file, then a real PostgreSQL one."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ladderbot.sqlite3'}"
    return postgres_server().new_database()


@pytest.fixture
def database(database_url):
    db = Database(database_url)
    yield db
    db.dispose()


def admin_reply(handle_command, kb, command: dict, admin) -> dict:
    """What an admin sees for /ladder report or reload: acknowledged at once with a
    note, the answer sent after through response_url (here, a callback)."""
    import threading

    got: list[dict] = []
    done = threading.Event()

    def respond(**message):
        got.append(message)
        done.set()

    ack = json.loads(handle_command(kb, command, respond=respond, admin=admin).body)
    assert ack["response_type"] == "ephemeral" and ack["text"].startswith("Working on")
    assert done.wait(30), "no reply through response_url"
    return got[0]
