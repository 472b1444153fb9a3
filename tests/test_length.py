"""Answers fit one screen: at most 15 non-empty lines, the rest behind More (Slack),
`more` (console) or --full (ask)."""

from __future__ import annotations

import io
import json

from bot.answer.length import SCREEN_LINES, line_count, shorten
from bot.answer.render_text import render_plain
from bot.console import run_console
from bot.pipeline import ask
from bot.slack.listeners import actions
from bot.slack.messages import answer_messages

from .conftest import run_bot


def lines(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.strip()]


def test_a_long_answer_is_cut_to_one_screen_and_says_so(kb):
    full = ask("what does a senior do and what skills", kb)
    assert line_count(full) > SCREEN_LINES
    short = shorten(full)
    text = render_plain(short, kb)
    assert len(lines(text)) <= SCREEN_LINES and short.hidden == line_count(full) - line_count(short)
    assert "more lines" in text
    # what is shown is the start of the answer, in the same order
    assert short.sections[0].lines == full.sections[0].lines[: len(short.sections[0].lines)]


def test_every_list_keeps_its_heading_when_cut(kb):
    full = ask("principal skills and tools", kb)
    short = shorten(full)
    assert [s.heading for s in short.sections] == [s.heading for s in full.sections][
        : len(short.sections)
    ]
    assert all(s.lines for s in short.sections)


def test_a_short_answer_is_left_whole(kb):
    answer = ask("how much does a senior earn", kb)
    assert shorten(answer) is answer or shorten(answer).hidden == 0


def test_console_more_shows_the_last_answer_in_full(kb):
    out = io.StringIO()
    run_console(kb, io.StringIO("what does a senior do and what skills\nmore\n"), out)
    first, second = out.getvalue().split("Sources:")[:2]
    assert "type more" in first
    assert len(lines(second)) > len(lines(first))


def test_ask_full_prints_everything():
    short = run_bot("ask", "what does a senior do and what skills").stdout
    full = run_bot("ask", "--full", "what does a senior do and what skills").stdout
    assert "--full" in short and "--full" not in full and len(lines(full)) > len(lines(short))
    data = json.loads(run_bot("ask", "--json", "what does a senior do and what skills").stdout)
    assert len(lines(data["text"])) <= SCREEN_LINES


def buttons(message) -> dict:
    return {
        e["action_id"]: e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "button"
    }


class Recorder:
    def __init__(self):
        self.calls = []

    def __call__(self, **kwargs):
        self.calls.append(kwargs)


def test_more_in_slack_shows_the_rest_and_shares_the_whole(kb):
    answer = ask("what does a senior do and what skills", kb)
    (message,) = answer_messages(answer, kb)
    more = buttons(message)["ladder_more"]
    respond = Recorder()
    body = {"response_url": "http://127.0.0.1/x", "container": {"type": "message"}}
    actions.handle_follow_up(kb, body, {"value": more["value"]}, respond, None)
    shown = respond.calls[0]
    assert "ladder_more" not in buttons(shown)  # nothing left to show
    share = buttons(shown)["ladder_share"]
    shared = Recorder()
    actions.handle_share(kb, {"value": share["value"]}, shared)
    assert shared.calls[0]["blocks"][:-1] == shown["blocks"][:-1]  # the whole answer
    assert len(json.dumps(shown["blocks"])) > len(json.dumps(message["blocks"]))


def test_the_first_list_shows_more_than_one_line_when_many_lists_follow(kb):
    # "L6 responsibilities" on a ladder whose topic reads seven lists: the list the
    # answer is for is not cut to one line to give every other list its heading
    from dataclasses import replace

    from bot.answer.ladder import Section

    base = ask("principal responsibilities", kb)
    first = Section("Responsibilities", tuple(f"duty {i}" for i in range(6)))
    others = tuple(Section(f"List {i}", ("one", "two")) for i in range(6))
    short = shorten(replace(base, intro="One line of intro.", sections=(first, *others)))
    assert short.sections[0].lines[:2] == ("duty 0", "duty 1")
    assert len(short.sections) > 2 and all(s.lines for s in short.sections)
    assert line_count(short) <= SCREEN_LINES - 1  # the hint's line
