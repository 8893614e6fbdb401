from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin


class Fair(IllustrativeMixin):
    """A trade fair at which companies of both sides meet (e.g. Innoprom, CEATEC)."""

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.CASCADE,
        related_name="fairs",
        verbose_name=_("programme"),
    )
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=60,
        default="UTC",
        help_text=_("The fair's local time zone (IANA name, e.g. Asia/Yekaterinburg)."),
    )
    request_deadline = models.DateTimeField(
        _("deadline for meeting requests"), null=True, blank=True
    )
    scheduling_deadline = models.DateTimeField(_("deadline for scheduling"), null=True, blank=True)
    request_expiry_days = models.PositiveSmallIntegerField(
        _("days a request waits for an answer"),
        default=7,
        help_text=_("A meeting request not answered within this many days expires."),
    )

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("trade fair")
        verbose_name_plural = _("trade fairs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="fair_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.start_date.year}"
