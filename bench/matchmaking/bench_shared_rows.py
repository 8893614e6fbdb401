"""Memory of the matching index's search rows in 4 worker processes: mapped file vs own copies.

    PYTHONPATH=src python bench/matchmaking/bench_shared_rows.py [--profiles 10000] [--workers 4]

Synthetic unit vectors of the model's dimension (384), float16, offers and seeks: the rows
every web worker used to stack in its own memory for the meaning search. Each worker either
builds its own copy (before) or maps ``rows-<generation>.npy`` with numpy.load(mmap_mode="r")
(after) and touches every page; the sum of the workers' Pss (/proc/<pid>/smaps_rollup, which
splits a shared page among the processes mapping it) minus each worker's Pss before loading
is the memory the rows cost the node. Writes bench/results/matching_memory.md.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from tandem.matchmaking.matching.shared_rows import map_rows, write_rows

DIM = 384
OUT = Path(__file__).resolve().parents[1] / "results" / "matching_memory.md"


def pss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise RuntimeError("no Pss line")


def worker(mode: str, directory: str, generation: str, n: int, pipe: Connection) -> None:
    import os

    pipe.send(pss_kib(os.getpid()))
    if mode == "copy":
        rng = np.random.default_rng(7)
        matrix = rng.standard_normal((2, n, DIM)).astype(np.float16)
    else:
        rows = map_rows(Path(directory), generation)
        assert rows is not None
        matrix = rows.matrix
    checksum = float(matrix.astype(np.float32).sum(dtype=np.float64))  # touch every page
    pipe.send(checksum)
    pipe.recv()  # hold the rows until the parent has read Pss


def run(mode: str, directory: Path, generation: str, n: int, workers: int) -> float:
    ctx = mp.get_context("spawn")
    procs, pipes, before = [], [], []
    for _ in range(workers):
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=worker, args=(mode, str(directory), generation, n, child))
        proc.start()
        procs.append(proc)
        pipes.append(parent)
    for pipe in pipes:
        before.append(pipe.recv())
    for pipe in pipes:
        pipe.recv()
    after = [pss_kib(p.pid) for p in procs if p.pid is not None]
    for pipe in pipes:
        pipe.send("done")
    for proc in procs:
        proc.join()
    return (sum(after) - sum(before)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        rng = np.random.default_rng(7)
        rows = rng.standard_normal((2, args.profiles, DIM)).astype(np.float16)
        ids = [str(i) for i in range(args.profiles)]
        write_rows(directory, "bench", ids, rows[0], rows[1])
        size = next(directory.glob("rows-*.npy")).stat().st_size / 2**20
        copies = run("copy", directory, "bench", args.profiles, args.workers)
        mapped = run("map", directory, "bench", args.profiles, args.workers)
    OUT.write_text(
        "# Matching index: memory of the search rows per node\n\n"
        f"Development figures: synthetic vectors, {args.profiles:,} profiles x {DIM} dims "
        f"(float16, offers and seeks), {args.workers} worker processes, "
        "`bench/matchmaking/bench_shared_rows.py`. Sum of the workers' Pss after loading minus "
        "before (/proc/<pid>/smaps_rollup).\n\n"
        "| rows held as | file MiB | Pss of all workers, MiB |\n|---|---:|---:|\n"
        f"| own copy per worker (before) | - | {copies:.1f} |\n"
        f"| one mapped file per node (after) | {size:.1f} | {mapped:.1f} |\n\n"
        "Only the whole-text search rows are mapped so far; the ranker's ProfileIndex (phrase "
        "vectors) is still held per process that ranks.\n"
    )
    print(OUT.read_text())


if __name__ == "__main__":
    main()
