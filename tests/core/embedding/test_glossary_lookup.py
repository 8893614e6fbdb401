"""The indexed glossary lookup gives exactly what the former linear scan gave, for any text."""

from __future__ import annotations

import random

import pytest

from tandem.core.embedding.glossary import _WORD_RE, _ja_pattern, normalise_ru
from tandem.matchmaking.matching.glossary import expand, glosses, matchmaking_glossary

pytestmark = pytest.mark.unit

GLOSSARY = matchmaking_glossary()  # the largest glossary tandem builds
JA_TERMS = GLOSSARY.ja_terms
RU_TERMS = GLOSSARY.ru_stems
RU_WORDS = GLOSSARY.ru_words


def reference_glosses(text: str, language: str) -> list[str]:
    """The glossary before it was indexed: every Russian word scanned every stem."""
    found: list[str] = []
    if language == "ja":
        found = [JA_TERMS[m.group(0)] for m in _ja_pattern(GLOSSARY).finditer(text)]
    elif language == "ru":
        stems = tuple(sorted(RU_TERMS, key=len, reverse=True))
        for word in _WORD_RE.findall(normalise_ru(text)):
            if word in RU_WORDS:
                found.append(RU_WORDS[word])
                continue
            for stem in stems:
                if word.startswith(stem) and (len(stem) >= 3 or word == stem):
                    found.append(RU_TERMS[stem])
                    break
    return list(dict.fromkeys(found))


RU_FILLER = [
    "мы", "и", "в", "на", "для", "с", "по", "производим", "ищем", "оборудование", "риск",
    "винт", "компания", "Ёж", "ЁЖИК", "ЖД", "ж/д", "т.д.", "3D-печать", "ERP-система",
    "пресс-формы", "интернет-магазины", "—", "«", "»", "…", "123", "a1", "_", "-",
]  # fmt: skip
EN_FILLER = ["we", "make", "CNC", "lathes", "bearings", "for", "and", "rice", "wine", "OEM"]
JA_FILLER = ["を", "製造", "しています", "向け", "の", "、", "。", "と", "や", "株式会社", "ー"]
PUNCTUATION = [" ", ", ", ". ", "; ", "-", "/", "(", ")", "«", "»", "\n", "", "  ", "!", "?"]


def _ru_word(rng: random.Random) -> str:
    """A word built on a stem or whole word (exact, prefix of it, or with any ending)."""
    base = rng.choice([*RU_TERMS, *RU_WORDS, *RU_FILLER])
    shape = rng.randrange(6)
    if shape == 0:
        return base
    if shape == 1 and len(base) > 1:
        return base[: rng.randrange(1, len(base))]  # a prefix of a stem: usually no match
    if shape == 2:
        return base.upper() if rng.random() < 0.5 else base.capitalize()
    ending = rng.choice(["а", "и", "ов", "ами", "ый", "ого", "ение", "ы", "е", "ь", "ём", "-ка"])
    return base + ending


def _text(rng: random.Random, language: str) -> str:
    parts: list[str] = []
    for _ in range(rng.randrange(0, 12)):
        if language == "ru":
            parts.append(_ru_word(rng) if rng.random() < 0.7 else rng.choice(RU_FILLER))
        elif language == "ja":
            term = rng.choice([*JA_TERMS, *JA_FILLER])
            parts.append(term if rng.random() < 0.8 else term[: max(1, len(term) - 1)])
        else:
            parts.append(rng.choice([*EN_FILLER, *RU_TERMS, *JA_TERMS]))
        parts.append(rng.choice(PUNCTUATION))
    return "".join(parts)


def corpus() -> list[tuple[str, str]]:
    rng = random.Random(20261127)
    texts = [(_text(rng, lang), lang) for lang in ("ru", "ja", "en") for _ in range(1500)]
    edge = [
        "", " ", "-", "—", ".", "(", "()", "\n\n", "а", "ж", "жд", "жд-", "вин", "вино",
        "винт", "рис", "риск", "рисовый", "ёж", "ёжик", "мёд", "медицинский", "тур", "туризм",
        "туроператор", "турбина", "суд", "судоремонт", "суды", "сои", "соя", "соевый", "окн",
        "окно", "жил", "жилой", "жилищный", "ветр", "ветрогенератор", "3d-печать", "3D-ПЕЧАТЬ",
        "пресс-форма", "интернет-магазин", "erp", "ERP", "mes", "MESSAGE", "спг", "СПГ",
        "подшипник", "подшипники,подшипников", "литьё", "литье", "Литьём", "берёза", "береза",
        "станк", "стан", "ст", "с", "энерг", "энергоэффективный", "кож", "кожа", "икр", "икра",
    ]  # fmt: skip
    ja_edge = ["", "。", "マシニング", "マシニングセンタ", "そば粉", "そば", "玄そば", "紙パルプ",
               "冷凍コンテナ冷凍", "OEMOEM", "3Dプリンタ", "ＬＮＧ", "LNG", "部品部品"]  # fmt: skip
    texts += [(t, "ru") for t in edge] + [(t, "ja") for t in ja_edge]
    texts += [(t, "en") for t in edge[:10]] + [(t, "xx") for t in edge[:10]]
    texts += [(" ".join(RU_TERMS), "ru"), (" ".join(RU_WORDS), "ru"), ("".join(JA_TERMS), "ja")]
    texts += [(stem + "ы", "ru") for stem in RU_TERMS] + [(w.upper(), "ru") for w in RU_WORDS]
    return texts


def test_glosses_equal_the_linear_scan_on_generated_texts() -> None:
    texts = corpus()
    assert len(texts) > 4500
    mismatches = [
        (text, lang) for text, lang in texts if glosses(text, lang) != reference_glosses(text, lang)
    ]
    assert mismatches == []
    matched = sum(bool(reference_glosses(text, lang)) for text, lang in texts)
    assert matched > len(texts) // 2  # the corpus exercises matches, not only misses


def test_glosses_equal_the_linear_scan_for_every_prefix_of_every_term() -> None:
    words = {w[:n] for w in [*RU_TERMS, *RU_WORDS] for n in range(len(w) + 1)}
    for word in sorted(words):
        for text in (word, word + "ами", f"{word} {word}я"):
            assert glosses(text, "ru") == reference_glosses(text, "ru"), text


def test_glosses_longest_stem_wins_and_short_words_match_whole() -> None:
    assert glosses("Здравоохранение, здравоохранения", "ru") == ["Healthcare"]
    assert glosses("Хабаровского края", "ru") == ["Khabarovsk Krai"]
    assert glosses("Югра и Крым", "ru") == ["Khanty-Mansi Autonomous Okrug – Yugra", "Crimea"]
    assert glosses("маринад, марина, северный", "ru") == []  # short or generic words
    assert expand("Экология края", "ru") == "Экология края (Ecology)"
