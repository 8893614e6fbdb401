"""Template filters for dates (and kept change reasons) in the reader's language (a built-in
library: no ``{% load %}``).

``{{ day|reader_date }}`` → "9 July 2019" / "2019年7月9日(火)" / "9 июля 2019 г.";
``{{ moment|reader_datetime }}`` adds the time; ``{{ slot.start|meeting_time }}`` is a meeting
slot without the year. The helpers are :mod:`tandem.core.dates`.
"""

from __future__ import annotations

import datetime as dt

from django import template

from tandem.core import dates, history_reasons

register = template.Library()


@register.filter(expects_localtime=True)
def reader_date(value: dt.date | None) -> str:
    return dates.reader_date(value)


@register.filter(expects_localtime=True)
def reader_datetime(value: dt.datetime | None) -> str:
    return dates.reader_datetime(value)


@register.filter(expects_localtime=True)
def meeting_time(value: dt.datetime | None) -> str:
    return dates.meeting_time(value)


@register.filter
def history_reason(value: str | None) -> str:
    """A change reason that history keeps, in the reader's language (core.history_reasons)."""
    return history_reasons.reason_text(value)
