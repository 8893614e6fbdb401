"""Task workers that are alive: each writes its beat while it runs (tandem.core.jobs)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerBeat(models.Model):
    """The last time the task worker ``worker_id`` (on ``host``, process ``pid``) said it was
    alive. A running job whose worker has not beaten within the lease is taken back."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.IntegerField(_("process"), null=True)
    started_at = models.DateTimeField(_("started at"))
    beat_at = models.DateTimeField(_("last beat at"))

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.host} ({self.pid})"
