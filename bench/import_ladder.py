"""Benchmark (not a test): `ladderbot import` on generated company ladders, and the
imported ladder in use.

    python bench/import_ladder.py [--roles 100 1000]

For each size, writes a ladder as companies publish them (an index page linking to
one Markdown page per path, each path ten levels with codes, competency sections
with bulleted expectations, some bold lead-ins), imports it with the real command,
and prints the import time, the load and index time of the result, and the p50/p99
of route + answer + render over questions that name its levels by title, code and
family, with typos and traps mixed in. Targets (issue 15): a 100-role ladder imports
in under 10 s; at 1,000 roles the answers stay within bench/scale.py's targets
(p99 < 5 ms, load < 2 s at 10,000 roles).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale import word  # noqa: E402
from bot.answer.render_blocks import render_blocks  # noqa: E402
from bot.pipeline import ask, load_and_index  # noqa: E402

COMPETENCIES = ["Technical Skills", "Communication", "Delivery", "Leadership"]
VERBS = ["designs", "reviews", "mentors", "ships", "documents", "tests", "plans", "leads"]
THINGS = ["services", "incidents", "roadmaps", "estimates", "experiments", "migrations"]
TITLES = ["Engineer", "Analyst", "Architect", "Specialist", "Manager"]


def generate(folder: Path, roles: int, seed: int = 5) -> list[tuple[str, str]]:
    """Writes the ladder; returns (title, code) of every level."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    paths = max(1, roles // 10)
    index = ["# Engineering ladder", "", "Our levels, path by path.", ""]
    levels = []
    for p in range(paths):
        name = f"{word(p).capitalize()} {rng.choice(TITLES)}"
        page = f"path-{p}.md"
        lines = [f"# {name} path", "", f"The {name} path, lowest level first.", ""]
        index.append(f"* **{name} path**")
        for n in range(1, 11):
            title, code = f"{name} {n}", f"{word(p).upper()[:3]} {n}"
            anchor = title.lower().replace(" ", "-")
            index.append(
                f"  * [*{title} ({code}):*]({page}#{anchor}) **Owns {rng.choice(THINGS)}.**"
            )
            lines += [f"## {title}", "", f"A {title} {rng.choice(VERBS)} {rng.choice(THINGS)}.", ""]
            for competency in COMPETENCIES:
                lines += [f"### {competency}", ""]
                for _ in range(3):
                    verb, thing = rng.choice(VERBS), rng.choice(THINGS)
                    lines.append(f"* **{verb.capitalize()}:** {verb} {thing} for the team")
                lines.append("")
            levels.append((title, code))
        (folder / page).write_text("\n".join(lines))
    index += ["", "## Promotions", "", "A promotion follows a sustained period at the next level."]
    (folder / "readme.md").write_text("\n".join(index) + "\n")
    return levels


def questions(levels, rng: random.Random, count: int = 400) -> list[str]:
    out = []
    for _ in range(count):
        title, code = rng.choice(levels)
        kind = rng.randrange(6)
        if kind == 0:
            out.append(f"what does a {title.lower()} do")
        elif kind == 1:
            out.append(f"{code} communication skills")
        elif kind == 2:
            out.append(f"does a {code.lower().replace(' ', '')} mentor {rng.choice(THINGS)}")
        elif kind == 3:
            other = rng.choice(levels)[0]
            out.append(f"{title} vs {other}")
        elif kind == 4:
            out.append(f"how do i get from {code} to the next level")
        else:
            out.append(rng.choice(["lead paint removal", "what's the weather", "fix my regex"]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roles", type=int, nargs="+", default=[100, 1000])
    args = parser.parse_args()
    rng = random.Random(11)
    for roles in args.roles:
        with tempfile.TemporaryDirectory() as tmp:
            docs, out = Path(tmp) / "docs", Path(tmp) / "kb"
            levels = generate(docs, roles)
            t0 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "bot", "import", str(docs), "--out", str(out)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            took = time.perf_counter() - t0
            if done.returncode != 0:
                print(done.stderr)
                return 1
            t0 = time.perf_counter()
            kb = load_and_index(out)
            loaded = time.perf_counter() - t0
            asked = questions(levels, rng)
            times = []
            for question in asked:
                start = time.perf_counter()
                render_blocks(ask(question, kb), kb)
                times.append(time.perf_counter() - start)
            times.sort()
            p50, p99 = times[len(times) // 2] * 1e3, times[int(len(times) * 0.99)] * 1e3
            print(
                f"{len(kb.roles):5} roles: import {took:5.2f} s, load + index {loaded:5.2f} s, "
                f"route + answer + render p50 {p50:.2f} ms, p99 {p99:.2f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
