from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.projects.enums import Aspect, Disclosure, ProjectStatus, SectorVocabulary

PROJECT_CODE = RegexValidator(
    r"^[A-Z]{2,8}-\d{4}-\d{4,6}$",
    _("A project code looks like JR-2019-0042: prefix, year, four digits."),
)


class JointProject(IllustrativeMixin, TimestampedModel):
    """A joint project of the two sides: the registry's central record."""

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("programme"),
    )
    code = models.CharField(_("code"), max_length=20, unique=True, validators=[PROJECT_CODE])
    title = models.CharField(_("title"), max_length=1000)
    summary = models.TextField(_("summary"), blank=True)
    # The identifier under which someone else publishes this project in IATI (kept and
    # exported unchanged); blank for our own projects, published as "{our ref}-{code}".
    iati_identifier = models.CharField(_("IATI identifier"), max_length=255, blank=True, default="")
    # Title and summary in languages other than en/ja/ru, as published: {"title": {"es": ..}}.
    other_texts = models.JSONField(_("texts in other languages"), default=dict, blank=True)
    status = models.CharField(
        pgettext_lazy("project", "status"),
        max_length=24,
        choices=ProjectStatus.choices,
        default=ProjectStatus.IDEA,
    )
    status_date = models.DateField(_("status since"))
    plan_areas = models.ManyToManyField(
        "programme.PlanArea",
        through="ProjectPlanArea",
        related_name="projects",
        verbose_name=_("plan areas"),
    )
    national_projects = models.ManyToManyField(
        "programme.NationalProject",
        related_name="projects",
        blank=True,
        verbose_name=_("national projects"),
    )
    regions = models.ManyToManyField(
        "core.Region", related_name="projects", blank=True, verbose_name=_("regions")
    )
    places = models.CharField(_("places"), max_length=300, blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    disclosure = models.CharField(
        _("disclosure"),
        max_length=20,
        choices=Disclosure.choices,
        default=Disclosure.INTERNAL,
        # No index: three values, and an index on it leads SQLite to gather every visible
        # project and sort them instead of walking the code index for one page.
    )
    confidential_side = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confidential to side"),
    )
    search_text = models.TextField(editable=False, default="")
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("joint project")
        verbose_name_plural = _("joint projects")
        indexes = [
            models.Index(fields=["status", "code"]),
            models.Index(fields=["updated_at", "id"]),
            models.Index(fields=["status_date", "id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["iati_identifier"],
                condition=~models.Q(iati_identifier=""),
                name="project_iati_identifier_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.disclosure == Disclosure.SIDE_CONFIDENTIAL and self.confidential_side_id is None:
            errors["confidential_side"] = _("Say which side a side-confidential project is for.")
        if self.disclosure != Disclosure.SIDE_CONFIDENTIAL and self.confidential_side_id:
            errors["confidential_side"] = _("Only a side-confidential project has a side.")
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if (
                getattr(self, start)
                and getattr(self, end)
                and getattr(self, end) < getattr(self, start)
            ):
                errors[end] = _("The end comes before the start.")
        if errors:
            raise ValidationError(errors)


class ProjectPlanArea(models.Model):
    """A plan area of a project; the primary one comes first."""

    project = models.ForeignKey(JointProject, on_delete=models.CASCADE, related_name="area_links")
    plan_area = models.ForeignKey("programme.PlanArea", on_delete=models.PROTECT, related_name="+")
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        ordering = ["-is_primary", "plan_area__number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "plan_area"], name="project_area_unique"),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(is_primary=True),
                name="one_primary_area_per_project",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_area_id}{' (primary)' if self.is_primary else ''}"


class ProjectAspect(models.Model):
    project = models.ForeignKey(JointProject, on_delete=models.CASCADE, related_name="aspects")
    aspect = models.CharField(_("aspect"), max_length=20, choices=Aspect.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "aspect"], name="project_aspect_unique")
        ]
        indexes = [models.Index(fields=["aspect", "project"])]

    def __str__(self) -> str:
        return str(self.get_aspect_display())


class Sector(models.Model):
    """An economic-activity code of a project in a named classification."""

    project = models.ForeignKey(JointProject, on_delete=models.CASCADE, related_name="sectors")
    vocabulary = models.CharField(
        _("classification"), max_length=8, choices=SectorVocabulary.choices
    )
    code = models.CharField(_("code"), max_length=20)

    class Meta:
        ordering = ["vocabulary", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "vocabulary", "code"], name="project_sector_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_vocabulary_display()} {self.code}"
