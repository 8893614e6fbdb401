"""iCalendar (RFC 5545): one small writer for every calendar tandem serves (pure Python).

An event on dates (``datetime.date``) is a whole-day event whose ``end`` is its last day; an
event at times (aware ``datetime``) is written in UTC. Text is escaped, lines are folded at 75
octets without splitting a character, and lines end with CRLF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PRODID = "-//tandem//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime  # a whole-day event's last day, or a timed event's end
    summary: str
    description: str = ""
    location: str = ""


def escape_text(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> list[str]:
    """A content line as lines of at most 75 octets (continuations start with a space),
    never split inside a UTF-8 character."""
    parts: list[str] = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
            limit = 74  # the leading space of a continuation line counts
        else:
            current += char
    parts.append(current)
    return [parts[0], *(" " + part for part in parts[1:])]


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("calendar times must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(event: CalendarEvent) -> list[str]:
    if isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime):
        return [f"DTSTART:{_utc(event.start)}", f"DTEND:{_utc(event.end)}"]
    last_day = event.end.date() if isinstance(event.end, dt.datetime) else event.end
    return [
        f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{last_day + dt.timedelta(days=1):%Y%m%d}",  # exclusive end
    ]


def calendar(events: Iterable[CalendarEvent], *, name: str, stamp: dt.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamp_text = _utc(stamp)
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp_text}", *_when(event)]
        lines.append(f"SUMMARY:{escape_text(event.summary)}")
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(part for line in lines for part in fold(line)) + "\r\n"
