from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.committee.enums import BriefingFormat, JobStatus
from tandem.committee.messages import BRIEFING_ERRORS, BRIEFING_STEPS
from tandem.core.enums import Language
from tandem.core.messages import render, render_text


class BriefingJob(models.Model):
    """One generation of a session's briefing pack, run by the task worker."""

    session = models.ForeignKey(
        "committee.CommitteeSession",
        on_delete=models.CASCADE,
        related_name="briefing_jobs",
        verbose_name=pgettext_lazy("committee", "session"),
    )
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    file_format = models.CharField(
        _("format"), max_length=8, choices=BriefingFormat.choices, default=BriefingFormat.PDF
    )
    as_of = models.DateField(_("as of"))
    status = models.CharField(
        pgettext_lazy("job", "status"),
        max_length=10,
        choices=JobStatus.choices,
        default=JobStatus.QUEUED,
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    # The code of the step (committee.messages.BRIEFING_STEPS); older jobs kept its text.
    step = models.CharField(_("step"), max_length=200, blank=True)
    result = models.FileField(_("file"), upload_to="briefings/", blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The worker's lease on the job (tandem.core.jobs): renewed by its heartbeat while it runs.
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("briefing pack job")
        verbose_name_plural = _("briefing pack jobs")

    def __str__(self) -> str:
        return f"{self.session_id} {self.language} {self.file_format} ({self.status})"

    @property
    def step_text(self) -> str:
        """The running step in the reader's language (an older job's text as it was kept)."""
        if not self.step:
            return ""
        return render(BRIEFING_STEPS, {"code": self.step}, fallback=self.step)

    @property
    def error_text(self) -> str:
        """Why it failed, in the reader's language where tandem knows (a crash as recorded)."""
        return render_text(BRIEFING_ERRORS, self.error)
