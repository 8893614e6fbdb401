from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.enums import RegionKind


class FederalDistrict(models.Model):
    """A federal district of Russia, grouping federal subjects (e.g. the Far East)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("federal district")
        verbose_name_plural = _("federal districts")

    def __str__(self) -> str:
        return str(self.name)


class Region(models.Model):
    """A first-level region: a Russian federal subject or a Japanese prefecture."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="regions", verbose_name=_("country")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=RegionKind.choices)
    name = models.CharField(_("name"), max_length=120)
    federal_district = models.ForeignKey(
        FederalDistrict,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="regions",
        verbose_name=_("federal district"),
    )
    japan_region = models.CharField(_("region of Japan"), max_length=40, blank=True)
    status_disputed = models.BooleanField(
        _("status seen differently"),
        default=False,
        help_text=_("The two sides see the status of this region differently."),
    )
    status_note = models.CharField(_("note on status"), max_length=300, blank=True)

    class Meta:
        ordering = ["country__code", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return str(self.name)
