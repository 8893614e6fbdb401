"""Splitting offers/seeks texts into phrases in Japanese, Russian and English."""

from __future__ import annotations

import pytest

from tandem.matchmaking.matching.phrases import split_phrases

pytestmark = pytest.mark.unit


def test_japanese_sentences_commas_and_particles() -> None:
    text = "ホタテと昆布の養殖技術、垂下式養殖の資材を提供します。現地での技術指導も行います。"
    phrases = split_phrases(text, "ja")
    assert phrases[0] == "ホタテと昆布の養殖技術、垂下式養殖の資材を提供します"
    assert "現地での技術指導も行います" in phrases
    assert {"ホタテ", "昆布の養殖技術", "垂下式養殖の資材を提供します"} <= set(phrases)


def test_japanese_brackets_and_trailing_particles() -> None:
    phrases = split_phrases("中古機械のレトロフィット（NC装置の更新）や、操作トレーニング", "ja")
    assert "NC装置の更新" in phrases
    assert "中古機械のレトロフィット" in phrases
    assert all(not p.endswith("や") for p in phrases)


def test_russian_commas_and_conjunctions() -> None:
    text = "Вылов и заморозка морепродуктов: гребешок, морской ёж, икра минтая."
    phrases = split_phrases(text, "ru")
    assert phrases[:2] == ["Вылов и заморозка морепродуктов", "гребешок, морской ёж, икра минтая"]
    assert {"заморозка морепродуктов", "морской ёж", "икра минтая"} <= set(phrases)


def test_english_lists_and_short_fragments() -> None:
    text = "Live and boiled-frozen king crab, air and sea shipment. We also export."
    phrases = split_phrases(text, "en")
    assert "boiled-frozen king crab" in phrases and "sea shipment" in phrases
    assert "Live" not in phrases and "air" not in phrases  # items too short to mean anything
    assert "We also export" in phrases


def test_empty_dedup_and_limit() -> None:
    assert split_phrases("   ", "en") == []
    assert split_phrases("Pumps. Pumps.", "en") == ["Pumps"]
    many = ", ".join(f"product number {i}" for i in range(40))
    assert len(split_phrases(many, "en", max_phrases=5)) == 5
