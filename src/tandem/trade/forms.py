"""The trade monitor's forms: the filters, the upload, the chapter → plan-area table."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.trade.enums import Direction


class FilterForm(forms.Form):
    first_year = forms.IntegerField(
        label=pgettext_lazy("years", "From"), required=False, min_value=1950, max_value=2100
    )
    last_year = forms.IntegerField(
        label=pgettext_lazy("years", "To"), required=False, min_value=1950, max_value=2100
    )
    reporter = forms.ChoiceField(label=_("Reporter"), required=False)
    direction = forms.ChoiceField(
        label=pgettext_lazy("trade", "Direction"),
        required=False,
        choices=[("", _("Both")), *Direction.choices],
    )
    year = forms.IntegerField(
        label=_("Year of the composition"), required=False, min_value=1950, max_value=2100
    )

    def __init__(self, *args: Any, reporters: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reporter = self.fields["reporter"]
        assert isinstance(reporter, forms.ChoiceField)
        reporter.choices = [("", _("Both")), *((r, r) for r in reporters)]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Trade statistics file (CSV)"),
        help_text=_("A CSV file as the statistics office gives it; you see a preview first."),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        help_text=_("Leave it to tandem unless the preview says it cannot tell the format."),
        choices=[
            ("", _("Tell from the header")),
            ("comtrade", _("UN Comtrade CSV")),
            ("japan", _("Japan's trade statistics (Customs)")),
            ("russia", _("Russia's customs statistics (FTS)")),
        ],
    )


class MappingForm(forms.Form):
    chapter = forms.RegexField(
        label=_("HS chapter"),
        regex=r"^\d{2}$",
        max_length=2,
        help_text=_("Two digits, e.g. 44 for wood."),
    )
    plan_area_code = forms.ChoiceField(
        label=_("Plan area"),
        required=False,
        help_text=_("The plan area whose trade the chapter counts under; empty to unmap it."),
    )
    note = forms.CharField(label=_("Why"), required=False, max_length=300)

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area = self.fields["plan_area_code"]
        assert isinstance(area, forms.ChoiceField)
        area.choices = [("", _("Not mapped")), *areas]
