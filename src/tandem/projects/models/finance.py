from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.projects.enums import Currency, FinancingKind, FinancingLineType

CURRENCY_CODE = RegexValidator(r"^[A-Z]{3}$", _("A currency is a three-letter ISO 4217 code."))


class FinancingLine(models.Model):
    """Money for a project: an amount in its own currency, of one kind, on a date.

    ``line_type`` says what the line is in IATI's terms (budget, planned disbursement or a
    transaction type); blank lines are commitments, or disbursements when ``is_disbursement``.
    Budgets and planned disbursements cover ``date`` to ``period_end``; ``value_date`` is the
    day the amount was valued at when it differs from ``date``. Only a stated transaction may
    be negative (a reversal or a decommitment).
    """

    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="financing"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=FinancingKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, validators=[CURRENCY_CODE])
    date = models.DateField(_("date"))
    line_type = models.CharField(
        _("type"), max_length=24, choices=FinancingLineType.choices, blank=True, default=""
    )
    period_end = models.DateField(_("period end"), null=True, blank=True)
    value_date = models.DateField(_("value date"), null=True, blank=True)
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

    def clean(self) -> None:
        super().clean()
        errors = {}
        negative_allowed = self.line_type not in (
            "",
            FinancingLineType.BUDGET,
            FinancingLineType.PLANNED_DISBURSEMENT,
        )
        if self.amount is not None and self.amount < 0 and not negative_allowed:
            errors["amount"] = _("Only a transaction of a stated type may be negative.")
        if errors:
            raise ValidationError(errors)


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
