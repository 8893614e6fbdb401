"""Forms of the registry: the list's filters and the project form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.cache import cache
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tandem.core.models import Country, Organisation, Region
from tandem.programme.models import NationalProject, PlanArea
from tandem.projects.enums import Aspect, Disclosure, ProjectStatus
from tandem.projects.schemas import ProjectIn
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
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    plan_area = forms.ChoiceField(label=_("Plan area"), required=False)
    national_project = forms.ChoiceField(label=_("National project"), required=False)
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "Status"),
        required=False,
        choices=ANY + list(ProjectStatus.choices),
    )
    side = forms.ChoiceField(label=_("Side"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    sector = forms.CharField(label=_("Sector code"), required=False, max_length=20)
    aspect = forms.ChoiceField(
        label=_("Aspect"), required=False, choices=ANY + list(Aspect.choices)
    )
    session = forms.ChoiceField(label=_("Reported to session"), required=False)
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


class ProjectForm(forms.Form):
    """Create or edit a project; ``version`` carries the version the editor opened."""

    code = forms.RegexField(
        label=_("Code"),
        regex=r"^[A-Z]{2,8}-\d{4}-\d{4,6}$",
        help_text=_("Like JR-2019-0042."),
        error_messages={"invalid": _("A project code looks like JR-2019-0042.")},
    )
    title_en = forms.CharField(label=_("Title (English)"), required=False, max_length=300)
    title_ja = forms.CharField(label=_("Title (Japanese)"), required=False, max_length=300)
    title_ru = forms.CharField(label=_("Title (Russian)"), required=False, max_length=300)
    summary_en = forms.CharField(
        label=_("Summary (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    summary_ja = forms.CharField(
        label=_("Summary (Japanese)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    summary_ru = forms.CharField(
        label=_("Summary (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "Status"), choices=ProjectStatus.choices
    )
    status_date = forms.DateField(
        label=_("Status since"), widget=forms.DateInput(attrs={"type": "date"})
    )
    primary_plan_area = forms.ChoiceField(label=_("Primary plan area"))
    other_plan_areas = forms.MultipleChoiceField(
        label=_("Other plan areas"), required=False, widget=forms.CheckboxSelectMultiple
    )
    national_projects = forms.MultipleChoiceField(
        label=_("National projects"), required=False, widget=forms.CheckboxSelectMultiple
    )
    regions = forms.MultipleChoiceField(label=_("Regions"), required=False)
    places = forms.CharField(label=_("Places"), required=False, max_length=300)
    aspects = forms.MultipleChoiceField(
        label=_("Aspects"),
        required=False,
        choices=Aspect.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    lead_jp = forms.ChoiceField(label=_("Lead on the Japanese side"), required=False)
    lead_ru = forms.ChoiceField(label=_("Lead on the Russian side"), required=False)
    disclosure = forms.ChoiceField(label=_("Disclosure"), choices=Disclosure.choices)
    confidential_side = forms.ChoiceField(label=_("Confidential to side"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)  # the ChoiceFields among them
        areas = [(a.code, f"{a.code} {a.name}") for a in PlanArea.objects.order_by("number")]
        fields["primary_plan_area"].choices = areas
        fields["other_plan_areas"].choices = areas
        fields["national_projects"].choices = [
            (n.code, f"{n.code} {n.name}") for n in NationalProject.objects.order_by("number")
        ]
        fields["regions"].choices = [
            (r.code, f"{r.name} ({r.code})")
            for r in Region.objects.order_by("country__code", "code")
        ]
        for field_name, side in (("lead_jp", "JP"), ("lead_ru", "RU")):
            fields[field_name].choices = [("", "—")] + [
                (_org_key(org), org.name)
                for org in Organisation.objects.filter(side__code=side).order_by("name")[:2000]
            ]
        fields["confidential_side"].choices = [("", "—")] + [
            (c.code, c.name) for c in Country.objects.all()
        ]

    def to_project_in(self) -> ProjectIn:
        data = self.cleaned_data
        areas = [data["primary_plan_area"]] + [
            code for code in data["other_plan_areas"] if code != data["primary_plan_area"]
        ]
        participants = [
            {"organisation": data[field_name], "side": side, "role": "lead"}
            for field_name, side in (("lead_jp", "JP"), ("lead_ru", "RU"))
            if data[field_name]
        ]
        return ProjectIn(
            code=data["code"],
            title_en=data["title_en"],
            title_ja=data["title_ja"],
            title_ru=data["title_ru"],
            summary_en=data["summary_en"],
            summary_ja=data["summary_ja"],
            summary_ru=data["summary_ru"],
            status=data["status"],
            status_date=data["status_date"],
            plan_areas=areas,
            national_projects=data["national_projects"],
            regions=data["regions"],
            places=data["places"],
            aspects=data["aspects"],
            disclosure=data["disclosure"],
            confidential_side=data["confidential_side"] or None,
            participants=participants,  # type: ignore[arg-type]
        )

    @classmethod
    def initial_for(cls, project: Any) -> dict[str, Any]:
        links = list(project.area_links.all())
        leads = {
            p.side.code: p.organisation for p in project.participants.all() if p.role == "lead"
        }
        return {
            "code": project.code,
            **{
                f"{name}_{language}": getattr(project, f"{name}_{language}")
                for name in ("title", "summary")
                for language in ("en", "ja", "ru")
            },
            "status": project.status,
            "status_date": project.status_date,
            "primary_plan_area": next((k.plan_area.code for k in links if k.is_primary), ""),
            "other_plan_areas": [k.plan_area.code for k in links if not k.is_primary],
            "national_projects": [n.code for n in project.national_projects.all()],
            "regions": [r.code for r in project.regions.all()],
            "places": project.places,
            "aspects": [a.aspect for a in project.aspects.all()],
            "lead_jp": _org_key(leads.get("JP")),
            "lead_ru": _org_key(leads.get("RU")),
            "disclosure": project.disclosure,
            "confidential_side": project.confidential_side.code
            if project.confidential_side
            else "",
            "version": project.version,
        }


def _org_key(organisation: Organisation | None) -> str:
    if organisation is None:
        return ""
    return str(organisation.reference or getattr(organisation, "name_en", "") or organisation.pk)


class BulkStatusForm(forms.Form):
    codes = forms.MultipleChoiceField(required=True)
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "New status"), choices=ProjectStatus.choices
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args: Any, codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)  # the ChoiceFields among them
        fields["codes"].choices = [(code, code) for code in codes]
