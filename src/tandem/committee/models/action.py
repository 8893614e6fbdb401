import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.committee.enums import OPEN_ACTION_STATUSES, ActionStatus
from tandem.core.models.base import IllustrativeMixin


class ActionItem(IllustrativeMixin, models.Model):
    """Something a session asked one side to do by a date; open items carry into the next."""

    session = models.ForeignKey(
        "committee.CommitteeSession",
        on_delete=models.CASCADE,
        related_name="action_items",
        verbose_name=_("set by session"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    decision = models.ForeignKey(
        "committee.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("decision"),
    )
    owner_side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("owner side")
    )
    owner_organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    responsible = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        pgettext_lazy("action item", "status"),
        max_length=12,
        choices=ActionStatus.choices,
        default=ActionStatus.OPEN,
    )
    done_date = models.DateField(_("done on"), null=True, blank=True)
    projects = models.ManyToManyField(
        "projects.JointProject", related_name="+", blank=True, verbose_name=_("joint projects")
    )
    last_reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["session", "number"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="action_number_unique")
        ]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"A{self.session.number}.{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.due_date < (today or dt.date.today())

    def clean(self) -> None:
        super().clean()
        if self.status == ActionStatus.DONE and self.done_date is None:
            raise ValidationError({"done_date": _("Say when the action item was done.")})
        if self.status != ActionStatus.DONE and self.done_date is not None:
            raise ValidationError({"done_date": _("Only a done action item has a done date.")})
        if (
            self.owner_organisation_id
            and self.owner_organisation
            and self.owner_organisation.side_id != self.owner_side_id
        ):
            raise ValidationError(
                {"owner_organisation": _("The organisation belongs to the other side.")}
            )


class SessionNote(models.Model):
    """A confidential note one side keeps on a session; the other side never sees it."""

    session = models.ForeignKey(
        "committee.CommitteeSession", on_delete=models.CASCADE, related_name="notes"
    )
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("side")
    )
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["session", "-created_at"]
        verbose_name = _("confidential note")
        verbose_name_plural = _("confidential notes")
        indexes = [models.Index(fields=["session", "side"])]

    def __str__(self) -> str:
        return f"{self.side_id}: {self.text[:40]}"
