"""Questions asked in a terminal, written to the question log when asked to (--log).

    python -m bot ask --log "QUESTION"       source `cli`
    python -m bot --log                      the console; source `console`

Off by default: a terminal is usually someone trying the bot out. With --log each
question is recorded as a Slack one is (bot/slack/record.py, bot/store/question_log.py):
in the database DATABASE_URL names (else SQLite under DATA_DIR), under the same
QUESTION_LOG mode and QUESTION_LOG_KEY, so `python -m bot report` shows it without
Slack. Who asked is the login name, kept only as a keyed hash, as a Slack user id
is. Records are written by the caller's thread when it says so (`write`): a
command-line process has no writer thread, and a failure is reported at once.

Imported only with --log, so `ask` never loads the database otherwise.
"""

from __future__ import annotations

import contextlib
import getpass
import os

from .answer.compose import Answer
from .slack.record import Recorder, Understood, new_id
from .store.database import DatabaseURLError, StoreError, open_database, redacted
from .store.paths import data_dir
from .store.question_log import MODES, QuestionLog, load_key


class LocalLogError(Exception):
    """--log cannot be honoured; the message is one line naming the variable."""


def _login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container's unnamed uid)
        return None


class LocalLog:
    def __init__(self, question_log: QuestionLog, source: str):
        self.question_log = question_log
        self.recorder = Recorder(question_log)
        self.source = source
        self.asker = _login()

    @property
    def enabled(self) -> bool:
        return self.recorder.enabled

    def record(self, text: str, answer: Answer, started: float) -> None:
        """Queue one question (`started`: time.perf_counter() when it was asked)."""
        understood = Understood.of(answer.intent)
        self.recorder.question(
            new_id(), self.source, text, understood, started, None, None, self.asker
        )

    def write(self) -> str | None:
        """Write what is queued, now; None, or one line saying why it was not."""
        try:
            self.question_log.write_queued()
        except StoreError as exc:
            return f"could not log to {redacted(self.question_log.database.url)}: {exc}"
        return None


def open_local_log(source: str, env=None) -> LocalLog:
    """The question log for --log; LocalLogError for a configuration mistake."""
    env = os.environ if env is None else env
    mode = (env.get("QUESTION_LOG", "") or "full").strip().lower()
    if mode not in MODES:
        raise LocalLogError("QUESTION_LOG must be one of full, anonymous, off.")
    try:
        database = open_database(env)
    except DatabaseURLError as exc:
        raise LocalLogError(str(exc)) from None
    explicit = env.get("QUESTION_LOG_KEY", "").strip() or None
    key = b""  # QUESTION_LOG=off: nothing is hashed, nothing is made under DATA_DIR
    if mode != "off":
        # Unwritable DATA_DIR: a random key for this run, whose askers are counted apart.
        with contextlib.suppress(OSError):
            key = load_key(explicit, data_dir(env))
    return LocalLog(QuestionLog(database, mode, key), source)
