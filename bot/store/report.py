"""The maintainers' report: what people asked, what the bot could not answer, and the votes.

    python -m bot report [--since 30d] [--json]      and /ladder report in Slack (admins)

`build_report` reads the question log into one dict (the `--json` output);
`report_lines` words it for a terminal or a Slack message.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .database import Database
from .question_log import utcnow
from .schema import feedback, questions

TOP = 10
UNANSWERED = ("declined", "unknown_role", "clarify")
_SINCE = re.compile(r"^\s*(\d+)\s*([hdw])\s*$", re.I)


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """ "30d", "12h", "2w", or a date ("2026-11-01"): the start of the period, UTC."""
    now = now or utcnow()
    match = _SINCE.match(text or "")
    if match:
        n, unit = int(match.group(1)), match.group(2).lower()
        try:
            span = {"h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n)}
            return now - span[unit]
        except OverflowError:
            return datetime(1970, 1, 1)  # longer ago than anything: everything
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"--since {text!r}: give a period such as 30d, 12h or 2w, or a date (2026-11-01)"
        ) from None


def _iso(value) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value is not None else None


def build_report(database: Database, since: datetime) -> dict:
    from sqlalchemy import and_, case, func, select

    q, f = questions.c, feedback.c
    database.ensure_schema()
    recent = q.asked_at >= since
    # Statement by statement, not one write-locked transaction: a long report must not
    # keep SQLite's write lock from the event store's claims, which acks wait for.
    with database.statements() as conn:
        totals = conn.execute(
            select(
                func.count(),
                func.sum(case((q.outcome == "answered", 1), else_=0)),
                func.sum(case((q.outcome.in_(UNANSWERED), 1), else_=0)),
                func.sum(case((q.outcome == "chat", 1), else_=0)),
                func.count(q.asker.distinct()),
            ).where(recent)
        ).one()
        unanswered = conn.execute(
            select(
                q.normalised,
                func.min(q.text),
                func.count(),
                func.max(q.asked_at),
            )
            .where(recent, q.outcome.in_(UNANSWERED), q.normalised.is_not(None))
            .group_by(q.normalised)
            .order_by(func.count().desc(), func.max(q.asked_at).desc())
            .limit(TOP)
        ).all()
        low = conn.execute(
            select(q.text, q.role, q.topic, q.confidence, q.asked_at)
            .where(recent, q.outcome == "answered", q.text.is_not(None))
            .order_by(q.confidence.asc(), q.asked_at.desc())
            .limit(TOP)
        ).all()
        joined = questions.join(feedback, f.question_id == q.id)
        votes = conn.execute(
            select(
                func.sum(case((f.vote > 0, 1), else_=0)), func.sum(case((f.vote < 0, 1), else_=0))
            )
            .select_from(joined)
            .where(recent)
        ).one()
        down = conn.execute(
            select(q.role, q.topic, q.other_role, func.count(), func.min(q.text))
            .select_from(joined)
            .where(recent, f.vote < 0)
            .group_by(q.role, q.topic, q.other_role)
            .order_by(func.count().desc())
            .limit(TOP)
        ).all()
        roles = conn.execute(
            select(q.role, func.count())
            .where(recent, q.role.is_not(None))
            .group_by(q.role)
            .order_by(func.count().desc(), q.role)
            .limit(TOP)
        ).all()
        topics = conn.execute(
            select(q.topic, func.count())
            .where(and_(recent, q.topic.is_not(None)))
            .group_by(q.topic)
            .order_by(func.count().desc(), q.topic)
            .limit(TOP)
        ).all()
    return {
        "since": _iso(since),
        "questions": totals[0] or 0,
        "answered": int(totals[1] or 0),
        "declined": int(totals[2] or 0),
        "small_talk": int(totals[3] or 0),
        "askers": totals[4] or 0,
        "unanswered": [
            {"text": text or norm, "count": n, "last_asked": _iso(last)}
            for norm, text, n, last in unanswered
        ],
        "low_confidence": [
            {"text": t, "role": r, "topic": tp, "confidence": c, "asked_at": _iso(a)}
            for t, r, tp, c, a in low
        ],
        "feedback": {"up": int(votes[0] or 0), "down": int(votes[1] or 0)},
        "most_down": [
            {"role": r, "topic": t, "other_role": o, "down": n, "example": text}
            for r, t, o, n, text in down
        ],
        "roles": [{"role": r, "count": n} for r, n in roles],
        "topics": [{"topic": t, "count": n} for t, n in topics],
    }


def report_lines(report: dict) -> list[tuple[str, list[str]]]:
    """(heading, lines) sections, plain text: the CLI prints them, Slack renders them."""
    since = (report["since"] or "")[:10]
    totals = [
        f"{report['questions']} questions since {since}: {report['answered']} answered, "
        f"{report['declined']} not answered, {report['small_talk']} small talk; "
        f"{report['askers']} distinct askers",
        f"Feedback: {report['feedback']['up']} helpful, {report['feedback']['down']} not helpful",
    ]
    sections = [("Totals", totals)]
    sections.append(
        (
            "Not answered (what to add to the ladder)",
            [
                f"{u['count']}× {u['text']} (last {(u['last_asked'] or '')[:10]})"
                for u in report["unanswered"]
            ]
            or ["nothing: every question was answered"],
        )
    )
    sections.append(
        (
            "Answered with the least confidence",
            [
                f"{c['confidence']:.2f} {c['text']} → {c['role']} / {c['topic']}"
                for c in report["low_confidence"]
            ]
            or ["none yet"],
        )
    )
    sections.append(
        (
            "Answers with the most 👎",
            [
                f"{d['down']}× {d['role'] or '-'} / {d['topic'] or '-'}"
                + (f" vs {d['other_role']}" if d["other_role"] else "")
                + (f" (e.g. {d['example']})" if d["example"] else "")
                for d in report["most_down"]
            ]
            or ["none"],
        )
    )
    sections.append(
        (
            "Most asked",
            [
                "roles: "
                + (", ".join(f"{r['role']} {r['count']}" for r in report["roles"]) or "-"),
                "topics: "
                + (", ".join(f"{t['topic']} {t['count']}" for t in report["topics"]) or "-"),
            ],
        )
    )
    return sections


def report_text(report: dict) -> str:
    out = ["ladderbot report", "================", ""]
    for heading, lines in report_lines(report):
        out.append(f"{heading}:")
        out.extend(f"  - {line}" for line in lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"
