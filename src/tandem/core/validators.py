"""What every field of tandem's models accepts, whatever the edge: text without control
characters, dates in a range the programme's computations can use.

Control characters in text are refused when text comes in and stripped when text goes out.

Text fields accept tab, line feed and carriage return, and no other C0 control character
(U+0000–U+001F) nor DEL (U+007F): they break XML-based files (XLSX, DOCX, IATI), terminals
and PostgreSQL (which refuses U+0000 outright). Every CharField and TextField of tandem's
models carries :func:`refuse_control_characters` (installed once by the core app, see
:func:`install_text_validators`), so ``full_clean()`` in every service refuses them, whatever
the edge (page, API, import, command). Writers of XML-based files pass stored text through
:func:`xml_safe`, so that a value stored before, or around the services, never breaks an
export.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: C0 controls but tab, line feed and carriage return; and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: What XML 1.0 cannot hold at all (openpyxl's own check; also lone surrogates).
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def control_characters(text: str) -> list[str]:
    """The distinct control characters in ``text`` (as "U+0001"), in order of appearance."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in CONTROL_CHARACTERS.findall(text)))


def refuse_control_characters(value: Any) -> None:
    """A field validator: text may not hold control characters other than tab and newlines."""
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("The text holds control characters (%(found)s); remove them."),
            code="control_characters",
            params={"found": ", ".join(control_characters(value))},
        )


def xml_safe(value: Any) -> Any:
    """``value`` with the characters an XML-based file cannot hold removed (other values
    unchanged)."""
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)
    return value


#: The dates tandem stores and computes with (a year-1 date overflows date arithmetic).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)


def date_in_range(value: Any) -> bool:
    """Whether a date (or the day of a datetime) lies between EARLIEST_DATE and LATEST_DATE."""
    day = value.date() if isinstance(value, dt.datetime) else value
    return not isinstance(day, dt.date) or EARLIEST_DATE <= day <= LATEST_DATE


def refuse_dates_out_of_range(value: Any) -> None:
    """A field validator: dates before 1900 or after 2199 are refused."""
    if not date_in_range(value):
        raise ValidationError(
            _("Give a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
        )


def install_field_validators() -> int:
    """Add :func:`refuse_control_characters` to every CharField and TextField of tandem's
    models, and :func:`refuse_dates_out_of_range` to every DateField and DateTimeField (not
    to their migrations: the validator is added to the field's validator list, not to its
    constructor arguments). Returns the number of fields."""
    from django.apps import apps
    from django.db import models

    count = 0
    for model in apps.get_models():
        if not model.__module__.startswith("tandem."):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField | models.TextField):
                validator = refuse_control_characters
            elif isinstance(field, models.DateField):  # DateTimeField is one too
                validator = refuse_dates_out_of_range
            else:
                continue
            if validator not in field.validators:
                field.validators.append(validator)
                count += 1
    return count


class RecordIdConverter:
    """``<id:pk>`` in a URL: a record's number, at most a 64-bit integer; a longer number
    does not match (404) instead of reaching the database, which cannot hold it."""

    regex = "[0-9]{1,19}"
    MAX = 2**63 - 1

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > self.MAX:
            raise ValueError(value)
        return number

    def to_url(self, value: Any) -> str:
        return str(int(value))
