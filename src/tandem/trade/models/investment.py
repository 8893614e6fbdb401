from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin
from tandem.projects.enums import Currency
from tandem.trade.enums import FdiKind


class FdiFigure(IllustrativeMixin):
    """A foreign direct investment figure the user has (e.g. from a central bank's tables)."""

    year = models.PositiveSmallIntegerField(_("year"))
    investor = models.CharField(_("investing country"), max_length=2)
    host = models.CharField(_("host country"), max_length=2)
    kind = models.CharField(_("kind"), max_length=8, choices=FdiKind.choices)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["year", "investor", "kind"]
        verbose_name = _("FDI figure")
        verbose_name_plural = _("FDI figures")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "investor", "host", "kind"], name="one_fdi_figure_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.investor}→{self.host} {self.kind}: {self.value} {self.currency}"
