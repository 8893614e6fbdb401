"""Rank partner candidates for a company and explain each suggestion.

For company A and a candidate B of another country, two directions are scored:

* ``they_offer_you_seek``: B's offers (e5 passages) against A's seeks (e5 queries),
* ``you_offer_they_seek``: A's offers against B's seeks.

Each direction blends the whole-text similarity with phrase-level max-sim (the best pair of
phrases) and need coverage (how many of the seeker's phrases find a good match). The stronger
direction counts fully, the weaker one partly. Competitors are pushed down: when B's offers
resemble A's offers (two sellers of the same thing) or B's seeks resemble A's seeks (two buyers)
more than they complement each other, the excess is subtracted. Compatible industry codes and
sea-trade regions add small bonuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from tandem.matchmaking.matching.affinity import industries_compatible, regions_near
from tandem.matchmaking.matching.index import F16, F32, Candidate, Field

Direction = Literal["they_offer_you_seek", "you_offer_they_seek"]


class ProfileFacts(Protocol):
    """What the ranker reads of a profile besides its vectors."""

    @property
    def country(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def region(self) -> str | None: ...
    @property
    def industry(self) -> str | None: ...


class RankedIndex(Protocol):
    """What the ranker needs of an index: the in-memory :class:`ProfileIndex`, or the
    :class:`~tandem.matchmaking.matching.mapped_index.MappedIndex` read from its file."""

    def profile(self, pid: str) -> ProfileFacts: ...
    def whole(self, pid: str, field: Field) -> F32: ...
    def phrase_matrix(self, pid: str, field: Field) -> F32: ...
    def phrase_matrix16(self, pid: str, field: Field) -> F16: ...
    def phrases(self, pid: str, field: Field) -> tuple[str, ...]: ...
    def candidates(
        self, pid: str, k: int, *, second_weight: float = 0.5, countries: Sequence[str] = ()
    ) -> list[Candidate]: ...


@dataclass(frozen=True, slots=True)
class RankerConfig:
    """Scoring weights (tuned on the "tune" split of the development set only)."""

    candidate_pool: int = 300  # whole-text candidates rescored per query
    pool_second_weight: float = 0.5  # weaker direction's weight in candidate generation
    whole_weight: float = 1.0  # direction score = weighted mean of these three
    max_weight: float = 0.25
    cover_weight: float = 0.25
    second_direction_weight: float = 0.5
    competitor_weight: float = 0.5  # offers~offers beyond the complementarity
    same_need_weight: float = 0.0  # seeks~seeks beyond the complementarity
    competitor_margin: float = 0.0
    industry_bonus: float = 0.01
    region_bonus: float = 0.003
    max_reasons: int = 3


@dataclass(frozen=True, slots=True)
class Reason:
    their_phrase: str
    our_phrase: str
    direction: Direction
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "their_phrase": self.their_phrase,
            "our_phrase": self.our_phrase,
            "direction": self.direction,
            "similarity": round(self.similarity, 4),
        }


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    score: float
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": round(self.score, 4),
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """Raw similarities of one (query, candidate) pair; see :func:`combine`."""

    whole_fwd: float  # their offers . our seeks
    whole_bwd: float  # our offers . their seeks
    max_fwd: float
    max_bwd: float
    cover_fwd: float
    cover_bwd: float
    offer_offer: float  # our offers . their offers (competitors)
    seek_seek: float  # our seeks . their seeks (competing buyers)
    industry_ok: bool
    region_ok: bool


def _phrase_sims(seeker: F32, offerer: F32) -> F32:
    if not len(seeker) or not len(offerer):
        return np.zeros((0, 0), dtype=np.float32)
    result: F32 = seeker @ offerer.T
    return result


def _max_cover(sims: F32, fallback: float) -> tuple[float, float]:
    if sims.size == 0:
        return fallback, fallback
    best_per_need = sims.max(axis=1)
    return float(best_per_need.max()), float(best_per_need.mean())


def _segment_scores(
    ours: F32, theirs: list[npt.NDArray[np.float16]], *, need_side: str
) -> tuple[F32, F32]:
    """Best-pair similarity and need coverage of our phrases against each candidate's.

    ``need_side`` says whose phrases are the needs (rows whose best match is averaged).
    Candidates (or us) without phrases get NaN, replaced by the whole-text similarity.
    """
    k = len(theirs)
    best = np.full(k, np.nan, dtype=np.float32)
    cover = np.full(k, np.nan, dtype=np.float32)
    sizes = np.array([len(m) for m in theirs])
    if not len(ours) or not sizes.sum():
        return best, cover
    present = np.nonzero(sizes)[0]
    stacked = np.concatenate([theirs[i] for i in present]).astype(np.float32)
    sims = ours @ stacked.T  # (our phrases, all their phrases)
    starts = np.concatenate([[0], np.cumsum(sizes[present])[:-1]])
    if need_side == "ours":
        per_need = np.maximum.reduceat(sims, starts, axis=1)  # (our needs, candidates)
        best[present] = per_need.max(axis=0)
        cover[present] = per_need.mean(axis=0)
    else:
        their_need_best = sims.max(axis=0)  # each of their needs vs our best offer phrase
        best[present] = np.maximum.reduceat(their_need_best, starts)
        cover[present] = np.add.reduceat(their_need_best, starts) / sizes[present]
    return best, cover


def combine(f: PairFeatures, cfg: RankerConfig, *, use_industry: bool = True) -> float:
    """The final score of a pair from its features."""
    fwd = (
        cfg.whole_weight * f.whole_fwd + cfg.max_weight * f.max_fwd + cfg.cover_weight * f.cover_fwd
    )
    bwd = (
        cfg.whole_weight * f.whole_bwd + cfg.max_weight * f.max_bwd + cfg.cover_weight * f.cover_bwd
    )
    strong, weak = max(fwd, bwd), min(fwd, bwd)
    score = strong + cfg.second_direction_weight * weak
    score -= cfg.competitor_weight * max(0.0, f.offer_offer - strong + cfg.competitor_margin)
    score -= cfg.same_need_weight * max(0.0, f.seek_seek - strong + cfg.competitor_margin)
    if use_industry and f.industry_ok:
        score += cfg.industry_bonus
    if f.region_ok:
        score += cfg.region_bonus
    return score


class Ranker:
    """Ranks other-country companies of a :class:`RankedIndex` for one company."""

    def __init__(
        self,
        index: RankedIndex,
        config: RankerConfig | None = None,
        *,
        use_industry: bool = True,
    ) -> None:
        self.index = index
        self.config = config or RankerConfig()
        self.use_industry = use_industry

    def features(
        self, our_id: str, their_id: str, whole: tuple[float, float] | None = None
    ) -> PairFeatures:
        """Similarity features of a pair (``whole`` = precomputed (fwd, bwd) sims)."""
        idx = self.index
        me, other = idx.profile(our_id), idx.profile(their_id)
        our_offers, our_seeks = idx.whole(our_id, "offers"), idx.whole(our_id, "seeks")
        their_offers, their_seeks = idx.whole(their_id, "offers"), idx.whole(their_id, "seeks")
        if whole is None:
            whole = (float(their_offers @ our_seeks), float(our_offers @ their_seeks))
        fwd = _phrase_sims(
            idx.phrase_matrix(our_id, "seeks"), idx.phrase_matrix(their_id, "offers")
        )
        bwd = _phrase_sims(
            idx.phrase_matrix(their_id, "seeks"), idx.phrase_matrix(our_id, "offers")
        )
        max_fwd, cover_fwd = _max_cover(fwd, whole[0])
        max_bwd, cover_bwd = _max_cover(bwd, whole[1])
        return PairFeatures(
            whole_fwd=whole[0],
            whole_bwd=whole[1],
            max_fwd=max_fwd,
            max_bwd=max_bwd,
            cover_fwd=cover_fwd,
            cover_bwd=cover_bwd,
            offer_offer=float(our_offers @ their_offers),
            seek_seek=float(our_seeks @ their_seeks),
            industry_ok=self.use_industry and industries_compatible(me.industry, other.industry),
            region_ok=regions_near(me.region, other.region),
        )

    def candidate_features(self, our_id: str) -> list[tuple[str, PairFeatures]]:
        """Features of the whole-text candidate pool of ``our_id`` (vectorised rescoring)."""
        cfg, idx = self.config, self.index
        pool = idx.candidates(our_id, cfg.candidate_pool, second_weight=cfg.pool_second_weight)
        if not pool:
            return []
        me = idx.profile(our_id)
        fwd_max, fwd_cover = _segment_scores(
            idx.phrase_matrix(our_id, "seeks"),
            [idx.phrase_matrix16(c.id, "offers") for c in pool],
            need_side="ours",
        )
        bwd_max, bwd_cover = _segment_scores(
            idx.phrase_matrix(our_id, "offers"),
            [idx.phrase_matrix16(c.id, "seeks") for c in pool],
            need_side="theirs",
        )
        out = []
        for i, c in enumerate(pool):
            other = idx.profile(c.id)
            industry_ok = self.use_industry and industries_compatible(me.industry, other.industry)
            out.append((c.id, PairFeatures(
                whole_fwd=c.they_offer,
                whole_bwd=c.they_seek,
                max_fwd=c.they_offer if np.isnan(fwd_max[i]) else float(fwd_max[i]),
                max_bwd=c.they_seek if np.isnan(bwd_max[i]) else float(bwd_max[i]),
                cover_fwd=c.they_offer if np.isnan(fwd_cover[i]) else float(fwd_cover[i]),
                cover_bwd=c.they_seek if np.isnan(bwd_cover[i]) else float(bwd_cover[i]),
                offer_offer=c.same_offer,
                seek_seek=c.same_seek,
                industry_ok=industry_ok,
                region_ok=regions_near(me.region, other.region),
            )))  # fmt: skip
        return out

    def rank(self, our_id: str, top: int = 20) -> list[Match]:
        """The ``top`` best partners of ``our_id``, best first, with reasons."""
        scored = [
            (combine(f, self.config, use_industry=self.use_industry), cid)
            for cid, f in self.candidate_features(our_id)
        ]
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [Match(cid, score, self.explain(our_id, cid)) for score, cid in scored[:top]]

    def explain(self, our_id: str, their_id: str) -> tuple[Reason, ...]:
        """The best matching phrase pairs of both directions, strongest first."""
        idx = self.index
        found: list[Reason] = []
        sides: tuple[tuple[Direction, str, str], ...] = (
            ("they_offer_you_seek", our_id, their_id),
            ("you_offer_they_seek", their_id, our_id),
        )
        for direction, seeker_id, offerer_id in sides:
            sims = _phrase_sims(
                idx.phrase_matrix(seeker_id, "seeks"), idx.phrase_matrix(offerer_id, "offers")
            )
            seeker_phrases = idx.phrases(seeker_id, "seeks")
            offerer_phrases = idx.phrases(offerer_id, "offers")
            for row in range(sims.shape[0]):
                col = int(np.argmax(sims[row]))
                if direction == "they_offer_you_seek":
                    their, our = offerer_phrases[col], seeker_phrases[row]
                else:
                    their, our = seeker_phrases[row], offerer_phrases[col]
                found.append(Reason(their, our, direction, float(sims[row, col])))
        found.sort(key=lambda r: (-r.similarity, r.direction, r.their_phrase, r.our_phrase))
        picked: list[Reason] = []
        seen: set[tuple[str, str]] = set()
        for reason in found:
            if (reason.their_phrase, reason.our_phrase) in seen:
                continue
            seen.add((reason.their_phrase, reason.our_phrase))
            picked.append(reason)
            if len(picked) >= self.config.max_reasons:
                break
        return tuple(picked)
