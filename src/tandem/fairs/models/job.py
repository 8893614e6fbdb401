"""A schedule computation handed to the task worker (``tandem db_worker``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.messages import render_text
from tandem.fairs.enums import JobStatus
from tandem.fairs.messages import JOB_ERRORS


class ScheduleJob(models.Model):
    """One run of the scheduler for a fair; ``version`` is the draft it produced."""

    fair = models.ForeignKey(
        "fairs.Fair",
        on_delete=models.CASCADE,
        related_name="schedule_jobs",
        verbose_name=_("trade fair"),
    )
    time_limit = models.FloatField(_("time limit (s)"))
    seed = models.IntegerField(_("seed"), default=0)
    status = models.CharField(
        pgettext_lazy("job", "status"),
        max_length=10,
        choices=JobStatus.choices,
        default=JobStatus.QUEUED,
    )
    version = models.ForeignKey(
        "fairs.ScheduleVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("schedule version"),
    )
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The worker's lease on the job (tandem.core.jobs): renewed by its heartbeat while it runs.
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("schedule computation")
        verbose_name_plural = _("schedule computations")

    def __str__(self) -> str:
        return f"{self.fair_id} #{self.pk} ({self.status})"

    def progress(self, now: dt.datetime | None = None) -> int:
        """Per cent done: the solver runs until its time limit (or a proven optimum), so the
        time spent against the limit is the honest measure; saving takes the last few."""
        if self.status == JobStatus.DONE:
            return 100
        if self.status == JobStatus.QUEUED or self.started_at is None:
            return 0
        if self.status == JobStatus.FAILED:
            return 0
        spent = ((now or timezone.now()) - self.started_at).total_seconds()
        return max(1, min(95, int(95 * spent / max(self.time_limit, 1.0))))

    @property
    def error_text(self) -> str:
        """Why it failed, in the reader's language where tandem knows (a crash as recorded)."""
        return render_text(JOB_ERRORS, self.error)
