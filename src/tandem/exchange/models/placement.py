from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin, TimestampedModel


class TraineePlacement(IllustrativeMixin, TimestampedModel):
    """A trainee from a home enterprise placed with a host company of the other side."""

    trainee = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("trainee"),
    )
    home = models.ForeignKey(
        "exchange.EnterpriseProfile",
        on_delete=models.PROTECT,
        related_name="placements_out",
        verbose_name=_("home enterprise"),
    )
    host = models.ForeignKey(
        "exchange.EnterpriseProfile",
        on_delete=models.PROTECT,
        related_name="placements_in",
        verbose_name=_("host company"),
    )
    training_programme = models.CharField(_("training programme"), max_length=200)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    completed = models.BooleanField(_("completed"), default=False)
    completion_date = models.DateField(_("completion date"), null=True, blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=60, blank=True)

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        indexes = [models.Index(fields=["home", "start_date"])]

    def __str__(self) -> str:
        return f"{self.trainee} → {self.host} ({self.start_date:%Y-%m-%d})"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The placement cannot end before it starts.")
        if (
            self.home_id
            and self.host_id
            and self.home.organisation.side_id == self.host.organisation.side_id
        ):
            errors["host"] = _("The host company is on the other side from the home enterprise.")
        if self.completed and self.completion_date is None:
            errors["completion_date"] = _("Give the date the placement was completed.")
        if not self.completed and self.completion_date is not None:
            errors["completed"] = _("A completion date means the placement was completed.")
        if self.completion_date and self.start_date and self.completion_date < self.start_date:
            errors["completion_date"] = _("A placement cannot be completed before it starts.")
        if self.certificate_number and not self.completed:
            errors["certificate_number"] = _("A certificate is issued on completion.")
        if errors:
            raise ValidationError(errors)
