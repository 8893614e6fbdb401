from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("en", "English"), ("ja", "日本語"), ("ru", "Русский")]


class LabelExample(models.Model):
    """Labels that a person accepted or set for a project text: an example the suggester
    learns from at its next suggestion. Codes, not foreign keys: the example outlives edits."""

    project_code = models.CharField(_("project code"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    primary_plan_area = models.CharField(_("primary plan area"), max_length=10)
    plan_areas = models.JSONField(_("plan areas"), default=list)
    national_projects = models.JSONField(_("national projects"), default=list, blank=True)
    suggested_primary = models.CharField(
        _("suggested primary plan area"), max_length=10, blank=True
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("label example")
        verbose_name_plural = _("label examples")

    def __str__(self) -> str:
        return f"{self.project_code or self.pk}: {self.primary_plan_area}"
