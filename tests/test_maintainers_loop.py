"""Black-box: the Procfile's gunicorn with DATABASE_URL (SQLite, then PostgreSQL), signed
mentions and slash commands, a 👎 on a posted answer, a SIGTERM, then the report."""

from __future__ import annotations

import json
import time

import pytest

from .conftest import run_bot
from .fakeslack import FakeSlack
from .slackserver import SlackServer
from .test_question_log import everything_stored

QUESTIONS = [
    ("what does a senior engineer do?", True),
    ("principal skills", True),
    ("what's for lunch today", False),
    ("whats for lunch today?", False),
    ("what does a frontend engineer earn", False),
]


@pytest.fixture
def fake():
    f = FakeSlack().start()
    yield f
    f.stop()


def mention(server, n: int, text: str) -> None:
    event = {
        "type": "app_mention",
        "user": f"U0ASKER{n % 2}",
        "text": f"<@U0BOT1234> {text}",
        "ts": f"1700000{n:03d}.000100",
        "channel": "C0LOOP",
        "team": "T0TEAM",
    }
    status, _ = server.event(event, f"EvLOOP{n}")
    assert status == 200


def posted_answers(fake) -> list[dict]:
    return [
        c["body"] for c in fake.calls_to("chat.postMessage") if c["body"]["channel"] == "C0LOOP"
    ]


def feedback_button(message: dict, action_id: str) -> dict:
    for block in message["blocks"]:
        for element in block.get("elements", ()):
            if element.get("action_id") == action_id:
                return element
    raise AssertionError(f"no {action_id} button in the answer")


def test_questions_votes_and_the_report_survive_a_sigterm(fake, database, database_url):
    cli_url = database_url.replace("postgresql+psycopg://", "postgresql://")
    server = SlackServer(fake, {"DATABASE_URL": cli_url, "QUESTION_LOG_KEY": "test-key"})
    try:
        assert server.get("/healthz") == (200, "ok\n")
        for n, (text, _) in enumerate(QUESTIONS):
            mention(server, n, text)
        status, body = server.slash("/role", "sr")
        assert status == 200
        slash_votes = feedback_button(json.loads(body), "feedback_up")
        answers = fake.wait_for(
            lambda f: len(posted_answers(f)) >= len(QUESTIONS) and posted_answers(f)
        )
        assert len(answers) == len(QUESTIONS)
        senior = next(a for a in answers if a["thread_ts"] == "1700000000.000100")
        down = feedback_button(senior, "feedback_down")
        assert server.action(down)[0] == 200
        assert server.action(down)[0] == 200  # a second click: still one vote
        assert server.action(slash_votes)[0] == 200
        thanks = fake.wait_for(
            lambda f: len([r for r in f.responses() if "Thanks" in r["body"].get("text", "")]) >= 3
        )
        assert thanks
        for r in fake.responses():
            if "Thanks" in r["body"].get("text", ""):
                assert r["body"]["response_type"] == "ephemeral"  # nothing in the channel
        time.sleep(0.5)
    finally:
        server.stop()  # SIGTERM: the queue is written before the workers exit
    assert "Traceback" not in server.logs()

    result = run_bot("report", "--json", env={"DATABASE_URL": cli_url})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["questions"] == len(QUESTIONS) + 1  # the mentions and the /role
    assert report["answered"] == 3
    unanswered = {u["text"].lower(): u["count"] for u in report["unanswered"]}
    assert (
        unanswered.get("what's for lunch today", 0) + unanswered.get("whats for lunch today?", 0)
        == 2
    )
    assert sum(unanswered.values()) == 3
    assert report["feedback"] == {"up": 1, "down": 1}
    assert report["most_down"][0]["role"] == "senior"
    assert report["askers"] == 3  # two who mentioned the bot, one who used /role
    stored = everything_stored(database)
    assert "U0ASKER0" not in stored and "U0ASKER1" not in stored and "U0USER" not in stored


def test_question_log_off_records_nothing_and_shows_no_votes(fake, tmp_path):
    url = f"sqlite:///{tmp_path / 'off.sqlite3'}"
    server = SlackServer(fake, {"DATABASE_URL": url, "QUESTION_LOG": "off"})
    try:
        status, body = server.slash("/role", "senior")
        assert status == 200 and "feedback_up" not in body
        assert server.get("/healthz") == (200, "question log off\n")
    finally:
        server.stop()
    report = json.loads(run_bot("report", "--json", env={"DATABASE_URL": url}).stdout)
    assert report["questions"] == 0


def test_healthz_says_when_the_question_log_is_degraded(fake, tmp_path):
    (tmp_path / "file").write_text("not a directory")
    url = f"sqlite:///{tmp_path / 'file' / 'sub' / 'x.sqlite3'}"
    server = SlackServer(fake, {"DATABASE_URL": url, "QUESTION_LOG_QUEUE": "2"})
    try:
        for _ in range(40):
            status, body = server.slash("/role", "senior")
            assert status == 200 and "Senior" in body  # answers go on
        deadline = time.monotonic() + 10
        while "degraded" not in server.get("/healthz")[1]:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert server.get("/healthz")[0] == 200
    finally:
        server.stop()
    logs = server.logs()
    assert "database unavailable" in logs and "Traceback" not in logs
