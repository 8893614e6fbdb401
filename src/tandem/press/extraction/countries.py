"""Countries named as locations, not as actors (pure Python).

"a visit to Russia", "trainees in Japan", "визит в Японию", "в России", "ロシアを訪問", "日本で":
a country after a word of place or motion is where something happens, and is a place; "Japan
proposed", "Россия и Япония подписали" are the countries acting, and are not. The country names
are the ordinary names of the states the programme deals with and their neighbours (English
short names, Russian stems with every case ending, Japanese names).
"""

from __future__ import annotations

import re

from tandem.core.text.scripts import HAN_RANGE, KATAKANA_RANGE
from tandem.press.extraction.facts import NameFact

COUNTRIES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (r"Japan", "Japan"),
        (r"Russia", "Russia"),
        (r"China", "China"),
        (r"India", "India"),
        (r"Peru", "Peru"),
        (r"South\s+Korea", "South Korea"),
        (r"Vietnam", "Vietnam"),
    ],
    "ru": [
        (r"Япони[июяей]", "Япония"),
        (r"Росси[июяей]", "Россия"),
        (r"Кита[йяюе]", "Китай"),
        (r"Инди[июяей]", "Индия"),
        (r"Перу", "Перу"),
    ],
    "ja": [
        (r"日本", "日本"),
        (r"ロシア", "ロシア"),
        (r"中国", "中国"),
        (r"インド", "インド"),
        (r"ペルー", "ペルー"),
    ],
}
BEFORE = {
    "en": r"\b(?:in|to|from|into|across|throughout|toured|visiting|visited|visits?)\s+(?:the\s+)?",
    "ru": r"(?<![\w-])(?:в|во|из|по|посетит|посетил[аи]?|прибыл[аи]?\s+в)\s+",
}
JA_AFTER = r"(?=を訪問|を訪れ|を訪ね|で(?!は|も)|に出張|に滞在|に到着|へ|から(?!の))"


def countries_as_places(text: str, language: str, start: int) -> list[NameFact]:
    found: dict[str, NameFact] = {}
    for pattern, name in COUNTRIES[language]:
        if language == "ja":
            regex = re.compile(rf"(?<![{KATAKANA_RANGE}{HAN_RANGE}]){pattern}{JA_AFTER}")
        else:
            regex = re.compile(
                rf"{BEFORE[language]}(?P<c>{pattern})(?![\w-])",
                re.IGNORECASE if language == "ru" else 0,
            )
        for m in regex.finditer(text, start):
            span = m.span("c") if language != "ja" else m.span()
            fact = found.setdefault(name, NameFact(name, None, []))
            fact.spans.append(span)
    return list(found.values())
