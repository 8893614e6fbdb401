from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultType(models.TextChoices):
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")
    IMPACT = "impact", _("Impact")
    OTHER = "other", _("Other")


class IndicatorMeasure(models.TextChoices):
    UNIT = "unit", _("Unit")
    PERCENTAGE = "percentage", _("Percentage")
    NOMINAL = "nominal", _("Nominal")
    ORDINAL = "ordinal", _("Ordinal")
    QUALITATIVE = "qualitative", _("Qualitative")


class ResultIndicator(models.Model):
    """A measurable result of a project: baseline, target and actual values per period."""

    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="indicators"
    )
    title = models.CharField(_("title"), max_length=1000)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    # What an IATI result says beyond the numbers: the result the indicator belongs to, how
    # it is measured, and baselines that are words ("No", "Not yet assessed").
    result_title = models.TextField(_("result"), blank=True)
    result_type = models.CharField(
        _("result type"), max_length=12, choices=ResultType.choices, blank=True
    )
    measure = models.CharField(
        _("measure"), max_length=12, choices=IndicatorMeasure.choices, blank=True
    )
    ascending = models.BooleanField(_("higher is better"), null=True, blank=True)
    baseline_text = models.CharField(_("baseline (in words)"), max_length=300, blank=True)

    class Meta:
        ordering = ["project", "id"]
        verbose_name = _("result indicator")
        verbose_name_plural = _("result indicators")

    def __str__(self) -> str:
        return str(self.title)


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(ResultIndicator, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    actual = models.DecimalField(
        _("actual"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    actual_text = models.CharField(_("actual (in words)"), max_length=300, blank=True)
    target_text = models.CharField(_("target (in words)"), max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="indicator_period_ordered",
            )
        ]

    def __str__(self) -> str:
        shown = self.actual if self.actual is not None else self.actual_text
        return f"{shown} ({self.period_start}–{self.period_end})"
