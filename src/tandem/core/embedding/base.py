"""The embedding service contract shared by every backend.

An :class:`Embedder` turns texts into L2-normalised ``float32`` vectors. e5-family models are
trained with two prefixes, so every call names the *kind* of text: ``"query"`` for the side
that asks (a need, a search) and ``"passage"`` for the side that is searched (an offer, a
document). Backends add the model's own prefix; callers never add ``"query: "`` themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

EmbedKind = Literal["query", "passage"]
EMBED_KINDS: tuple[EmbedKind, ...] = ("query", "passage")

FloatMatrix = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Anything that embeds texts into a fixed-size, L2-normalised vector space."""

    @property
    def model_id(self) -> str:
        """Stable identifier of the model *and* its preprocessing (used in cache keys)."""
        ...

    @property
    def dimension(self) -> int:
        """Length of every returned vector."""
        ...

    def embed(self, texts: Sequence[str], kind: EmbedKind = "query") -> FloatMatrix:
        """Return a ``(len(texts), dimension)`` float32 array of unit-length rows."""
        ...


def check_kind(kind: str) -> EmbedKind:
    """Validate ``kind`` and narrow its type; raises ``ValueError`` on anything else."""
    if kind == "query":
        return "query"
    if kind == "passage":
        return "passage"
    raise ValueError(f"embedding kind must be 'query' or 'passage', got {kind!r}")


def l2_normalise(matrix: npt.ArrayLike) -> FloatMatrix:
    """Return ``matrix`` as float32 with unit-length rows (zero rows stay zero)."""
    arr = np.array(matrix, dtype=np.float32, copy=True, ndmin=2)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    np.divide(arr, norms, out=arr, where=norms > 0)
    return arr


def empty_matrix(dimension: int) -> FloatMatrix:
    """A ``(0, dimension)`` float32 array, the result of embedding no texts."""
    return np.zeros((0, dimension), dtype=np.float32)
