from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.committee.enums import SessionStatus
from tandem.core.models.base import IllustrativeMixin


class Committee(models.Model):
    """The intergovernmental committee that steers the programme."""

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.CASCADE,
        related_name="committees",
        verbose_name=_("programme"),
    )
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return str(self.name)


class CommitteeSession(IllustrativeMixin, models.Model):
    """A numbered session of the committee (e.g. the 15th, Moscow, 19 December 2019)."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("committee")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    city = models.CharField(_("city"), max_length=120)
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    status = models.CharField(
        pgettext_lazy("session", "status"),
        max_length=10,
        choices=SessionStatus.choices,
        default=SessionStatus.PLANNED,
    )

    class Meta:
        ordering = ["committee", "number"]
        verbose_name = pgettext_lazy("committee", "session")
        verbose_name_plural = pgettext_lazy("committee", "sessions")
        constraints = [
            models.UniqueConstraint(fields=["committee", "number"], name="session_number_unique"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="session_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Session %(number)s") % {"number": self.number})


class SessionCoChair(models.Model):
    """A co-chair of one session for one side, with the title they held then."""

    session = models.ForeignKey(
        CommitteeSession,
        on_delete=models.CASCADE,
        related_name="co_chairs",
        verbose_name=pgettext_lazy("committee", "session"),
    )
    person = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("side")
    )
    title = models.CharField(pgettext_lazy("person", "title"), max_length=300)

    class Meta:
        ordering = ["session", "side__code"]
        verbose_name = _("co-chair")
        verbose_name_plural = _("co-chairs")
        constraints = [
            models.UniqueConstraint(fields=["session", "side"], name="one_co_chair_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.title})"
