"""The SVG charts and the iCalendar text (pure Python)."""

import datetime as dt

import pytest

from tandem.committee.charts.svg import bars_svg, matrix_svg
from tandem.committee.ics import CalendarEvent, calendar

pytestmark = pytest.mark.unit


def test_matrix_svg_writes_each_value_and_escapes_labels() -> None:
    svg = matrix_svg(
        ["P1", "P<2>"], ["N1", "N2"], {("P1", "N2"): 7, ("P<2>", "N1"): 3}, title="Matrix & co"
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<title>Matrix &amp; co</title>" in svg
    assert "P&lt;2&gt;" in svg and "P<2>" not in svg
    assert ">7</text>" in svg and ">3</text>" in svg
    assert svg.count("<rect") == 4


def test_bars_svg_draws_the_longest_bar_for_the_largest_value() -> None:
    svg = bars_svg([("構想", 10), ("Идея", 5)], title="Статус")
    assert "構想" in svg and "Идея" in svg
    widths = [float(part.split('"')[0]) for part in svg.split('width="')[2:]]
    assert widths[0] == 2 * widths[1]


def test_calendar_has_whole_day_events_with_exclusive_end_and_escaped_text() -> None:
    text = calendar(
        [
            CalendarEvent(
                uid="session-1-16@tandem",
                start=dt.date(2021, 10, 14),
                end=dt.date(2021, 10, 15),
                summary="Session 16; Tokyo, Japan",
                location="東京",
            )
        ],
        name="Sessions",
        stamp=dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC),
    )
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20211014" in lines
    assert "DTEND;VALUE=DATE:20211016" in lines
    assert "SUMMARY:Session 16\\; Tokyo\\, Japan" in lines
    assert "DTSTAMP:20260101T090000Z" in lines


def test_calendar_folds_long_lines_at_75_octets() -> None:
    event = CalendarEvent(
        uid="a@t", start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 1), summary="報告" * 60
    )
    text = calendar([event], name="x", stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:" + "報告" * 60 in unfolded
