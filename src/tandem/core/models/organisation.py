from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.enums import OrganisationKind
from tandem.core.models.base import IllustrativeMixin, TimestampedModel


class Organisation(IllustrativeMixin, TimestampedModel):
    """A ministry, agency, company, enterprise or university on one side of the programme."""

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    side = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("side"),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("region"),
    )
    iati_ref = models.CharField(_("IATI organisation identifier"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=60,
        blank=True,
        help_text=_("A stable identifier from another register, unique when given."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="organisation_reference_unique",
            )
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["side", "kind"])]

    def __str__(self) -> str:
        return str(self.name)
