"""Live ladder reloads: a good edit is picked up, a broken one refused, in-process and
in the Procfile's gunicorn, and on SIGHUP without a failed request."""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
import time

import pytest

from bot.live import LiveLadder
from bot.slack.admin import Admin
from bot.slack.listeners.commands import handle_command
from bot.understand.router import route

from .conftest import admin_reply
from .fakeslack import FakeSlack
from .slackserver import SlackServer


def add_alias(kb_dir, alias: str) -> None:
    path = kb_dir / "roles" / "senior.yaml"
    text = path.read_text()
    path.write_text(text.replace("aliases: [sr,", f"aliases: [{alias}, sr,", 1))


def break_file(kb_dir) -> None:
    path = kb_dir / "roles" / "lead.yaml"
    path.write_text(path.read_text().replace("title:", "title: [unclosed", 1))


def test_a_good_edit_is_swapped_in_and_a_broken_one_refused(kb_copy, caplog):
    ladder = LiveLadder.load(kb_copy, interval=0)
    assert route("what does a wizard do", ladder.kb).role is None
    add_alias(kb_copy, "wizard")
    assert ladder.changed() and ladder.reload() == []
    assert route("what does a wizard do", ladder.kb).role == "senior"
    good = ladder.kb
    break_file(kb_copy)
    caplog.set_level(logging.ERROR, logger="ladderbot")
    problems = ladder.reload()
    assert problems and all(p.startswith("kb/roles/lead.yaml:") for p in problems)
    assert ladder.kb is good  # the old ladder goes on answering
    assert "kb/roles/lead.yaml:" in caplog.text and "still answering" in caplog.text
    assert not ladder.changed()  # not retried until the files change again


def test_a_refused_edit_is_logged_by_the_process_that_loaded_the_ladder(kb_copy, caplog):
    """gunicorn's workers watch copies of the master's ladder: their watchers refuse a
    broken edit quietly (the master's logs it), but a reload asked for is logged."""
    ladder = LiveLadder.load(kb_copy, interval=0)
    break_file(kb_copy)
    ladder._loaded_in = -1  # as in a worker forked from the process that loaded it
    caplog.set_level(logging.DEBUG, logger="ladderbot")
    assert ladder.reload(watching=True)
    assert [r.levelno for r in caplog.records if "refused" in r.getMessage()] == [logging.DEBUG]
    caplog.clear()
    assert ladder.reload()  # SIGHUP or /ladder reload in the worker
    assert [r.levelno for r in caplog.records if "refused" in r.getMessage()] == [logging.ERROR]


def test_a_role_file_ending_in_yml_is_watched_too(kb_copy):
    ladder = LiveLadder.load(kb_copy, interval=0)
    text = (kb_copy / "roles" / "senior.yaml").read_text()
    (kb_copy / "roles" / "senior.yaml").unlink()
    (kb_copy / "roles" / "senior.yml").write_text(
        text.replace("aliases: [sr,", "aliases: [mage, sr,")
    )
    assert ladder.changed() and ladder.reload() == []
    assert route("what does a mage do", ladder.kb).role == "senior"
    (kb_copy / "roles" / "senior.yml").write_text(text)  # an edit of the .yml alone
    assert ladder.changed() and ladder.reload() == []
    assert route("what does a mage do", ladder.kb).role is None


def test_the_watcher_picks_an_edit_up_within_seconds(kb_copy):
    ladder = LiveLadder.load(kb_copy, interval=0.2)
    ladder.start()
    try:
        add_alias(kb_copy, "sorcerer")
        deadline = time.monotonic() + 5
        while route("sorcerer skills", ladder.kb).role != "senior":
            assert time.monotonic() < deadline, "edit not picked up within 5 s"
            time.sleep(0.05)
    finally:
        ladder.stop()


def test_ladder_reload_replies_with_the_problems(kb_copy):
    ladder = LiveLadder.load(kb_copy, interval=0)
    admin = Admin(frozenset({"U0ADMIN"}), ladder=ladder)
    cmd = {"command": "/ladder", "text": "reload", "user_id": "U0ADMIN", "channel_id": "C1"}
    ok = admin_reply(handle_command, ladder.kb, cmd, admin)
    assert ok["text"].startswith("Reloaded the ladder: 9 roles")
    break_file(kb_copy)
    bad = admin_reply(handle_command, ladder.kb, cmd, admin)
    assert "problem" in bad["text"] and "kb/roles/lead.yaml:" in json.dumps(bad["blocks"])


def role_title(server, text: str) -> str:
    status, body = server.slash("/role", text)
    assert status == 200, body
    return json.loads(body)["blocks"][0]["text"]["text"]


@pytest.fixture
def fake():
    f = FakeSlack().start()
    yield f
    f.stop()


def test_gunicorn_workers_reload_edits_and_keep_answering_through_sighup(kb_copy, fake):
    server = SlackServer(fake, {"KNOWLEDGE_DIR": str(kb_copy), "KNOWLEDGE_RELOAD_SECONDS": "0.5"})
    try:
        assert "Overview" in role_title(server, "senior")
        add_alias(kb_copy, "wizard")
        deadline = time.monotonic() + 5
        # every worker must have it: ask enough times to reach both
        while not all("Senior" in role_title(server, "wizard") for _ in range(6)):
            assert time.monotonic() < deadline, "edit not picked up within 5 s"
            time.sleep(0.2)

        failures = []
        stop = threading.Event()

        def keep_asking():
            while not stop.is_set():
                try:
                    status, _ = server.slash("/role", "senior")
                    if status != 200:
                        failures.append(status)
                except OSError as exc:
                    failures.append(repr(exc))

        asker = threading.Thread(target=keep_asking)
        asker.start()
        refused = "ERROR ladderbot: knowledge base edit refused"
        try:
            break_file(kb_copy)
            time.sleep(1.5)  # the watchers refuse it
            # once, by the master: the workers' watchers refuse it quietly (DEBUG)
            assert server.logs().count(refused) == 1, server.logs()
            os.kill(server.proc.pid, signal.SIGHUP)  # the master refuses it too, asked to
            time.sleep(3)
        finally:
            stop.set()
            asker.join()
        assert failures == []
        assert "Senior" in role_title(server, "wizard")  # the good ladder stands
        logs = server.logs()
        assert "kb/roles/lead.yaml:" in logs and "still answering" in logs
        assert logs.count(refused) == 2  # and once more for the SIGHUP, not per worker
        assert "Traceback" not in logs
        assert "alembic" not in logs  # not even at LOG_LEVEL=DEBUG
    finally:
        server.stop()
