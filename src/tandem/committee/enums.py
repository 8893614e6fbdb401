from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SessionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("session status", "Planned")
    HELD = "held", pgettext_lazy("session status", "Held")
    CLOSED = "closed", pgettext_lazy("session status", "Closed")


class AgendaSource(models.TextChoices):
    """Why an agenda item is on the agenda: written by the secretariat or proposed."""

    MANUAL = "manual", pgettext_lazy("agenda source", "Written by the secretariat")
    ACTION_ITEM = "action_item", pgettext_lazy("agenda source", "Open action item")
    CHANGED_PROJECT = "changed_project", pgettext_lazy("agenda source", "Project changed")
    STALLED_PROJECT = "stalled_project", pgettext_lazy("agenda source", "Project stalled")


class TranslationStatus(models.TextChoices):
    MISSING = "missing", pgettext_lazy("translation status", "Missing")
    DRAFT = "draft", pgettext_lazy("translation status", "Draft")
    CHECKED = "checked", pgettext_lazy("translation status", "Checked")


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action item status", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("action item status", "In progress")
    DONE = "done", pgettext_lazy("action item status", "Done")
    CANCELLED = "cancelled", pgettext_lazy("action item status", "Cancelled")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class JobStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("job status", "Queued")
    RUNNING = "running", pgettext_lazy("job status", "Running")
    DONE = "done", pgettext_lazy("job status", "Done")
    FAILED = "failed", pgettext_lazy("job status", "Failed")


class BriefingFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    HTML = "html", "HTML"


LANGUAGE_LABELS = {"en": _("English"), "ja": _("Japanese"), "ru": _("Russian")}
