"""The one mapping of a service's refusal onto a page's form (tandem.web.form_errors)."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from tandem.web.form_errors import add_service_errors

pytestmark = pytest.mark.unit


class TitleForm(forms.Form):
    title = forms.CharField()


def _form() -> TitleForm:
    form = TitleForm({"title": "x"})
    assert form.is_valid()
    return form


def test_field_errors_go_under_their_field_and_others_above_the_form() -> None:
    form = _form()
    add_service_errors(
        form,
        ValidationError({"title": ["Too short."], "budget": ["Not a number."]}),
    )
    assert form.errors["title"] == ["Too short."]
    assert form.non_field_errors() == ["Not a number."]
    assert "title" not in form.cleaned_data


def test_a_refusal_of_the_whole_request_goes_above_the_form() -> None:
    form = _form()
    add_service_errors(form, ValidationError(["Too many packs waiting.", "Try later."]))
    assert form.non_field_errors() == ["Too many packs waiting.", "Try later."]
    form = _form()
    add_service_errors(form, ValidationError({NON_FIELD_ERRORS: ["Ends before it starts."]}))
    assert form.non_field_errors() == ["Ends before it starts."]
