import datetime as dt

import pytest

from tandem.core.ics import CalendarEvent, calendar, fold

pytestmark = pytest.mark.unit


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


def test_calendar_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    line = "SUMMARY:" + "会議" * 40
    parts = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_calendar_has_utc_times_and_escaped_text() -> None:
    start = dt.datetime(2019, 7, 9, 10, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    text = calendar(
        [CalendarEvent("u1@tandem", start, start + dt.timedelta(minutes=30), "A, B; C")],
        name="Agenda",
        stamp=start,
    )
    assert "DTSTART:20190709T050000Z\r\n" in text
    assert "DTEND:20190709T053000Z\r\n" in text
    assert "SUMMARY:A\\, B\\; C\r\n" in text
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
