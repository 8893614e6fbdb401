"""Amounts of money, percentages, ranges and counts in three languages (pure Python).

What a reader calls a figure: a number with its scale (億, 兆, 万, million, bln, млрд, тыс.), its
currency ($, ¥, yen, руб., долл., 円, ドル) or its unit (%, percent, процентов, 割, トン, tonnes),
or a number counting something (30 countries, 12工場, 25 компаний). A range (30-40%, 210~230億ドル)
gives both ends. Years, dates (the date finder's spans), times, ordinals (第3回, 3rd) and numbers
inside names (G20, LNG2, «Сахалин-2», Russia 24) are not figures. Scales and currencies follow
ordinary usage (ISO 4217 codes for the currencies, the SI and the languages' own number words).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tandem.core.text.scripts import HAN_RANGE, KANA_RANGE
from tandem.press.extraction.numbers import JA_AFTER, JA_BEFORE, QUALIFIERS

SCALES = {
    "trillion": 1e12,
    "trn": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "трлн": 1e12,
    "триллион": 1e12,
    "млрд": 1e9,
    "миллиард": 1e9,
    "млн": 1e6,
    "миллион": 1e6,
    "тыс": 1e3,
    "тысяч": 1e3,
    "兆": 1e12,
    "億": 1e8,
    "万": 1e4,
    "千": 1e3,
}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "¥": "JPY", "￥": "JPY", "€": "EUR", "£": "GBP"}
CURRENCY_WORDS = [
    (r"yen", "JPY"),
    (r"dollars?|usd", "USD"),
    (r"roubles?|rubles?|rub", "RUB"),
    (r"euros?|eur", "EUR"),
    (r"долл\.?|доллар\w*", "USD"),
    (r"руб\.?|рубл\w*", "RUB"),
    (r"иен\w*|йен\w*", "JPY"),
    (r"евро", "EUR"),
    (r"円", "JPY"),
    (r"米ドル|ドル", "USD"),
    (r"ルーブル", "RUB"),
    (r"ユーロ", "EUR"),
]
PERCENT = r"%|％|percent|per\s+cent|процент\w*|パーセント"
NUM = r"\d+(?:[.,\u00a0\u202f ]\d+)*"
EN_SCALE = r"trillion|billion|million|thousand|trn|bln|mln|bn|mn|tn|[mbk](?![a-z])"
RU_SCALE = r"трлн|млрд|млн|тыс\.?|триллион\w*|миллиард\w*|миллион\w*|тысяч\w*"
JA_SCALE = r"[兆億万千]"
DASH = r"\s?[-–—~〜～]\s?"
JA_COUNTERS = (
    r"カ国|か国|ヶ国|ケ国|社|人|名|件|つ|個|台|基|隻|機|都市|工場|機関|団体|校|分野|項目|"
    r"トン|キロ|平方メートル|立方メートル|メートル|倍|割"
)
MONTHS_EN = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december"
)
NOT_COUNTED_EN = re.compile(
    rf"(?:{MONTHS_EN}|years?|yr|st|nd|rd|th|am|pm|a\.m|p\.m|utc|gmt|min|minutes?|hours?|"
    r"days?|weeks?|months?|and|or|to|of|in|on|at|by|the|a|an|per|from|times?|p)$"
)
NOT_COUNTED_RU = re.compile(
    r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|год|лет|"
    r"г$|гг$|час|минут|сек|дн|недел|месяц|век|и$|или$|в$|на$|по$|с$|до$|от$|из$)"
)


@dataclass
class Quantity:
    """One figure: its value after the scale, what it counts or measures, where it was."""

    value: float
    unit: str
    qualifier: str | None
    start: int
    end: int


def parse_number(digits: str, language: str) -> float | None:
    """The value of digits as written: '50,194' and '10 000' are thousands, '5,2' (Russian)
    and '12.5' are decimals."""
    digits = unicodedata.normalize("NFKC", digits).replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", digits):
        return float(digits.replace(" ", ""))
    digits = digits.replace(" ", "")
    if language != "ru" and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        return float(digits.replace(",", ""))
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


def scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    word = word.casefold().rstrip(".")
    for stem, factor in SCALES.items():
        if word == stem or (len(stem) > 3 and word.startswith(stem)):
            return factor
    return 1.0


def currency_of(word: str | None) -> str | None:
    if not word:
        return None
    word = word.strip()
    if word in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[word]
    for pattern, code in CURRENCY_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return code
    return None


CURRENCY_WORD = "|".join(p for p, _c in CURRENCY_WORDS)
SIGN = r"US\$|\$|¥|￥|€|£"
QUAL_EN = "|".join(p for p, _q in QUALIFIERS["en"])
QUAL_RU = "|".join(p for p, _q in QUALIFIERS["ru"])
EDGE = r"(?<![\w.,\-+/#№])"
JA_EDGE = r"(?<![\dA-Za-z.,\-])"

LATIN = re.compile(
    rf"(?:\b(?P<qual>{QUAL_EN}|{QUAL_RU})\s+)?(?P<sign>{SIGN})?\s?{EDGE}(?P<num>{NUM})"
    rf"(?:{DASH}(?P<num2>{NUM}))?\s?(?P<scale>(?:{EN_SCALE}|{RU_SCALE})(?![\w]))?\s?"
    rf"(?:(?P<percent>{PERCENT})|(?P<currency>{CURRENCY_WORD})(?!\w)|"
    r"(?P<noun>(?:[A-Za-zА-Яа-яЁё][\w-]*\s+){0,2}?[A-Za-zА-Яа-яЁё][\w-]*))?",
    re.IGNORECASE,
)
JAPANESE = re.compile(
    r"(?P<qual>約|およそ|最大で?)?(?P<sign>US\$|\$|¥|￥)?"
    rf"(?P<amount>(?:{JA_EDGE}{NUM}\s?{JA_SCALE})+(?:{NUM})?|{JA_EDGE}{NUM})"
    rf"(?:{DASH}(?P<amount2>(?:{NUM}\s?{JA_SCALE})+(?:{NUM})?|{NUM}))?"
    rf"(?:(?P<percent>{PERCENT})|(?P<currency>米ドル|ドル|円|ルーブル|ユーロ)|"
    rf"(?P<counter>{JA_COUNTERS})|(?P<of>の(?P<noun>[{KANA_RANGE}{HAN_RANGE}]{{1,4}})))?"
    r"(?P<after>以上|超|余り|余|近く|弱|未満)?"
)


def japanese_amount(written: str) -> float | None:
    """'1兆1,380億' = 1.138e12; '660万' = 6.6e6; '2,900' = 2900."""
    total = 0.0
    parts = re.findall(rf"({NUM})\s?({JA_SCALE})?", written)
    if not parts:
        return None
    for digits, scale in parts:
        value = parse_number(digits, "ja")
        if value is None:
            return None
        total += value * scale_of(scale)
    return total


def _qualifier(word: str | None, language: str) -> str | None:
    if not word:
        return None
    if language == "ja":
        return JA_BEFORE.get(word) or JA_AFTER.get(word)
    for pattern, name in QUALIFIERS["en"] + QUALIFIERS["ru"]:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return name
    return None


def _is_year(value: float, unit: str) -> bool:
    return unit == "" and 1900 <= value <= 2100 and value == int(value)


def find_quantities(text: str, language: str, start: int = 0) -> list[Quantity]:
    """Every figure in ``text`` from ``start``, in order (dates are left to the caller)."""
    if language == "ja":
        return _japanese(text, start)
    return _latin(text, language, start)


def _latin(text: str, language: str, start: int) -> list[Quantity]:
    found: list[Quantity] = []
    for m in LATIN.finditer(text, start):
        if re.match(r"\s?-?point\b|:\d|st\b|nd\b|rd\b|th\b", text[m.end("num") :]):
            continue
        sign, currency = m["sign"], currency_of(m["currency"])
        unit = CURRENCY_SIGNS.get(sign or "") or currency or ""
        if m["percent"]:
            unit = "percent"
        scale = scale_of(m["scale"])
        if not unit and not m["scale"]:
            noun = (m["noun"] or "").split()
            before = text[max(0, m.start("num") - 40) : m.start("num")]
            named = re.search(r"[^.!?\n\s]\s+[A-ZА-ЯЁ][\w-]*\s$", before)
            if not noun or _not_counted(noun[0], language) or (named and not m["qual"]):
                continue  # "Russia 24", "Innoprom 2017": part of a name
            unit = noun[-1].casefold()
        elif m["scale"] and not unit:
            noun = (m["noun"] or "").split()
            unit = noun[-1].casefold() if noun else m["scale"].casefold().rstrip(".")
        values = [parse_number(m["num"], language)]
        if m["num2"]:
            values.append(parse_number(m["num2"], language))
        qualifier = _qualifier(m["qual"], language)
        for value in values:
            bare = not (m["scale"] or m["sign"] or m["percent"] or currency)
            if value is None or (bare and _is_year(value, "")):
                continue
            found.append(Quantity(value * scale, unit, qualifier, m.start(), m.end()))
    return found


def _not_counted(word: str, language: str) -> bool:
    word = word.casefold().rstrip(".,")
    if language == "ru":
        return bool(NOT_COUNTED_RU.match(word))
    return bool(NOT_COUNTED_EN.match(word)) or word[:1].isupper()


def _japanese(text: str, start: int) -> list[Quantity]:
    found: list[Quantity] = []
    for m in JAPANESE.finditer(text, start):
        head = text[max(0, m.start() - 1) : m.start()]
        tail = text[m.end("amount") : m.end("amount") + 1]
        if head in ("第", "G") or re.match(r"[A-Za-z]", head) or tail in "年月日時分回期次位号歳":
            if not (m["percent"] or m["currency"] or m["counter"]):
                continue
            if tail in "年月日時分回期次位号歳" or head == "第":
                continue
        sign = m["sign"]
        unit = (
            "percent"
            if m["percent"]
            else CURRENCY_SIGNS.get(sign or "") or currency_of(m["currency"]) or m["counter"] or ""
        )
        if m["counter"] == "割":
            unit = "割"
        if not unit and m["noun"]:
            unit = m["noun"]
        qualifier = _qualifier(m["qual"] or m["after"], "ja")
        if not unit and not qualifier and not re.search(JA_SCALE, m["amount"]):
            continue
        amounts = [m["amount"]] + ([m["amount2"]] if m["amount2"] else [])
        if m["amount2"] and not re.search(JA_SCALE, m["amount"]):
            scale = re.search(rf"{JA_SCALE}$", m["amount2"])
            amounts[0] += scale.group() if scale else ""
        for written in amounts:
            value = japanese_amount(written)
            if value is None or _is_year(value, unit):
                continue
            found.append(Quantity(value, unit, qualifier, m.start(), m.end()))
    return found
