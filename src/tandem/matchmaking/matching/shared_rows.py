"""Whole-text search rows in one read-only file per node, mapped by every process.

One process writes the rows of a *generation* (offers and seeks, float16, shape
``(2, n, dim)``) to ``rows-<generation>.npy`` with the profile ids beside it in
``rows-<generation>.json``, each under a temporary name renamed into place, then points
``current.json`` at them (also renamed atomically). Every other process maps the file with
``numpy.load(mmap_mode="r")``: the pages are the kernel's page cache, shared by all processes
of the node, not a copy per process. Building a missing generation takes an exclusive file
lock, so two processes never both build it. No Django here: the caller says which generation
is current and how to build its rows.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

F16 = npt.NDArray[np.float16]
POINTER = "current.json"
LOCK = "build.lock"
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True, slots=True)
class SharedRows:
    """The mapped rows of one generation: ``matrix[0]`` offers, ``matrix[1]`` seeks."""

    generation: str
    ids: list[str]
    matrix: F16  # an np.memmap over the file (empty in memory when there are no rows)
    query_means: dict[str, list[float]]  # language -> the mean the rows' index centred with

    @property
    def offers(self) -> F16:
        return self.matrix[0]

    @property
    def seeks(self) -> F16:
        return self.matrix[1]


def _stem(generation: str) -> str:
    return "rows-" + _SAFE.sub("_", generation)


def _replace(path: Path, write: Callable[[Path], object]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_rows(
    directory: Path,
    generation: str,
    ids: list[str],
    offers: F16,
    seeks: F16,
    query_means: dict[str, list[float]] | None = None,
) -> None:
    """Write a generation's rows and make it the current one (each step atomic).

    ``query_means`` are the language means of the index that built the rows, so that every
    process centres a query exactly as that index did."""
    directory.mkdir(parents=True, exist_ok=True)
    stem = _stem(generation)
    matrix = np.stack([offers, seeks]).astype(np.float16)

    def save_matrix(tmp: Path) -> None:
        with tmp.open("wb") as out:
            np.save(out, matrix)

    _replace(directory / f"{stem}.npy", save_matrix)
    _replace(
        directory / f"{stem}.json",
        lambda tmp: tmp.write_text(
            json.dumps({"generation": generation, "ids": ids, "query_means": query_means or {}})
        ),
    )
    _replace(
        directory / POINTER,
        lambda tmp: tmp.write_text(json.dumps({"generation": generation, "stem": stem})),
    )
    for old in directory.glob("rows-*"):  # mapped files stay readable until unmapped
        if not old.name.startswith(stem + "."):
            old.unlink(missing_ok=True)


def current_generation(directory: Path) -> str | None:
    try:
        return str(json.loads((directory / POINTER).read_text())["generation"])
    except (FileNotFoundError, ValueError, KeyError):
        return None


def map_rows(directory: Path, generation: str) -> SharedRows | None:
    """Map the rows of ``generation``; None when that generation is not on disk."""
    stem = _stem(generation)
    try:
        meta = json.loads((directory / f"{stem}.json").read_text())
        if meta["generation"] != generation:
            return None
        matrix = np.load(directory / f"{stem}.npy", mmap_mode="r")
    except (FileNotFoundError, ValueError, KeyError):
        return None
    means = {str(k): list(v) for k, v in meta.get("query_means", {}).items()}
    return SharedRows(
        generation=generation, ids=list(meta["ids"]), matrix=matrix, query_means=means
    )


@contextmanager
def node_lock(directory: Path) -> Iterator[None]:
    """The node's lock on its matching files: one process at a time writes them."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / LOCK).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


Builder = Callable[[], tuple[list[str], F16, F16, dict[str, list[float]]]]


def rows_for(directory: Path, generation: str, build: Builder) -> SharedRows:
    """The mapped rows of ``generation``, built once per node (under the lock) if absent."""
    rows = map_rows(directory, generation)
    if rows is not None:
        return rows
    with node_lock(directory):
        rows = map_rows(directory, generation)  # another process may have built it meanwhile
        if rows is None:
            ids, offers, seeks, query_means = build()
            write_rows(directory, generation, ids, offers, seeks, query_means)
            rows = map_rows(directory, generation)
    assert rows is not None
    return rows
