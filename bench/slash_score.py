"""Evaluation (not a test): slash commands scored through the real Slack path.

    python bench/slash_score.py FILE [-v] [--knowledge DIR]

FILE holds one labelled command a line, `ROLES|TOPICS|/command text[|OTHER_ROLE]`, as
../shared/eval/dev.txt labels questions ("/"-separated alternatives), with three
labels of its own: `-|UNKNOWN|/role cto` (a title the ladder lacks, said plainly),
`-|LIST|/role asdf` (the roles listed), `-|TRACKS|/ladder` (the tracks).

Each command is sent as a signed request to the Procfile's web command (gunicorn)
on 127.0.0.1, against a fake Slack Web API; what it resolved to is read from the
acknowledgement's Share in channel button, which carries the resolved command.
Prints the share right and every miss with -v. Exit 0 when --min is reached.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakeslack import FakeSlack  # noqa: E402
from tests.slackserver import SlackServer  # noqa: E402


def load(path: str) -> list[dict]:
    cases = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) not in (3, 4):
            sys.exit(f"{path}:{n}: expected 3 or 4 '|'-separated fields")
        command, _, text = parts[2].partition(" ")
        cases.append(
            {
                "line": n,
                "roles": set(parts[0].split("/")) - {"-"},
                "topics": set(parts[1].split("/")),
                "command": command.strip(),
                "text": text.strip(),
                "other": parts[3] if len(parts) == 4 else None,
            }
        )
    return cases


def judge(case: dict, value: dict) -> str | None:
    kind, intent = value.get("k"), value.get("i") or {}
    topics = case["topics"]
    if "UNKNOWN" in topics:
        return None if intent.get("u") else f"{kind} {intent}, want an unknown title"
    if "LIST" in topics:
        return None if kind in ("roles", "not_found") else f"{kind} {intent}, want the roles"
    if "TRACKS" in topics:
        return None if kind == "tracks" else f"{kind} {intent}, want the tracks"
    if kind != "answer" or intent.get("u"):
        return f"{kind} {intent}"
    got = (intent.get("r"), intent.get("t"), intent.get("o"))
    if got[0] not in case["roles"]:
        return f"role {got[0]}, want {'/'.join(sorted(case['roles']))}"
    if got[1] not in topics:
        return f"topic {got[1]}, want {'/'.join(sorted(topics))}"
    if case["other"] and got[2] != case["other"]:
        return f"other {got[2]}, want {case['other']}"
    return None


def share_value(reply: dict) -> dict:
    for block in reply.get("blocks", ()):
        for element in block.get("elements", ()) if block.get("type") == "actions" else ():
            if element.get("action_id") == "ladder_share":
                return json.loads(element["value"])
    return {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--knowledge", help="knowledge directory (default: the built-in one)")
    ap.add_argument("--min", type=float, default=0.0, help="required share right, 0..1")
    args = ap.parse_args()
    cases = load(args.file)
    fake = FakeSlack().start()
    extra = {"KNOWLEDGE_DIR": str(Path(args.knowledge).resolve())} if args.knowledge else {}
    server = SlackServer(fake, {"LOG_LEVEL": "WARNING", **extra})
    right = 0
    try:
        for case in cases:
            status, body = server.slash(case["command"], case["text"])
            value = share_value(json.loads(body)) if status == 200 else {}
            why = judge(case, value) if value else f"HTTP {status}"
            right += why is None
            if why and args.verbose:
                print(f"  line {case['line']}: {case['command']} {case['text']!r}: {why}")
    finally:
        server.stop()
        fake.stop()
    share = right / len(cases) if cases else 1.0
    print(f"slash: {right}/{len(cases)} right ({share:.1%}) through gunicorn and Bolt")
    return 0 if share >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
