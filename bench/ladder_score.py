"""Evaluation (not a test): questions about an imported ladder, facts and traps.

    python bench/ladder_score.py FILE --knowledge DIR [-v]

FILE holds lines as ../shared/eval/facts-dev.txt does, `ROLES|KEYWORDS|QUESTION`
("/"-separated alternatives; the role id `ladder` for a question about the whole
ladder), plus traps as `-|OUT|QUESTION`, which must be declined. An answer
contains the fact when it is answered for one of ROLES and holds a keyword
(case-insensitive); it leads with it when the keyword is in its first 400
characters, as facts.py scores. Prints the three shares; -v lists every miss.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = 400


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--knowledge", required=True)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    cases = []
    for n, line in enumerate(Path(a.file).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        roles, keys, question = (p.strip() for p in line.split("|", 2))
        cases.append((n, set(roles.split("/")), [k.lower() for k in keys.split("/")], question))
    command = [sys.executable, "-m", "bot", "--knowledge", a.knowledge, "ask", "--json"]
    stdin = "".join(c[3] + "\n" for c in cases)
    run = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=ROOT)
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    if len(answers) != len(cases):
        print(f"expected {len(cases)} answers, got {len(answers)}: {run.stderr[-500:]}")
        return 1
    facts = traps = hit = direct = declined = 0
    for (n, roles, keys, question), got in zip(cases, answers):
        text = (got.get("text") or "").lower()
        if keys == ["out"]:
            traps += 1
            ok = not got.get("answered")
            declined += ok
            if a.v and not ok:
                print(f"  line {n}: {question!r}: answered ({got.get('role')}/{got.get('topic')})")
            continue
        facts += 1
        right_role = got.get("answered") and got.get("role") in roles
        contains = bool(right_role and any(k in text for k in keys))
        leads = contains and any(k in text[:TOP] for k in keys)
        hit += contains
        direct += leads
        if a.v and not leads:
            why = (
                "not answered"
                if not got.get("answered")
                else f"role {got.get('role')}"
                if not right_role
                else "fact missing"
                if not contains
                else "fact not near the top"
            )
            print(f"  line {n}: {question!r}: {why} ({got.get('role')}/{got.get('topic')})")
    print(
        f"ladder: {hit}/{facts} contain the fact ({hit / max(facts, 1):.0%}), "
        f"{direct}/{facts} lead with it ({direct / max(facts, 1):.0%}), "
        f"{declined}/{traps} traps declined ({declined / max(traps, 1):.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
