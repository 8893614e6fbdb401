"""The Far East gazetteer and the cue matcher (no model)."""

import pytest

from tandem.programme.labelling.lexicon import (
    FarEastGazetteer,
    PhraseMatcher,
    cue_matcher,
    load_descriptions,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Fish processing plant in Vladivostok", "en", "vladivostok"),
        ("Рыбозавод в Приморском крае", "ru", "primorye"),
        ("Терминал в порту Находка", "ru", "nakhodka"),
        ("Проект в Амурской области", "ru", "amur"),
        ("Завод на Дальнем Востоке", "ru", "far-east"),
        ("Аэропорт Южно-Сахалинска", "ru", "sakhalin"),
        ("ハバロフスクの温室野菜", "ja", "khabarovsk"),
        ("サハ共和国の太陽光発電", "ja", "yakutia"),
        ("A Russian text may use the English name: Kamchatka", "ru", "kamchatka"),
    ],
)
def test_gazetteer_finds_far_eastern_places_in_any_inflection(
    text: str, language: str, place: str
) -> None:
    found = {m.place_id for m in FarEastGazetteer.bundled().find(text, language)}
    assert place in found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Titanium powder for 3D printing in Moscow", "en"),
        ("チタン合金の加工技術", "ja"),
        ("Читатели библиотеки в Казани", "ru"),
        ("Переработка отходов в Подмосковье", "ru"),
        ("Proton therapy technology", "en"),
    ],
)
def test_gazetteer_ignores_texts_without_far_eastern_places(text: str, language: str) -> None:
    assert FarEastGazetteer.bundled().find(text, language) == []


def test_cue_entries_match_word_starts_not_word_middles() -> None:
    matcher = PhraseMatcher({"X": {"en": ["port"], "ru": ["амурск обла"]}})
    assert matcher.find("New ports and terminals", "en") == {"X": ["port"]}
    assert matcher.find("Export of fish", "en") == {}
    assert matcher.find("Ферма в Амурской области", "ru") == {"X": ["амурск обла"]}


def test_every_label_has_phrases_and_cues_in_three_languages() -> None:
    descriptions = load_descriptions()
    assert set(descriptions) == {f"P{i}" for i in range(1, 9)} | {f"N{i}" for i in range(1, 14)}
    for description in descriptions.values():
        for lang in ("en", "ja", "ru"):
            assert len(description.phrases[lang]) >= 3
            assert description.cues[lang]


def test_cue_matcher_finds_label_words_in_each_language() -> None:
    matcher = cue_matcher(load_descriptions())
    assert "P4" in matcher.find("Поставки сжиженного газа", "ru")
    assert "P1" in matcher.find("地方病院の医療機器", "ja")
    assert "N6" in matcher.find("Road safety programme", "en")


def test_latin_cues_of_japanese_texts_are_whole_words_and_visa_is_not_visit() -> None:
    from tandem.programme.labelling.lexicon import PhraseMatcher

    matcher = PhraseMatcher({"P7": {"ja": ["ai"]}, "P8": {"ru": ["виза ", "визов"]}})
    assert matcher.find("日本のAI研究", "ja", also=()) == {"P7": ["ai"]}
    assert matcher.find("カイゼン(Kaizen)の講座", "ja", also=()) == {}
    assert matcher.find("Визовый режим упрощён", "ru", also=()) == {"P8": ["визов"]}
    assert matcher.find("в рамках визита премьера", "ru", also=()) == {}
