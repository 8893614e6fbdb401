"""Memory and suggestion latency of the ranker's index in 4 web workers: own copies vs one file.

    PYTHONPATH=src python bench/matchmaking/bench_mapped_index.py [--profiles 10000]
        [--workers 4] [--queries 200] [--no-copies]

Synthetic profiles (JP and RU, in ja/ru/en, 1-3 phrases per field) with random unit vectors of
multilingual-e5-small's dimension (384): the ranker's arithmetic and memory do not depend on
what the vectors mean. The parent builds the in-memory :class:`ProfileIndex` the task worker
holds and writes it with ``write_index`` (the file every web worker of a node maps).

* ``copy`` (before): each worker builds its own ProfileIndex from the same data, as every web
  worker did (skipped with ``--no-copies``: at 100k four copies need about 6 GB).
* ``mapped`` (after): each worker maps the file (``MappedIndex``), touches every page, then
  ranks ``--queries`` random companies with the ranker's default settings (top 20 with
  reasons), timing each.

Memory: the sum of the workers' Pss (/proc/<pid>/smaps_rollup, which splits a shared page
among the processes that map it) after loading and ranking, minus each worker's Pss before.
Writes (appends a row to) bench/results/mapped_index.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import platform
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

DIM = 384
OUT = Path(__file__).resolve().parents[1] / "results" / "mapped_index.md"
WORDS = [
    "lathes",
    "robots",
    "timber",
    "fish",
    "nets",
    "cables",
    "pumps",
    "valves",
    "software",
    "steel",
    "grain",
    "tea",
]


def pss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise RuntimeError("no Pss line")


def build_index(n: int):  # type: ignore[no-untyped-def]
    """The in-memory index of ``n`` synthetic profiles (same data for the same ``n``)."""
    from tandem.core.embedding.testing import HashingEmbedder
    from tandem.matchmaking.matching.index import FieldVectors, ProfileIndex, ProfileVectors
    from tandem.matchmaking.matching.profiles import CompanyProfile

    rng = np.random.default_rng(19)
    index = ProfileIndex(HashingEmbedder(DIM))

    def unit(rows: int) -> np.ndarray:
        m = rng.standard_normal((rows, DIM)).astype(np.float32)
        return m / np.linalg.norm(m, axis=1, keepdims=True)

    def field(i: int, side: str) -> FieldVectors:
        count = int(rng.integers(1, 4))
        phrases = tuple(f"{side} {WORDS[(i + j) % len(WORDS)]} {i}-{j}" for j in range(count))
        return FieldVectors("; ".join(phrases), unit(1)[0], phrases, unit(count).astype(np.float16))

    items = []
    for i in range(n):
        language = ("ja", "ru", "en")[i % 3]
        profile = CompanyProfile(
            id=str(i),
            country="JP" if i % 2 else "RU",
            language=language,
            name=f"company {i}",
            region=None,
            industry=f"C{10 + i % 20}",
            offers="",
            seeks="",
            size="small",
        )
        items.append((profile, ProfileVectors(field(i, "offers"), field(i, "seeks"))))
    index.put_many(items)
    return index


def worker(mode: str, path: str, n: int, queries: int, pipe: Connection) -> None:
    from tandem.matchmaking.matching.mapped_index import MappedIndex
    from tandem.matchmaking.matching.ranker import Ranker

    pipe.send(pss_kib(os.getpid()))
    if mode == "copy":
        index = build_index(n)
    else:
        index = MappedIndex(Path(path))
        for name in index._arrays:  # touch every page, as a long-running worker would
            index._arrays[name].view(np.uint8).sum(dtype=np.uint64)
    ranker = Ranker(index)  # type: ignore[arg-type]
    rng = np.random.default_rng(os.getpid())
    times, cpu = [], []
    for pid in rng.integers(0, n, queries):
        start, start_cpu = time.perf_counter(), time.process_time()
        ranker.rank(str(pid), 20)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    pipe.send((times, cpu))
    pipe.recv()  # hold the index until the parent has read Pss


def run(
    mode: str, path: Path, n: int, workers: int, queries: int
) -> tuple[float, list[float], list[float]]:
    ctx = mp.get_context("spawn")
    procs, pipes = [], []
    for _ in range(workers):
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=worker, args=(mode, str(path), n, queries, child))
        proc.start()
        procs.append(proc)
        pipes.append(parent)
    before = [pipe.recv() for pipe in pipes]
    answers = [pipe.recv() for pipe in pipes]
    times = [t for wall, _ in answers for t in wall]
    cpu = [t for _, used in answers for t in used]
    after = [pss_kib(p.pid) for p in procs if p.pid is not None]
    for pipe in pipes:
        pipe.send("done")
    for proc in procs:
        proc.join()
    return (sum(after) - sum(before)) / 1024, times, cpu


def main() -> None:
    from tandem.matchmaking.matching.mapped_index import write_index

    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-copies", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    index = build_index(args.profiles)
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        path = write_index(Path(tmp), "bench", index)
        written = time.perf_counter() - started
        size = path.stat().st_size / 2**20
        del index
        rows = []
        modes = ["mapped"] if args.no_copies else ["copy", "mapped"]
        for mode in modes:
            pss, times, cpu = run(mode, path, args.profiles, args.workers, args.queries)
            p50, p95 = np.percentile(times, [50, 95])
            c50, c95 = np.percentile(cpu, [50, 95])
            rows.append((mode, pss, p50, p95, c50, c95, len(times)))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    if not OUT.exists():
        OUT.write_text(
            "# Matching index: the ranker's index in one mapped file per node\n\n"
            "Development figures from `bench/matchmaking/bench_mapped_index.py`: synthetic "
            "profiles (JP/RU, ja/ru/en, 1-3 phrases a field), random unit vectors of 384 "
            "dimensions, the ranker's default settings (300 candidates rescored, top 20 with "
            "reasons). Pss: the sum over the workers of /proc/<pid>/smaps_rollup after loading "
            "and ranking minus before; a page mapped by four workers counts a quarter in each. "
            "Latency: one ranking in a worker, all workers ranking at once on the shared "
            "2-core machine; CPU ms: the worker's own CPU time for it (what the load does not "
            "inflate). 'write s' is the time to write the file, or for own copies to build one "
            "index.\n\n"
            "| run | profiles | workers | index held as | file MiB | write s | Pss of all "
            "workers MiB | suggestions p50 / p95 ms (n) | CPU ms a suggestion p50 / p95 | "
            "load average |\n"
            "|---|---:|---:|---|---:|---:|---:|---:|---:|---|\n"
        )
    with OUT.open("a") as out:
        for mode, pss, p50, p95, c50, c95, count in rows:
            held = "own copy per worker" if mode == "copy" else "one mapped file"
            out.write(
                f"| {when} | {args.profiles:,} | {args.workers} | {held} | "
                f"{size if mode == 'mapped' else 0:.1f} | "
                f"{written if mode == 'mapped' else built:.1f} | {pss:.1f} | "
                f"{p50:.1f} / {p95:.1f} ({count}) | {c50:.1f} / {c95:.1f} | {load} |\n"
            )
    print(OUT.read_text())
    print(platform.machine(), platform.python_version())


if __name__ == "__main__":
    main()
