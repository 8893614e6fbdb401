from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin


class IntendedAlignment(IllustrativeMixin):
    """A national project that a plan area is meant to serve (editable programme data)."""

    plan_area = models.ForeignKey(
        "programme.PlanArea",
        on_delete=models.CASCADE,
        related_name="intended_alignments",
        verbose_name=_("plan area"),
    )
    national_project = models.ForeignKey(
        "programme.NationalProject",
        on_delete=models.CASCADE,
        related_name="intended_alignments",
        verbose_name=_("national project"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["plan_area__number", "national_project__number"]
        verbose_name = _("intended alignment")
        verbose_name_plural = _("intended alignments")
        constraints = [
            models.UniqueConstraint(
                fields=["plan_area", "national_project"], name="intended_alignment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan_area_id} → {self.national_project_id}"
