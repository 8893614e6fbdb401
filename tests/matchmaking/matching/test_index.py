"""Incremental index behaviour, with the test-only hashing embedder (no model)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tandem.core.embedding import CachedEmbedder, InMemoryVectorCache
from tandem.core.embedding.testing import HashingEmbedder
from tandem.matchmaking.matching.index import ProfileIndex
from tandem.matchmaking.matching.phrases import split_phrases
from tandem.matchmaking.matching.profiles import CompanyProfile

pytestmark = pytest.mark.unit


def company(pid: str, country: str, offers: str, seeks: str, lang: str = "en") -> CompanyProfile:
    return CompanyProfile(pid, country, lang, pid.upper(), None, None, offers, seeks, "small")


PROFILES = [
    company("jp-1", "JP", "CNC lathes and machining centres", "distributor of machine tools"),
    company("jp-2", "JP", "frozen scallops", "importers of seafood"),
    company("ru-1", "RU", "distribution of machine tools", "CNC lathes from Japan"),
    company("ru-2", "RU", "seafood import and wholesale", "frozen scallops and crab"),
    company("kz-1", "KZ", "grain storage", "grain dryers"),
]


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder(64)


@pytest.fixture
def index(embedder: HashingEmbedder) -> ProfileIndex:
    idx = ProfileIndex(embedder, prepare=None)
    idx.upsert(PROFILES)
    return idx


def test_upsert_reports_and_reembeds_only_changed_texts(
    index: ProfileIndex, embedder: HashingEmbedder
) -> None:
    assert len(index) == 5 and "ru-2" in index
    before = embedder.texts_embedded
    report = index.upsert(PROFILES)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 5)
    assert report.texts_embedded == 0 and embedder.texts_embedded == before

    changed = replace(PROFILES[0], seeks="sales agent for lathes, service partner")
    report = index.upsert([changed])
    # the whole text and its phrases, each distinct text once
    expected = len({changed.seeks, *split_phrases(changed.seeks, "en")})
    assert (report.updated, report.texts_embedded) == (1, expected)
    assert embedder.texts_embedded == before + expected
    assert index.vectors("jp-1").seeks.text == changed.seeks
    assert index.vectors("jp-1").offers is not None


def test_name_change_needs_no_embedding(index: ProfileIndex, embedder: HashingEmbedder) -> None:
    before = embedder.texts_embedded
    report = index.upsert([replace(PROFILES[1], name="Renamed")])
    assert report.updated == 1 and embedder.texts_embedded == before
    assert index.profile("jp-2").name == "Renamed"


def test_candidates_come_from_other_countries_only(index: ProfileIndex) -> None:
    for prof in PROFILES:
        found = index.candidates(prof.id, 10)
        assert found, prof.id
        assert all(index.profile(c.id).country != prof.country for c in found)
    only_ru = index.candidates("jp-1", 10, countries=["RU"])
    assert {c.id for c in only_ru} == {"ru-1", "ru-2"}


def test_remove_and_country_move(index: ProfileIndex) -> None:
    assert index.remove("ru-1") and not index.remove("ru-1")
    assert "ru-1" not in {c.id for c in index.candidates("jp-1", 10)}
    index.upsert([replace(PROFILES[3], country="JP")])  # ru-2 moves to JP
    assert {c.id for c in index.candidates("jp-1", 10)} == {"kz-1"}
    assert "ru-2" in {c.id for c in index.candidates("kz-1", 10)}
    assert index.countries() == ["JP", "KZ"]


def test_incremental_equals_bulk(embedder: HashingEmbedder) -> None:
    cache = InMemoryVectorCache()
    bulk = ProfileIndex(CachedEmbedder(embedder, cache), prepare=None)
    bulk.upsert(PROFILES)
    bulk.recentre()
    step = ProfileIndex(CachedEmbedder(embedder, cache), prepare=None)
    for prof in PROFILES:
        step.upsert([prof])
    step.recentre()
    for prof in PROFILES:
        a = [(c.id, round(c.they_offer, 5)) for c in bulk.candidates(prof.id, 10)]
        b = [(c.id, round(c.they_offer, 5)) for c in step.candidates(prof.id, 10)]
        assert a == b


def test_centred_rows_are_unit_length_and_empty_text_is_zero(embedder: HashingEmbedder) -> None:
    idx = ProfileIndex(embedder)
    idx.upsert([*PROFILES, company("ru-3", "RU", "", "machine tools")])
    assert np.linalg.norm(idx.whole("jp-1", "offers")) == pytest.approx(1.0, abs=1e-5)
    assert not np.any(idx.whole("ru-3", "offers"))
    assert idx.vectors("ru-3").offers.phrases == ()
    assert idx.phrase_matrix("ru-3", "offers").shape == (0, 64)


def test_without_centring(embedder: HashingEmbedder) -> None:
    idx = ProfileIndex(embedder, centre_languages=False)
    idx.upsert(PROFILES)
    assert idx.centring is None
    np.testing.assert_allclose(
        idx.whole("jp-2", "seeks"), idx.vectors("jp-2").seeks.whole, atol=1e-3
    )
