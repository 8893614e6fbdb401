from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.projects.enums import ParticipantRole


class Participant(models.Model):
    """An organisation taking part in a joint project, in a role; one lead per side."""

    project = models.ForeignKey(
        "projects.JointProject",
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("joint project"),
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=12, choices=ParticipantRole.choices)
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("side")
    )

    class Meta:
        ordering = ["project", "side__code", "role"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="participant_unique"
            ),
            models.UniqueConstraint(
                fields=["project", "side"],
                condition=models.Q(role=ParticipantRole.LEAD),
                name="one_lead_per_side",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "project"])]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"
