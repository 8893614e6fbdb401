"""What tandem already knows, as names to look for: people, organisations, places, fairs.

The extractor takes a :class:`Gazetteer`; the Django layer builds one from the registry
(``tandem.press.selectors.gazetteer``) and :func:`default_gazetteer` builds the same from the
embedded default's data files, so that the extractor runs without a database.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

from tandem.core.text.scripts import HAN_RANGE, JAPANESE

LANGUAGES = ("en", "ja", "ru")
COUNTRY_WORDS = {
    "JP": ("Japan", "Japanese", "日本", "Япония", "Японии", "японский", "японская", "японских"),
    "RU": ("Russia", "Russian", "ロシア", "Россия", "России", "российский", "российская"),
}
COUNTRY_NAMES = {
    "japan",
    "russia",
    "日本",
    "ロシア",
    "露",
    "россия",
    "япония",
    "рф",
    "российская федерация",
}
# Short names the press uses for the committee (not the lower-case "intergovernmental
# committee", which names no particular committee).
COMMITTEE_ALIASES = {"ja": ("日露政府間委員会",)}
WORD_START = re.compile(r"(?<![\w-])\w+")
RU_VOWEL_END = re.compile(r"[аяоеёиыуюйь]$")


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str  # person | organisation | place | fair | committee
    names: dict[str, tuple[str, ...]]
    canonical: str = ""
    country: str | None = None
    roles: dict[str, str] = field(default_factory=dict)
    region: str | None = None

    def name_in(self, language: str) -> str:
        names = self.names.get(language) or self.names.get("en") or ()
        return names[0] if names else self.canonical


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: Entry
    surface: str


def _word_pattern(name: str, language: str) -> str:
    if language == "ja":
        return re.escape(name)
    words = name.split()
    parts = []
    for word in words:
        if language == "ru" and len(word) >= 4 and re.match(r"^[А-ЯЁа-яё-]+$", word):
            stem = word[:-1] if RU_VOWEL_END.search(word.lower()) else word
            if word.lower().endswith(("ая", "ий", "ый", "ой", "ое")):
                stem = word[:-2]
            parts.append(re.escape(stem) + r"[а-яё]{0,3}")
        else:
            parts.append(re.escape(word))
    body = r"\s+".join(parts)
    return rf"(?<![\w-]){body}(?![\w-])" if language == "ru" else rf"\b{body}(?!\w)"


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.__dict__.pop("_patterns", None)

    @cached_property
    def _index(self) -> dict[str, dict[str, list[tuple[re.Pattern[str], Entry]]]]:
        """Per language: the names to try at a word, by the word's first letters."""
        indexes: dict[str, dict[str, list[tuple[re.Pattern[str], Entry]]]] = {}
        for language in LANGUAGES:
            table: list[tuple[str, Entry]] = []
            seen: set[str] = set()
            # an entry's own names first, then the short forms derived from them: "Moscow"
            # is the city before it is a short form of "Moscow Oblast"
            for primary in (True, False):
                for entry in self.entries:
                    for names in entry.names.values():
                        for name in names[:1] if primary else names[1:]:
                            lang = "ja" if JAPANESE.search(name) else language
                            if lang != language and lang == "ja":
                                continue
                            if len(name) < 2 or name.lower() in seen:
                                continue
                            seen.add(name.lower())
                            table.append((name, entry))
            table.sort(key=lambda row: -len(row[0]))
            flags = re.IGNORECASE if language != "ja" else 0
            index: dict[str, list[tuple[re.Pattern[str], Entry]]] = {}
            for name, entry in table:
                pattern = re.compile(_word_pattern(name, language), flags)
                index.setdefault(_index_key(name, language), []).append((pattern, entry))
            indexes[language] = index
        return indexes

    def find(self, text: str, language: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Known names in ``text[start:end]``: leftmost first, the longest name at a place,
        not overlapping."""
        index = self._index[language]
        end = len(text) if end is None else end
        if language == "ja":
            positions = [(i, text[i : i + 2]) for i in range(start, end)]
        else:
            positions = [
                (m.start(), m.group(0)[:3].casefold())
                for m in WORD_START.finditer(text, start, end)
            ]
        found: list[Match] = []
        reached = start
        for position, key in positions:
            if position < reached:
                continue
            for pattern, entry in index.get(key, ()):
                m = pattern.match(text, position, end)
                if m is None:
                    continue
                if entry.kind == "person" and language != "ja" and m.group(0)[0].islower():
                    continue
                found.append(Match(m.start(), m.end(), entry, m.group(0)))
                reached = m.end()
                break
        return found

    def by_kind(self, kind: str) -> list[Entry]:
        return [entry for entry in self.entries if entry.kind == kind]


def _index_key(name: str, language: str) -> str:
    if language == "ja":
        return name[:2]
    return name.split()[0][:3].casefold()


def person_names(full: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Full names and surnames in each language (茂木敏充 → 茂木, マクシム・オレシキン →
    オレシキン, Maxim Oreshkin → Oreshkin)."""
    names: dict[str, tuple[str, ...]] = {}
    for language, name in full.items():
        if not name:
            continue
        variants = [name]
        if language == "ja":
            if "・" in name:
                variants.append(name.split("・")[-1])
            elif re.fullmatch(rf"[{HAN_RANGE}]{{3,4}}", name):
                variants.append(name[:2])
        elif " " in name:
            variants.append(name.split()[-1])
        names[language] = tuple(variants)
    return names


def place_names(full: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Region names and their usual short forms (Sverdlovsk Oblast → Sverdlovsk Region…)."""
    names: dict[str, tuple[str, ...]] = {}
    for language, name in full.items():
        if not name:
            continue
        variants = [name]
        bracket = re.search(r"\(([^)]+)\)", name)
        if bracket:
            variants.append(bracket[1])
            name = re.sub(r"\s*\([^)]*\)", "", name)
            variants.append(name)
        if language == "en":
            for suffix in (" Oblast", " Krai", " Republic", " Autonomous Okrug", " Prefecture"):
                if name.endswith(suffix):
                    base = name.removesuffix(suffix)
                    variants += [base, f"{base} Region"]
            if name.startswith("Republic of "):
                variants.append(name.removeprefix("Republic of "))
        elif language == "ja":
            for suffix in ("県", "都", "府", "市"):
                if name.endswith(suffix) and len(name) > 2:
                    variants.append(name.removesuffix(suffix))
        names[language] = tuple(dict.fromkeys(variants))
    return names


def _read(package: str, name: str) -> Any:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def static_places() -> list[Entry]:
    """Cities and common short names the registry does not hold (data/places.json, whose
    "source" says where they come from)."""
    rows = _read("tandem.press.extraction.data", "places.json")["places"]
    return [
        Entry(
            key=f"region:{row['region']}" if row["key"].startswith("alias:") else row["key"],
            kind="place",
            names={lang: tuple(v) for lang, v in row["names"].items()},
            canonical=row["names"]["en"][0],
            country=row.get("country"),
            region=row.get("region"),
        )
        for row in rows
    ]


def static_organisations() -> list[Entry]:
    """Ministries, agencies, state corporations and large companies the press names often,
    from general reference (data/organisations.json, whose "source" says which)."""
    rows = _read("tandem.press.extraction.data", "organisations.json")["organisations"]
    return [
        Entry(
            key=row["key"],
            kind="organisation",
            names={lang: tuple(v) for lang, v in row["names"].items()},
            canonical=row["names"]["en"][0],
            country=row.get("country"),
        )
        for row in rows
    ]


def default_gazetteer() -> Gazetteer:
    """The embedded default (committee, co-chairs, fairs, regions) without a database."""
    gazetteer = Gazetteer()
    committee = _read("tandem.committee.data", "japan_russia.json")
    gazetteer.add(
        Entry(
            "committee:1",
            "organisation",
            {k: (v, *COMMITTEE_ALIASES.get(k, ())) for k, v in committee["committee"].items()},
            committee["committee"]["en"],
        )
    )
    for row in committee["people"]:
        gazetteer.add(
            Entry(
                f"person:{row['key']}",
                "person",
                person_names(row["name"]),
                row["name"]["en"],
                row["side"],
                dict(row["position"]),
            )
        )
    fairs = _read("tandem.fairs.data", "japan_russia.json")
    for row in fairs["fairs"]:
        base = re.sub(r"-\d{4}$", "", row["slug"])
        if not any(e.key == f"fair:{base}" for e in gazetteer.entries):
            gazetteer.add(
                Entry(
                    f"fair:{base}",
                    "fair",
                    {k: (v,) for k, v in row["name"].items()},
                    row["name"]["en"],
                    row["country"],
                )
            )
        gazetteer.add(
            Entry(
                f"venue:{base}",
                "place",
                {k: (v,) for k, v in row["venue"].items()},
                row["venue"]["en"],
                row["country"],
            )
        )
    for row in _read("tandem.core.data", "regions.json"):
        gazetteer.add(
            Entry(
                f"region:{row['code']}",
                "place",
                place_names({lang: row.get(f"name_{lang}") or "" for lang in LANGUAGES}),
                row["name_en"],
                row["country"],
                region=row["code"],
            )
        )
    for entry in [*static_places(), *static_organisations()]:
        gazetteer.add(entry)
    return gazetteer
