"""Label suggestion in the registry runs on the test-only hashing embedder (no model)."""

from collections.abc import Iterator
from typing import Any

import pytest

from tandem.programme.services.labelling import reset_registry_suggester

HASHING = "tandem.core.embedding.testing.HashingEmbedder"


@pytest.fixture
def hashing_labeller(settings: Any, db: None) -> Iterator[None]:
    settings.PROGRAMME_EMBEDDER = HASHING
    reset_registry_suggester()
    yield
    reset_registry_suggester()
