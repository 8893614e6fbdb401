"""Every date input of tandem's forms carries an ISO value, whatever the reader's language."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

import pytest
from django import forms
from django.utils import translation

import tandem
from tandem.core.widgets import ISO_DATE, ISO_DATETIME_LOCAL, IsoDateInput

pytestmark = pytest.mark.unit

BROWSER_FORMATS = {"date": ISO_DATE, "datetime-local": ISO_DATETIME_LOCAL}


def _tandem_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(tandem.__path__, "tandem."):
        if module.name.rsplit(".", 1)[-1].endswith("forms") or module.name.startswith(
            "tandem.web."
        ):
            importlib.import_module(module.name)
    found: list[type[forms.BaseForm]] = []
    pending: list[type[forms.BaseForm]] = [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("tandem."):
                found.append(subclass)
    return found


def test_every_browser_date_input_of_tandem_writes_iso() -> None:
    forms_found = _tandem_forms()
    checked = []
    wrong = []
    for form in forms_found:
        for name, field in getattr(form, "base_fields", {}).items():
            expected = BROWSER_FORMATS.get(getattr(field.widget, "input_type", ""))
            if expected is None:
                continue
            checked.append(f"{form.__name__}.{name}")
            if getattr(field.widget, "format", None) != expected:
                wrong.append(f"{form.__module__}.{form.__name__}.{name}")
    assert len(checked) >= 10, checked  # the project, session, action, fair… forms were found
    assert wrong == []


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_a_date_round_trips_through_a_date_field_in_each_language(language: str) -> None:
    class Form(forms.Form):
        day = forms.DateField(widget=IsoDateInput())

    with translation.override(language):
        html = str(Form(initial={"day": dt.date(2026, 12, 7)})["day"])
        assert 'value="2026-12-07"' in html
        bound = Form({"day": "2026-12-07"})
        assert bound.is_valid(), bound.errors
        assert bound.cleaned_data["day"] == dt.date(2026, 12, 7)
