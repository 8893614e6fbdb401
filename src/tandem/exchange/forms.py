"""Forms of the exchange pages: filters, the records, KPI measurements, files, the import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tandem.core.models import Organisation, Person
from tandem.exchange.enums import Horizon, Sector, Topic
from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    ExchangeFile,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.models.enterprise import ENTERPRISE_KINDS
from tandem.exchange.uploads import validate_upload
from tandem.projects.models import JointProject

ANY = [("", _("Any"))]
LANGUAGES = (("en", "English"), ("ja", "日本語"), ("ru", "Русский"))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _label_languages(form: forms.BaseForm, *names: str) -> None:
    """Label the per-language fields 'Work plan (日本語)' and make none required alone."""
    for name in names:
        base = form.fields[f"{name}_en"].label or name
        for code, language in LANGUAGES:
            field = form.fields[f"{name}_{code}"]
            field.label = f"{base} ({language})"
            field.required = False


def _require_one_language(form: forms.BaseForm, cleaned: dict[str, Any], *names: str) -> None:
    for name in names:
        if not any((cleaned.get(f"{name}_{code}") or "").strip() for code, _l in LANGUAGES):
            form.add_error(f"{name}_en", _("Write this in at least one language."))


def _translated(*names: str) -> list[str]:
    return [f"{name}_{code}" for name in names for code, _l in LANGUAGES]


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=ANY + Sector.choices)
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=ANY + Topic.choices)
    side = forms.ChoiceField(
        label=_("Side"), required=False, choices=[*ANY, ("JP", _("Japan")), ("RU", _("Russia"))]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name")),
            ("-name", _("Name, descending")),
            ("-start", _("Latest first")),
            ("start", _("Oldest first")),
        ],
    )


class EnterpriseForm(forms.ModelForm[EnterpriseProfile]):
    class Meta:
        model = EnterpriseProfile
        fields = [
            "organisation",
            "sector",
            "size",
            "employees",
            "joint_projects",
            *_translated("notes"),
        ]

    def __init__(self, *args: Any, projects: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(kind__in=ENTERPRISE_KINDS)
        if self.instance.pk:
            self.fields["organisation"].disabled = True
        else:
            organisations = organisations.filter(exchange_profile__isnull=True)
        organisation_field: Any = self.fields["organisation"]
        organisation_field.queryset = organisations.select_related("side")
        projects_field: Any = self.fields["joint_projects"]
        projects_field.queryset = (
            projects if projects is not None else JointProject.objects.none()
        ).order_by("code")
        projects_field.required = False
        _label_languages(self, "notes")


class DispatchForm(forms.ModelForm[SpecialistDispatch]):
    class Meta:
        model = SpecialistDispatch
        fields = [
            "specialist",
            "sending_organisation",
            *_translated("expertise"),
            "host",
            "topic",
            "start_date",
            "end_date",
            *_translated("work_plan", "report"),
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        specialist: Any = self.fields["specialist"]
        specialist.queryset = Person.objects.select_related("side").order_by("name")
        host: Any = self.fields["host"]
        host.queryset = EnterpriseProfile.objects.select_related("organisation")
        _label_languages(self, "expertise", "work_plan", "report")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _require_one_language(self, cleaned, "expertise", "work_plan")
        return cleaned


class PlacementForm(forms.ModelForm[TraineePlacement]):
    class Meta:
        model = TraineePlacement
        fields = [
            "trainee",
            "home",
            "host",
            *_translated("training_programme"),
            "start_date",
            "end_date",
            "completed",
            "completion_date",
            "certificate_number",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "completion_date": DateInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("home", "host"):
            field: Any = self.fields[name]
            field.queryset = EnterpriseProfile.objects.select_related("organisation")
        _label_languages(self, "training_programme")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _require_one_language(self, cleaned, "training_programme")
        return cleaned


class _Versioned(forms.ModelForm[Any]):
    """Carries the version the editor opened, for the optimistic lock of the services."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def expected_version(self) -> int:
        value = self.cleaned_data.get("version")
        return int(value) if value is not None else int(self.instance.version)


class IndicatorForm(_Versioned):
    class Meta:
        model = KpiIndicator
        fields = ["kind", "name", "unit", "higher_is_better"]


class MeasurementForm(_Versioned):
    horizon = forms.TypedChoiceField(label=_("Measurement"), choices=Horizon.choices, coerce=int)

    class Meta:
        model = KpiMeasurement
        fields = ["horizon", "date", "value", "method"]
        widgets = {"date": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Editing one measurement: its horizon is what identifies it.
            self.fields["horizon"].disabled = True
            self.fields["horizon"].initial = self.instance.horizon


class OutcomeForm(forms.ModelForm[BusinessOutcome]):
    class Meta:
        model = BusinessOutcome
        fields = [
            "kind",
            "date",
            *_translated("description"),
            "amount",
            "currency",
            "joint_project",
            "dispatch",
        ]
        widgets = {"date": DateInput()}

    def __init__(self, *args: Any, projects: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        project: Any = self.fields["joint_project"]
        project.queryset = (
            projects if projects is not None else JointProject.objects.none()
        ).order_by("code")
        dispatch: Any = self.fields["dispatch"]
        dispatch.queryset = SpecialistDispatch.objects.filter(
            host_id=self.instance.enterprise_id
        ).select_related("specialist")
        _label_languages(self, "description")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        _require_one_language(self, cleaned, "description")
        return cleaned


class FileForm(forms.ModelForm[ExchangeFile]):
    class Meta:
        model = ExchangeFile
        fields = ["title", "kind", "file"]
        help_texts = {"file": _("PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB.")}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_upload(upload)
        return upload


class ConfirmDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete it and its files"),
        required=True,
        error_messages={"required": _("Tick the box to confirm the deletion.")},
    )


class KpiImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX file"), help_text=_("The filled-in KPI template."))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(_("Upload the template as an .xlsx file."))
        if upload.size > 10 * 1024 * 1024:
            raise ValidationError(_("The file may be at most 10 MB."))
        return upload
