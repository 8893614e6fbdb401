"""English glosses of Japanese and Russian names, built from reference data at import time.

multilingual-e5-small is weakest on Japanese and on rare words. Before a Japanese or Russian
text is embedded, the English names of the reference terms it contains are appended in
brackets, so both sides also meet in the model's strongest language. The original text is
still what explanations show.

There is no hand-written word list here. A :class:`Glossary` is built by
:func:`glossary_from_names` from parallel names (one thing named in English, Japanese and
Russian) taken from a named source:

- Japanese: every run of two or more kanji/katakana in the Japanese name (after the
  conjunctions 及び, 並びに, 又は, その他 are cut out) glosses to the English name;
- Russian: every content word of the Russian name becomes a stem (its inflectional ending
  cut off) that glosses to the English name; words whose stem would be shorter than five
  letters match only whole;
- a segment or stem that occurs in the names of more than one thing is dropped, unless it
  heads (comes first in) exactly one of them ("Древесина и изделия из неё" keeps древесин),
  so only distinctive words gloss ("край" and "県" gloss nothing), and generic heading words
  (製造 "manufactured", изделия "articles", прочие "other"...) never gloss.

:func:`default_glossary` (used by :func:`glosses` and :func:`expand`) is built from the
gazetteer that ships with tandem (``tandem/core/data``: the names of Japan's prefectures,
Russia's regions and its federal districts, in three languages). Apps higher
up add their own reference data (matchmaking adds the HS nomenclature's chapter names and the
programme's plan areas and national projects: :mod:`tandem.matchmaking.matching.glossary`).
Evaluation records are never a source.
"""

from __future__ import annotations

import collections
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_WORD_RE = re.compile(r"[\w\-]+", re.UNICODE)
_JA_RUN_RE = re.compile(r"[\u3400-\u9fff\u3005\u30a1-\u30fa\u30fc]{2,}")
_KATAKANA_RE = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_JA_CONJUNCTIONS = re.compile(r"及び|並びに|又は|その他|これら|ならびに|及|並|又")
# inflectional endings, longest first (nouns and adjectives, all cases)
_RU_ENDINGS = (
    "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иям", "иях", "ых", "их",
    "ия", "ие", "ий", "ая", "яя", "ое", "ее", "ые", "ый", "ой", "ей", "ую", "юю", "ов", "ев",
    "ам", "ям", "ах", "ях", "ом", "ем", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
)  # fmt: skip
_RU_FUNCTION_WORDS = frozenset((
    "или", "для", "них", "него", "нее", "как", "при", "без", "над", "под", "все", "его",
    "кроме", "прочие", "прочих", "другие", "других", "разные", "иные", "том", "числе",
    "также", "которые", "этих",
))  # fmt: skip
# generic words of headings that say nothing about the thing named (manufactured, products,
# materials, other...): they never gloss, however distinctive within one source
_JA_GENERIC = frozenset((
    "製造", "製品", "調製品", "生産品", "材料", "用品", "物品", "加工", "部分", "部品", "代用品",
    "製造品", "一般", "各種", "該当", "中古", "天然", "人造", "変性",
    "ロシア", "日本",  # the two countries: nearly every text names the other one
))  # fmt: skip
_RU_GENERIC_STEMS = (
    "издел", "продукт", "материал", "изготовлен", "производств", "промышленн", "готов",
    "част", "прочи", "друг", "различн", "аналогичн", "подобн", "развит", "повышен",
    "расширен", "создан", "поддержк", "сотрудничеств",
    "северн", "южн", "восточн", "западн", "центральн", "росси", "япони",
)  # fmt: skip
_JA_PREFECTURE_SUFFIX = re.compile(r"(?<=..)[県府]$|(?<=..)都$")
_RU_MIN_STEM = 5  # shorter stems would catch unrelated words ("мари" in "маринад")
_RU_WHOLE_WORD_MAX = 4

ParallelName = tuple[str, str, str]  # (English, Japanese, Russian)


def normalise_ru(word: str) -> str:
    return word.lower().replace("ё", "е")


def ru_stem(word: str) -> str:
    """``word`` without its inflectional ending (at least five letters are kept)."""
    word = normalise_ru(word)
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _RU_MIN_STEM:
            return word[: -len(ending)]
    return word


def ja_segments(name: str) -> list[str]:
    """The kanji/katakana runs of a Japanese name, in order, generic words left out."""
    runs = _JA_RUN_RE.findall(_JA_CONJUNCTIONS.sub("、", name))
    return [
        run
        for run in dict.fromkeys(runs)
        if run not in _JA_GENERIC and (len(run) >= 3 or not _KATAKANA_RE.fullmatch(run))
    ]  # two katakana alone are mostly part of a longer word (マテ in マテリアル)


def ru_keys(name: str) -> list[tuple[str, str]]:
    """("stem" or "word", key) for the content words of a Russian name, in order."""
    keys: list[tuple[str, str]] = []
    for raw in _WORD_RE.findall(normalise_ru(name)):
        word = raw.strip("-")
        if len(word) < 3 or word in _RU_FUNCTION_WORDS or not word.isalpha():
            continue
        stem = ru_stem(word)
        if stem.startswith(_RU_GENERIC_STEMS):
            continue
        if len(word) <= _RU_WHOLE_WORD_MAX or len(stem) < _RU_MIN_STEM:
            keys.append(("word", word))
        else:
            keys.append(("stem", stem))
    return list(dict.fromkeys(keys))


@dataclass(frozen=True)
class Glossary:
    """Japanese terms (matched anywhere), Russian stems (matched at a word's start, any
    ending) and short Russian whole words, each with its English gloss."""

    ja_terms: dict[str, str] = field(default_factory=dict)
    ru_stems: dict[str, str] = field(default_factory=dict)
    ru_words: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ja_terms) + len(self.ru_stems) + len(self.ru_words)

    def __hash__(self) -> int:
        return id(self)

    def merged(self, other: Glossary) -> Glossary:
        """This glossary with ``other``'s entries added (this one's gloss wins a conflict)."""
        return Glossary(
            {**other.ja_terms, **self.ja_terms},
            {**other.ru_stems, **self.ru_stems},
            {**other.ru_words, **self.ru_words},
        )

    def glosses(self, text: str, language: str) -> list[str]:
        found: list[str] = []
        if language == "ja" and self.ja_terms:
            found = [self.ja_terms[m.group(0)] for m in _ja_pattern(self).finditer(text)]
        elif language == "ru":
            for word in _WORD_RE.findall(normalise_ru(text)):
                gloss = _ru_gloss(self, word)
                if gloss is not None:
                    found.append(gloss)
        return list(dict.fromkeys(found))

    def expand(self, text: str, language: str) -> str:
        extra = self.glosses(text, language)
        if not extra:
            return text
        return f"{text} ({'; '.join(extra)})"


def glossary_from_names(names: Iterable[ParallelName]) -> Glossary:
    """A glossary of the distinctive words of parallel names (see the module docstring)."""
    rows: list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = []
    for en, ja, ru in names:
        if en.strip():
            rows.append((en.strip(), [("ja", seg) for seg in ja_segments(ja)], ru_keys(ru)))
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    heads: collections.Counter[tuple[str, str]] = collections.Counter()
    for _, ja_keys, ru_key_list in rows:
        for keys in (ja_keys, ru_key_list):
            counts.update(keys)
            heads.update(keys[:1])
    tables: dict[str, dict[str, str]] = {"ja": {}, "stem": {}, "word": {}}
    for en, ja_keys, ru_key_list in rows:
        for keys in (ja_keys, ru_key_list):
            for position, key in enumerate(keys):
                is_head = position == 0 and heads[key] == 1
                if counts[key] == 1 or is_head:
                    tables[key[0]].setdefault(key[1], en)
    return Glossary(tables["ja"], tables["stem"], tables["word"])


@lru_cache(maxsize=8)
def _ja_pattern(glossary: Glossary) -> re.Pattern[str]:
    terms = sorted(glossary.ja_terms, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms))


@lru_cache(maxsize=8)
def _ru_stem_lengths(glossary: Glossary) -> tuple[int, ...]:
    return tuple(sorted({len(stem) for stem in glossary.ru_stems}, reverse=True))


def _ru_gloss(glossary: Glossary, word: str) -> str | None:
    """The gloss of the longest stem that starts ``word`` (or of ``word`` as a whole word).

    At most one stem of a given length can start ``word`` (its prefix of that length), so
    trying the prefixes longest first finds the same stem as scanning every stem by length.
    """
    if word in glossary.ru_words:
        return glossary.ru_words[word]
    for size in _ru_stem_lengths(glossary):
        if size <= len(word) and word[:size] in glossary.ru_stems:
            return glossary.ru_stems[word[:size]]
    return None


def _read_core_data(name: str) -> list[dict[str, object]]:
    text = resources.files("tandem.core.data").joinpath(name).read_text(encoding="utf-8")
    rows: list[dict[str, object]] = json.loads(text)
    return rows


def gazetteer_names() -> list[ParallelName]:
    """Regions and federal districts of tandem's gazetteer in three languages. The two
    countries are left out: nearly every text names the other country, so "Japan" and
    "Russia" would be appended everywhere and tell nothing apart."""
    names: list[ParallelName] = []
    for file in ("regions.json", "federal_districts.json"):
        for row in _read_core_data(file):
            ja = _JA_PREFECTURE_SUFFIX.sub("", str(row["name_ja"]))  # 青森県 -> 青森
            names.append((str(row["name_en"]), ja, str(row["name_ru"])))
    return names


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return glossary_from_names(gazetteer_names())


def glosses(text: str, language: str) -> list[str]:
    return default_glossary().glosses(text, language)


def expand(text: str, language: str) -> str:
    return default_glossary().expand(text, language)
