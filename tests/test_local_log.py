"""ask --log and the console's --log: questions asked in a terminal reach the question
log (and so the report) only when asked to, without Slack or its libraries."""

from __future__ import annotations

import getpass
import json
import subprocess
import sys

from sqlalchemy import select

from bot.store.database import Database
from bot.store.schema import questions

from .conftest import ROOT, run_bot


def logged(url: str) -> list[tuple]:
    db = Database(url)
    try:
        with db.begin() as conn:
            rows = conn.execute(
                select(
                    questions.c.source, questions.c.text, questions.c.outcome, questions.c.asker
                ).order_by(questions.c.id)
            ).all()
    finally:
        db.dispose()
    return [tuple(r) for r in rows]


def test_ask_and_the_console_log_only_when_asked_and_the_report_shows_them(tmp_path):
    env = {"DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": "", "QUESTION_LOG_KEY": "k" * 32}
    plain = run_bot("ask", "what does a senior do", env=env)
    assert plain.returncode == 0 and not (tmp_path / "data").exists()  # default: off

    one = run_bot("ask", "--log", "what does a senior do", env=env)
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("Senior Backend Engineer") and one.stderr == ""
    batch = run_bot("ask", "--log", "--json", stdin="staff salary\n\nwho cooks lunch\n", env=env)
    assert batch.returncode == 0 and len(batch.stdout.splitlines()) == 3
    console = run_bot("--log", stdin="/role principal\nwhat is for lunch\nquit\n", env=env)
    assert console.returncode == 0, console.stderr

    url = f"sqlite:///{tmp_path / 'data' / 'ladderbot.sqlite3'}"
    rows = logged(url)
    assert [(source, text, outcome) for source, text, outcome, _ in rows] == [
        ("cli", "what does a senior do", "answered"),
        ("cli", "staff salary", "answered"),
        ("cli", "who cooks lunch", "declined"),
        ("console", "/role principal", "answered"),
        ("console", "what is for lunch", "declined"),
    ]
    askers = {asker for *_, asker in rows}
    assert len(askers) == 1 and getpass.getuser() not in askers.pop()  # a keyed hash

    report = run_bot("report", "--json", env=env)
    assert report.returncode == 0, report.stderr
    data = json.loads(report.stdout)
    assert (data["questions"], data["answered"], data["declined"]) == (5, 3, 2)
    assert {u["text"] for u in data["unanswered"]} == {"who cooks lunch", "what is for lunch"}


def test_a_log_that_cannot_be_written_is_one_line_after_the_answer(tmp_path):
    (tmp_path / "file").write_text("in the way\n")
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'file' / 'sub' / 'l.sqlite3'}"}
    result = run_bot("ask", "--log", "junior skills", env=env)
    assert result.returncode == 1
    assert result.stdout.startswith("Junior Backend Engineer: Skills")
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("ladderbot: could not log to sqlite:///")


def test_log_configuration_mistakes_are_one_line_before_any_answer(tmp_path):
    bad_mode = run_bot("ask", "--log", "hi", env={"QUESTION_LOG": "everything"})
    assert bad_mode.returncode == 2 and bad_mode.stdout == ""
    assert bad_mode.stderr == "ladderbot: QUESTION_LOG must be one of full, anonymous, off.\n"
    bad_url = run_bot("ask", "--log", "hi", env={"DATABASE_URL": "mysql://x"})
    assert bad_url.returncode == 2 and bad_url.stderr.startswith("ladderbot: DATABASE_URL must")
    off = run_bot(
        "ask", "--log", "hi", env={"QUESTION_LOG": "off", "DATA_DIR": str(tmp_path / "d")}
    )
    assert off.returncode == 0 and "records nothing" in off.stderr
    assert not (tmp_path / "d").exists()


IMPORTS = """
import sys
from bot.cli import main
status = main(sys.argv[1:])
loaded = sorted({m.split('.')[0] for m in sys.modules} & {'slack_sdk', 'slack_bolt', 'sqlalchemy'})
print(status, *loaded, file=sys.stderr)
"""


def test_ask_imports_the_database_only_with_log_and_slack_never(tmp_path):
    env = {"DATA_DIR": str(tmp_path), "DATABASE_URL": ""}

    def loaded(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", IMPORTS, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**__import__("os").environ, **env},
            timeout=60,
        )
        return result.stderr.strip()

    assert loaded("ask", "senior skills") == "0"
    assert loaded("ask", "--log", "senior skills") == "0 sqlalchemy"
