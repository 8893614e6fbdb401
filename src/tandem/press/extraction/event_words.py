"""Words that name events in three languages, and recurring events known by name (pure Python).

Each trigger gives a kind and the event's name as written: the phrase that ends in the trigger
word (日露首脳会談, Eastern Economic Forum, российско-японский деловой форум). The named events
are the programme's recurring forums and fairs under their official names, acronyms and the
descriptions their organisers use (the organisers' own sites: forumvostok.ru, forumspb.com,
innoprom.com, ceatec.com; APEC from apec.org).
"""

from __future__ import annotations

import re

from tandem.core.text.scripts import HAN_RANGE, KATAKANA_RANGE

JA_NOUN = rf"[{KATAKANA_RANGE}{HAN_RANGE}A-Za-z0-9・ー]"

TRIGGER_WORDS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("press conference", r"(?:joint\s+)?press\s+conference"),
        ("summit", r"summit(?:\s+meeting)?|(?:[A-Z][\w-]*\s+)?leaders'?\s+meeting"),
        ("talks", r"talks|negotiations"),
        ("meeting", r"meetings?|met\b"),
        ("forum", r"(?:(?:[A-Z][\w-]*|of|the)\s+){0,5}?Forum|forum"),
        ("symposium", r"symposium"),
        ("roundtable", r"round\s?table"),
        ("ceremony", r"ceremony"),
        ("reception", r"reception"),
        ("fair", r"(?:trade\s+)?fairs?|exhibition|expo"),
        ("IPO", r"initial\s+public\s+offering|IPO"),
        ("ratification", r"ratif(?:y|ied|ication)"),
        ("mission", r"(?:business\s+)?mission"),
        ("dialogue", r"(?:business\s+)?dialogue"),
    ],
    "ja": [
        ("press conference", rf"{JA_NOUN}*(?:記者会見|会見)"),
        ("summit", rf"{JA_NOUN}*(?:首脳会談|サミット)"),
        ("meeting", rf"{JA_NOUN}*(?:会談|会合|会議|朝食会|ブレックファースト)"),
        ("talks", rf"{JA_NOUN}*交渉"),
        ("forum", rf"{JA_NOUN}*フォーラム"),
        ("roundtable", rf"{JA_NOUN}*ラウンドテーブル"),
        ("ceremony", rf"{JA_NOUN}*(?:セレモニー|式典|調印式)"),
        ("reception", rf"{JA_NOUN}*レセプション"),
        ("fair", rf"{JA_NOUN}*(?:見本市|博覧会|展示会)"),
        ("business meetings", rf"{JA_NOUN}*商談会"),
        ("symposium", rf"{JA_NOUN}*シンポジウム"),
        ("dialogue", rf"{JA_NOUN}*対話"),
    ],
    "ru": [
        ("press conference", r"пресс-конференц\w*"),
        ("summit", r"саммит\w*"),
        ("talks", r"переговор\w*"),
        ("meeting", r"встреч\w*"),
        ("forum", r"(?:[\w-]+\s+){0,2}форум\w*"),
        ("fair", r"выставк\w*"),
        ("ceremony", r"церемони\w*"),
        ("symposium", r"симпозиум\w*"),
        ("roundtable", r"кругл\w+\s+стол\w*"),
    ],
}

# Recurring events under every name they go by (official name, acronym, description).
NAMED_EVENTS: list[tuple[str, str, dict[str, list[str]]]] = [
    (
        "forum",
        "Eastern Economic Forum",
        {
            "en": [r"Eastern\s+Economic\s+Forum", r"EEF"],
            "ja": [r"東方経済フォーラム"],
            "ru": [r"Восточн\w+\s+экономическ\w+\s+форум\w*", r"ВЭФ"],
        },
    ),
    (
        "forum",
        "St. Petersburg International Economic Forum",
        {
            "en": [
                r"(?:St\.?\s*|Saint\s+)Petersburg\s+International\s+Economic\s+Forum",
                r"SPIEF",
            ],
            "ja": [r"サンクトペテルブルク国際経済フォーラム"],
            "ru": [r"Петербургск\w+\s+международн\w+\s+экономическ\w+\s+форум\w*", r"ПМЭФ"],
        },
    ),
    (
        "fair",
        "Innoprom",
        {
            "en": [r"INNOPROM", r"Innoprom"],
            "ja": [r"イノプロム", r"インノプロム"],
            "ru": [r"Иннопром\w*", r"ИННОПРОМ"],
        },
    ),
    (
        "fair",
        "CEATEC",
        {
            "en": [r"CEATEC", r"Combined\s+Exhibition\s+of\s+Advanced\s+Technologies"],
            "ja": [r"CEATEC", r"シーテック"],
            "ru": [r"CEATEC", r"Сиатек"],
        },
    ),
    (
        "summit",
        "APEC",
        {
            "en": [r"APEC", r"Asia-Pacific\s+Economic\s+Cooperation"],
            "ja": [r"APEC", r"アジア太平洋経済協力"],
            "ru": [r"АТЭС"],
        },
    ),
]


def triggers(language: str) -> list[tuple[str, re.Pattern[str]]]:
    flags = re.IGNORECASE if language == "ru" else 0
    edge = "" if language == "ja" else r"(?<![\w-])"
    tail = "" if language == "ja" else r"(?![\w-])"
    return [
        (kind, re.compile(rf"{edge}(?:{pattern}){tail}", flags))
        for kind, pattern in TRIGGER_WORDS[language]
    ]


def named_events(language: str) -> list[tuple[str, str, re.Pattern[str]]]:
    edge = "" if language == "ja" else r"(?<![\w-])"
    return [
        (kind, name, re.compile(rf"{edge}(?:{'|'.join(forms[language])})(?:[-\s]?\d{{4}})?"))
        for kind, name, forms in NAMED_EVENTS
    ]
