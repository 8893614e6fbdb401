from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.models.base import TimestampedModel
from tandem.press.enums import ProposalKind, ProposalStatus


class Proposal(TimestampedModel):
    """A change to the registry that an article suggests; nothing changes until a person
    approves it."""

    article = models.ForeignKey("press.Article", on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(_("kind"), max_length=16, choices=ProposalKind.choices)
    title = models.CharField(_("title"), max_length=300)
    payload = models.JSONField(_("what the article says"), default=dict)
    status = models.CharField(
        pgettext_lazy("proposal", "status"),
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    result = models.CharField(_("record created"), max_length=80, blank=True)

    class Meta:
        ordering = ["status", "-created_at", "-id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return str(self.title)
