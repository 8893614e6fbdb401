"""The database side of the embedding cache: vectors kept by text hash, shared by processes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from tandem.core.embedding.cache import Vector
from tandem.matchmaking.models import StoredVector

CHUNK = 500  # below SQLite's limit of bound parameters


class DatabaseVectorCache:
    """:class:`tandem.core.embedding.cache.VectorCache` over the ``StoredVector`` table."""

    def __init__(self, model_id: str = "") -> None:
        self.model_id = model_id

    def get_many(self, keys: Sequence[str]) -> dict[str, Vector]:
        found: dict[str, Vector] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), CHUNK):
            rows = StoredVector.objects.filter(pk__in=unique[start : start + CHUNK]).values_list(
                "key", "dimension", "vector"
            )
            for key, dimension, blob in rows:
                vector = np.frombuffer(bytes(blob), dtype="<f4").astype(np.float32)
                if vector.shape[0] == dimension:
                    found[key] = vector
        return found

    def put_many(self, items: Mapping[str, Vector]) -> None:
        rows = [
            StoredVector(
                key=key,
                model_id=self.model_id,
                dimension=int(np.size(vector)),
                vector=np.ascontiguousarray(np.asarray(vector, dtype="<f4").reshape(-1)).tobytes(),
            )
            for key, vector in items.items()
        ]
        if rows:
            StoredVector.objects.bulk_create(
                rows,
                batch_size=CHUNK,
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["model_id", "dimension", "vector"],
            )

    def __len__(self) -> int:
        return StoredVector.objects.count()
