"""Vector caches: an unchanged text is never embedded twice.

Keys are ``sha256(model_id, kind, text)`` so a model upgrade (a new ``model_id``) or the other
prefix never returns a stale vector. Two implementations live here: an in-process dict and a
single-file sqlite store; the Django side provides a database-backed one with the same protocol.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

import numpy as np

from tandem.core.embedding.base import EmbedKind, FloatMatrix

Vector = np.ndarray  # a 1-D float32 array; kept loose so the Django cache can reuse it


def cache_key(model_id: str, kind: EmbedKind, text: str) -> str:
    """Hex sha256 of the (model_id, kind, text) triple, NUL-separated."""
    digest = hashlib.sha256()
    for part in (model_id, kind, text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


@runtime_checkable
class VectorCache(Protocol):
    """A key-value store of embedding vectors."""

    def get_many(self, keys: Sequence[str]) -> dict[str, Vector]:
        """Return the vectors found for ``keys`` (missing keys are simply absent)."""
        ...

    def put_many(self, items: Mapping[str, Vector]) -> None:
        """Store (or overwrite) vectors."""
        ...


class InMemoryVectorCache:
    """A dict-backed cache for one process; thread-safe."""

    def __init__(self) -> None:
        self._data: dict[str, Vector] = {}
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[str]) -> dict[str, Vector]:
        with self._lock:
            return {k: self._data[k] for k in keys if k in self._data}

    def put_many(self, items: Mapping[str, Vector]) -> None:
        with self._lock:
            for key, vec in items.items():
                self._data[key] = np.array(vec, dtype=np.float32, copy=True).reshape(-1)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data


_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    key TEXT PRIMARY KEY,
    dim INTEGER NOT NULL,
    vec BLOB NOT NULL
) WITHOUT ROWID
"""
_CHUNK = 500  # stays well below sqlite's bound-parameter limit


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SqliteVectorCache:
    """A persistent cache in one sqlite file (little-endian float32 blobs).

    Safe to share between threads of one process; several processes may open the same file
    (sqlite's WAL mode serialises the writers).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.parent != Path(""):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30.0)
        with self._lock, self._conn:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute(_SCHEMA)

    def get_many(self, keys: Sequence[str]) -> dict[str, Vector]:
        found: dict[str, Vector] = {}
        unique = list(dict.fromkeys(keys))
        with self._lock:
            for chunk in _chunks(unique, _CHUNK):
                marks = ",".join("?" * len(chunk))  # placeholders only; keys are bound
                query = f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})"  # noqa: S608
                rows = self._conn.execute(query, tuple(chunk)).fetchall()
                for key, dim, blob in rows:
                    vec = np.frombuffer(blob, dtype="<f4").astype(np.float32)
                    if vec.shape[0] == dim:
                        found[key] = vec
        return found

    def put_many(self, items: Mapping[str, Vector]) -> None:
        rows = [(k, int(np.size(v)), _to_blob(v)) for k, v in items.items()]
        if not rows:
            return
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)", rows
            )

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._conn.execute("SELECT COUNT(*) FROM vectors").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SqliteVectorCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _to_blob(vec: Vector) -> bytes:
    return np.ascontiguousarray(np.asarray(vec, dtype="<f4").reshape(-1)).tobytes()


def stack(vectors: Iterable[Vector], dimension: int) -> FloatMatrix:
    """Stack 1-D vectors into a float32 matrix (``(0, dimension)`` when empty)."""
    rows = [np.asarray(v, dtype=np.float32).reshape(-1) for v in vectors]
    if not rows:
        return np.zeros((0, dimension), dtype=np.float32)
    return np.stack(rows).astype(np.float32, copy=False)
