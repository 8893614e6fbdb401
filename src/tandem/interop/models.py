"""What an imported IATI activity says beyond the registry's own fields, kept to publish it again.

The registry holds the project, its participants, financing lines and result indicators; this
keeps the rest of the activity as published (reporting organisation, descriptions of other
types, sectors in IATI vocabularies, recipient countries and regions, locations, document links)
and the participants whose side a person still has to confirm. Organisations the import
created are listed for review.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IatiActivity(models.Model):
    """The published parts of an IATI activity that the registry has no field for."""

    project = models.OneToOneField(
        "projects.JointProject",
        on_delete=models.CASCADE,
        related_name="iati",
        verbose_name=_("joint project"),
    )
    reporting_org = models.JSONField(_("reporting organisation"), default=dict, blank=True)
    default_currency = models.CharField(_("default currency"), max_length=3, blank=True)
    descriptions = models.JSONField(_("descriptions of other types"), default=dict, blank=True)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    recipient_countries = models.JSONField(_("recipient countries"), default=list, blank=True)
    recipient_regions = models.JSONField(_("recipient regions"), default=list, blank=True)
    locations = models.JSONField(_("locations"), default=list, blank=True)
    document_links = models.JSONField(_("document links"), default=list, blank=True)
    participants_to_confirm = models.JSONField(
        _("participants whose side is to be confirmed"), default=list, blank=True
    )
    last_updated = models.DateTimeField(_("last updated by the publisher"), null=True, blank=True)
    source = models.CharField(_("imported from"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("IATI activity")
        verbose_name_plural = _("IATI activities")

    def __str__(self) -> str:
        return str(self.project)


class OrganisationToReview(models.Model):
    """An organisation an import created because no ref or name matched: a person checks it."""

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="to_review",
        verbose_name=_("organisation"),
    )
    reason = models.CharField(_("reason"), max_length=300)
    source = models.CharField(_("imported from"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("organisation to review")
        verbose_name_plural = _("organisations to review")

    def __str__(self) -> str:
        return str(self.organisation)
