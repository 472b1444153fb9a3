"""Benchmark (not a test): routing and answering as the knowledge base grows.

    python bench/scale.py [--sizes 10 100 1000 10000]

Generates synthetic ladders (one role file per role, aliases and topic phrases
growing with the number of roles, tracks of ten steps), then prints for each
size the load time and the p50/p99 of route+answer+render over questions that
name random roles, with typos, comparisons and off-topic ones mixed in.
Targets (issue 4): p99 under 5 ms at 10,000 roles; load under 2 s.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer.render_blocks import render_blocks  # noqa: E402
from bot.ladder import knowledge  # noqa: E402
from bot.pipeline import answer_json, ask  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do", "fu", "ga", "hi", "jo"]


def word(i: int) -> str:
    """A distinct pronounceable word for each number: 0 -> 'ka', 15 -> 'loka'..."""
    out = ""
    i += 14
    while i:
        i, r = divmod(i, len(SYLLABLES))
        out = SYLLABLES[r] + out
    return out


def generate(directory: Path, n: int) -> list[str]:
    (directory / "roles").mkdir(parents=True)
    (directory / "sources.yaml").write_text(
        "sources:\n  - id: synthetic\n    title: Synthetic ladder\n    role: r0\n"
    )
    shutil.copy(ROOT / "knowledge" / "topics.yaml", directory / "topics.yaml")
    extra = "".join(f"\n  - id: x{i}" for i in range(0))  # topics are a fixed set
    topics = (directory / "topics.yaml").read_text() + extra
    # Topic phrases grow with the ladder: one new phrase per ten roles.
    phrases = ", ".join(f"{word(i)}work" for i in range(max(1, n // 10)))
    topics = topics.replace("phrases: [responsibility,", f"phrases: [{phrases}, responsibility,")
    (directory / "topics.yaml").write_text(topics)
    ids = [f"r{i}" for i in range(n)]
    tracks = [ids[i : i + 10] for i in range(0, n, 10)]
    ladder = "default_role: r0\ntracks:\n" + "".join(
        f"  - id: t{k}\n    title: Track {k}\n    steps: [{', '.join(steps)}]\n"
        f"    sources: [synthetic]\n"
        for k, steps in enumerate(tracks)
    )
    (directory / "ladder.yaml").write_text(ladder)
    for i, rid in enumerate(ids):
        w = word(i)
        (directory / "roles" / f"{rid}.yaml").write_text(
            f"id: {rid}\ntitle: {w.title()} Engineer\n"
            f"aliases: [{w} engineer, {w} developer, {w}ist]\n"
            f"summary:\n  text: The {w} role. It exists for benchmarking.\n"
            f"  sources: [synthetic]\n"
            "responsibilities:\n"
            + "".join(
                f"  - text: Duty {k} of the {w} role.\n    sources: [synthetic]\n" for k in range(4)
            )
            + "skills:\n  technical:\n"
            + "".join(
                f"    - text: Skill {k} of the {w} role.\n      sources: [synthetic]\n"
                for k in range(4)
            )
            + (
                f"progression:\n  - text: How to become {w}.\n    to: {rid}\n"
                f"    sources: [synthetic]\n"
            )
        )
    return [word(i) for i in range(n)]


def questions(words: list[str], count: int, rng: random.Random) -> list[str]:
    out = []
    for k in range(count):
        a, b = rng.choice(words), rng.choice(words)
        typo = a[:-2] + a[-1] + a[-2] if len(a) > 3 else a
        out.append(
            [
                f"what does a {a} engineer do",
                f"{typo} developer skills",
                f"{a} engineer vs {b} developer",
                f"how do I become a {a}ist",
                f"salary of a nurse number {k}",
                f"{a} engineer tools",
            ][k % 6]
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--questions", type=int, default=600)
    args = parser.parse_args()
    rng = random.Random(7)
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            words = generate(Path(tmp) / "kb", n)
            t0 = time.perf_counter()
            kb = knowledge.load(Path(tmp) / "kb")
            load_s = time.perf_counter() - t0
            gc.freeze()  # as the server does after loading: the ladder is never collected
            qs = questions(words, args.questions, rng)
            t0 = time.perf_counter()
            ask("warm up the index", kb)
            index_ms = (time.perf_counter() - t0) * 1000
            samples, answered = [], 0
            for q in qs:  # every question is new: no warm spelling cache to flatter us
                t0 = time.perf_counter()
                answer = ask(q, kb)
                answer_json(answer, kb)
                render_blocks(answer, kb)
                samples.append((time.perf_counter() - t0) * 1000)
                answered += answer.answered
            samples.sort()
            p50, p99 = samples[len(samples) // 2], samples[int(len(samples) * 0.99)]
            print(
                f"{n:6} roles: load {load_s:6.2f} s, first-question index build {index_ms:7.1f} "
                f"ms, route+answer+render p50 {p50:6.3f} ms, p99 {p99:6.3f} ms "
                f"({answered}/{len(qs)} answered)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
