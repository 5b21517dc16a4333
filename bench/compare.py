"""Benchmark: our matcher against the alternatives, quality and speed, side by side in one run.

    make bench        (or: .venv-bench/bin/python bench/compare.py)

Quality: every method is tuned on the tuning part of the evaluation questions and reported on
the test part and on the development set. Baselines answer when their top score reaches a
threshold and say nothing otherwise; the threshold is chosen on the tuning part by one rule for
all: the highest in-scope accuracy with at most 3% wrong answers and 5% out-of-scope questions
answered (if no threshold meets both, the one with the fewest of those two errors).

Speed: each method is built and queried in its own process, on the shipped knowledge base and
on synthetic ones of 1,000 and 10,000 entries: build time, questions per second, p50/p99
latency per question, and the process's peak memory. Start-up: our knowledge-base load and
matcher build, each run in a fresh process as the bot starts. The tables go to standard output
and to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from methods import Method  # noqa: E402

from bot.assessment import load_cases  # noqa: E402
from bot.knowledge import EvalQuestion, KnowledgeBase, load_knowledge  # noqa: E402
from bot.matching import Part, select  # noqa: E402

METHODS = ("ours", "naive", "bm25", "embeddings")
SIZES = (0, 1_000, 10_000)  # 0: the shipped knowledge base
STARTUP_RUNS = 7
EMBEDDING_VARIANT_CAP = 20_000  # encoding 80,000 variants on a CPU takes minutes: subsample
MAX_WRONG, MAX_OOS = 0.03, 0.05


def build(method: str, knowledge: KnowledgeBase) -> Method:
    import methods as m

    pairs = [(e.id, text) for e in knowledge.entries for text in e.variants]
    if method == "ours":
        return m.Ours(knowledge)
    if method == "naive":
        return m.NaiveWRatio(pairs)
    if method == "bm25":
        return m.BM25(pairs)
    if len(pairs) > EMBEDDING_VARIANT_CAP:
        pairs = random.Random(7).sample(pairs, EMBEDDING_VARIANT_CAP)
    return m.Embeddings(pairs)


# --- quality -------------------------------------------------------------------------------


@dataclass
class Scores:
    accuracy: float
    wrong: float
    oos: float
    mrr: float

    @property
    def feasible(self) -> bool:
        return self.wrong <= MAX_WRONG and self.oos <= MAX_OOS


def score(predictions: Sequence[tuple[EvalQuestion, str | None, list[str]]]) -> Scores:
    scoped = [(q, a, r) for q, a, r in predictions if q.expect is not None]
    unscoped = [(q, a, r) for q, a, r in predictions if q.expect is None]
    right = sum(a == q.expect for q, a, _ in scoped)
    wrong = sum(a is not None and a != q.expect for q, a, _ in scoped)
    rr = sum(1 / (r.index(q.expect) + 1) if q.expect in r else 0 for q, _, r in scoped)
    return Scores(
        right / len(scoped),
        wrong / len(scoped),
        sum(a is not None for _, a, _ in unscoped) / max(1, len(unscoped)),
        rr / len(scoped),
    )


def quality(
    knowledge: KnowledgeBase, sets: dict[str, list[EvalQuestion]]
) -> list[dict[str, object]]:
    tuning = [q for qs in sets.values() for q in select(qs, Part.TUNE)]
    testing = [q for qs in sets.values() for q in select(qs, Part.TEST)]
    development = sets["dev.yaml"]
    rows = []
    for name in METHODS:
        method = build(name, knowledge)
        asked = {q.q for q in [*tuning, *testing, *development]}
        own = {text: method.predict(text, 0.0) for text in asked}
        ranked = {text: prediction.ranked for text, prediction in own.items()}
        threshold = _choose_threshold(tuning, ranked) if method.needs_threshold else None
        answers = {
            text: prediction.answer if threshold is None else _answer(ranked[text], threshold)
            for text, prediction in own.items()
        }
        rows.append(
            {
                "method": method.name,
                "threshold": threshold,
                "test": score(_predictions(testing, answers, ranked)),
                "dev": score(_predictions(development, answers, ranked)),
                "ranked": ranked,
            }
        )
    ours = rows[0]["test"]
    assert isinstance(ours, Scores)
    for row in rows[1:]:
        ranked = row.pop("ranked")
        assert isinstance(ranked, dict)
        row["matched"] = _best_within(testing, ranked, ours.wrong, ours.oos)
    rows[0].pop("ranked")
    return rows


def _answer(ranked: list[tuple[str, float]], threshold: float) -> str | None:
    return ranked[0][0] if ranked and ranked[0][1] >= threshold else None


def _predictions(
    questions: list[EvalQuestion],
    answers: dict[str, str | None],
    ranked: dict[str, list[tuple[str, float]]],
) -> list[tuple[EvalQuestion, str | None, list[str]]]:
    return [(q, answers[q.q], [i for i, _ in ranked[q.q]]) for q in questions]


def _choose_threshold(
    questions: list[EvalQuestion], ranked: dict[str, list[tuple[str, float]]]
) -> float:
    tops = sorted({r[0][1] for r in (ranked[q.q] for q in questions) if r})
    best: tuple[tuple[float, ...], float] | None = None
    for threshold in [*tops, float("inf")]:
        answers = {q.q: _answer(ranked[q.q], threshold) for q in questions}
        s = score(_predictions(questions, answers, ranked))
        key = (1.0, s.accuracy) if s.feasible else (0.0, -(s.wrong + s.oos))
        if best is None or key > best[0]:
            best = (key, threshold)
    assert best is not None
    return best[1]


def _best_within(
    questions: list[EvalQuestion],
    ranked: dict[str, list[tuple[str, float]]],
    wrong: float,
    oos: float,
) -> Scores | None:
    """A baseline's best accuracy on these questions at any threshold whose wrong-answer and
    out-of-scope rates are no higher than `wrong` and `oos`: an oracle choice, generous to it."""
    tops = sorted({r[0][1] for r in (ranked[q.q] for q in questions) if r})
    best: Scores | None = None
    for threshold in [*tops, float("inf")]:
        answers = {q.q: _answer(ranked[q.q], threshold) for q in questions}
        s = score(_predictions(questions, answers, ranked))
        if s.wrong <= wrong and s.oos <= oos and (best is None or s.accuracy > best.accuracy):
            best = s
    return best


# --- speed ---------------------------------------------------------------------------------


def synthetic(knowledge: KnowledgeBase, size: int) -> KnowledgeBase:
    """The shipped entries plus generated ones whose variants reuse the shipped vocabulary."""
    rng = random.Random(size)
    words = [w for e in knowledge.entries for text in e.variants for w in text.lower().split()]
    entries = list(knowledge.entries)
    template = entries[0]
    for number in range(size - len(entries)):
        variants = [" ".join(rng.choices(words, k=rng.randint(3, 12))) for _ in range(8)]
        entries.append(
            template.model_copy(
                update={
                    "id": f"synthetic-{number}",
                    "question": variants[0],
                    "alternates": variants[1:],
                    "related": [],
                }
            )
        )
    origins = {e.id: knowledge.origins[template.id] for e in entries}
    return KnowledgeBase(
        knowledge.root,
        tuple(entries),
        knowledge.topics,
        knowledge.glossary,
        knowledge.link_policy,
        origins,
        knowledge.out_of_scope,
    )


def speed_worker(method: str, size: int) -> dict[str, object]:
    knowledge = load_knowledge(ROOT / "knowledge")
    questions = [q.q for qs in _eval_sets(knowledge).values() for q in qs]
    if size:
        knowledge = synthetic(knowledge, size)
    start = time.perf_counter()
    built = build(method, knowledge)
    build_seconds = time.perf_counter() - start
    rounds = max(1, 2_000 // len(questions)) if method != "embeddings" else 1
    latencies = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            built.rank(question)
            latencies.append(time.perf_counter() - start)
    latencies.sort()
    return {
        "method": built.name,
        "entries": len(knowledge.entries),
        "variants": sum(len(e.variants) for e in knowledge.entries),
        "build_s": build_seconds,
        "qps": len(latencies) / sum(latencies),
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
        "peak_mb": _peak_memory_mb(),
        "note": _note(method, size, built),
    }


def _note(method: str, size: int, built: Method) -> str:
    if method == "embeddings" and size > 2_000:
        return "variants subsampled to 20,000"
    matcher = getattr(built, "matcher", None)
    if matcher is not None and not matcher.index.uses_classifier:
        return "too large for the classifier: lexical signals only"
    return ""


def _peak_memory_mb() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's ru_maxrss: the latter keeps
    the high-water mark of the parent it was forked from across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(sizes: Sequence[int]) -> list[dict[str, object]]:
    rows = []
    for size in sizes:
        for method in METHODS:
            result = subprocess.run(
                [sys.executable, __file__, "--worker", method, str(size)],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
            print(f"  measured {method} at {size or 'shipped'}", file=sys.stderr)
    return rows


def startup_worker() -> dict[str, float]:
    from bot.matching import build_matcher

    start = time.perf_counter()
    knowledge = load_knowledge(ROOT / "knowledge")
    loaded = time.perf_counter()
    build_matcher(knowledge)
    built = time.perf_counter()
    return {"load_s": loaded - start, "build_s": built - loaded}


def startup() -> list[dict[str, float]]:
    runs = []
    for _ in range(STARTUP_RUNS):
        result = subprocess.run(
            [sys.executable, __file__, "--startup-worker"],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print("  measured start-up", file=sys.stderr)
    return runs


# --- report --------------------------------------------------------------------------------


def _eval_sets(knowledge: KnowledgeBase) -> dict[str, list[EvalQuestion]]:
    ids = [e.id for e in knowledge.entries]
    folder = knowledge.root / "eval"
    return {f.name: load_cases(f, ids) for f in sorted(folder.glob("*.yaml"))}


def report(
    quality_rows: list[dict[str, object]],
    speed_rows: list[dict[str, object]],
    startup_runs: list[dict[str, float]],
) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `bench/compare.py` on {time.strftime('%Y-%m-%d')}; machine: "
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}.",
        "",
    ]
    if quality_rows:
        lines += [
            "## Quality",
            "",
            "In-scope accuracy (answered with the expected entry), wrong-answer rate",
            "(answered with another entry), out-of-scope questions answered, and mean",
            "reciprocal rank of the expected entry among the top 5. Thresholds from the",
            "tuning part.",
            "",
            "| method | threshold | test accuracy | test wrong | test OOS answered | test MRR "
            "| dev accuracy | dev wrong | dev OOS answered | dev MRR |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in quality_rows:
            t, d = row["test"], row["dev"]
            assert isinstance(t, Scores)
            assert isinstance(d, Scores)
            threshold = "own decision" if row["threshold"] is None else f"{row['threshold']:.3f}"
            lines.append(
                f"| {row['method']} | {threshold} | {t.accuracy:.3f} | {t.wrong:.3f} | "
                f"{t.oos:.3f} | {t.mrr:.3f} | {d.accuracy:.3f} | {d.wrong:.3f} | {d.oos:.3f} | "
                f"{d.mrr:.3f} |"
            )
        lines.append("")
        ours = quality_rows[0]["test"]
        assert isinstance(ours, Scores)
        lines += [
            "At matched risk: each baseline's best test-part accuracy over every threshold at",
            f"which it answers no more wrongly ({ours.wrong:.3f}) and no more out-of-scope",
            f"questions ({ours.oos:.3f}) than ours. The threshold is picked on the test part",
            "itself, which favours the baselines.",
            "",
            "| method | test accuracy | test wrong | test OOS answered |",
            "|---|---|---|---|",
            f"| {quality_rows[0]['method']} | {ours.accuracy:.3f} | {ours.wrong:.3f} "
            f"| {ours.oos:.3f} |",
        ]
        for row in quality_rows[1:]:
            m = row["matched"]
            assert isinstance(m, Scores)
            lines.append(f"| {row['method']} | {m.accuracy:.3f} | {m.wrong:.3f} | {m.oos:.3f} |")
        lines.append("")
    if speed_rows:
        lines += [
            "## Speed",
            "",
            "Per question (ranking only), each method in its own process; peak memory is the",
            "process's maximum resident set size, interpreter and libraries included.",
            "",
            "| method | entries | variants | build (s) | questions/s | p50 (ms) | p99 (ms) "
            "| peak memory (MB) | note |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for row in speed_rows:
            lines.append(
                f"| {row['method']} | {row['entries']} | {row['variants']} | {row['build_s']:.3f} "
                f"| {row['qps']:.0f} | {row['p50_ms']:.3f} | {row['p99_ms']:.3f} "
                f"| {row['peak_mb']:.0f} | {row['note']} |"
            )
        lines.append("")
    if startup_runs:
        lines += [
            "## Start-up",
            "",
            f"Our knowledge-base load and matcher build on the shipped knowledge base, "
            f"{len(startup_runs)} runs,",
            "each in a fresh process after the imports, as the bot does when it starts.",
            "",
            "| step | median (s) | slowest (s) |",
            "|---|---|---|",
        ]
        steps = {
            "load": [r["load_s"] for r in startup_runs],
            "index build": [r["build_s"] for r in startup_runs],
            "load + index build": [r["load_s"] + r["build_s"] for r in startup_runs],
        }
        for step, seconds in steps.items():
            lines.append(f"| {step} | {statistics.median(seconds):.3f} | {max(seconds):.3f} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", nargs=2, metavar=("METHOD", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--startup-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--skip-speed", action="store_true", help="quality only")
    parser.add_argument("--skip-quality", action="store_true", help="speed only")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(speed_worker(args.worker[0], int(args.worker[1]))))
        return
    if args.startup_worker:
        print(json.dumps(startup_worker()))
        return
    knowledge = load_knowledge(ROOT / "knowledge")
    quality_rows = [] if args.skip_quality else quality(knowledge, _eval_sets(knowledge))
    speed_rows = [] if args.skip_speed else speed(SIZES)
    startup_runs = [] if args.skip_speed else startup()
    text = report(quality_rows, speed_rows, startup_runs)
    print(text)
    args.output.write_text(with_other_sections(text, args.output), encoding="utf-8")


def with_other_sections(text: str, path: Path) -> str:
    """This run's report, followed by the sections other benchmarks wrote into the same file
    (recording, webhook, load and faults), kept as they are."""
    own = {line.strip() for line in text.splitlines() if line.startswith("## ")}
    kept: list[str] = []
    keeping = False
    old = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    for line in old:
        if line.startswith("## "):
            keeping = line.strip() not in own
        if keeping:
            kept.append(line)
    return "\n".join([text.rstrip("\n"), *(["", *kept] if kept else [])]) + "\n"


if __name__ == "__main__":
    main()
