"""Glossary expansion and the small industry/region signals."""

from __future__ import annotations

import pytest

from tandem.core.embedding.glossary import expand, glosses
from tandem.matchmaking.matching.affinity import (
    industries_compatible,
    normalise_industry,
    regions_near,
)

pytestmark = pytest.mark.unit


def test_japanese_terms_get_english_glosses_longest_first() -> None:
    assert glosses("油圧ショベル用の補修部品とベアリング", "ja") == [
        "hydraulic excavators",
        "spare parts",
        "bearings",
    ]
    assert expand("当社のベアリング", "ja") == "当社のベアリング (bearings)"
    assert "seeds" not in glosses("各種ゲージ", "ja")  # 種 alone is not "seeds"


def test_russian_stems_and_whole_words() -> None:
    assert glosses("Поставщики подшипников и клапанов", "ru") == ["bearings", "valves"]
    assert glosses("Винтовые компрессоры, риск", "ru") == ["compressors"]
    assert glosses("рис и мёд", "ru") == ["rice", "honey"]


def test_english_and_unknown_text_unchanged() -> None:
    assert expand("bearings", "en") == "bearings"
    assert expand("何もない", "ja") == "何もない"


def test_industry_codes() -> None:
    assert normalise_industry("c28.4") == "C28"
    assert normalise_industry("46") == "G46"
    assert normalise_industry("machinery") is None
    assert industries_compatible("C28", "A01")  # machinery maker and a farm
    assert industries_compatible("G46", "A03")  # wholesaler and a fishery
    assert not industries_compatible("P85", "B05")
    assert not industries_compatible(None, "C28")


def test_regions_near_across_the_sea_only() -> None:
    assert regions_near("Primorsky Krai", "Toyama")
    assert regions_near("北海道", "Приморский край")
    assert not regions_near("Primorsky Krai", "Sakhalin Oblast")  # both Russian
    assert not regions_near("Moscow", "Hokkaido")
    assert not regions_near(None, "Hokkaido")
