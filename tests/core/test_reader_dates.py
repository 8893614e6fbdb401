"""One date form per language: "9 July 2019", "2019年7月9日(火)", "9 июля 2019 г."."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from tandem.core.dates import meeting_time, reader_date, reader_datetime

pytestmark = pytest.mark.unit

DAY = dt.date(2019, 7, 9)  # a Tuesday
MOMENT = dt.datetime(2019, 7, 9, 11, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "9 July 2019"), ("ja", "2019年7月9日(火)"), ("ru", "9 июля 2019 г.")],
)
def test_a_date_has_one_form_per_language(language: str, expected: str) -> None:
    assert reader_date(DAY, language) == expected
    with translation.override(language):
        assert reader_date(DAY) == expected
        assert Template("{{ day|reader_date }}").render(Context({"day": DAY})) == expected
        # Django's own names of the formats agree, and the short form is the same one.
        assert Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(Context({"day": DAY})) == (
            expected
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "9 July 2019, 11:00"),
        ("ja", "2019年7月9日(火) 11:00"),
        ("ru", "9 июля 2019 г., 11:00"),
    ],
)
def test_a_moment_adds_the_time(language: str, expected: str) -> None:
    assert reader_datetime(MOMENT, language) == expected
    with translation.override(language):
        assert Template("{{ at|reader_datetime }}").render(Context({"at": MOMENT})) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Tue 9 July, 11:00"), ("ja", "7月9日(火) 11:00"), ("ru", "Вт, 9 июля, 11:00")],
)
def test_a_meeting_slot_has_the_weekday_and_no_year(language: str, expected: str) -> None:
    assert meeting_time(MOMENT, language) == expected


def test_no_us_style_date_in_english() -> None:
    with translation.override("en"):
        shown = Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(
            Context({"day": dt.date(2020, 8, 10)})
        )
    assert shown == "10 August 2020"


def test_an_empty_date_is_empty() -> None:
    assert reader_date(None, "ja") == ""
    assert meeting_time(None, "ru") == ""
