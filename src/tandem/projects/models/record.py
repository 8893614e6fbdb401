from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.messages import render
from tandem.projects.enums import ProjectStatus, SourceKind
from tandem.projects.messages import STATUS_REASONS


class StatusChange(models.Model):
    """One step in a project's status history, with its reason and the session it went to."""

    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("from"), max_length=24, choices=ProjectStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=24, choices=ProjectStatus.choices)
    date = models.DateField(_("date"))
    reason = models.TextField(_("reason"), blank=True)
    # A reason tandem gave by itself, as {"code", "params"}: shown in the reader's language.
    reason_message = models.JSONField(_("reason code"), null=True, blank=True, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reported_to = models.ForeignKey(
        "committee.CommitteeSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_changes",
        verbose_name=_("reported to session"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["project", "date", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["date", "to_status"])]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status} ({self.date})"

    @property
    def reason_text(self) -> str:
        """The reason in the reader's language (a typed reason as typed)."""
        return render(STATUS_REASONS, self.reason_message, fallback=self.reason)


class Milestone(models.Model):
    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=300)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done_date = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["project", "due_date", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return str(self.title)


class Source(models.Model):
    """Where a fact about the project comes from: a document, an article, a decision."""

    project = models.ForeignKey(
        "projects.JointProject", on_delete=models.CASCADE, related_name="sources"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        ordering = ["project", "-date", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return str(self.title)
