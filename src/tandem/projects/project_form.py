"""The project form: register a project, or change what the user changed and nothing else.

Every participant is on the form, in every role the registry knows (a field per role and side),
so that saving the form never drops a participant it did not show. An edit sends the service
only the fields the user changed; a text or date the user emptied is named in ``clear``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.models import Country, Organisation, Region
from tandem.core.widgets import IsoDateInput
from tandem.programme.models import NationalProject, PlanArea
from tandem.projects.enums import Aspect, Disclosure, ParticipantRole, ProjectStatus
from tandem.projects.schemas import CLEARABLE, ProjectIn
from tandem.projects.services.references import organisation_key

ORGANISATIONS_LISTED = 2000
# How each role is named above its field; a role missing here fails the form at once.
ROLE_LABELS = {
    ParticipantRole.LEAD: pgettext_lazy("participants", "Lead"),
    ParticipantRole.PARTNER: pgettext_lazy("participants", "Partners"),
    ParticipantRole.FUNDER: pgettext_lazy("participants", "Funders"),
    ParticipantRole.IMPLEMENTER: pgettext_lazy("participants", "Implementers"),
}
PLAN_AREA_FIELDS = ("primary_plan_area", "other_plan_areas")


def participant_field_name(role: str, side: str) -> str:
    return f"{role}_{side.lower()}"


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
        label=_("Status since"),
        widget=IsoDateInput(),
        help_text=_("When you change the status and leave this date, the change is dated today."),
    )
    primary_plan_area = forms.ChoiceField(
        label=_("Primary plan area"),
        error_messages={
            "required": _("Choose the primary plan area, or accept a suggested one."),
        },
    )
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
    planned_start = forms.DateField(label=_("Planned start"), required=False, widget=IsoDateInput())
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=IsoDateInput())
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=IsoDateInput())
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=IsoDateInput())
    disclosure = forms.ChoiceField(label=_("Disclosure"), choices=Disclosure.choices)
    confidential_side = forms.ChoiceField(label=_("Confidential to side"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, project: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)  # the ChoiceFields among them
        areas = [(a.code, f"{a.code} {a.name}") for a in PlanArea.objects.order_by("number")]
        fields["primary_plan_area"].choices = [("", "—"), *areas]
        fields["other_plan_areas"].choices = areas
        fields["national_projects"].choices = [
            (n.code, f"{n.code} {n.name}") for n in NationalProject.objects.order_by("number")
        ]
        fields["regions"].choices = [
            (r.code, f"{r.name} ({r.code})")
            for r in Region.objects.order_by("country__code", "code")
        ]
        sides = list(Country.objects.order_by("code"))
        fields["confidential_side"].choices = [("", "—")] + [(c.code, c.name) for c in sides]
        self.participant_fields = self._add_participant_fields(sides, project)
        order = list(self.fields)
        self.order_fields(order[: order.index("aspects") + 1] + self.participant_fields)

    def _add_participant_fields(self, sides: list[Country], project: Any) -> list[str]:
        """One field per role and side; its choices are the side's organisations and every
        organisation the project already has there, so that none falls off the list."""
        current = list(project.participants.select_related("organisation")) if project else []
        names = []
        for side in sides:
            listed = list(
                Organisation.objects.filter(side=side).order_by("name")[:ORGANISATIONS_LISTED]
            )
            listed += [
                p.organisation
                for p in current
                if p.side_id == side.pk and p.organisation not in listed
            ]
            choices = [(organisation_key(org), str(org.name)) for org in listed]
            for role in ParticipantRole:
                name = participant_field_name(role, side.code)
                label = _("%(role)s — %(side)s") % {"role": ROLE_LABELS[role], "side": side.name}
                if role == ParticipantRole.LEAD:
                    field: forms.Field = forms.ChoiceField(
                        label=label, required=False, choices=[("", "—"), *choices]
                    )
                else:
                    field = forms.MultipleChoiceField(
                        label=label,
                        required=False,
                        choices=choices,
                        widget=forms.SelectMultiple(attrs={"size": 4}),
                        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
                    )
                self.fields[name] = field
                names.append(name)
        return names

    def _participants(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        participants = []
        for name in self.participant_fields:
            role, _sep, side = name.rpartition("_")
            chosen = data.get(name) or []
            for key in [chosen] if isinstance(chosen, str) else chosen:
                participants.append({"organisation": key, "side": side.upper(), "role": role})
        return participants

    def _values(self) -> dict[str, Any]:
        data = self.cleaned_data
        primary = data["primary_plan_area"]
        return {
            **{
                name: data[name]
                for name in (
                    *(f"{n}_{lang}" for n in ("title", "summary") for lang in ("en", "ja", "ru")),
                    "status",
                    "status_date",
                    "national_projects",
                    "regions",
                    "places",
                    "aspects",
                    "planned_start",
                    "planned_end",
                    "actual_start",
                    "actual_end",
                    "disclosure",
                )
            },
            "plan_areas": [primary] + [c for c in data["other_plan_areas"] if c != primary],
            "confidential_side": data["confidential_side"] or None,
            "participants": self._participants(),
        }

    def changed_fields(self) -> set[str]:
        """The fields of the project (as ProjectIn names them) that the user changed."""
        changed = set()
        for name in self.changed_data:
            if name in self.participant_fields:
                changed.add("participants")
            elif name in PLAN_AREA_FIELDS:
                changed.add("plan_areas")
            elif name not in ("code", "version"):
                changed.add(name)
        return changed

    def to_project_in(self, *, changed_only: bool = False) -> ProjectIn:
        """The project to register, or (``changed_only``) the changes of an edit."""
        values = self._values()
        if changed_only:
            changed = self.changed_fields()
            values = {name: value for name, value in values.items() if name in changed}
            cleared = [n for n in CLEARABLE if n in values and values[n] in (None, "")]
            if cleared:
                values["clear"] = cleared
        return ProjectIn(code=self.cleaned_data["code"], **values)

    @classmethod
    def initial_for(cls, project: Any) -> dict[str, Any]:
        links = list(project.area_links.all())
        initial: dict[str, Any] = {
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
            **{
                name: getattr(project, name)
                for name in ("planned_start", "planned_end", "actual_start", "actual_end")
            },
            "disclosure": project.disclosure,
            "confidential_side": project.confidential_side.code
            if project.confidential_side
            else "",
            "version": project.version,
        }
        for participant in project.participants.select_related("organisation", "side"):
            name = participant_field_name(participant.role, participant.side.code)
            key = organisation_key(participant.organisation)
            if participant.role == ParticipantRole.LEAD:
                initial[name] = key
            else:
                initial.setdefault(name, []).append(key)
        return initial
