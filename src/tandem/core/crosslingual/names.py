"""The words a place's name is found by, in any of the three languages (pure Python).

A region is written "Khabarovsk Krai", "Хабаровский край" and "ハバロフスク地方"; a text says
"Хабаровск" or "в Хабаровском крае". The core of a name drops the generic words of the
administrative kinds the embedded regions use (oblast, krai, republic, okrug, prefecture and
their Russian and Japanese forms), and a Russian adjective keeps its stem: "хабаровский" is
found as "хабаровск".
"""

from __future__ import annotations

import re

GENERIC_WORDS = frozenset(
    {
        "oblast", "krai", "republic", "of", "the", "autonomous", "okrug", "prefecture",
        "city", "federal", "область", "край", "республика", "автономный", "автономная",
        "автономного", "округ", "город", "народная", "префектура",
    }
)  # fmt: skip
# The kinds of the embedded regions in the three languages (core/data/regions.json): a query
# for "Khabarovsk Krai" finds "ハバロフスク地方" and "Хабаровский край". Russian forms are
# the word's cases or its stem.
ADMINISTRATIVE_TERMS: tuple[tuple[str, ...], ...] = (
    ("krai", "kray", "край", "крае", "краю", "края", "地方"),
    ("oblast", "област", "州"),
    ("republic", "республик", "共和国"),
    ("prefecture", "префектур", "県"),
    ("okrug", "округ", "管区"),
    ("autonomous", "автономн", "自治"),
)
JAPANESE_SUFFIXES = ("自治管区", "共和国", "自治州", "地方", "県", "州", "都", "府", "市")
RUSSIAN_ENDINGS = ("ая", "ий", "ое", "ой", "ый", "ые")
WORD = re.compile(r"[\w-]+")
MIN_CORE = 3
MIN_CJK_CORE = 2


def is_alphabetic(text: str) -> bool:
    """Latin or Cyrillic (found at a word's start), as against kana and kanji."""
    return all(ch < "\u3000" for ch in text)


def _russian_stem(word: str) -> str:
    for ending in RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_CORE + 1:
            return word[: -len(ending)]
    return word


def place_cores(name: str) -> list[str]:
    """What ``name`` (a region's, any language) is found by in a text, lower case."""
    name = re.sub(r"\(.*?\)", " ", name.casefold()).strip()
    if not is_alphabetic(name):
        for suffix in JAPANESE_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name = name[: -len(suffix)]
                break
        return [name] if len(name) >= MIN_CJK_CORE else []
    words = [word for word in WORD.findall(name) if word not in GENERIC_WORDS]
    core = " ".join(_russian_stem(word) for word in words)
    return [core] if len(core) >= MIN_CORE else []


def name_cores(name: str) -> list[str]:
    """An organisation's or person's name is found whole."""
    name = " ".join(name.casefold().split())
    shortest = MIN_CORE if is_alphabetic(name) else MIN_CJK_CORE
    return [name] if len(name) >= shortest else []


def administrative_equivalents(word: str) -> tuple[str, ...]:
    """The other languages' words for an administrative kind (``word`` lower case)."""
    for term in ADMINISTRATIVE_TERMS:
        if any(word == form or (len(form) >= 5 and word.startswith(form)) for form in term):
            return term
    return ()
