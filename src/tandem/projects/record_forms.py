"""Forms for a project's records on its page: financing lines, milestones, results (with their
values per period) and sources.

Each form carries the project's version as its page saw it (a hidden field), so that saving
over someone else's newer change is refused, and turns its cleaned data into the record
schemas that the services take.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.models import Organisation
from tandem.core.widgets import IsoDateInput
from tandem.projects.models import (
    FinancingLine,
    IndicatorValue,
    Milestone,
    ResultIndicator,
    Source,
)

DATE_FIELDS = ("date", "period_end", "value_date", "due_date", "done_date", "baseline_date")


class RecordForm(forms.ModelForm):
    """A record's fields plus the project's version; ``record_data`` is what the services
    take (every field of the form: the page shows them all, so all of them are meant)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in DATE_FIELDS:
            if name in self.fields:
                self.fields[name].widget = IsoDateInput()

    def record_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self._meta.fields or ()}


class FinancingLineForm(RecordForm):
    funder: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("funder"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("The organisation that provides the money, if it is known."),
    )

    class Meta:
        model = FinancingLine
        fields = (
            "kind",
            "line_type",
            "amount",
            "currency",
            "date",
            "period_end",
            "value_date",
            "funder",
            "is_disbursement",
        )
        help_texts = {
            "line_type": _(
                "What the line is in IATI's terms; leave blank for a commitment (or a "
                "disbursement when ticked below). Only a transaction of a stated type may be "
                "negative."
            ),
            "amount": _("In the line's own currency, e.g. 1500000.00."),
            "currency": _("Three-letter ISO 4217 code: JPY, RUB, USD, EUR…"),
            "period_end": _("For budgets and planned disbursements: the end of the period."),
            "value_date": _("The day the amount was valued at, when it differs from the date."),
        }

    def clean_currency(self) -> str:
        return str(self.cleaned_data.get("currency") or "").strip().upper()

    def record_data(self) -> dict[str, Any]:
        data = super().record_data()
        funder = data.get("funder")
        data["funder"] = str(funder.reference or funder.name) if funder else None
        return data


class MilestoneForm(RecordForm):
    class Meta:
        model = Milestone
        fields = ("title_en", "title_ja", "title_ru", "due_date", "done_date")
        help_texts = {
            "title_en": _("A title in at least one of the three languages."),
            "done_date": _("Leave blank while the milestone is still open."),
        }


class ResultForm(RecordForm):
    class Meta:
        model = ResultIndicator
        fields = (
            "title_en",
            "title_ja",
            "title_ru",
            "result_title",
            "result_type",
            "measure",
            "unit",
            "ascending",
            "baseline",
            "baseline_text",
            "baseline_date",
            "target",
        )
        widgets = {"result_title": forms.TextInput}
        help_texts = {
            "title_en": _("The indicator's title in at least one of the three languages."),
            "result_title": _("The result this indicator measures, if it has its own name."),
            "baseline": _("The value at the start, as a number…"),
            "baseline_text": _("…or in words, e.g. “No” or “Not yet assessed”."),
            "target": _("The value the project aims at, when it is a number."),
        }


VALUE_FIELDS = ("period_start", "period_end", "actual", "actual_text", "target", "target_text")


class ResultValueForm(forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = VALUE_FIELDS
        widgets = {"period_start": IsoDateInput(), "period_end": IsoDateInput()}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        return cleaned


ResultValueFormSet = forms.modelformset_factory(
    IndicatorValue, form=ResultValueForm, extra=2, can_delete=True
)


def value_rows(formset: Any) -> list[dict[str, Any]]:
    """The periods a valid formset keeps: rows left blank or ticked for removal are left out."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE") or not data.get("period_start"):
            continue
        rows.append({name: data.get(name) for name in VALUE_FIELDS})
    return rows


class SourceForm(RecordForm):
    url = forms.URLField(
        label=_("address"),
        required=False,
        assume_scheme="https",
        help_text=_("The address where the source can be read, if it is online."),
    )

    class Meta:
        model = Source
        fields = ("kind", "title", "url", "date")
