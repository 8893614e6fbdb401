"""An in-memory index of company profiles and their embedding vectors.

Each profile keeps, for its ``offers`` and for its ``seeks``, one whole-text vector and one
vector per phrase (see :mod:`phrases`). Offers are embedded as e5 *passages* and seeks as e5
*queries*, so "what B offers" is retrieved by "what A seeks" the way e5 was trained.

Vectors are language-centred (see :mod:`calibration`) before any comparison. Whole-text vectors
of each country live in one dense float32 matrix per field, so candidate generation for one
company is two matrix-vector products over the *other* countries' rows.
Phrase vectors (float16, for memory) are only read for the few hundred candidates that the
ranker rescores. Adding, updating or removing a profile touches one row; an unchanged text is
never re-embedded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from tandem.core.embedding.base import Embedder, EmbedKind
from tandem.core.embedding.calibration import LanguageCentering
from tandem.matchmaking.matching.phrases import split_phrases
from tandem.matchmaking.matching.profiles import CompanyProfile

Field = Literal["offers", "seeks"]
Splitter = Callable[[str, str], list[str]]
Progress = Callable[[int, int], None]
F32 = npt.NDArray[np.float32]
F16 = npt.NDArray[np.float16]

FIELDS: tuple[Field, Field] = ("offers", "seeks")
FIELD_KIND: dict[Field, EmbedKind] = {"offers": "passage", "seeks": "query"}


@dataclass(frozen=True, slots=True)
class FieldVectors:
    """Vectors of one text field: the whole text and each of its phrases."""

    text: str
    whole: F32  # (dim,), zeros for an empty text
    phrases: tuple[str, ...]
    phrase_vectors: F16  # (len(phrases), dim)


@dataclass(frozen=True, slots=True)
class ProfileVectors:
    offers: FieldVectors
    seeks: FieldVectors


@dataclass(frozen=True, slots=True)
class Candidate:
    """A whole-text candidate: ``they_offer`` = their offers vs our seeks, and vice versa."""

    id: str
    they_offer: float
    they_seek: float
    same_offer: float  # their offers . our offers
    same_seek: float  # their seeks . our seeks


@dataclass(frozen=True, slots=True)
class UpsertReport:
    added: int
    updated: int
    unchanged: int
    texts_embedded: int


class _CountryBlock:
    """Dense rows of whole-text vectors for the profiles of one country.

    ``raw_*`` keep the model's vectors (float16) so that rows can be re-centred when the
    centring means are refreshed; ``offers``/``seeks`` hold the centred float32 rows.
    """

    def __init__(self, dimension: int) -> None:
        self.ids: list[str] = []
        self.languages: list[str] = []
        self.slot: dict[str, int] = {}
        self.offers: F32 = np.zeros((16, dimension), dtype=np.float32)
        self.seeks: F32 = np.zeros((16, dimension), dtype=np.float32)
        self.raw_offers: F16 = np.zeros((16, dimension), dtype=np.float16)
        self.raw_seeks: F16 = np.zeros((16, dimension), dtype=np.float16)

    def __len__(self) -> int:
        return len(self.ids)

    def _grow(self) -> None:
        # by a quarter: doubling left up to half of four (dim,)-wide matrices unused
        def bigger(m: npt.NDArray[np.generic]) -> npt.NDArray[np.generic]:
            return np.concatenate([m, np.zeros_like(m[: max(16, m.shape[0] // 4)])])

        self.offers = bigger(self.offers)  # type: ignore[assignment]
        self.seeks = bigger(self.seeks)  # type: ignore[assignment]
        self.raw_offers = bigger(self.raw_offers)  # type: ignore[assignment]
        self.raw_seeks = bigger(self.raw_seeks)  # type: ignore[assignment]

    def set(self, pid: str, language: str, raw: tuple[F32, F32], centred: tuple[F32, F32]) -> None:
        row = self.slot.get(pid)
        if row is None:
            row = len(self.ids)
            if row == self.offers.shape[0]:
                self._grow()
            self.ids.append(pid)
            self.languages.append(language)
            self.slot[pid] = row
        self.languages[row] = language
        self.raw_offers[row], self.raw_seeks[row] = raw
        self.offers[row], self.seeks[row] = centred

    def remove(self, pid: str) -> None:
        row = self.slot.pop(pid)
        last = len(self.ids) - 1
        if row != last:  # move the last row into the hole
            moved = self.ids[last]
            self.ids[row] = moved
            self.languages[row] = self.languages[last]
            self.slot[moved] = row
            for matrix in (self.offers, self.seeks, self.raw_offers, self.raw_seeks):
                matrix[row] = matrix[last]
        self.ids.pop()
        self.languages.pop()
        for matrix in (self.offers, self.seeks, self.raw_offers, self.raw_seeks):
            matrix[last] = 0

    def recentre(self, centring: LanguageCentering) -> None:
        langs = np.array(self.languages)
        for language in sorted(set(self.languages)):
            rows = np.nonzero(langs == language)[0]
            for raw, out, kind in (
                (self.raw_offers, self.offers, FIELD_KIND["offers"]),
                (self.raw_seeks, self.seeks, FIELD_KIND["seeks"]),
            ):
                block = raw[rows].astype(np.float32)
                live = np.abs(block).sum(axis=1) > 0  # empty texts stay zero
                out[rows] = np.where(live[:, None], centring.apply(block, kind, language), 0.0)


class ProfileIndex:
    """Profiles + vectors, searchable across countries.

    ``prepare(text, language)`` rewrites a text before it is embedded (``None``, the default,
    embeds it as written; :func:`tandem.matchmaking.matching.glossary.expand` appends English
    glosses of Japanese/Russian reference terms, which did not help on the tune split: see
    docs/matchmaking.md);
    the original phrase is what explanations show.
    """

    def __init__(
        self,
        embedder: Embedder,
        *,
        splitter: Splitter = split_phrases,
        prepare: Callable[[str, str], str] | None = None,
        centring: LanguageCentering | None = None,
        centre_languages: bool = True,
        recentre_drift: float = 0.1,
        embed_chunk: int = 256,
    ) -> None:
        self.embedder = embedder
        self.dimension = embedder.dimension
        self.splitter = splitter
        self.prepare = prepare
        self.centre_languages = centre_languages
        self.recentre_drift = recentre_drift
        self.embed_chunk = embed_chunk
        self._centring = centring
        self._profiles: dict[str, CompanyProfile] = {}
        self._vectors: dict[str, ProfileVectors] = {}
        self._blocks: dict[str, _CountryBlock] = {}
        self._centred_phrases: dict[tuple[str, Field], F16] = {}

    # -- access ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._profiles)

    def __contains__(self, pid: object) -> bool:
        return pid in self._profiles

    def __iter__(self) -> Iterator[CompanyProfile]:
        return iter(list(self._profiles.values()))

    def profile(self, pid: str) -> CompanyProfile:
        return self._profiles[pid]

    def vectors(self, pid: str) -> ProfileVectors:
        return self._vectors[pid]

    def countries(self) -> list[str]:
        return sorted(c for c, b in self._blocks.items() if len(b))

    @property
    def centring(self) -> LanguageCentering | None:
        """The language-centring statistics (built from the embedder on first use)."""
        if self._centring is None and self.centre_languages:
            self._centring = LanguageCentering.from_embedder(self.embedder)
        return self._centring

    def whole(self, pid: str, field: Field) -> F32:
        """The centred whole-text vector of a profile field."""
        prof = self._profiles[pid]
        block = self._blocks[prof.country]
        row = block.slot[pid]
        matrix: F32 = block.offers if field == "offers" else block.seeks
        return np.asarray(matrix[row], dtype=np.float32)

    def phrase_matrix(self, pid: str, field: Field) -> F32:
        """The centred phrase vectors of a profile field, ``(n_phrases, dimension)``."""
        return self.phrase_matrix16(pid, field).astype(np.float32)

    def phrase_matrix16(self, pid: str, field: Field, *, keep: bool = True) -> F16:
        """Like :meth:`phrase_matrix`, float16, cached until the next re-centring
        (``keep=False``: not cached, for writing the whole index out)."""
        key = (pid, field)
        cached = self._centred_phrases.get(key)
        if cached is None:
            vectors: FieldVectors = getattr(self._vectors[pid], field)
            cached = vectors.phrase_vectors
            centring = self.centring
            if centring is not None and len(cached):
                language = self._profiles[pid].language
                centred = centring.apply(cached.astype(np.float32), FIELD_KIND[field], language)
                cached = centred.astype(np.float16)
            if keep:
                self._centred_phrases[key] = cached
        return cached

    def phrases(self, pid: str, field: Field) -> tuple[str, ...]:
        """The phrases of a profile field, in the order of its phrase vectors."""
        vectors: FieldVectors = getattr(self._vectors[pid], field)
        return vectors.phrases

    def country_rows(self) -> Iterator[tuple[str, list[str], F32, F32]]:
        """Per country (sorted): its profile ids and centred whole-text rows, in row order."""
        for country in sorted(self._blocks):
            block = self._blocks[country]
            n = len(block)
            if n:
                yield country, list(block.ids), block.offers[:n], block.seeks[:n]

    def recentre(self) -> None:
        """Refresh the centring means from the population and re-centre every row."""
        centring = self.centring
        if centring is None:
            return
        centring.freeze()
        self._centred_phrases.clear()
        for block in self._blocks.values():
            block.recentre(centring)

    # -- updates --------------------------------------------------------------------------
    def upsert(
        self, profiles: Iterable[CompanyProfile], progress: Progress | None = None
    ) -> UpsertReport:
        """Add new profiles and update changed ones, embedding only texts that changed."""
        batch = list({p.id: p for p in profiles}.values())
        added = updated = unchanged = 0
        todo: list[tuple[CompanyProfile, Field]] = []
        for prof in batch:
            old = self._profiles.get(prof.id)
            if old is None:
                added += 1
            elif old == prof:
                unchanged += 1
            else:
                updated += 1
            for field in FIELDS:
                if not self._reusable(old, prof, field):
                    todo.append((prof, field))
        wanted: dict[EmbedKind, dict[str, None]] = {"query": {}, "passage": {}}
        plans: dict[tuple[str, Field], tuple[list[str], list[str]]] = {}
        for prof, field in todo:
            text = getattr(prof, field)
            phrases = self.splitter(text, prof.language) if text else []
            raw = [text, *phrases] if text else []
            prepared = [self._prepared(t, prof.language) if t else t for t in raw]
            plans[(prof.id, field)] = (phrases, prepared)
            wanted[FIELD_KIND[field]].update(
                dict.fromkeys(p for t, p in zip(raw, prepared, strict=True) if t)
            )
        vecs = self._embed_all(wanted, progress)
        for prof in batch:
            old_vecs = self._vectors.get(prof.id)
            fields: dict[Field, FieldVectors] = {}
            for field in FIELDS:
                plan = plans.get((prof.id, field))
                if plan is None:
                    assert old_vecs is not None
                    fields[field] = getattr(old_vecs, field)
                else:
                    fields[field] = self._field_vectors(prof, field, plan, vecs)
            self.put(prof, ProfileVectors(offers=fields["offers"], seeks=fields["seeks"]))
        self._maybe_recentre()
        embedded = sum(len(v) for v in wanted.values())
        return UpsertReport(added, updated, unchanged, embedded)

    def put(self, profile: CompanyProfile, vectors: ProfileVectors) -> None:
        """Insert or replace a profile with precomputed (raw, unit-length) vectors."""
        self._withdraw(profile.id)
        self._observe(profile, vectors, 1)
        block = self._blocks.setdefault(profile.country, _CountryBlock(self.dimension))
        raw = (vectors.offers.whole, vectors.seeks.whole)
        block.set(profile.id, profile.language, raw, self._centre_whole(profile, raw))
        self._profiles[profile.id] = profile
        self._vectors[profile.id] = vectors

    def put_many(self, items: Iterable[tuple[CompanyProfile, ProfileVectors]]) -> None:
        """:meth:`put` several profiles, then re-centre if the population drifted."""
        for profile, vectors in items:
            self.put(profile, vectors)
        self._maybe_recentre()

    def remove(self, pid: str) -> bool:
        """Remove a profile; returns False when it was not indexed."""
        if pid not in self._profiles:
            return False
        self._withdraw(pid)
        self._maybe_recentre()
        return True

    def _withdraw(self, pid: str) -> None:
        prof = self._profiles.pop(pid, None)
        if prof is None:
            return
        self._centred_phrases.pop((pid, "offers"), None)
        self._centred_phrases.pop((pid, "seeks"), None)
        self._observe(prof, self._vectors.pop(pid), -1)
        self._blocks[prof.country].remove(pid)

    def _observe(self, prof: CompanyProfile, vectors: ProfileVectors, sign: int) -> None:
        centring = self.centring
        if centring is None:
            return
        for field in FIELDS:
            fv: FieldVectors = getattr(vectors, field)
            if fv.text:
                centring.observe(fv.whole, FIELD_KIND[field], prof.language, sign)

    def _centre_whole(self, prof: CompanyProfile, raw: tuple[F32, F32]) -> tuple[F32, F32]:
        centring = self.centring
        if centring is None:
            return raw
        out = []
        for vec, field in zip(raw, FIELDS, strict=True):
            if not np.any(vec):
                out.append(vec)
            else:
                out.append(centring.apply(vec[None, :], FIELD_KIND[field], prof.language)[0])
        return out[0], out[1]

    def _maybe_recentre(self) -> None:
        centring = self.centring
        if centring is not None and centring.drift() > self.recentre_drift:
            self.recentre()

    def _reusable(self, old: CompanyProfile | None, new: CompanyProfile, field: Field) -> bool:
        return (
            old is not None
            and getattr(old, field) == getattr(new, field)
            and old.language == new.language
        )

    def _prepared(self, text: str, language: str) -> str:
        return self.prepare(text, language) if self.prepare else text

    def _embed_all(
        self, wanted: dict[EmbedKind, dict[str, None]], progress: Progress | None
    ) -> dict[EmbedKind, dict[str, F32]]:
        total = sum(len(v) for v in wanted.values())
        done = 0
        out: dict[EmbedKind, dict[str, F32]] = {"query": {}, "passage": {}}
        for kind, texts_map in wanted.items():
            texts = list(texts_map)
            for start in range(0, len(texts), self.embed_chunk):
                chunk = texts[start : start + self.embed_chunk]
                matrix = self.embedder.embed(chunk, kind)
                out[kind].update(zip(chunk, matrix, strict=True))
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        return out

    def _field_vectors(
        self,
        prof: CompanyProfile,
        field: Field,
        plan: tuple[list[str], list[str]],
        vecs: dict[EmbedKind, dict[str, F32]],
    ) -> FieldVectors:
        phrases, prepared = plan  # prepared: the text then its phrases, as embedded
        text = getattr(prof, field)
        table = vecs[FIELD_KIND[field]]
        if not text:
            whole: F32 = np.zeros(self.dimension, dtype=np.float32)
        else:
            whole = np.array(table[prepared[0]], dtype=np.float32)  # a copy, not a chunk view
        rows = [table[p] for p in prepared[1:]]
        matrix = (
            np.stack(rows).astype(np.float16)
            if rows
            else np.zeros((0, self.dimension), dtype=np.float16)
        )
        return FieldVectors(text, whole, tuple(phrases), matrix)

    # -- search ---------------------------------------------------------------------------
    def candidates(
        self, pid: str, k: int, *, second_weight: float = 0.5, countries: Sequence[str] = ()
    ) -> list[Candidate]:
        """Top ``k`` profiles of other countries by whole-text complementarity.

        The pre-score is ``max(d1, d2) + second_weight * min(d1, d2)`` where ``d1`` is their
        offers vs our seeks and ``d2`` our offers vs their seeks. ``countries`` restricts the
        search to those countries (never including our own).
        """
        me = self._profiles[pid]
        my_offers, my_seeks = self.whole(pid, "offers"), self.whole(pid, "seeks")
        found: list[tuple[float, str, float, float, float, float]] = []
        for country in sorted(self._blocks):
            block = self._blocks[country]
            if country == me.country or not len(block):
                continue
            if countries and country not in countries:
                continue
            n = len(block)
            fwd = block.offers[:n] @ my_seeks
            bwd = block.seeks[:n] @ my_offers
            pre = np.maximum(fwd, bwd) + second_weight * np.minimum(fwd, bwd)
            top = np.argpartition(-pre, k - 1)[:k] if k < n else np.arange(n)
            same_offer = block.offers[top] @ my_offers
            same_seek = block.seeks[top] @ my_seeks
            for j, row in enumerate(top.tolist()):
                found.append((-float(pre[row]), block.ids[row], float(fwd[row]), float(bwd[row]),
                              float(same_offer[j]), float(same_seek[j])))  # fmt: skip
        found.sort()
        return [Candidate(cid, f, b, so, ss) for _, cid, f, b, so, ss in found[:k]]
