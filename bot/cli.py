"""The `ladderbot` / `python -m bot` command line.

    python -m bot                      local console (no Slack needed)
    python -m bot ask "QUESTION"       one answer as text; --json for the JSON contract,
                                       --explain for how it was read
    python -m bot ask < FILE           the answers to the questions on stdin, a blank line apart
    python -m bot ask --json < FILE    one JSON line per line of stdin, in order, each flushed
    python -m bot ask --log ...        also record the questions in the question log
    python -m bot --log                the console, recording the questions
    python -m bot validate [DIR]       check a knowledge base; exit 0 clean, 1 with problems
    python -m bot import PATH... --out DIR   a knowledge base from a company's documents
    python -m bot serve                the Slack app over Socket Mode (needs SLACK_APP_TOKEN)
    python -m bot report [--since 30d] [--json]   the question log's report
    python -m bot db upgrade           bring the database's schema up to date
    python -m bot --version            the installed version

Slack modules are imported only by `serve`, and the database only by `report`,
`db` and --log, so `ask` starts fast.
"""

from __future__ import annotations

import argparse
import json
import sys

from .ladder import knowledge
from .ladder.location import directory_problem
from .ladder.model import KnowledgeBase
from .ladder.yamlfile import KnowledgeError


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ladderbot")
    except PackageNotFoundError:
        return "(not installed: running from a source tree)"


def _load(directory: str | None) -> KnowledgeBase | int:
    """The knowledge base, or the exit status after printing why not: 2 when
    --knowledge or KNOWLEDGE_DIR names no directory (configuration, one line), 1 for
    the problems in a ladder (file:line each)."""
    mistake = directory_problem(directory)
    if mistake:
        print(f"ladderbot: {mistake}", file=sys.stderr)
        return 2
    try:
        return knowledge.load(directory)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1


def _local_log(args, source: str):
    """The question log for --log (None without it), or the exit status after one
    line saying why it cannot be used. The database is imported only here."""
    if not args.log:
        return None
    from .local_log import LocalLogError, open_local_log

    try:
        local = open_local_log(source)
    except LocalLogError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return 2
    if not local.enabled:
        print("ladderbot: QUESTION_LOG is off, so --log records nothing", file=sys.stderr)
        return None
    return local


def _written(local) -> int:
    """Write what --log queued: 0, or 1 after one line saying why it was not."""
    failure = local.write() if local is not None else None
    if failure:
        print(f"ladderbot: {failure}", file=sys.stderr)
        return 1
    return 0


def _cmd_ask(args) -> int:
    import time

    from .pipeline import ask

    local = _local_log(args, "cli")
    if isinstance(local, int):
        return local
    kb = _load(args.knowledge)
    if isinstance(kb, int):
        return kb

    from .answer.length import shorten

    def answered(question: str):
        started = time.perf_counter()
        answer = ask(question, kb)
        if local is not None and question.strip():
            local.record(question, answer, started)
        return answer if args.full else shorten(answer)

    try:
        _print_answers(args, kb, answered)
    finally:
        status = _written(local)  # on Ctrl-C too: what was answered is logged
    return status


def _print_answers(args, kb: KnowledgeBase, answered) -> None:
    from .answer.render_text import render_plain
    from .pipeline import answer_json, explain

    if args.question:
        question = " ".join(args.question)
        if args.explain:
            print(explain(question, kb) + "\n")
        answer = answered(question)
        print(json.dumps(answer_json(answer, kb)) if args.json else render_plain(answer, kb))
        return
    # Bytes, split on "\n" only: a stray "\r" or invalid UTF-8 inside a question must not
    # split it in two or stop the batch, or the answers would no longer line up.
    first = True
    for raw in sys.stdin.buffer:
        line = raw.rstrip(b"\n").removesuffix(b"\r").decode("utf-8", "replace")
        if args.json:  # one JSON line per line, blank ones too: external scorers count them
            print(json.dumps(answer_json(answered(line), kb)), flush=True)
        elif line.strip():  # readable answers, a blank line between them
            shown = explain(line, kb) + "\n\n" if args.explain else ""
            print(("" if first else "\n") + shown + render_plain(answered(line), kb), flush=True)
            first = False


def _cmd_validate(args) -> int:
    directory = args.directory or args.knowledge
    try:
        kb = knowledge.load(directory)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    for warning in kb.warnings:  # worth a look, but the ladder is usable
        print(warning)
    print(f"{knowledge.resolve_dir(directory)}: OK")
    return 0


def _cmd_import(args) -> int:
    from .ladder.importer import ImportInputError, import_ladder

    try:
        out, text = import_ladder(args.paths, args.out, args.force, args.config)
    except ImportInputError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return 2
    except KnowledgeError as exc:  # the built-in topics it builds on do not load
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    print(text, end="")
    print(f"Check it with: ladderbot validate {out}")
    print(f"Try it with:   ladderbot --knowledge {out}")
    return 0


def _cmd_console(args) -> int:
    from .console import run_console

    local = _local_log(args, "console")
    if isinstance(local, int):
        return local
    kb = _load(args.knowledge)
    if isinstance(kb, int):
        return kb
    if local is None:
        return run_console(kb, sys.stdin, sys.stdout)
    failures: list[str] = []

    def logged(line: str, answer, started: float) -> None:
        local.record(line, answer, started)
        failure = local.write()  # now: a console session may end any way at all
        if failure and not failures:  # said once; the answers go on
            print(f"ladderbot: {failure}", file=sys.stderr)
        if failure:
            failures.append(failure)

    status = run_console(kb, sys.stdin, sys.stdout, logged)
    return status or (1 if failures else 0)


def _database():
    """The database DATABASE_URL names (else SQLite under DATA_DIR), or None after
    printing why not."""
    from .store.database import DatabaseURLError, open_database

    try:
        return open_database()
    except DatabaseURLError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return None


def _no_question_log(database) -> str:
    """Where `report` looked, when no question log is there."""
    import os

    from .store.database import redacted

    if database.path is None:
        return (
            f"no question log in {redacted(database.url)} (it has no ladderbot tables); "
            "is DATABASE_URL right?"
        )
    where = os.path.abspath(database.path)
    if os.environ.get("DATABASE_URL", "").strip():
        return f"no question log at {where}; is DATABASE_URL right?"
    return (
        f"no question log yet at {where}: the Slack app (serve, gunicorn) or ask --log "
        "makes it, with the same DATA_DIR; set DATA_DIR or DATABASE_URL if it is elsewhere."
    )


def _cmd_report(args) -> int:
    from .store.database import StoreError, redacted
    from .store.report import build_report, parse_since, report_text

    try:
        since = parse_since(args.since)
    except ValueError as exc:
        print(f"ladderbot: {exc}", file=sys.stderr)
        return 2
    database = _database()
    if database is None:
        return 2
    try:
        if not database.exists():  # a read-only command: it creates nothing
            print(f"ladderbot: {_no_question_log(database)}", file=sys.stderr)
            return 2
        report = build_report(database, since)
    except StoreError as exc:
        print(f"ladderbot: cannot read {redacted(database.url)}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(json.dumps(report) + "\n" if args.json else report_text(report))
    return 0


def _cmd_db(args) -> int:
    from .store.database import StoreError, redacted

    database = _database()
    if database is None:
        return 2
    try:
        before = database.revision()
        database.upgrade()
        after = database.revision()
    except StoreError as exc:
        print(f"ladderbot: cannot upgrade {redacted(database.url)}: {exc}", file=sys.stderr)
        return 1
    where = redacted(database.url)
    if before == after:
        print(f"{where}: schema is current ({after})")
    else:
        print(f"{where}: schema upgraded from {before or 'empty'} to {after}")
    return 0


def _cmd_serve(args) -> int:
    from .slack.serve import serve

    return serve(args.knowledge)


LOG_HELP = "record the questions in the question log (see `report`); off by default"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ladderbot", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"ladderbot {_version()}")
    parser.add_argument(
        "--knowledge",
        metavar="DIR",
        help="knowledge base directory (default: $KNOWLEDGE_DIR, else built-in)",
    )
    parser.add_argument("--log", action="store_true", help=LOG_HELP)
    sub = parser.add_subparsers(dest="command")
    p_ask = sub.add_parser("ask", help="answer a question (or questions on stdin)")
    p_ask.add_argument("question", nargs="*", help="the question; omit to read stdin")
    p_ask.add_argument("--json", action="store_true", help="print the JSON contract")
    p_ask.add_argument(
        "--full", action="store_true", help="the whole answer, not cut to one screen"
    )
    p_ask.add_argument(
        "--explain", action="store_true", help="show how each question was read, stage by stage"
    )
    p_ask.add_argument("--knowledge", metavar="DIR", default=argparse.SUPPRESS)
    p_ask.add_argument("--log", action="store_true", default=argparse.SUPPRESS, help=LOG_HELP)
    p_val = sub.add_parser("validate", help="check a knowledge base")
    p_val.add_argument("directory", nargs="?")
    p_val.add_argument("--knowledge", metavar="DIR", default=argparse.SUPPRESS)
    p_con = sub.add_parser("console", help="local console (the default)")
    p_con.add_argument("--knowledge", metavar="DIR", default=argparse.SUPPRESS)
    p_con.add_argument("--log", action="store_true", default=argparse.SUPPRESS, help=LOG_HELP)
    p_srv = sub.add_parser("serve", help="run the Slack app")
    p_srv.add_argument("--knowledge", metavar="DIR", default=argparse.SUPPRESS)
    p_imp = sub.add_parser(
        "import", help="build a knowledge base from a company's ladder documents"
    )
    p_imp.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders: Markdown, HTML, plain text, CSV, XLSX or progression YAML",
    )
    p_imp.add_argument("--out", required=True, metavar="DIR", help="the knowledge base to write")
    p_imp.add_argument("--force", action="store_true", help="replace DIR if it is not empty")
    p_imp.add_argument(
        "--config", metavar="FILE", help="heading -> topic mapping (default: PATH/import.yaml)"
    )
    p_rep = sub.add_parser("report", help="what people asked, and what went unanswered")
    p_rep.add_argument("--since", default="30d", help="period: 30d, 12h, 2w or a date")
    p_rep.add_argument("--json", action="store_true", help="one JSON object")
    p_db = sub.add_parser("db", help="the database: `db upgrade` brings its schema up to date")
    p_db.add_argument("action", choices=["upgrade"])
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # odd bytes in argv must not crash printing
        sys.stdout.reconfigure(errors="replace")
    handlers = {
        "ask": _cmd_ask,
        "validate": _cmd_validate,
        "import": _cmd_import,
        "serve": _cmd_serve,
        "report": _cmd_report,
        "db": _cmd_db,
    }
    try:
        return handlers.get(args.command, _cmd_console)(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
