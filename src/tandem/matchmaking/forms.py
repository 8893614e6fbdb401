"""Forms of matchmaking: the profile, the search, and the steps of an introduction."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.models import Country, Organisation, Region
from tandem.core.widgets import IsoDateInput
from tandem.matchmaking.enums import MeetingVenue, Outcome, ProfileState
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.selectors.profiles import SORTS, ProfileFilters
from tandem.matchmaking.services.profiles import EDITABLE_FIELDS
from tandem.projects.models import JointProject

ANY = [("", _("Any"))]


class ProfileForm(forms.ModelForm[CompanyProfile]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CompanyProfile
        fields = list(EDITABLE_FIELDS)
        widgets = {
            **{
                f"{f}_{lang}": forms.Textarea(attrs={"rows": 4})
                for f in ("offers", "seeks")
                for lang in ("en", "ja", "ru")
            },
        }

    def __init__(self, *args: Any, fixed_country: Country | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = (  # type: ignore[attr-defined]
            Region.objects.select_related("country").order_by("country__code", "name")
        )
        self.fields["version"].initial = self.instance.version if self.instance.pk else 1
        if fixed_country is not None:
            self.fields.pop("country")
        for name in ("name_en", "name_ja", "name_ru"):
            self.fields[name].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"name_{lang}") for lang in ("en", "ja", "ru")):
            self.add_error("name_en", _("Give the company's name in at least one language."))
        language = data.get("language")
        if language and not (data.get(f"offers_{language}") or data.get(f"seeks_{language}")):
            self.add_error(
                f"offers_{language}",
                _("Write what the company offers or seeks in the language of the profile."),
            )
        return data

    def changes(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in EDITABLE_FIELDS if name in self.cleaned_data
        }


class ProfileSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    mode = forms.ChoiceField(
        label=_("Search by"),
        required=False,
        choices=[
            ("words", _("Words, in any of the three languages")),
            ("meaning", _("Meaning, across languages (published profiles)")),
        ],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    state = forms.ChoiceField(
        label=pgettext_lazy("company profile", "State"),
        required=False,
        choices=ANY + list(ProfileState.choices),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name")),
            ("-updated", _("Recently changed")),
            ("country", _("Country")),
            ("state", pgettext_lazy("company profile", "State")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = Country.objects.filter(code__in=["JP", "RU"])
        field: Any = self.fields["country"]
        field.choices = ANY + [(c.code, str(c.name)) for c in countries]

    def to_filters(self) -> ProfileFilters:
        if not self.is_valid():
            return ProfileFilters()
        data = self.cleaned_data
        sort = data.get("sort") or "name"
        return ProfileFilters(
            q=data.get("q", ""),
            country=data.get("country", ""),
            state=data.get("state", ""),
            sort=sort if sort in SORTS else "name",
            mode="meaning" if data.get("mode") == "meaning" else "words",
        )


class IntroductionRequestForm(forms.Form):
    requester = forms.IntegerField(widget=forms.HiddenInput)
    recipient = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message to the other company"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RespondForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Answer"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    decline_reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MeetingForm(forms.Form):
    met_on = forms.DateField(label=_("Met on"), widget=IsoDateInput())
    venue = forms.ChoiceField(label=_("Venue"), choices=MeetingVenue.choices)
    place = forms.CharField(label=_("Fair or place"), required=False, max_length=200)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[c for c in Outcome.choices if c[0] != Outcome.PENDING]
    )
    joint_project = forms.CharField(
        label=_("Joint project code"),
        required=False,
        max_length=20,
        help_text=_("For “joint project created”: the code in the registry, e.g. JR-2019-0042."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, projects: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.projects = projects if projects is not None else JointProject.objects.none()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        code = (data.get("joint_project") or "").strip().upper()
        data["joint_project_obj"] = None
        if data.get("outcome") == Outcome.JOINT_PROJECT:
            if not code:
                self.add_error("joint_project", _("Give the code of the joint project created."))
            else:
                project = self.projects.filter(code=code).first()
                if project is None:
                    self.add_error(
                        "joint_project", _("No joint project with this code that you can see.")
                    )
                data["joint_project_obj"] = project
        return data


class LinkOrganisationForm(forms.Form):
    """Link an agency-created profile to an organisation: pick one, or create one."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Companies and enterprises of the profile's country that have no profile."),
    )
    create = forms.BooleanField(
        label=_("None of these: create the organisation from the profile"), required=False
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organisation"]
        field.queryset = organisations

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("organisation")) == bool(data.get("create")):
            raise forms.ValidationError(
                _("Pick an organisation, or tick the box to create one, not both.")
            )
        return data
