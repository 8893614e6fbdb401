"""Model-free tests of the embedding caches (the HashingEmbedder stands in for the model)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tandem.core.embedding import (
    CachedEmbedder,
    Embedder,
    InMemoryVectorCache,
    SqliteVectorCache,
    VectorCache,
    cache_key,
    l2_normalise,
)
from tandem.core.embedding.testing import HashingEmbedder

pytestmark = pytest.mark.unit


def test_cache_key_depends_on_model_kind_and_text() -> None:
    base = cache_key("m1", "query", "text")
    assert len(base) == 64 and int(base, 16) >= 0
    assert base == cache_key("m1", "query", "text")
    others = {cache_key("m2", "query", "text"), cache_key("m1", "passage", "text")}
    others.add(cache_key("m1", "query", "text "))
    assert base not in others and len(others) == 3


def test_hashing_embedder_is_deterministic_and_normalised() -> None:
    emb = HashingEmbedder(32)
    assert isinstance(emb, Embedder)
    a = emb.embed(["CNC lathes", "frozen fish"], "passage")
    b = HashingEmbedder(32).embed(["CNC lathes", "frozen fish"], "passage")
    assert a.dtype == np.float32 and a.shape == (2, 32)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-6)
    assert emb.embed([], "query").shape == (0, 32)
    with pytest.raises(ValueError):
        emb.embed(["x"], "document")  # type: ignore[arg-type]


def test_cached_embedder_embeds_each_text_once() -> None:
    inner = HashingEmbedder(16)
    emb = CachedEmbedder(inner, InMemoryVectorCache())
    first = emb.embed(["a text", "b text", "a text"], "query")
    assert inner.texts_embedded == 2  # duplicate inside one call embedded once
    np.testing.assert_array_equal(first[0], first[2])
    second = emb.embed(["b text", "a text"], "query")
    assert inner.calls == 1 and inner.texts_embedded == 2  # all hits: model not called
    np.testing.assert_array_equal(second[0], first[1])
    assert (emb.hits, emb.misses) == (2, 2)
    emb.embed(["a text", "c text"], "query")
    assert inner.texts_embedded == 3  # only the new text reached the model
    emb.embed(["a text"], "passage")
    assert inner.texts_embedded == 4  # the other kind is another key
    np.testing.assert_array_equal(
        emb.embed(["c text"], "query"), HashingEmbedder(16).embed(["c text"], "query")
    )


def test_in_memory_cache_copies_vectors() -> None:
    cache = InMemoryVectorCache()
    assert isinstance(cache, VectorCache)
    vec = np.ones(4, dtype=np.float32)
    cache.put_many({"k": vec})
    vec[:] = 0
    assert cache.get_many(["k", "missing"])["k"].tolist() == [1, 1, 1, 1]
    assert len(cache) == 1 and "k" in cache


def test_sqlite_cache_persists_between_instances(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "vectors.sqlite"
    texts = [f"profile text {i}" for i in range(700)]  # more than one IN (...) chunk
    with SqliteVectorCache(path) as cache:
        assert isinstance(cache, VectorCache)
        first = CachedEmbedder(HashingEmbedder(24), cache).embed(texts, "passage")
        assert len(cache) == 700
    inner = HashingEmbedder(24)
    with SqliteVectorCache(path) as cache:
        again = CachedEmbedder(inner, cache).embed(texts, "passage")
    assert inner.texts_embedded == 0
    np.testing.assert_array_equal(first, again)


def test_sqlite_cache_overwrites_and_ignores_unknown_keys(tmp_path: Path) -> None:
    with SqliteVectorCache(tmp_path / "v.sqlite") as cache:
        cache.put_many({"k": np.array([1.0, 2.0], dtype=np.float32)})
        cache.put_many({"k": np.array([3.0, 4.0], dtype=np.float32)})
        cache.put_many({})
        got = cache.get_many(["k", "nope", "k"])
    assert list(got) == ["k"] and got["k"].tolist() == [3.0, 4.0]


def test_l2_normalise_keeps_zero_rows() -> None:
    out = l2_normalise([[3.0, 4.0], [0.0, 0.0]])
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0]])
