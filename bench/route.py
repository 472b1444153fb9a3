"""Benchmark (not a test): route+answer time per question, and a cold `ask`.

    python bench/route.py [QUESTIONS_FILE]

Runs every question of the public dev set, ../shared/eval/dev.txt beside the
project (or the given file, same format)
in-process many times and prints p50/p99 of route+compose+render, then the
wall time of a cold `python -m bot ask "..."` (best of several runs).
Targets (issue 2): p99 under 1 ms; cold ask under 0.5 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ladder import knowledge  # noqa: E402
from bot.pipeline import answer_json, ask  # noqa: E402


def questions(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.split("|")[2].strip())
    return out


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


DEFAULT = ROOT.parent / "shared/eval/dev.txt"


def main() -> int:
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(f"usage: python bench/route.py [QUESTIONS_FILE]  (default {DEFAULT})")
        return 0
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.is_file():
        print(
            "bench/route.py: needs ../shared/eval (the shared question sets) beside the "
            f"project, or a questions file as its argument; {path} not found",
            file=sys.stderr,
        )
        return 2
    qs = questions(path)
    kb = knowledge.load()
    for q in qs:  # warm the router index and the spelling cache, as a server would be
        answer_json(ask(q, kb), kb)
    samples = []
    for _ in range(50):
        for q in qs:
            t0 = time.perf_counter()
            answer_json(ask(q, kb), kb)
            samples.append((time.perf_counter() - t0) * 1000)
    print(
        f"route+answer over {len(qs)} questions x 50: "
        f"p50 {percentile(samples, 50):.3f} ms, p99 {percentile(samples, 99):.3f} ms, "
        f"mean {statistics.mean(samples):.3f} ms"
    )

    hostile = {
        "40,000 characters of text": "senior skills " * 2858,
        "40,000 characters of markup": "<!channel> <@U1> &amp; " * 1739,
        "40,000 combining marks": "e" + "\u0301" * 39_999,
        "40,000 emoji": "\U0001f916" * 40_000,
        # every role offered as an alternative to the one before: "do jrs, or do mids..."
        "4,000 characters of alternatives": ", or ".join(["do jrs", "do mids", "do srs"] * 95),
    }
    for name, text in hostile.items():
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            answer_json(ask(text, kb), kb)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"longest input, {name}: p50 {percentile(times, 50):.3f} ms, max {max(times):.3f} ms")

    cold = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "what does a staff engineer do"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        cold.append(time.perf_counter() - t0)
    print(
        f"cold `python -m bot ask`: best {min(cold):.3f} s, median {statistics.median(cold):.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
