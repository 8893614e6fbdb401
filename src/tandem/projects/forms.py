"""Forms of the registry: the list's filters and the bulk status change (the project form is
in :mod:`tandem.projects.project_form`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.cache import cache
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tandem.core.models import Country, Region
from tandem.core.widgets import IsoDateInput
from tandem.programme.models import NationalProject, PlanArea
from tandem.projects.enums import Aspect, ProjectStatus
from tandem.projects.selectors.registry import SORTS, ProjectFilters

ANY = [("", _("Any"))]
CHOICES_SECONDS = 300


def reference_choices() -> dict[str, list[tuple[str, str]]]:
    """The filters' reference lists in the current language; they change rarely, so cached."""
    key = f"tandem:registry:filter-choices:{get_language()}"
    choices: dict[str, list[tuple[str, str]]] | None = cache.get(key)
    if choices is None:
        choices = {
            "plan_area": [
                (a.code, f"{a.code} {a.name}") for a in PlanArea.objects.order_by("number")
            ],
            "national_project": [
                (n.code, f"{n.code} {n.name}") for n in NationalProject.objects.order_by("number")
            ],
            "side": [(c.code, str(c.name)) for c in Country.objects.all()],
            "region": [
                (r.code, str(r.name)) for r in Region.objects.order_by("country__code", "code")
            ],
        }
        cache.set(key, choices, CHOICES_SECONDS)
    return choices


class ProjectFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("A code, or words of a title or a partner's name, in any language."),
    )
    plan_area = forms.ChoiceField(label=_("Plan area"), required=False)
    national_project = forms.ChoiceField(label=_("National project"), required=False)
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "Status"),
        required=False,
        choices=ANY + list(ProjectStatus.choices),
    )
    side = forms.ChoiceField(label=_("Side"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    sector = forms.CharField(
        label=_("Sector code"),
        required=False,
        max_length=20,
        help_text=_("A sector code in any classification the projects use, for example 25010."),
    )
    aspect = forms.ChoiceField(
        label=_("Aspect"), required=False, choices=ANY + list(Aspect.choices)
    )
    session = forms.ChoiceField(
        label=_("Reported to session"),
        required=False,
        help_text=_("Projects on that committee session's list."),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("code", _("Code")),
            ("-code", _("Code, descending")),
            ("-status_date", _("Latest status change first")),
            ("status_date", _("Oldest status change first")),
            ("-updated", _("Recently edited first")),
        ],
    )

    def __init__(
        self, *args: Any, sessions: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)  # the ChoiceFields among them
        fields["session"].choices = ANY + list(sessions or [])
        for name, choices in reference_choices().items():
            fields[name].choices = ANY + choices

    def to_filters(self) -> ProjectFilters:
        data = self.cleaned_data if self.is_valid() else {}
        session = data.get("session") or ""
        return ProjectFilters(
            plan_area=data.get("plan_area", ""),
            national_project=data.get("national_project", ""),
            status=data.get("status", ""),
            side=data.get("side", ""),
            region=data.get("region", ""),
            sector=data.get("sector", ""),
            aspect=data.get("aspect", ""),
            session=int(session) if session.isdigit() else None,
            query=data.get("q", ""),
        )

    def sort_order(self) -> str:
        value = self.cleaned_data.get("sort", "") if self.is_valid() else ""
        return value if value in SORTS else "code"


class BulkStatusForm(forms.Form):
    codes = forms.MultipleChoiceField(required=True)
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "New status"), choices=ProjectStatus.choices
    )
    date = forms.DateField(
        label=_("Date"),
        widget=IsoDateInput(),
        help_text=_("The day the new status took effect."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("Kept in each project's status history."),
    )

    def __init__(self, *args: Any, codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)  # the ChoiceFields among them
        fields["codes"].choices = [(code, code) for code in codes]
