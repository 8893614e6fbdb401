"""Schedules of a fair's B2B meetings, kept as numbered versions: drafts that organisers pin,
move and re-run, and the one published version that participants see."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin
from tandem.fairs.enums import NoticeKind, VersionStatus


class ScheduleVersion(IllustrativeMixin):
    fair = models.ForeignKey(
        "fairs.Fair",
        on_delete=models.CASCADE,
        related_name="schedule_versions",
        verbose_name=_("trade fair"),
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    objective = models.FloatField(_("sum of priorities scheduled"), default=0)
    bound = models.FloatField(_("proven upper bound"), null=True, blank=True)
    baseline = models.FloatField(_("first come, first served"), null=True, blank=True)
    seed = models.IntegerField(_("seed"), default=0)
    time_limit = models.FloatField(_("time limit (s)"), default=30)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("based on"),
    )
    created_at = models.DateTimeField(_("computed"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("computed by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["fair", "-number"]
        verbose_name = _("schedule version")
        verbose_name_plural = _("schedule versions")
        constraints = [
            models.UniqueConstraint(fields=["fair", "number"], name="schedule_version_unique"),
            models.UniqueConstraint(
                fields=["fair"],
                condition=models.Q(status=VersionStatus.PUBLISHED),
                name="one_published_schedule_per_fair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fair} v{self.number}"


class ScheduledMeeting(models.Model):
    """A meeting placed in a slot: at a table, or at the exhibitor's booth (``booth_of``)."""

    version = models.ForeignKey(
        ScheduleVersion,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("schedule version"),
    )
    request = models.ForeignKey(
        "fairs.MeetingRequest",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("meeting request"),
    )
    slot = models.ForeignKey(
        "fairs.MeetingSlot",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("slot"),
    )
    table = models.ForeignKey(
        "fairs.MeetingTable",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("table"),
    )
    booth_of = models.ForeignKey(
        "fairs.FairParticipant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("at the booth of"),
    )
    interpreter = models.ForeignKey(
        "fairs.Interpreter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interpreter"),
    )
    pinned = models.BooleanField(_("pinned"), default=False)

    class Meta:
        ordering = ["version", "slot__start", "table__code", "pk"]
        verbose_name = _("scheduled meeting")
        verbose_name_plural = _("scheduled meetings")
        constraints = [
            models.UniqueConstraint(fields=["version", "request"], name="meeting_once_per_version"),
            # One meeting per table and per interpreter in a slot, also under parallel moves.
            models.UniqueConstraint(
                fields=["version", "slot", "table"],
                condition=models.Q(table__isnull=False),
                name="meeting_table_once_per_slot",
                violation_error_message=_(
                    "That table is already taken in this slot by another meeting."
                ),
            ),
            models.UniqueConstraint(
                fields=["version", "slot", "interpreter"],
                condition=models.Q(interpreter__isnull=False),
                name="meeting_interpreter_once_per_slot",
                violation_error_message=_(
                    "That interpreter is already taken in this slot by another meeting."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"R{self.request_id} @ {self.slot_id}"


class UnplacedRequest(models.Model):
    """An accepted request the version could not place, and why."""

    version = models.ForeignKey(
        ScheduleVersion,
        on_delete=models.CASCADE,
        related_name="unplaced",
        verbose_name=_("schedule version"),
    )
    request = models.ForeignKey(
        "fairs.MeetingRequest",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("meeting request"),
    )
    reason = models.CharField(_("reason"), max_length=300)
    #: The scheduler's reason code and its parameters, for the reason in the reader's language.
    code = models.CharField(_("reason code"), max_length=40, blank=True)
    params = models.JSONField(_("reason parameters"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "request"]
        verbose_name = _("unplaced request")
        verbose_name_plural = _("unplaced requests")

    def __str__(self) -> str:
        return f"R{self.request_id}: {self.reason}"


class AgendaNotice(models.Model):
    """A change to a participant's published agenda, shown on the participant's agenda."""

    participant = models.ForeignKey(
        "fairs.FairParticipant",
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("participant"),
    )
    version = models.ForeignKey(
        ScheduleVersion,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("schedule version"),
    )
    request = models.ForeignKey(
        "fairs.MeetingRequest",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("meeting request"),
    )
    kind = models.CharField(_("change"), max_length=12, choices=NoticeKind.choices)
    previous_slot = models.ForeignKey(
        "fairs.MeetingSlot",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("was in"),
    )
    slot = models.ForeignKey(
        "fairs.MeetingSlot",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("now in"),
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        ordering = ["participant", "-created_at", "pk"]
        verbose_name = _("agenda notice")
        verbose_name_plural = _("agenda notices")

    def __str__(self) -> str:
        return f"{self.kind} R{self.request_id}"
