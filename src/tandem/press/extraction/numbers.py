"""Numbers written in words or digits, qualifiers and counted subjects, in three languages."""

from __future__ import annotations

import re
import unicodedata

EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
EN_NUMBER_WORD = "|".join(sorted(EN_UNITS, key=len, reverse=True))
EN_NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{EN_NUMBER_WORD})(?:-(?:{EN_NUMBER_WORD}))?"
    rf"(?:\s+hundred)?)"
)

RU_UNITS = {
    "один": 1,
    "два": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "четыреста": 400,
    "пятьсот": 500,
}

JA_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
JA_POWERS = {"十": 10, "百": 100, "千": 1000}

QUALIFIERS = {
    "en": [
        (r"more than|over|upwards of|in excess of|above", "more than"),
        (r"about|around|some|roughly|approximately|an estimated", "about"),
        (r"nearly|almost|close to", "nearly"),
        (r"at least|no fewer than|no less than", "at least"),
        (r"up to", "up to"),
        (r"fewer than|less than|under", "less than"),
    ],
    "ru": [
        (r"более|свыше|больше|более чем", "more than"),
        (r"около|порядка|примерно|приблизительно", "about"),
        (r"почти|практически|без малого", "nearly"),
        (r"не менее|как минимум", "at least"),
        (r"до", "up to"),
        (r"менее|меньше", "less than"),
    ],
}
JA_BEFORE = {"約": "about", "およそ": "about", "最大": "up to", "最大で": "up to"}
JA_AFTER = {
    "以上": "more than",
    "超": "more than",
    "余り": "more than",
    "余": "more than",
    "を超え": "more than",
    "を超える": "more than",
    "を超えた": "more than",
    "近く": "nearly",
    "近い": "nearly",
    "弱": "nearly",
    "未満": "less than",
}


def en_number(text: str) -> int | None:
    text = text.lower().strip()
    if re.fullmatch(r"[\d,]+", text):
        return int(text.replace(",", ""))
    total = 0
    hundred = text.endswith("hundred")
    text = text.removesuffix("hundred").strip()
    for part in text.split("-"):
        if part not in EN_UNITS:
            return None
        total += EN_UNITS[part]
    return total * 100 if hundred else total


def ja_number(text: str) -> int | None:
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in JA_DIGITS:
            current = JA_DIGITS[char]
        elif char in JA_POWERS:
            total += (current or 1) * JA_POWERS[char]
            current = 0
        else:
            return None
    return total + current or None


def ru_number(lemmas: list[str]) -> int | None:
    """The value of number words given by their lemmas (e.g. ['двадцать', 'пять'])."""
    if not lemmas or any(lemma not in RU_UNITS for lemma in lemmas):
        return None
    return sum(RU_UNITS[lemma] for lemma in lemmas)


# Counted things: a canonical English subject for each word a language uses.
EN_SUBJECTS = [
    (r"new (?:joint )?projects?", "new joint projects"),
    (r"(?:joint )?projects?", "joint projects"),
    (r"agreements?|deals?|memorand(?:um|a)|contracts?", "agreements"),
    (r"documents?", "documents"),
    (r"companies|company|enterprises?|makers?|firms?|manufacturers?", "companies"),
    (r"(?:business )?meetings?|talks", "meetings"),
    (r"specialists?|experts?|engineers?", "specialists"),
    (r"trainees?|interns?", "trainees"),
    (r"initiatives?", "initiatives"),
    (r"patients?", "patients"),
]
RU_SUBJECTS = {
    "проект": "joint projects",
    "соглашение": "agreements",
    "меморандум": "agreements",
    "контракт": "agreements",
    "документ": "documents",
    "компания": "companies",
    "предприятие": "companies",
    "фирма": "companies",
    "встреча": "meetings",
    "переговоры": "meetings",
    "специалист": "specialists",
    "эксперт": "specialists",
    "стажёр": "trainees",
    "стажер": "trainees",
    "инициатива": "initiatives",
    "пациент": "patients",
    "пункт": "plan points",
}
JA_SUBJECTS = [
    ("新たな共同プロジェクト", "new joint projects"),
    ("共同プロジェクト", "joint projects"),
    ("プロジェクト", "joint projects"),
    ("案件", "joint projects"),
    ("協定", "agreements"),
    ("覚書", "agreements"),
    ("契約", "agreements"),
    ("文書", "documents"),
    ("商談", "meetings"),
    ("会談", "meetings"),
    ("専門家", "specialists"),
    ("研修生", "trainees"),
    ("患者", "patients"),
    ("取り組み", "initiatives"),
    ("イニシアチブ", "initiatives"),
    ("企業", "companies"),
    ("メーカー", "companies"),
]
