import numpy as np
import pytest

from tandem.core.embedding.cache import VectorCache, cache_key
from tandem.core.embedding.cached import CachedEmbedder
from tandem.core.embedding.testing import HashingEmbedder
from tandem.matchmaking.models import StoredVector
from tandem.matchmaking.services.vector_cache import DatabaseVectorCache

pytestmark = pytest.mark.integration


def test_database_vector_cache_returns_the_stored_float32_vectors(db: None) -> None:
    cache = DatabaseVectorCache("test-model")
    assert isinstance(cache, VectorCache)
    vector = np.array([0.25, -1.5, 3.0], dtype=np.float32)
    cache.put_many({"k1": vector})
    cache.put_many({"k1": vector * 2})  # overwriting keeps one row
    found = cache.get_many(["k1", "missing"])
    assert list(found) == ["k1"]
    assert found["k1"].dtype == np.float32
    assert np.array_equal(found["k1"], vector * 2)
    assert StoredVector.objects.get().model_id == "test-model"


def test_database_vector_cache_spares_the_model_a_text_it_has_seen(db: None) -> None:
    first, second = HashingEmbedder(), HashingEmbedder()
    texts = ["CNC lathes", "ウニの輸入", "поставщик подшипников"]
    a = CachedEmbedder(first, DatabaseVectorCache(first.model_id)).embed(texts, "passage")
    b = CachedEmbedder(second, DatabaseVectorCache(second.model_id)).embed(texts, "passage")
    assert first.texts_embedded == 3
    assert second.texts_embedded == 0  # another process would read the same rows
    assert np.allclose(a, b)
    assert StoredVector.objects.filter(pk=cache_key(first.model_id, "passage", texts[0])).exists()
