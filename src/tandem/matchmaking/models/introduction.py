from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.matchmaking.enums import IntroductionStatus, MeetingVenue, Outcome


class Introduction(IllustrativeMixin, TimestampedModel):
    """One company introduced to another: requested, answered, met, and what came of it."""

    requester = models.ForeignKey(
        "matchmaking.CompanyProfile",
        on_delete=models.PROTECT,
        related_name="introductions_requested",
        verbose_name=_("requesting company"),
    )
    recipient = models.ForeignKey(
        "matchmaking.CompanyProfile",
        on_delete=models.PROTECT,
        related_name="introductions_received",
        verbose_name=_("company asked"),
    )
    requested_by = models.ForeignKey(
        "core.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    plan_area = models.ForeignKey(
        "programme.PlanArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="introductions",
        verbose_name=_("plan area"),
    )
    message = models.TextField(_("message"), blank=True)
    score = models.FloatField(_("match score"), null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    status = models.CharField(
        pgettext_lazy("introduction", "status"),
        max_length=12,
        choices=IntroductionStatus.choices,
        default=IntroductionStatus.REQUESTED,
        db_index=True,
    )
    responded_by = models.ForeignKey(
        "core.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    met_on = models.DateField(_("met on"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=12, choices=MeetingVenue.choices, blank=True)
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("The fair or the place they met.")
    )
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True, default=Outcome.PENDING
    )
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    joint_project = models.ForeignKey(
        "projects.JointProject",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="introductions",
        verbose_name=_("joint project"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "recipient"], name="introduction_pair_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("recipient")),
                name="introduction_not_to_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} → {self.recipient}"

    def clean(self) -> None:
        super().clean()
        if (
            self.requester_id
            and self.recipient_id
            and self.requester.country_id == self.recipient.country_id
        ):
            raise ValidationError(
                _("An introduction joins companies of the two different countries.")
            )
        if self.outcome == Outcome.JOINT_PROJECT and self.joint_project_id is None:
            raise ValidationError({"joint_project": _("Name the joint project that was created.")})
