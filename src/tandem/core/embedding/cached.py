"""An embedder decorator that consults a :class:`VectorCache` before the model."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tandem.core.embedding.base import Embedder, EmbedKind, FloatMatrix, check_kind, empty_matrix
from tandem.core.embedding.cache import VectorCache, cache_key


class CachedEmbedder:
    """Wraps any :class:`Embedder`; only texts absent from the cache reach the model.

    Duplicates inside one call are embedded once. ``hits`` and ``misses`` count texts
    (after de-duplication) served from the cache and sent to the model.
    """

    def __init__(self, inner: Embedder, cache: VectorCache) -> None:
        self.inner = inner
        self.cache = cache
        self.hits = 0
        self.misses = 0

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed(self, texts: Sequence[str], kind: EmbedKind = "query") -> FloatMatrix:
        kind = check_kind(kind)
        texts = list(texts)
        if not texts:
            return empty_matrix(self.dimension)
        model_id = self.model_id
        key_of = {t: cache_key(model_id, kind, t) for t in dict.fromkeys(texts)}
        found = self.cache.get_many(list(key_of.values()))
        missing = [t for t, k in key_of.items() if k not in found]
        self.hits += len(key_of) - len(missing)
        self.misses += len(missing)
        if missing:
            fresh = self.inner.embed(missing, kind)
            new_items = {key_of[t]: fresh[i] for i, t in enumerate(missing)}
            self.cache.put_many(new_items)
            found.update(new_items)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = found[key_of[text]]
        return out
