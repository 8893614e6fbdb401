from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.exchange.enums import OutcomeKind


class BusinessOutcome(IllustrativeMixin, TimestampedModel):
    """A business-expansion outcome of the exchange: a contract, a follow-up joint project."""

    enterprise = models.ForeignKey(
        "exchange.EnterpriseProfile",
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("enterprise"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300)
    amount = models.DecimalField(
        _("amount"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    joint_project = models.ForeignKey(
        "projects.JointProject",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchange_outcomes",
        verbose_name=_("joint project"),
    )
    dispatch = models.ForeignKey(
        "exchange.SpecialistDispatch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("following the dispatch"),
    )

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("business outcome")
        verbose_name_plural = _("business outcomes")

    def __str__(self) -> str:
        return str(self.description)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.kind == OutcomeKind.FOLLOW_UP_PROJECT and self.joint_project_id is None:
            errors["joint_project"] = _("Link the follow-up joint project from the registry.")
        if self.amount is not None and len(self.currency) != 3:
            errors["currency"] = _("Give the amount's currency as a three-letter code.")
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("An amount cannot be negative.")
        dispatch = self.dispatch if self.dispatch_id else None
        if dispatch is not None and self.enterprise_id and dispatch.host_id != self.enterprise_id:
            errors["dispatch"] = _("The dispatch went to another enterprise.")
        if errors:
            raise ValidationError(errors)
