from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.exchange.enums import Topic


class SpecialistDispatch(IllustrativeMixin, TimestampedModel):
    """A specialist sent by one side's organisation to an enterprise of the other side."""

    specialist = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        related_name="dispatches",
        verbose_name=_("specialist"),
    )
    sending_organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="dispatches_sent",
        verbose_name=_("sending organisation"),
    )
    expertise = models.CharField(_("expertise"), max_length=200)
    host = models.ForeignKey(
        "exchange.EnterpriseProfile",
        on_delete=models.PROTECT,
        related_name="dispatches",
        verbose_name=_("host enterprise"),
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    work_plan = models.TextField(_("work plan"))
    report = models.TextField(_("report"), blank=True)

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        indexes = [models.Index(fields=["host", "start_date"])]

    def __str__(self) -> str:
        return f"{self.specialist} → {self.host} ({self.start_date:%Y-%m-%d})"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The dispatch cannot end before it starts.")
        if (
            self.specialist_id
            and self.host_id
            and self.specialist.side_id == self.host.organisation.side_id
        ):
            errors["host"] = _("A specialist is sent to an enterprise of the other side.")
        if errors:
            raise ValidationError(errors)
