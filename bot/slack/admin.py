"""What only the ladder's maintainers may do from Slack: `/ladder report`, `/ladder reload`,
and the report on their App Home tab. Admins are the Slack user ids in ADMIN_USER_IDS."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .. import live
from ..answer.render_text import escape
from ..live import LiveLadder
from ..store.database import Database, StoreError
from ..store.question_log import QuestionLog
from ..store.report import build_report, parse_since, report_lines

log = logging.getLogger("ladderbot")

SUBCOMMANDS = ("report", "reload")
REFUSED = (
    "Sorry, only the ladder's maintainers can use `/ladder {what}`. "
    "Ask one of them, or try `/ladder` for the tracks."
)
MAX_SECTION = 2900  # a section block's text is capped at 3,000 characters


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_SECTION]}}


def report_blocks(report: dict) -> list[dict]:
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Question report"}}
    ]
    for heading, lines in report_lines(report):
        body = "\n".join(f"• {escape(line)}" for line in lines)
        blocks.append(_section(f"*{heading}*\n{body}"))
    return blocks


@dataclass
class Admin:
    admins: frozenset[str]
    database: Database | None = None
    ladder: LiveLadder | None = None
    log: QuestionLog | None = None

    def allowed(self, user_id: str | None) -> bool:
        return bool(user_id) and user_id.upper() in self.admins

    def report(self, since: str = "30d") -> tuple[str, list[dict]]:
        """(fallback text, blocks) of the report, or a line saying why there is none."""
        if self.log is None or not self.log.enabled or self.database is None:
            text = "The question log is off (QUESTION_LOG=off), so there is nothing to report."
            return text, [_section(text)]
        try:
            self.log.flush(2.0)  # include what was asked a moment ago
            report = build_report(self.database, parse_since(since))
        except ValueError as exc:
            return str(exc), [_section(escape(str(exc)))]
        except StoreError as exc:
            log.warning("report: database unavailable (%s)", exc)
            text = "The question log's database is unavailable right now; try again shortly."
            return text, [_section(text)]
        text = (
            f"Question report: {report['questions']} questions, "
            f"{report['answered']} answered, {report['declined']} not answered"
        )
        return text, report_blocks(report)

    def reload(self) -> tuple[str, list[dict]]:
        if self.ladder is None or self.ladder.directory is None:
            text = "This server's ladder cannot be reloaded (it was not loaded from a directory)."
            return text, [_section(text)]
        problems = self.ladder.reload()
        if not problems:
            kb = self.ladder.kb
            text = f"Reloaded the ladder: {len(kb.roles)} roles, {len(kb.topics)} topics."
            if live.signal_the_master():
                text += " Every worker is being replaced with it."
            return text, [_section(text)]
        listed = "\n".join(f"• `{escape(p)}`" for p in problems[:20])
        more = f"\n…and {len(problems) - 20} more" if len(problems) > 20 else ""
        text = (
            f"The edited ladder has {len(problems)} problem(s); still answering from the old one."
        )
        return text, [_section(f"{escape(text)}\n{listed}{more}")]

    def handle(self, user_id: str | None, words: list[str]) -> dict:
        """The private reply to `/ladder report [SINCE]` or `/ladder reload`."""
        what = words[0]
        if not self.allowed(user_id):
            text = REFUSED.format(what=what)
            return {"response_type": "ephemeral", "text": text, "blocks": [_section(text)]}
        text, blocks = (
            self.report(words[1] if len(words) > 1 else "30d")
            if what == "report"
            else self.reload()
        )
        return {"response_type": "ephemeral", "text": text, "blocks": blocks}
