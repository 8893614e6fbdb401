"""Romanisation of Russian Cyrillic and Japanese kana, and a sound key where they meet.

Cyrillic follows BGN/PCGN (1947) romanisation: х → kh, ц → ts, ж → zh, й → y (the English
spelling of Russian names: Khabarovsk). Kana follow modified Hepburn (ハ → ha, シ → shi,
チ → chi, ツ → tsu, フ → fu); the long-vowel mark is dropped. The two do not meet letter for
letter ("khabarovsk", "habarofusuku"), so ``sound_key`` reduces a romanised word to its
consonants, merging what the two scripts write differently: kh/h, l/r (Japanese has one),
v/b/f/w (ヴ, ブ, フ, ワ all stand for the Russian в), ts/ch/t, sh/s, zh/j/dz/z; vowels and y
are dropped (Japanese adds u and o after consonants). Khabarovsk, Хабаровск and ハバロフスク
all give "hbrbsk". Pure Python: no Django.
"""

from __future__ import annotations

import re
import unicodedata

from tandem.core.text.scripts import CYRILLIC_RANGE

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip

KANA = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n", "ヴ": "vu",
}  # fmt: skip
SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
SMALL_VOWEL = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ヮ": "a"}
SOKUON = "ッ"
LONG_MARK = "ー"
SEPARATORS = "・＝="

HIRAGANA_START, HIRAGANA_END, KANA_OFFSET = 0x3041, 0x3096, 0x60

# Longest first: each is applied left to right over the whole word.
SOUND_MERGES = (
    ("shch", "s"), ("tch", "t"), ("kh", "h"), ("zh", "z"), ("ch", "t"), ("sh", "s"),
    ("ts", "t"), ("dz", "z"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("j", "z"),
    ("q", "k"), ("c", "k"), ("w", "b"), ("v", "b"), ("f", "b"), ("l", "r"),
)  # fmt: skip
VOWELS = re.compile(r"[aeiouy]")
DOUBLED = re.compile(r"([a-z])\1+")
LETTERS = re.compile(r"[a-z]+")
# A run of one script: Latin letters, Cyrillic letters, kana (with ー), or anything else.
TOKEN = re.compile(
    rf"[a-z0-9]+|[{CYRILLIC_RANGE}]+|[\u30a1-\u30fa\u30fc-\u30ff\u3041-\u3096\uff66-\uff9f]+",
    re.IGNORECASE,
)


def to_katakana(text: str) -> str:
    return "".join(
        chr(ord(ch) + KANA_OFFSET) if HIRAGANA_START <= ord(ch) <= HIRAGANA_END else ch
        for ch in unicodedata.normalize("NFKC", text)
    )


def kana_to_latin(text: str) -> str:
    """Hepburn romanisation of katakana or hiragana; other characters are kept."""
    out: list[str] = []
    double_next = False
    for ch in to_katakana(text):
        if ch == SOKUON:
            double_next = True
            continue
        if ch == LONG_MARK:
            continue
        if ch in SEPARATORS:
            out.append(" ")
            continue
        if ch in SMALL_Y and out and out[-1].endswith("i"):
            stem = out[-1][:-1]
            glide = "" if stem.endswith(("sh", "ch", "j")) else "y"
            out[-1] = stem + glide + SMALL_Y[ch]
            continue
        if ch in SMALL_VOWEL and out and out[-1] and out[-1][-1] in "aeiou":
            stem = out[-1][:-1]
            out[-1] = (stem or "w") + SMALL_VOWEL[ch]
            continue
        syllable = KANA.get(ch, SMALL_Y.get(ch, SMALL_VOWEL.get(ch, ch)))
        if double_next and syllable[:1].isalpha() and syllable[0] not in "aeiou":
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double_next = False
        out.append(syllable)
    return "".join(out)


def cyrillic_to_latin(text: str) -> str:
    """BGN/PCGN romanisation of Russian (lower case); other characters are kept."""
    return "".join(CYRILLIC.get(ch, ch) for ch in text.casefold())


def romanise(word: str) -> str:
    """The word in Latin letters, lower case, without accents, whatever its script."""
    latin = cyrillic_to_latin(kana_to_latin(word.casefold()))
    decomposed = unicodedata.normalize("NFKD", latin)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sound_key(word: str) -> str:
    """The consonants of the romanised word, with the spellings the scripts differ in
    merged (see the module's docstring); "" for a word without letters."""
    latin = "".join(LETTERS.findall(romanise(word)))
    for spelling, sound in SOUND_MERGES:
        latin = latin.replace(spelling, sound)
    latin = DOUBLED.sub(r"\1", latin)
    return VOWELS.sub("", latin)


def is_latin(word: str) -> bool:
    return all(ch.isascii() for ch in word)


def tokens(text: str) -> list[str]:
    """The runs of one script in ``text``, lower case (kanji and punctuation are left out)."""
    return [token.casefold() for token in TOKEN.findall(text)]
