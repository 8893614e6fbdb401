from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.projects.enums import Currency, FinancingKind


class FinancingLine(models.Model):
    """Money committed to a project: an amount in its own currency, of one kind, on a date."""

    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="financing"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=FinancingKind.choices)
    amount = models.DecimalField(
        _("amount"), max_digits=18, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    date = models.DateField(_("date"))
    funder = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("funder"),
    )
    is_disbursement = models.BooleanField(_("disbursed"), default=False)

    class Meta:
        ordering = ["project", "date", "id"]
        verbose_name = _("financing line")
        verbose_name_plural = _("financing lines")

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} ({self.get_kind_display()}, {self.date})"


class ExchangeRate(models.Model):
    """How many units of a currency one US dollar bought on a date (kept as data)."""

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    date = models.DateField(_("date"))
    per_usd = models.DecimalField(
        _("units per US dollar"),
        max_digits=18,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("0.000001"))],
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["currency", "-date"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="one_rate_per_day")
        ]

    def __str__(self) -> str:
        return f"1 USD = {self.per_usd} {self.currency} ({self.date})"
