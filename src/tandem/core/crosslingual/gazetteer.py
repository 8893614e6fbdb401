"""The names the registry holds in three languages, as one gazetteer for search.

Its entries are the embedded regions and countries (name_en, name_ja, name_ru), and the
organisations and people of the registry (their per-language names). A text that mentions
one of an entry's names in any language is indexed under all of them; a query that is one
of them also looks for the others. Rebuilt when those records change (a fingerprint query).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max

from tandem.core.crosslingual.names import is_alphabetic, name_cores, place_cores
from tandem.core.crosslingual.transliteration import sound_key, tokens
from tandem.core.i18n import LANGUAGES
from tandem.core.models import Country, Organisation, Person, Region

PREFIX = 2
MIN_SOUND = 4  # consonants in a sound key before it stands for a name
MAX_SOUNDALIKES = 5


@dataclass(frozen=True)
class Entry:
    kind: str
    pk: int
    names: tuple[str, ...]  # lower case, every language, whole names
    cores: tuple[str, ...]  # what a text is searched for


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    by_prefix: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    by_sound: dict[str, set[int]] = field(default_factory=dict)
    entry_texts: dict[int, str] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        index = len(self.entries)
        self.entries.append(entry)
        for core in entry.cores:
            self.by_prefix.setdefault(core[:PREFIX], []).append((core, index))
            for word in {core, *tokens(core)}:
                if len(key := sound_key(word)) >= MIN_SOUND and (word != core or " " not in core):
                    self.by_sound.setdefault(key, set()).add(index)

    def entry_text(self, index: int) -> str:
        """An entry's names with their romanised forms and sound keys (see ``search``)."""
        if (text := self.entry_texts.get(index)) is None:
            from tandem.core.crosslingual.search import search_keys

            names = " ".join(self.entries[index].names)
            text = self.entry_texts[index] = names + " " + search_keys(names, self)
        return text

    def found_in(self, text: str) -> list[Entry]:
        """The entries one of whose cores ``text`` (lower case) holds; an alphabetic core only
        at a word's start."""
        found: dict[int, Entry] = {}
        for start in range(len(text) - 1):
            candidates = self.by_prefix.get(text[start : start + PREFIX])
            if not candidates:
                continue
            for core, index in candidates:
                if index in found or not text.startswith(core, start):
                    continue
                if is_alphabetic(core) and start and text[start - 1].isalnum():
                    continue
                found[index] = self.entries[index]
        return list(found.values())

    def equivalents(self, word: str) -> set[str]:
        """The names, in every language, of the entries that ``word`` (lower case) names:
        it is one of their cores, starts one (4 letters or more), or sounds like one or like
        a word of one (a surname: ペトロフ names Иван Петров)."""
        indexes: set[int] = set()
        for core, index in self.by_prefix.get(word[:PREFIX], []):
            if core == word or (len(word) >= 4 and core.startswith(word)):
                indexes.add(index)
        if len(key := sound_key(word)) >= MIN_SOUND:
            sounding = self.by_sound.get(key, set())
            if len(sounding) <= MAX_SOUNDALIKES:  # a common word names no one thing
                indexes |= sounding
        return {name for index in indexes for name in self.entries[index].names} - {word}


def _names(obj: Any, fields: tuple[str, ...] = ("name",)) -> tuple[str, ...]:
    values = [getattr(obj, f"{f}_{lang}", "") or "" for f in fields for lang in LANGUAGES]
    return tuple(dict.fromkeys(v.casefold().strip() for v in values if v and v.strip()))


def build_gazetteer() -> Gazetteer:
    gazetteer = Gazetteer()
    for region in Region.objects.only("pk", *(f"name_{lang}" for lang in LANGUAGES)):
        names = _names(region)
        cores = tuple(dict.fromkeys(c for n in names for c in place_cores(n)))
        gazetteer.add(Entry("region", region.pk, names, cores))
    for country in Country.objects.all():
        names = _names(country)
        gazetteer.add(Entry("country", country.pk, names, names))
    for model, kind in ((Organisation, "organisation"), (Person, "person")):
        for row in model.objects.only("pk", *(f"name_{lang}" for lang in LANGUAGES)):
            names = _names(row)
            cores = tuple(dict.fromkeys(c for n in names for c in name_cores(n)))
            gazetteer.add(Entry(kind, row.pk, names, cores))
    return gazetteer


def _fingerprint() -> tuple[str, ...]:
    parts: list[Any] = []
    for model in (Organisation, Person):
        row = model.objects.aggregate(n=Count("id"), last=Max("updated_at"))
        parts += [row["n"], row["last"]]
    parts += [Region.objects.count(), Country.objects.count()]
    return tuple(str(part) for part in parts)


_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()
_PINNED: ContextVar[Gazetteer | None] = ContextVar("pinned_gazetteer", default=None)


@contextmanager
def one_gazetteer() -> Iterator[Gazetteer]:
    """Within the block, every search text is built with the same gazetteer (a bulk load
    asks for it once, not once a record)."""
    token = _PINNED.set(search_gazetteer())
    try:
        yield _PINNED.get() or search_gazetteer()
    finally:
        _PINNED.reset(token)


def search_gazetteer() -> Gazetteer:
    """The gazetteer of the current records (built once, rebuilt when they change)."""
    if (pinned := _PINNED.get()) is not None:
        return pinned
    fingerprint = _fingerprint()
    with _LOCK:
        if _CACHE.get("fingerprint") == fingerprint:
            cached: Gazetteer = _CACHE["gazetteer"]
            return cached
    gazetteer = build_gazetteer()
    with _LOCK:
        _CACHE.update(fingerprint=fingerprint, gazetteer=gazetteer)
    return gazetteer
