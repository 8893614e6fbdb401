"""TEST-ONLY embedder. Never use it for matching: it knows nothing about meaning.

:class:`HashingEmbedder` hashes character trigrams into a small vector space. It is
deterministic, instant and dependency-free, which is what unit tests of caching, indexing and
I/O code paths need. Texts that share trigrams get similar vectors; nothing more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from tandem.core.embedding.base import EmbedKind, FloatMatrix, check_kind, empty_matrix


class HashingEmbedder:
    """Deterministic character-trigram hashing embedder, for tests only.

    ``calls`` counts :meth:`embed` invocations and ``texts_embedded`` the texts embedded, so
    tests can assert that caches avoid work.
    """

    def __init__(self, dimension: int = 64, *, kind_sensitive: bool = False) -> None:
        if dimension < 8:
            raise ValueError("dimension must be >= 8")
        self._dimension = dimension
        self.kind_sensitive = kind_sensitive
        self.calls = 0
        self.texts_embedded = 0

    @property
    def model_id(self) -> str:
        return f"test-only-hashing-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed(self, texts: Sequence[str], kind: EmbedKind = "query") -> FloatMatrix:
        kind = check_kind(kind)
        self.calls += 1
        self.texts_embedded += len(texts)
        if not texts:
            return empty_matrix(self._dimension)
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()}  "
            if self.kind_sensitive:
                padded = f"{kind}: {padded}"
            for i in range(len(padded) - 2):
                digest = hashlib.blake2b(padded[i : i + 3].encode("utf-8"), digest_size=8)
                h = int.from_bytes(digest.digest(), "little")
                out[row, h % self._dimension] += 1.0 if (h >> 32) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out
