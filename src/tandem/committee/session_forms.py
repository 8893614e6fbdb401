"""The form for planning and changing a committee session."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.committee.enums import SessionStatus
from tandem.committee.models import CommitteeSession, WorkingGroup
from tandem.committee.services.sessions import SessionFields
from tandem.core.models import Country, Person
from tandem.core.widgets import IsoDateInput

DATE = IsoDateInput()


class SessionForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999)
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    end_date = forms.DateField(label=_("End date"), widget=DATE)
    city_en = forms.CharField(label=_("City (English)"), max_length=120)
    city_ja = forms.CharField(label=_("City (Japanese)"), max_length=120, required=False)
    city_ru = forms.CharField(label=_("City (Russian)"), max_length=120, required=False)
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all()
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("session", "Status"), choices=SessionStatus.choices
    )
    co_chair_jp: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Co-chair (Japan)"),
        queryset=Person.objects.filter(side__code="JP", is_illustrative=False),
        required=False,
    )
    co_chair_ru: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Co-chair (Russia)"),
        queryset=Person.objects.filter(side__code="RU", is_illustrative=False),
        required=False,
    )

    def __init__(self, *args: Any, session: CommitteeSession | None = None, **kwargs: Any) -> None:
        self.session = session
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The session ends before it starts."))
        number = data.get("number")
        if number:
            taken = CommitteeSession.objects.filter(number=number)
            if self.session is not None:
                taken = taken.exclude(pk=self.session.pk)
            if taken.exists():
                self.add_error("number", _("There is a session with this number already."))
        return data

    def fields_for_service(self) -> SessionFields:
        data = self.cleaned_data
        return SessionFields(
            number=data["number"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            city={language: data[f"city_{language}"] for language in ("en", "ja", "ru")},
            country=data["country"],
            status=data["status"],
            co_chairs={"JP": data["co_chair_jp"], "RU": data["co_chair_ru"]},
        )

    @staticmethod
    def initial_for(session: CommitteeSession) -> dict[str, Any]:
        chairs = {c.side.code: c.person for c in session.co_chairs.select_related("side", "person")}
        return {
            "number": session.number,
            "start_date": session.start_date,
            "end_date": session.end_date,
            **{f"city_{lang}": getattr(session, f"city_{lang}") for lang in ("en", "ja", "ru")},
            "country": session.country,
            "status": session.status,
            "co_chair_jp": chairs.get("JP"),
            "co_chair_ru": chairs.get("RU"),
        }


class WorkingGroupForm(forms.Form):
    code = forms.RegexField(
        label=_("Code"),
        regex=r"^[A-Z0-9-]{1,20}$",
        error_messages={"invalid": _("Use capital letters, digits and hyphens, e.g. WG-FE.")},
    )
    name_en = forms.CharField(label=_("Name (English)"), max_length=300)
    name_ja = forms.CharField(label=_("Name (Japanese)"), max_length=300, required=False)
    name_ru = forms.CharField(label=_("Name (Russian)"), max_length=300, required=False)

    def __init__(self, *args: Any, group: Any = None, **kwargs: Any) -> None:
        self.group = group
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = str(self.cleaned_data["code"])
        taken = WorkingGroup.objects.filter(code=code)
        if self.group is not None:
            taken = taken.exclude(pk=self.group.pk)
        if taken.exists():
            raise forms.ValidationError(_("There is a working group with this code already."))
        return code
