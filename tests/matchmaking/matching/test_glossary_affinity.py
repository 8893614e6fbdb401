"""Glossary expansion and the small industry/region signals."""

from __future__ import annotations

import pytest

from tandem.matchmaking.matching.affinity import (
    industries_compatible,
    normalise_industry,
    regions_near,
)
from tandem.matchmaking.matching.glossary import expand, glosses

pytestmark = pytest.mark.unit


def test_japanese_terms_get_english_glosses_of_their_reference_names() -> None:
    assert glosses("健康寿命の延伸と青森の病院", "ja") == [
        "Extending healthy life expectancy",
        "Aomori",
    ]
    assert expand("当社はハバロフスク地方", "ja") == "当社はハバロフスク地方 (Khabarovsk Krai)"
    assert glosses("ロシアと日本の中古の機械を製造", "ja") == []  # countries, generic words


def test_russian_stems_and_whole_words() -> None:
    assert glosses("Здравоохранение в Хабаровском крае", "ru") == [
        "Healthcare",
        "Khabarovsk Krai",
    ]
    assert glosses("Изделия прочие из России", "ru") == []


def test_english_and_unknown_text_unchanged() -> None:
    assert expand("timber", "en") == "timber"
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
