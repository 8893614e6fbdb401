"""Lexical evidence: label cue words and the Far Eastern Federal District gazetteer.

Cues and place names are written per language in ``data/prototypes.json`` and
``data/far_east.json``. English and Russian entries are *word starts*: ``"hospital"`` also
matches "hospitals", ``"приморь"`` matches "Приморье" and "Приморья"; a space inside an entry
lets each word take an ending (``"амурск обла"`` matches "Амурской области"), and a trailing
space requires the word to end there. Japanese entries are plain substrings (no word breaks).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tandem.programme.labelling.labels import LANGUAGES

_DATA = "tandem.programme.labelling.data"


def _read_json(name: str) -> Any:
    return json.loads(resources.files(_DATA).joinpath(name).read_text(encoding="utf-8"))


def compile_entry(entry: str, language: str) -> re.Pattern[str]:
    """A case-insensitive pattern for one cue or place name (see the module docstring).

    A Japanese entry in Latin letters or digits (``ai``, ``5g``) is a whole word: as a plain
    substring it would be found inside every Latin name of a Japanese text ("Kaizen")."""
    if language == "ja":
        if entry.isascii():
            return re.compile(rf"(?<![a-z0-9]){re.escape(entry.lower())}(?![a-z0-9])")
        return re.compile(re.escape(entry.lower()))
    words = entry.lower().split()
    body = r"\w*[\s\-]+".join(re.escape(w) for w in words)
    tail = r"(?!\w)" if entry.endswith(" ") else ""
    return re.compile(rf"(?<!\w){body}{tail}")


def normalise(text: str) -> str:
    """Lower case, ``ё`` folded to ``е`` and whitespace collapsed (the form entries match)."""
    return " ".join(text.lower().replace("ё", "е").split())


class PhraseMatcher:
    """Finds which of a set of named entry lists occur in a text, per language."""

    def __init__(self, entries: Mapping[str, Mapping[str, Iterable[str]]]) -> None:
        # entries: key -> language -> list of entries
        self._patterns: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {
            lang: [] for lang in LANGUAGES
        }
        for key, per_language in entries.items():
            for lang, items in per_language.items():
                for item in items:
                    folded = item.replace("ё", "е")
                    self._patterns.setdefault(lang, []).append(
                        (key, item.strip(), compile_entry(folded, lang))
                    )

    def find(
        self, text: str, language: str, *, also: Iterable[str] = LANGUAGES
    ) -> dict[str, list[str]]:
        """``{key: [matched entries]}`` for the text: entries of the text's own language
        first, then those of the languages in ``also`` (a Russian text may name a place in
        English)."""
        folded = f" {normalise(text)} "
        found: dict[str, list[str]] = {}
        order = [language, *[lang for lang in also if lang != language]]
        for lang in order:
            for key, surface, pattern in self._patterns.get(lang, []):
                if pattern.search(folded) and surface not in found.get(key, []):
                    found.setdefault(key, []).append(surface)
        return found


@dataclass(frozen=True)
class PlaceMatch:
    """A Far Eastern place found in a text."""

    place_id: str
    surface: str


class FarEastGazetteer:
    """Regions, cities, ports and islands of the Far Eastern Federal District."""

    def __init__(self, places: Mapping[str, Mapping[str, Iterable[str]]]) -> None:
        self.place_ids = tuple(places)
        self._matcher = PhraseMatcher(places)

    @classmethod
    def bundled(cls) -> FarEastGazetteer:
        return _bundled_gazetteer()

    def find(self, text: str, language: str) -> list[PlaceMatch]:
        """Places named in ``text``, in gazetteer order."""
        found = self._matcher.find(text, language)
        return [
            PlaceMatch(place_id=pid, surface=found[pid][0])
            for pid in self.place_ids
            if pid in found
        ]


@lru_cache(maxsize=1)
def _bundled_gazetteer() -> FarEastGazetteer:
    raw = _read_json("far_east.json")
    places = {
        item["id"]: {lang: item.get(lang, []) for lang in LANGUAGES} for item in raw["places"]
    }
    return FarEastGazetteer(places)


@dataclass(frozen=True)
class LabelDescription:
    """Prototype phrases and cue words of one label, per language."""

    label_id: str
    phrases: dict[str, tuple[str, ...]]
    cues: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def load_descriptions() -> dict[str, LabelDescription]:
    """The bundled label descriptions, by label id: prototype phrases and cue words from
    ``data/prototypes.json``, except the national projects' cue words, which come from their
    official wording (``data/national_projects.json``, whose header names the source)."""
    raw = _read_json("prototypes.json")
    official = _read_json("national_projects.json")
    out: dict[str, LabelDescription] = {}
    for label_id, per_language in raw.items():
        if label_id.startswith("_"):
            continue
        cues = official.get(label_id) or {lang: per_language[lang]["cues"] for lang in per_language}
        out[label_id] = LabelDescription(
            label_id=label_id,
            phrases={lang: tuple(per_language[lang]["phrases"]) for lang in per_language},
            cues={lang: tuple(cues.get(lang, ())) for lang in per_language},
        )
    return out


def cue_matcher(descriptions: Mapping[str, LabelDescription]) -> PhraseMatcher:
    """A matcher of every label's cue words."""
    return PhraseMatcher({lid: d.cues for lid, d in descriptions.items()})
