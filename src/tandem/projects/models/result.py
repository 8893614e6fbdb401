from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultIndicator(models.Model):
    """A measurable result of a project: baseline, target and actual values per period."""

    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="indicators"
    )
    title = models.CharField(_("title"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40)
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=4)
    baseline_date = models.DateField(_("baseline date"))
    target = models.DecimalField(
        _("target"), max_digits=18, decimal_places=4, null=True, blank=True
    )

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
    actual = models.DecimalField(_("actual"), max_digits=18, decimal_places=4)

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="indicator_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.actual} ({self.period_start}–{self.period_end})"
