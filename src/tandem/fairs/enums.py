"""Vocabularies of the fairs app: statuses of meeting requests and of schedule versions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RequestStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("meeting request", "Pending")
    ACCEPTED = "accepted", pgettext_lazy("meeting request", "Accepted")
    DECLINED = "declined", pgettext_lazy("meeting request", "Declined")
    EXPIRED = "expired", pgettext_lazy("meeting request", "Expired")
    WITHDRAWN = "withdrawn", pgettext_lazy("meeting request", "Withdrawn")


OPEN_STATUSES = frozenset({RequestStatus.PENDING, RequestStatus.ACCEPTED})


class Priority(models.IntegerChoices):
    LOW = 1, pgettext_lazy("priority", "Low")
    NORMAL = 2, pgettext_lazy("priority", "Normal")
    HIGH = 3, pgettext_lazy("priority", "High")
    ESSENTIAL = 5, pgettext_lazy("priority", "Essential")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("schedule version", "Draft")
    PUBLISHED = "published", pgettext_lazy("schedule version", "Published")
    SUPERSEDED = "superseded", pgettext_lazy("schedule version", "Superseded")


class NoticeKind(models.TextChoices):
    ADDED = "added", _("Meeting added")
    MOVED = "moved", _("Meeting moved")
    CANCELLED = "cancelled", _("Meeting cancelled")


class JobStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("job status", "Queued")
    RUNNING = "running", pgettext_lazy("job status", "Running")
    DONE = "done", pgettext_lazy("job status", "Done")
    FAILED = "failed", pgettext_lazy("job status", "Failed")


RUNNING_JOB_STATUSES = frozenset({JobStatus.QUEUED, JobStatus.RUNNING})
