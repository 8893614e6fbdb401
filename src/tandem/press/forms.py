"""Forms of the press monitor: ingest an article, decide a proposal, search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.widgets import IsoDateInput
from tandem.press.extraction.reading import KINDS, MAX_BYTES


class IngestForm(forms.Form):
    text = forms.CharField(
        label=_("Article text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Paste the article; a first line 'date YYYY-MM-DD headline' gives its date and "
            "headline."
        ),
    )
    file = forms.FileField(
        label=_("or a file"),
        required=False,
        help_text=_("Plain text, HTML, PDF or DOCX, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,.pdf,.docx"}),
    )
    source = forms.CharField(
        label=pgettext_lazy("press", "Source"),
        required=False,
        max_length=300,
        help_text=_("The newspaper, agency or address the article came from."),
    )
    published = forms.DateField(
        label=_("Published"),
        required=False,
        widget=IsoDateInput(),
        help_text=_("Leave empty when the article gives its date."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if Path(upload.name).suffix.lower() not in KINDS:
            raise forms.ValidationError(_("Upload a .txt, .html, .pdf or .docx file."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste the article's text or choose a file."))
        if data.get("text", "").strip() and data.get("file"):
            raise forms.ValidationError(_("Paste the text or choose a file, not both."))
        return data


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        choices=(("approve", _("Approve")), ("reject", _("Reject"))), widget=forms.HiddenInput
    )
    side = forms.ChoiceField(
        label=_("Side"),
        required=False,
        choices=(("", "—"), ("JP", _("Japan")), ("RU", _("Russia"))),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
