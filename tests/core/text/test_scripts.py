"""The one module that names the writing systems' Unicode ranges (tandem.core.text.scripts)."""

from __future__ import annotations

import re

import pytest

from tandem.core.text.scripts import (
    CYRILLIC,
    HAN,
    HAN_RANGE,
    JAPANESE,
    KANA,
    KATAKANA_RANGE,
    RUSSIAN_LETTER,
    has_cyrillic,
    has_japanese,
)

pytestmark = pytest.mark.unit


def test_each_pattern_finds_its_script_and_no_other() -> None:
    assert KANA.findall("ひらがなカタカナ漢字 Latin") == list("ひらがなカタカナ")
    assert HAN.findall("日露の協力 ロシア") == list("日露協力")
    assert "".join(JAPANESE.findall("日露の協力 ロシア, Russia, Россия")) == "日露の協力ロシア"
    assert "".join(CYRILLIC.findall("Россия Japan Україна")) == "РоссияУкраїна"
    # The Russian alphabet is narrower than the Cyrillic block: no Ukrainian «ї».
    assert "".join(RUSSIAN_LETTER.findall("Ёж Україна")) == "ЁжУкрана"


def test_the_predicates() -> None:
    assert has_japanese("Sakhalin サハリン") and not has_japanese("Сахалин, Sakhalin")
    assert has_cyrillic("Sakhalin Сахалин") and not has_cyrillic("サハリン")


def test_the_ranges_compose_into_larger_patterns() -> None:
    katakana_or_kanji = re.compile(rf"^[{KATAKANA_RANGE}{HAN_RANGE}]+$")
    assert katakana_or_kanji.match("ロシア極東")
    assert not katakana_or_kanji.match("ろしあ")  # hiragana is not katakana
