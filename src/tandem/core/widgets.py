"""Form widgets whose value a browser understands in every language.

A browser's ``<input type="date">`` takes its value only as ``yyyy-mm-dd`` and shows it in the
reader's own format; Django's plain DateInput writes the value in the active language's first
input format (``07.12.2026`` in Russian), which the browser rejects, so the field shows empty
and an untouched form fails on save. These widgets always write ISO; Django's date fields read
ISO in every language.
"""

from __future__ import annotations

from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATE)


class IsoDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATETIME_LOCAL)
