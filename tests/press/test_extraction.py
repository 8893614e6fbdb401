"""The extractor, fact by fact, on articles of the development set and on small cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tandem.press.extraction import default_gazetteer, extract, read_article, read_bytes
from tandem.press.extraction.dates import weekday_date
from tandem.press.extraction.numbers import en_number, ja_number
from tandem.press.extraction.reading import ArticleError
from tandem.press.extraction.text import detect_language
from tandem.press.extraction.verdicts import verdict, verdict_text

pytestmark = pytest.mark.unit

GAZETTEER = default_gazetteer()


def facts_of(devset: Path, name: str):  # type: ignore[no-untyped-def]
    article = read_article(devset / name)
    return extract(article.text, published=article.published, gazetteer=GAZETTEER).as_json()


def test_weekday_in_the_issue_example_resolves_to_the_day_before() -> None:
    thursday = dt.date(2021, 7, 8)
    assert weekday_date(thursday, 2, future=False) == dt.date(2021, 7, 7)
    assert weekday_date(thursday, 3, future=False) == thursday
    assert weekday_date(thursday, 4, future=True) == dt.date(2021, 7, 9)


def test_issue_example_english_gives_its_facts(devset: Path) -> None:
    facts = facts_of(devset, "en02.txt")
    assert facts["published"] == "2021-07-08"
    assert facts["language"] == "en"
    assert {"kind": "signing", "date": "2021-07-07"}.items() <= facts["events"][0].items()
    fair = next(e for e in facts["events"] if e["kind"] == "fair")
    assert (fair["name"], fair["date"]) == ("Innoprom", "2021-07-07")
    figures = {(f["subject"], f["value"], f["qualifier"]) for f in facts["figures"]}
    assert figures == {
        ("agreements", 3, None),
        ("companies", 3, None),
        ("joint projects", 20, "more than"),
    }
    [person] = facts["people"]
    assert (person["name"], person["role"], person["country"]) == (
        "Sergei Peresleghin",
        "Sverdlovsk Region's Minister of Industry",
        "RU",
    )


def test_japanese_session_article_gives_number_date_and_co_chairs(devset: Path) -> None:
    facts = facts_of(devset, "ja01.txt")
    assert facts["language"] == "ja"
    assert [(e["kind"], e["number"], e["date"]) for e in facts["events"]] == [
        ("session", 15, "2019-12-19")
    ]
    people = {p["name"]: (p["role"], p["country"]) for p in facts["people"]}
    assert people == {"茂木敏充": ("外務大臣", "JP"), "マクシム・オレシキン": ("経済発展相", "RU")}
    figures = {(f["subject"], f["value"], f["qualifier"]) for f in facts["figures"]}
    assert figures == {("joint projects", 200, "more than"), ("plan points", 8, None)}
    assert facts["themes"] == ["P3", "P5"]


def test_russian_future_weekdays_look_forward(devset: Path) -> None:
    facts = facts_of(devset, "ru04.txt")
    assert facts["published"] == "2019-12-17"
    events = {(e["kind"], e["number"], e["date"]) for e in facts["events"]}
    assert events == {("visit", None, "2019-12-18"), ("session", 15, "2019-12-19")}
    assert [(f["value"], f["qualifier"]) for f in facts["figures"]] == [(200, "nearly")]
    names = {p["name"] for p in facts["people"]}
    assert names == {"Тосимицу Мотэги", "Максим Орешкин"}


def test_russian_number_words_are_counted(devset: Path) -> None:
    facts = facts_of(devset, "ru02.txt")
    figures = {(f["subject"], f["value"], f["qualifier"]) for f in facts["figures"]}
    assert ("agreements", 3, None) in figures
    assert ("companies", 3, None) in figures
    assert ("joint projects", 20, "more than") in figures


def test_gold_files_describe_every_article(devset: Path) -> None:
    golds = sorted(devset.glob("*.json"))
    assert len(golds) >= 30
    for language in ("en", "ja", "ru"):
        assert sum(1 for g in golds if g.name.startswith(language)) >= 10
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert (devset / gold["file"]).is_file(), gold["file"]


@pytest.mark.parametrize(
    ("text", "language"),
    [("Moscow, 19 December", "en"), ("第15回会合", "ja"), ("заседание в Москве", "ru")],
)
def test_language_is_told_by_script(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_number_words_in_english_and_japanese() -> None:
    assert en_number("twenty-five") == 25
    assert en_number("1,000") == 1000
    assert ja_number("十五") == 15
    assert ja_number("二百") == 200


def test_html_keeps_the_text_drops_scripts_and_reads_the_date(devset: Path) -> None:
    article = read_article(devset / "en03.html")
    assert article.published == dt.date(2019, 7, 10)
    assert "alert" not in article.text
    assert article.text.splitlines()[0] == "Japanese SMEs hold 150 meetings at Innoprom"


def test_html_entities_are_not_resolved_from_outside() -> None:
    page = (
        b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<html><body><h1>Headline</h1><p>Text &x; here</p></body></html>"
    )
    article = read_bytes(page, "x.html")
    assert "root:" not in article.text


def test_pdf_and_docx_articles_are_read(devset: Path) -> None:
    pdf = read_article(devset / "ru07.pdf")
    assert pdf.text.splitlines()[0] == (
        "date 2020-11-25 Японские эксперты помогли 25 российским предприятиям"
    )
    docx = read_article(devset / "ja06.docx")
    assert docx.text.startswith("date 2020-11-26 日本人専門家")


def test_a_file_that_only_pretends_to_be_a_pdf_is_refused() -> None:
    with pytest.raises(ArticleError):
        read_bytes(b"hello", "article.pdf")


@pytest.mark.parametrize(
    ("value", "qualifier", "registry", "expected"),
    [
        (20, "more than", 23, "agrees"),
        (20, "more than", 18, "disagrees by 3"),
        (200, None, 200, "agrees"),
        (150, "about", 160, "agrees"),
        (190, "nearly", 195, "disagrees by 5"),
        (5, None, None, "cannot check"),
    ],
)
def test_verdicts_follow_the_qualifier(
    value: int, qualifier: str | None, registry: int | None, expected: str
) -> None:
    assert verdict_text(*verdict(value, qualifier, registry)) == expected
