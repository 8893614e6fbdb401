"""Meeting requests: one participant asks another for a B2B meeting, with a priority."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.models.base import IllustrativeMixin
from tandem.fairs.enums import Priority, RequestStatus


class MeetingRequest(IllustrativeMixin):
    fair = models.ForeignKey(
        "fairs.Fair",
        on_delete=models.CASCADE,
        related_name="meeting_requests",
        verbose_name=_("trade fair"),
    )
    sender = models.ForeignKey(
        "fairs.FairParticipant",
        on_delete=models.CASCADE,
        related_name="requests_sent",
        verbose_name=pgettext_lazy("meeting request", "from"),
    )
    receiver = models.ForeignKey(
        "fairs.FairParticipant",
        on_delete=models.CASCADE,
        related_name="requests_received",
        verbose_name=pgettext_lazy("meeting request", "to"),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
        db_index=True,
    )
    message = models.TextField(_("message"), blank=True)
    suggestion_ref = models.CharField(
        _("matchmaking suggestion"),
        max_length=60,
        blank=True,
        help_text=_("The matchmaking suggestion this request was made from, if any."),
    )
    created_at = models.DateTimeField(_("requested"))
    expires_at = models.DateTimeField(_("expires"))
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )

    class Meta:
        ordering = ["fair", "created_at", "pk"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("receiver")),
                name="request_not_to_self",
            ),
        ]
        indexes = [models.Index(fields=["fair", "status"])]

    def __str__(self) -> str:
        return f"R{self.pk}"

    @property
    def code(self) -> str:
        """The request's id in the scheduler's event format."""
        return f"R{self.pk}"
