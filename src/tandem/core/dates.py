"""Dates and times as the reader reads them: one form per language, on every page and PDF.

English "9 July 2019", Japanese "2019年7月9日(火)" (with the weekday), Russian "9 июля 2019 г."
(the formats live in :mod:`tandem.formats`, Django's FORMAT_MODULE_PATH, so the admin and
``|date:"DATE_FORMAT"`` agree). Templates use the filters of ``web/templatetags/dates.py``;
Python code (PDF exporters, e-mails, messages) calls these functions. Machine-readable values
(``<time datetime>``, CSV, ICS, the API) stay ISO 8601.
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone, translation

from tandem.core.i18n import LANGUAGES

# A meeting slot within a known fair: weekday, day, month and time, no year.
MEETING_FORMATS = {"en": "D j F, H:i", "ja": "n月j日(D) H:i", "ru": "D, j E, H:i"}


def reader_language(language: str | None = None) -> str:
    """``language`` or the active one, cut to one of tandem's three ("en" otherwise)."""
    code = (language or translation.get_language() or "en")[:2]
    return code if code in LANGUAGES else "en"


def _local(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _format(value: dt.date | None, form: str, language: str | None) -> str:
    """``value`` in ``form``: a format name of :mod:`tandem.formats` or a format string."""
    if value is None or value == "":
        return ""
    with translation.override(reader_language(language)):
        return formats.date_format(_local(value), form)


def reader_date(value: dt.date | None, language: str | None = None) -> str:
    """The date (of a date or a datetime, in the current time zone) in the reader's form."""
    if isinstance(value, dt.datetime):
        value = _local(value)
        value = dt.date(value.year, value.month, value.day)
    return _format(value, "DATE_FORMAT", language)


def reader_datetime(value: dt.datetime | None, language: str | None = None) -> str:
    """Date and time (hours and minutes) in the reader's form."""
    return _format(value, "DATETIME_FORMAT", language)


def meeting_time(value: dt.datetime | None, language: str | None = None) -> str:
    """A meeting slot's start: weekday, day, month and time ("7月9日(火) 11:00")."""
    code = reader_language(language)
    return _format(value, MEETING_FORMATS[code], code)
