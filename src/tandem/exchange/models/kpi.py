"""The KPI protocol of an enterprise: indicators, each with a baseline and follow-ups."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.exchange.enums import (
    ALLOWED_UNITS,
    FOLLOW_UP_WINDOWS,
    HIGHER_IS_BETTER,
    UNIT_MAXIMUM,
    Horizon,
    IndicatorKind,
    Unit,
)


class KpiIndicator(IllustrativeMixin, TimestampedModel):
    """One indicator in an enterprise's protocol, in one unit for all its measurements."""

    enterprise = models.ForeignKey(
        "exchange.EnterpriseProfile",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("enterprise"),
    )
    kind = models.CharField(_("indicator"), max_length=24, choices=IndicatorKind.choices)
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("Required for the enterprise's own indicator."),
    )
    unit = models.CharField(_("unit"), max_length=24, choices=Unit.choices)
    higher_is_better = models.BooleanField(
        _("higher is better"),
        default=True,
        help_text=_("For the enterprise's own indicator: whether an increase is an improvement."),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["enterprise", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "kind", "name"], name="kpi_indicator_unique"
            )
        ]
        verbose_name = _("KPI indicator")
        verbose_name_plural = _("KPI indicators")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.kind == IndicatorKind.OWN:
            return str(self.name)
        return str(IndicatorKind(self.kind).label)

    @property
    def report_key(self) -> str:
        """How the effect report groups indicators: by kind, own indicators by name."""
        return f"own:{self.name}" if self.kind == IndicatorKind.OWN else str(self.kind)

    @property
    def improves_upwards(self) -> bool:
        return HIGHER_IS_BETTER.get(self.kind, self.higher_is_better)

    def clean(self) -> None:
        super().clean()
        if self.kind == IndicatorKind.OWN and not self.name:
            raise ValidationError({"name": _("Name the enterprise's own indicator.")})
        if self.kind and self.kind != IndicatorKind.OWN:
            self.name = ""
            self.higher_is_better = HIGHER_IS_BETTER[self.kind]
        if self.kind in ALLOWED_UNITS and self.unit and self.unit not in ALLOWED_UNITS[self.kind]:
            allowed = ", ".join(str(Unit(u).label) for u in sorted(ALLOWED_UNITS[self.kind]))
            raise ValidationError(
                {"unit": _("This indicator is measured in: %(units)s.") % {"units": allowed}}
            )


class KpiMeasurement(IllustrativeMixin, TimestampedModel):
    """The baseline (horizon 0, with its method) or a follow-up at 6 or 12 months."""

    indicator = models.ForeignKey(
        KpiIndicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    horizon = models.PositiveSmallIntegerField(_("measurement"), choices=Horizon.choices)
    date = models.DateField(_("date measured"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    method = models.CharField(
        _("method"),
        max_length=300,
        blank=True,
        help_text=_("How the value was measured; required for the baseline."),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["indicator", "horizon"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "horizon"], name="kpi_measurement_unique")
        ]
        verbose_name = _("KPI measurement")
        verbose_name_plural = _("KPI measurements")

    def __str__(self) -> str:
        return f"{self.indicator} @{self.horizon}: {self.value}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.value is not None and self.indicator_id:
            maximum = UNIT_MAXIMUM.get(self.indicator.unit)
            if self.value < 0:
                errors["value"] = _("A value cannot be negative.")
            elif self.horizon == Horizon.BASELINE and self.value == 0:
                errors["value"] = _("A baseline of zero leaves no change to measure against.")
            elif maximum is not None and self.value > maximum:
                errors["value"] = _("A value in this unit is at most %(maximum)s.") % {
                    "maximum": f"{maximum:g}"
                }
        if self.horizon == Horizon.BASELINE and not self.method.strip():
            errors["method"] = _("Say how the baseline was measured.")
        if self.horizon in FOLLOW_UP_WINDOWS and self.indicator_id and self.date:
            errors.update(self._follow_up_date_errors())
        if errors:
            raise ValidationError(errors)

    def _follow_up_date_errors(self) -> dict[str, str]:
        baseline = self.indicator.measurements.filter(horizon=Horizon.BASELINE).first()
        if baseline is None:
            return {"horizon": str(_("Record the baseline before any follow-up."))}
        earliest, latest = FOLLOW_UP_WINDOWS[self.horizon]
        days = (self.date - baseline.date).days
        if not earliest <= days <= latest:
            return {
                "date": str(
                    _(
                        "A follow-up at %(months)d months is measured %(earliest)d to "
                        "%(latest)d days after the baseline (%(baseline)s); this date is "
                        "%(days)d days after."
                    )
                    % {
                        "months": self.horizon,
                        "earliest": earliest,
                        "latest": latest,
                        "baseline": baseline.date.isoformat(),
                        "days": days,
                    }
                )
            }
        return {}
