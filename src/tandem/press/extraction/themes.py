"""Plan areas (P1–P8 of the eight-point plan) an article is about, by its own words."""

from __future__ import annotations

import re

THEMES: dict[str, dict[str, str]] = {
    "P1": {
        "en": r"healthy life expectancy|health ?care|medical|medicine|rehabilitation|hospital",
        "ja": r"健康寿命|医療|リハビリ|病院",
        "ru": r"здоров\w+ жизни|здравоохранени|медицин|реабилитац|больниц",
    },
    "P2": {
        "en": r"clean cit|comfortable cit|urban|waste management|city environment",
        "ja": r"都市|廃棄物",
        "ru": r"городск\w+ сред|городов|отход",
    },
    "P3": {
        "en": r"small and medium-sized enterprises|\bSMEs?\b|small business",
        "ja": r"中小企業",
        "ru": r"мал\w+ и средн\w+ (?:бизнес|предпринимательств)|\bМСП\b",
    },
    "P4": {
        "en": r"\benergy\b|hydrogen|\bLNG\b|\boil\b|natural gas",
        "ja": r"エネルギー|水素|ＬＮＧ|LNG|石油|天然ガス",
        "ru": r"энергетик|водород|\bСПГ\b|нефт|газов",
    },
    "P5": {
        "en": r"productivity|diversification|specialists|trainees",
        "ja": r"生産性|多様化|専門家|研修生",
        "ru": r"производительност|диверсификац|специалист|стажер|стажёр",
    },
    "P6": {
        "en": r"Far East",
        "ja": r"極東",
        "ru": r"Дальн\w+ Восток",
    },
    "P7": {
        "en": r"advanced technolog|artificial.intelligence|robotics|digital|(?-i:\bIT\b)",
        "ja": r"先端技術|人工知能|ロボット|ＩＴ|IT企業|デジタル",
        "ru": r"искусственн\w+ интеллект|робототехник|передов\w+ технолог|цифров",
    },
    "P8": {
        "en": r"people-to-people|students|youth|tourism|cultural exchange",
        "ja": r"人的交流|学生|青少年|観光",
        "ru": r"студент|молод[её]ж|гуманитарн|туризм",
    },
}
COMPILED = {
    area: {lang: re.compile(p, re.IGNORECASE) for lang, p in by_lang.items()}
    for area, by_lang in THEMES.items()
}


def find_themes(text: str, language: str, skip: list[tuple[int, int]]) -> list[str]:
    """Plan areas named in ``text``, leaving out words inside ``skip`` (people's titles)."""
    found = []
    for area, by_lang in COMPILED.items():
        for m in by_lang[language].finditer(text):
            if not any(s <= m.start() < e for s, e in skip):
                found.append(area)
                break
    return found
