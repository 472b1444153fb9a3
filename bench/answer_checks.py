"""Benchmark (not a test): do answers fit what the question says about the asker and the
path? Scores a file of checks kept outside the project, on the built-in ladder:

    python bench/answer_checks.py CHECKS_FILE [--knowledge DIR] [-v]

Each non-comment line is KIND|ARG|QUESTION:

- report_move|FROM>TO   a manager asks how to help a report move: the answer is about
                        the move from FROM to TO (FROM with TO as the next step, or how
                        one becomes TO, from FROM);
- no_management|FROM    the next steps shown after FROM are none that manage people;
- management|FROM       the next steps shown after FROM are only ones that manage people;
- readiness|TARGET      what TARGET expects, before reaching it;
- pay_compare|A,B       the pay of both roles, or a line saying the sources don't cover it;
- duties_first|ROLE     the answer about ROLE opens with its duties (its first section
                        is the responsibilities list, or a duty fact leads it).

Also prints the length of every answer (non-empty lines as the terminal shows them):
p90 and max, and how many answers hold two lines that say nearly the same.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer.ladder import Citations  # noqa: E402
from bot.answer.length import shorten  # noqa: E402
from bot.answer.render_text import render_plain  # noqa: E402
from bot.pipeline import ask, load_and_index  # noqa: E402
from bot.understand.index import managing_roles  # noqa: E402


def next_steps(answer) -> list[str]:
    return [
        s.heading.removeprefix("Next: ") for s in answer.sections if s.heading.startswith("Next: ")
    ]


def check(kind: str, arg: str, answer, kb) -> str | None:
    """None when the answer fits, else why not."""
    intent = answer.intent
    if not intent.answered:
        return "not answered"
    title = {r: kb.roles[r].title for r in kb.roles}
    if kind == "report_move":
        source, target = arg.split(">")
        moving = (intent.role, intent.other_role) == (source, target)
        becoming = intent.role == target and intent.direction in ("into", "ready")
        return None if moving or becoming else f"read as {intent.role} -> {intent.other_role}"
    if kind in ("no_management", "management"):
        managing_ids = managing_roles(kb)
        if kind == "management" and intent.role in managing_ids and intent.direction == "into":
            return None  # how one becomes a manager, from where one is
        if intent.role != arg:
            return f"about {intent.role}"
        steps = next_steps(answer) + [
            s.heading.removeprefix("Moving to ")
            for s in answer.sections
            if s.heading.startswith("Moving to ")
        ]
        managing = {title[r] for r in managing_ids}
        if not steps:
            return "no next step shown"
        wrong = [s for s in steps if (s in managing) != (kind == "management")]
        return f"shows {', '.join(wrong)}" if wrong else None
    if kind == "readiness":
        ok = intent.role == arg and intent.topic == "progression"
        return None if ok else f"read as {intent.role}/{intent.topic}/{intent.direction}"
    if kind == "pay_compare":
        pair = set(arg.split(","))
        if {intent.role, intent.other_role} != pair or intent.topic != "salary":
            return f"read as {intent.role}/{intent.other_role}/{intent.topic}"
        return None
    if kind == "duties_first":
        if intent.role != arg:
            return f"about {intent.role}"
        first = answer.sections[0].heading if answer.sections else ""
        duties = {s.heading for s in kb.topics["responsibilities"].fields}
        led = bool(answer.intro) and any(r.path == "responsibilities" for r in intent.facts[:1])
        return None if first in duties or led else f"opens with {first or answer.intro[:60]!r}"
    return f"unknown check {kind}"


def repeats(answer, kb) -> bool:
    """Two lines of one answer that say nearly the same thing. A track drawn as a line
    ("Individual contributor: Junior → ... → Principal") says where a role sits, not a
    fact: it is not compared ("the individual-contributor track" in a fact is no repeat
    of it)."""
    cited = Citations(kb)
    lines = [line for s in answer.sections for line in s.lines if "\u2192" not in line]
    return any(cited._repeats(line) for line in lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--knowledge")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    kb = load_and_index(args.knowledge)
    passed = total = 0
    by_kind: dict[str, list[int]] = {}
    with open(args.file, encoding="utf-8") as f:
        rows = list(f)
    for n, line in enumerate(rows, 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, arg, question = line.rstrip("\n").split("|", 2)
        why = check(kind, arg, shorten(ask(question, kb)), kb)
        total += 1
        passed += why is None
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += why is None
        by_kind[kind][1] += 1
        if why and args.v:
            print(f"  line {n}: {question!r}: {kind} {arg}: {why}")
    for kind, (ok, n) in sorted(by_kind.items()):
        print(f"{kind}: {ok}/{n}")
    print(f"checks: {passed}/{total} hold ({passed / max(total, 1):.0%})")
    return 0


def lengths(files: list[str], knowledge: str | None = None) -> None:
    """p90 and max lines of the answers to every question of these files."""
    kb = load_and_index(knowledge)
    counts, repeated = [], 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            rows = list(f)
        for line in rows:
            if not line.strip() or line.startswith("#"):
                continue
            question = line.rstrip("\n").split("|")[2]
            answer = shorten(ask(question, kb))
            text = render_plain(answer, kb)
            counts.append(len([x for x in text.splitlines() if x.strip()]))
            repeated += repeats(answer, kb)
    counts.sort()
    p90 = counts[int(0.9 * (len(counts) - 1))]
    print(
        f"lengths over {len(counts)} answers: p90 {p90} lines, max {counts[-1]}; "
        f"{repeated} answers with two lines that say the same"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--lengths"]:
        lengths(sys.argv[2:])
        sys.exit(0)
    sys.exit(main())
