"""Benchmark (not a test): which topic model generalises best from topics.yaml's examples.

    python bench/topics.py

Leave-one-out over the topics' own examples (each example is held out in turn and
classified by a model fitted on the others), then the public dev questions that
name a role and a single-topic label (../shared/eval/dev.txt, when it is beside the
project). Compared, on the same words (roles taken out, shorthand read):
- naive Bayes over stems and stem pairs (what the router uses, bot/understand/topics.py);
- the nearest example by rapidfuzz's token_sort_ratio;
- TF-IDF cosine to the nearest example.
Prints accuracy and the time per question for each.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ladder import knowledge  # noqa: E402
from bot.stems import stem  # noqa: E402
from bot.understand.frame import Frame  # noqa: E402
from bot.understand.index import build_index  # noqa: E402
from bot.understand.roles import find_spans  # noqa: E402
from bot.understand.sense import model_words  # noqa: E402
from bot.understand.spell import spell  # noqa: E402
from bot.understand.topics import TopicModel  # noqa: E402


class NearestFuzzy:
    def __init__(self, examples: dict[str, list[list[str]]]):
        self.items = [(" ".join(e), t) for t, ex in examples.items() for e in ex]
        self.texts = [text for text, _ in self.items]

    def predict(self, words: list[str]) -> str | None:
        hit = process.extractOne(" ".join(words), self.texts, scorer=fuzz.token_sort_ratio)
        return self.items[hit[2]][1] if hit else None


class NearestTfidf:
    def __init__(self, examples: dict[str, list[list[str]]]):
        docs = [([stem(w) for w in e], t) for t, ex in examples.items() for e in ex]
        df: dict[str, int] = {}
        for terms, _ in docs:
            for s in set(terms):
                df[s] = df.get(s, 0) + 1
        self.idf = {s: math.log(1 + len(docs) / n) for s, n in df.items()}
        self.docs = [(self._vector(terms), t) for terms, t in docs]

    def _vector(self, terms: list[str]) -> dict[str, float]:
        vec: dict[str, float] = {}
        for s in terms:
            vec[s] = vec.get(s, 0.0) + self.idf.get(s, 0.0)
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {s: v / norm for s, v in vec.items()}

    def predict(self, words: list[str]) -> str | None:
        q = self._vector([stem(w) for w in words])
        best = max(self.docs, key=lambda d: sum(q.get(s, 0.0) * v for s, v in d[0].items()))
        return best[1]


class Bayes:
    def __init__(self, examples):
        self.model = TopicModel(examples)

    def predict(self, words: list[str]) -> str | None:
        p = self.model.probabilities(words)
        return max(p, key=p.get) if p else None


MODELS = {
    "naive Bayes (used)": Bayes,
    "nearest, rapidfuzz": NearestFuzzy,
    "nearest, TF-IDF": NearestTfidf,
}


def role_free(text: str, index, kb) -> list[str]:
    frame = Frame(text, kb)
    spell(frame, index)
    return model_words(frame, find_spans(frame, index), index)


def main() -> int:
    kb = knowledge.load()
    index = build_index(kb)
    examples = {t.id: [role_free(e, index, kb) for e in t.examples] for t in kb.topics.values()}
    dev = []
    dev_file = ROOT.parent / "shared" / "eval" / "dev.txt"
    if dev_file.exists():
        for line in dev_file.read_text().splitlines():
            parts = [p.strip() for p in line.split("|")]
            if line.startswith("#") or len(parts) < 3 or parts[1] == "OUT":
                continue
            dev.append((role_free(parts[2], index, kb), set(parts[1].split("/"))))
    else:
        print(
            "dev questions skipped: they need ../shared/eval (the shared question sets) "
            f"beside the project; {dev_file} not found"
        )
    print(
        f"{sum(map(len, examples.values()))} examples in {len(examples)} topics; "
        f"{len(dev)} dev questions"
    )
    for name, make in MODELS.items():
        right = total = 0
        t0 = time.perf_counter()
        for topic, ex in examples.items():
            for i, held in enumerate(ex):
                rest = {t: (e[:i] + e[i + 1 :] if t == topic else e) for t, e in examples.items()}
                right += make(rest).predict(held) == topic
                total += 1
        loo = right / total
        model = make(examples)
        t1 = time.perf_counter()
        dev_right = sum(model.predict(words) in want for words, want in dev)
        per_q = (time.perf_counter() - t1) / max(len(dev), 1) * 1e3
        fit = time.perf_counter() - t0
        dev_part = f"dev {dev_right}/{len(dev)} ({dev_right / len(dev):.0%})" if dev else ""
        print(
            f"{name:22} leave-one-out {loo:.0%}  {dev_part}  {per_q:.3f} ms/question"
            f"  ({fit:.1f} s for the leave-one-out fits)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
