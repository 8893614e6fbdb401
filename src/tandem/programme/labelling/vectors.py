"""Vectors of the label prototypes and of the example bank, and the evidence they give.

Everything is embedded with the e5 ``query`` kind (the symmetric use of e5) and
language-centred with the reference sentences of matchmaking's calibration module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tandem.core.embedding.base import Embedder, EmbedKind
from tandem.core.embedding.calibration import REFERENCE_SENTENCES, LanguageCentering
from tandem.programme.labelling.examples import Example
from tandem.programme.labelling.labels import GROUPS, LANGUAGES, PLAN_AREAS, LabelSet
from tandem.programme.labelling.lexicon import LabelDescription

if TYPE_CHECKING:
    from tandem.programme.labelling.suggester import SuggesterConfig

F32 = npt.NDArray[np.float32]
EmbedFn = Callable[[Sequence[str], Sequence[str]], F32]
SECONDARY_AREA_WEIGHT = 0.5  # an example's non-primary plan areas count half in the vote


def _cosines(query: npt.NDArray[np.float64], rows: F32) -> npt.NDArray[np.float64]:
    """Dot products row by row, without BLAS: a text scores the same alone or in a batch."""
    out: npt.NDArray[np.float64] = np.einsum(
        "nd,md->nm", query, rows.astype(np.float64), optimize=False
    )
    return out


def reference_centering(embedder: Embedder) -> LanguageCentering:
    """Language means of the ``query`` kind from matchmaking's parallel reference set."""
    means: dict[tuple[EmbedKind, str], F32] = {}
    for column, language in enumerate(LANGUAGES):
        texts = [row[column] for row in REFERENCE_SENTENCES]
        means[("query", language)] = embedder.embed(texts, "query").mean(axis=0)
    return LanguageCentering(means)


class LabelVectors:
    """Prototype and example vectors with their label memberships."""

    def __init__(self, labels: LabelSet, descriptions: dict[str, LabelDescription]) -> None:
        self.labels = labels
        self.descriptions = descriptions
        self.examples: list[Example] = []
        self._proto: dict[str, F32] = {}
        self._proto_label: dict[str, npt.NDArray[np.intp]] = {}
        self._proto_text: dict[str, list[str]] = {}
        self._examples: F32 | None = None
        self._member: dict[str, npt.NDArray[np.float64]] = {}

    def add_prototypes(self, embed: EmbedFn) -> None:
        texts: list[str] = []
        languages: list[str] = []
        owners: list[tuple[str, int]] = []
        for group in GROUPS:
            for index, label_id in enumerate(self.labels.ids(group)):
                description = self.descriptions.get(label_id)
                if description is None:
                    continue
                for lang, phrases in description.phrases.items():
                    for phrase in phrases:
                        texts.append(phrase)
                        languages.append(lang)
                        owners.append((group, index))
        vectors = embed(texts, languages)
        for group in GROUPS:
            rows = [i for i, (g, _) in enumerate(owners) if g == group]
            self._proto[group] = vectors[rows]
            self._proto_label[group] = np.array([owners[i][1] for i in rows], dtype=np.intp)
            self._proto_text[group] = [texts[i] for i in rows]

    def add_examples(self, examples: Sequence[Example], embed: EmbedFn) -> None:
        if not examples:
            return
        vectors = embed([e.text for e in examples], [e.language for e in examples])
        self._examples = (
            vectors if self._examples is None else np.concatenate([self._examples, vectors])
        )
        for group in GROUPS:
            ids = self.labels.ids(group)
            rows = np.zeros((len(examples), len(ids)), dtype=np.float64)
            for r, example in enumerate(examples):
                if group == PLAN_AREAS:
                    for pa in example.plan_areas:
                        rows[r, ids.index(pa)] = SECONDARY_AREA_WEIGHT
                    rows[r, ids.index(example.primary_plan_area)] = 1.0
                else:
                    for np_id in example.national_projects:
                        rows[r, ids.index(np_id)] = 1.0
            old = self._member.get(group)
            self._member[group] = rows if old is None else np.concatenate([old, rows])
        self.examples.extend(examples)

    def evidence(self, query: F32, config: SuggesterConfig) -> dict[str, list[dict[str, Any]]]:
        """Per group, per query row: ``proto``/``knn`` arrays over the group's labels, the
        closest prototype phrase and the nearest example carrying each label."""
        q = np.asarray(query, dtype=np.float64)
        n = q.shape[0]
        k = 0 if self._examples is None else min(config.knn_k, len(self.examples))
        weights = np.zeros((n, 0))
        top = np.zeros((n, 0), dtype=np.intp)
        if k:
            assert self._examples is not None
            sims = _cosines(q, self._examples)
            top = np.argsort(-sims, axis=1, kind="stable")[:, :k]
            top_sims = np.take_along_axis(sims, top, axis=1)
            z = (top_sims - top_sims[:, :1]) / max(config.knn_temperature, 1e-6)
            weights = np.exp(z)
            weights /= weights.sum(axis=1, keepdims=True)
        out: dict[str, list[dict[str, Any]]] = {}
        for group in GROUPS:
            n_labels = len(self.labels.ids(group))
            proto_sims = _cosines(q, self._proto[group])
            best = np.full((n, n_labels), -1.0)
            best_row = np.zeros((n, n_labels), dtype=np.intp)
            for row, label in enumerate(self._proto_label[group]):
                better = proto_sims[:, row] > best[:, label]
                best[better, label] = proto_sims[better, row]
                best_row[better, label] = row
            z = (best - best.max(axis=1, keepdims=True)) / max(config.proto_temperature, 1e-6)
            proto = np.exp(z)
            proto /= proto.sum(axis=1, keepdims=True)
            knn = np.zeros((n, n_labels))
            if k:
                member = self._member[group][top]  # (n, k, labels)
                knn = np.einsum("nk,nkl->nl", weights, member)
            rows: list[dict[str, Any]] = []
            for i in range(n):
                neighbour: list[str] = []
                for label in range(n_labels):
                    hit = (
                        next(
                            (self.examples[j].id for j in top[i] if self._member[group][j, label]),
                            "",
                        )
                        if k
                        else ""
                    )
                    neighbour.append(hit)
                phrases = [self._proto_text[group][r] for r in best_row[i]]
                rows.append(
                    {"proto": proto[i], "knn": knn[i], "phrase": phrases, "neighbour": neighbour}
                )
            out[group] = rows
        return out
