import pytest

from tandem.core.i18n import in_language, translated_fields

pytestmark = pytest.mark.unit


def test_in_language_prefers_the_readers_language() -> None:
    texts = {"en": "Energy", "ja": "エネルギー", "ru": "Энергетика"}
    assert in_language(texts, "ja") == "エネルギー"


def test_in_language_falls_back_to_english_then_japanese_then_russian() -> None:
    assert in_language({"en": "Energy", "ja": "", "ru": "Энергетика"}, "ja") == "Energy"
    assert in_language({"en": "", "ja": "エネルギー", "ru": "Энергетика"}, "ru") == "Энергетика"
    assert in_language({"en": "", "ja": "エネルギー", "ru": ""}, "ru") == "エネルギー"
    assert in_language({}, "en") == ""


def test_translated_fields_sets_the_base_column_to_english() -> None:
    assert translated_fields("name", ("A", "B", "C")) == {
        "name_en": "A",
        "name_ja": "B",
        "name_ru": "C",
        "name": "A",
    }
