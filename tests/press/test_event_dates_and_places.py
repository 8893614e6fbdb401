"""Dates and places of events in sentences written for these tests (issue 26): a month named
without a day, an article with no publication date, the place of an event among the names of
its sentence, the predicate that closes a Japanese sentence. Each failed before its fix."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

import pytest

from tandem.press.extraction import default_gazetteer, extract

pytestmark = pytest.mark.unit

GAZETTEER = default_gazetteer()


def facts(text: str, published: dt.date | None, language: str | None = None) -> dict[str, Any]:
    return extract(text, published=published, gazetteer=GAZETTEER, language=language).as_json()


def events(text: str, published: dt.date | None, language: str | None = None) -> set[tuple]:
    data = facts(text, published, language)
    return {(e["kind"], e["date"], e["place"]) for e in data["events"]}


def month_dates(text: str, published: dt.date | None, language: str) -> list[str]:
    found = extract(text, published=published, gazetteer=GAZETTEER, language=language)
    return [d.date.isoformat()[:7] for d in found.dates]


# ------------------------------------------------------------------ a month without a day
def test_a_month_without_a_day_is_that_month_nearest_to_the_publication() -> None:
    text = "The fishermen agreed on quotas in March. They will sign the deal in October."
    assert month_dates(text, dt.date(2019, 6, 20), "en") == ["2019-03", "2019-10"]
    # "may" the verb is no month; "May 2015" names its year
    text = "Exporters may gain, the bank wrote in May 2015."
    assert month_dates(text, dt.date(2019, 6, 20), "en") == ["2015-05"]


def test_a_month_in_russian_and_japanese_with_the_year_said_relative() -> None:
    text = "Делегация побывала в Хабаровске в октябре прошлого года, а ноябрьская поездка отменена."
    assert month_dates(text, dt.date(2020, 2, 3), "ru") == ["2019-10", "2019-11"]
    text = "知事は昨年11月に新潟を訪れ、今年3月にも再訪した。"
    assert month_dates(text, dt.date(2020, 5, 1), "ja") == ["2019-11", "2020-03"]
    assert month_dates("2018年度9月の予算", dt.date(2019, 1, 1), "ja") == []


def test_an_event_dated_by_month_only_says_only_the_month() -> None:
    found = events("The ministers held talks in Kazan in February.", dt.date(2021, 4, 9))
    assert ("talks", "2021-02", "Kazan") in found


def test_an_undated_article_takes_the_year_its_text_writes() -> None:
    text = "A robotics fair was held in Novosibirsk from June 5 to 7. It had 900 guests in 2018."
    assert ("fair", "2018-06-05", "Novosibirsk") in events(text, None, "en")


# ------------------------------------------------------------------ the place of an event
def test_a_place_inside_a_persons_name_is_not_where_the_event_was() -> None:
    text = "Prime Minister Kishida met President Vladimir Putin for talks on Thursday."
    assert all(place is None for _k, _d, place in events(text, dt.date(2022, 1, 14), "en"))


def test_a_city_after_its_country_is_the_place() -> None:
    text = "Investors will gather at the forum in Russia's Khabarovsk in August."
    assert ("forum", "2020-08", "Khabarovsk") in events(text, dt.date(2020, 6, 1), "en")
    text = "投資家は露極東ハバロフスクで開かれたフォーラムに集まった。"
    assert any(place == "ハバロフスク" for _k, _d, place in events(text, dt.date(2020, 6, 1)))


def test_a_japanese_sentences_own_predicate_takes_the_date_that_opens_it() -> None:
    text = "知事は3日に仙台を訪問し、昨年9月に大阪での会議で示した計画について市長と会談した。"
    found = events(text, dt.date(2021, 6, 5), "ja")
    assert {("meeting", "2021-06-03", "仙台市"), ("meeting", "2021-06-03", "仙台")} & found


def test_the_cities_the_gazetteer_adds_name_their_source_and_read_in_three_languages() -> None:
    data = json.loads(
        resources.files("tandem.press.extraction.data").joinpath("places.json").read_text("utf-8")
    )
    assert "Rosstat" in data["source"]
    for text, language, name in (
        ("The leaders met in Sochi.", "en", "Sochi"),
        ("Лидеры встретились в Сочи.", "ru", "Сочи"),
        ("両首脳はソチで会談した。", "ja", "ソチ"),
    ):
        assert name in {p["name"] for p in facts(text, dt.date(2016, 5, 7), language)["places"]}


# ------------------------------------------------------------------ organisations of reference
def test_ministries_agencies_and_state_corporations_by_their_usual_names() -> None:
    data = json.loads(
        resources.files("tandem.press.extraction.data")
        .joinpath("organisations.json")
        .read_text("utf-8")
    )
    assert "state corporations" in data["source"]
    for text, language, name in (
        ("Gazprom and Sberbank signed a loan deal in Omsk.", "en", "Gazprom"),
        ("Gazprom and Sberbank signed a loan deal in Omsk.", "en", "Sberbank"),
        ("Глава Росатома выступил на форуме в Казани.", "ru", "Росатом"),
        ("双日と丸紅は国土交通省と協議した。", "ja", "双日"),
        ("双日と丸紅は国土交通省と協議した。", "ja", "国土交通省"),
        ("ロステフの代表が来日した。", "ja", "ロステフ"),
    ):
        found = {o["name"] for o in facts(text, dt.date(2019, 3, 1), language)["organisations"]}
        assert name in found, (text, found)


# ------------------------------------------------------------------ the headline rule
def test_a_name_only_the_headline_gives_is_no_fact() -> None:
    text = (
        "Bear Market Hits Ural Steel as Petrov Shrugs\n"
        "Steelmakers in Chelyabinsk cut output by a tenth in April, the regional ministry said."
    )
    data = facts(text, dt.date(2020, 5, 12), "en")
    names = {row["name"] for kind in ("people", "organisations") for row in data[kind]}
    assert not {"Petrov", "Ural Steel", "Bear Market"} & names
    assert "Chelyabinsk" in {p["name"] for p in data["places"]}
    # named again in the body, the headline's name stays
    supported = facts(
        "Minister Ivan Petrov Visits Omsk\nThe minister toured a plant in Omsk on Monday.",
        dt.date(2020, 5, 12),
        "en",
    )
    assert "Omsk" in {p["name"] for p in supported["places"]}
    assert "Ivan Petrov" not in {p["name"] for p in supported["people"]}
    # a first line that is a sentence opens the body: nothing is dropped from it
    lead = facts("知事は3日に仙台を訪問した。\n市長と会談した。", dt.date(2021, 6, 5), "ja")
    assert {"仙台", "仙台市"} & {p["name"] for p in lead["places"]}


def test_a_sentence_pointing_back_takes_the_previous_events_date_and_place() -> None:
    text = "両知事は2019年5月14~15日に札幌を訪れた。この訪問の中で、第2回会合が開かれた。"
    assert ("meeting", "2019-05-14", "札幌") in events(text, None, "ja")
    text = "Губернатор посетил Омск 3 марта 2020 года. В ходе визита прошла встреча с инвесторами."
    assert ("meeting", "2020-03-03", "Омск") in events(text, None, "ru")


def test_a_date_in_a_relative_clause_belongs_to_its_own_event() -> None:
    text = (
        "В Омске 3 марта 2020 года прошла встреча. В ходе переговоров обсудили договор, "
        "который был подписан в Казани в мае 2018 года."
    )
    found = events(text, None, "ru")
    assert ("talks", "2020-03-03", "Омск") in found
    assert not any(kind == "talks" and date == "2018-05" for kind, date, _place in found)


def test_the_day_before_in_russian() -> None:
    assert month_dates("Днём ранее министр был в Омске.", dt.date(2020, 3, 4), "ru") == ["2020-03"]
    found = extract("Днём ранее министр был в Омске.", published=dt.date(2020, 3, 4), language="ru")
    assert [d.date for d in found.dates] == [dt.date(2020, 3, 3)]
