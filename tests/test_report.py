"""The maintainers' report, the admin-only Slack commands, and the Home tab for admins."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.slack.admin import Admin
from bot.slack.listeners.commands import handle_command
from bot.slack.listeners.events import handle_home_opened
from bot.store.question_log import Question, QuestionLog, Vote, utcnow
from bot.store.report import build_report, parse_since, report_text

from .conftest import admin_reply, run_bot


def q(qid, text, outcome="answered", user="U0A1", **extra):
    answered = outcome == "answered"
    return Question(
        id=qid,
        source="mention",
        text=text,
        team_id="T0TEAM",
        channel_id="C0CHAN",
        user_id=user,
        role=extra.pop("role", "senior" if answered else None),
        topic=extra.pop("topic", "skills" if answered else None),
        confidence=extra.pop("confidence", 0.9 if answered else 0.0),
        answered=answered,
        outcome=outcome,
        **extra,
    )


@pytest.fixture
def filled(database):
    log = QuestionLog(database, key=b"k" * 32)
    items = [
        q("a1", "senior skills", user="U0A1"),
        q("a2", "what does a lead do", user="U0A2", role="lead", topic="responsibilities"),
        q("a3", "staff salary?", user="U0A3", role="staff", topic="salary", confidence=0.41),
        q("d1", "What's for lunch?", "declined", user="U0A1"),
        q("d2", "whats for lunch", "declined", user="U0A2"),
        q("d3", "what does a frontend engineer earn", "unknown_role", user="U0A3"),
        q("c1", "hi", "chat", user="U0A3"),
        q("old", "ancient question", "declined", asked_at=utcnow() - timedelta(days=40)),
        Vote("a3", -1, "T0TEAM", "U0A1"),
        Vote("a3", -1, "T0TEAM", "U0A2"),
        Vote("a1", 1, "T0TEAM", "U0A2"),
    ]
    for item in items:
        (log.vote if isinstance(item, Vote) else log.record)(item)
    assert log.flush(10)
    log.close(2)
    return database


def test_the_report_counts_groups_and_ranks(filled):
    report = build_report(filled, parse_since("30d"))
    assert (report["questions"], report["answered"], report["declined"]) == (7, 3, 3)
    assert report["small_talk"] == 1 and report["askers"] == 3
    # grouped by the normalised text: "What's for lunch?" and "whats for lunch" are one
    assert [(u["count"], u["text"].lower().startswith("what")) for u in report["unanswered"]] == [
        (2, True),
        (1, True),
    ]
    assert "ancient question" not in json.dumps(report)  # older than --since
    assert report["feedback"] == {"up": 1, "down": 2}
    assert report["most_down"][0]["role"] == "staff" and report["most_down"][0]["down"] == 2
    assert report["low_confidence"][0]["text"] == "staff salary?"
    assert {r["role"]: r["count"] for r in report["roles"]}["senior"] == 1
    text = report_text(report)
    assert "2× What's for lunch?" in text or "2× whats for lunch" in text


def test_report_cli_json_with_the_same_database_url(filled, database_url):
    url = database_url.replace("postgresql+psycopg://", "postgresql://")
    result = run_bot("report", "--json", "--since", "7d", env={"DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["questions"] == 7 and report["feedback"] == {"up": 1, "down": 2}
    assert {u["text"].lower() for u in report["unanswered"]} >= {
        "what does a frontend engineer earn"
    }
    plain = run_bot("report", env={"DATABASE_URL": url})
    assert plain.returncode == 0 and "Not answered" in plain.stdout


def test_report_refuses_a_database_that_is_not_there_and_creates_nothing(tmp_path):
    missing = tmp_path / "some" / "mistyped" / "path.sqlite3"
    result = run_bot("report", env={"DATABASE_URL": f"sqlite:///{missing}"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"ladderbot: no question log at {missing}; is DATABASE_URL right?\n"
    assert list(tmp_path.iterdir()) == []  # no directory, no empty database
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    result = run_bot("report", "--json", env={"DATABASE_URL": f"sqlite:///{empty}"})
    assert result.returncode == 2 and "no question log at" in result.stderr
    assert empty.stat().st_size == 0 and list(tmp_path.iterdir()) == [empty]


def test_report_without_a_question_log_yet_says_where_it_looked(tmp_path):
    data = tmp_path / "data"
    result = run_bot("report", env={"DATA_DIR": str(data), "DATABASE_URL": ""})
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"ladderbot: no question log yet at {data / 'ladderbot.sqlite3'}")
    assert not data.exists()


def test_report_refuses_a_postgresql_database_without_the_tables(tmp_path):
    from .pg import postgres_server

    url = postgres_server().new_database().replace("ladderbot@", "ladderbot:s3cret-pw@")
    result = run_bot("report", env={"DATABASE_URL": url})
    assert result.returncode == 2 and "is DATABASE_URL right?" in result.stderr
    assert "ladderbot:***@" in result.stderr and "s3cret-pw" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_huge_since_means_everything():
    assert parse_since("99999999999d").year == 1970


@pytest.mark.parametrize("since", ["30x", "yesterday", ""])
def test_a_bad_since_is_one_line(since, tmp_path):
    result = run_bot(
        "report", "--since", since, env={"DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}
    )
    assert (
        result.returncode == 2 and "--since" in result.stderr and "Traceback" not in result.stderr
    )


def command(text: str, user: str) -> dict:
    return {"command": "/ladder", "text": text, "user_id": user, "channel_id": "C0CHAN"}


def test_ladder_report_is_for_admins_only(kb, filled):
    log = QuestionLog(filled, key=b"k" * 32)
    admin = Admin(frozenset({"U0ADMIN"}), filled, None, log)
    refused = json.loads(handle_command(kb, command("report", "U0OTHER"), admin=admin).body)
    assert (
        refused["response_type"] == "ephemeral"
        and "only the ladder's maintainers" in refused["text"]
    )
    shown = admin_reply(handle_command, kb, command("report 30d", "u0admin"), admin)
    assert shown["response_type"] == "ephemeral"
    body = json.dumps(shown["blocks"])
    assert "Not answered" in body and "lunch" in body
    reload_refused = json.loads(handle_command(kb, command("reload", "U0OTHER"), admin=admin).body)
    assert "only the ladder's maintainers" in reload_refused["text"]
    log.close(1)


def test_the_home_tab_shows_the_report_to_admins_only(kb, filled):
    class Client:
        views = []

        def views_publish(self, user_id, view):
            self.views.append((user_id, view))

    log = QuestionLog(filled, key=b"k" * 32)
    admin = Admin(frozenset({"U0ADMIN"}), filled, None, log)
    client = Client()
    handle_home_opened(kb, {"user": "U0ADMIN", "tab": "home"}, client, admin)
    handle_home_opened(kb, {"user": "U0OTHER", "tab": "home"}, client, admin)
    admin_view, other_view = (json.dumps(v) for _, v in client.views)
    assert "Question report" in admin_view and "Question report" not in other_view
    assert len(client.views[0][1]["blocks"]) <= 100
    log.close(1)


def test_button_answers_are_logged_as_such(kb, database):
    from bot.slack.listeners.actions import handle_follow_up
    from bot.slack.record import Recorder

    from .test_question_log import rows

    log = QuestionLog(database, key=b"k" * 32)
    sent = []
    body = {
        "type": "block_actions",
        "response_url": "http://127.0.0.1:9/respond",
        "user": {"id": "U0CLICK"},
        "team": {"id": "T0TEAM"},
        "channel": {"id": "C0CHAN"},
        "container": {"type": "message"},
    }
    action = {
        "action_id": "ladder_topic_skills",
        "value": json.dumps({"r": "senior", "t": "skills"}),
    }
    handle_follow_up(kb, body, action, lambda **m: sent.append(m), None, Recorder(log))
    assert sent and "Skills" in sent[0]["text"]
    assert log.flush(10)
    (row,) = rows(database)
    assert (row["source"], row["role"], row["topic"], row["answered"]) == (
        "button",
        "senior",
        "skills",
        True,
    )
    assert row["asker"] and "U0CLICK" not in json.dumps(row, default=str)
    log.close(1)
