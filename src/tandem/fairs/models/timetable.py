"""Where and when B2B meetings can take place: meeting slots and tables of a fair."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingSlot(models.Model):
    """A time slot for meetings on one meeting day; breaks are the gaps between slots."""

    fair = models.ForeignKey(
        "fairs.Fair", on_delete=models.CASCADE, related_name="slots", verbose_name=_("trade fair")
    )
    code = models.CharField(_("code"), max_length=20)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        ordering = ["fair", "start"]
        verbose_name = pgettext_lazy("meeting time", "slot")
        verbose_name_plural = pgettext_lazy("meeting time", "slots")
        constraints = [
            models.UniqueConstraint(fields=["fair", "code"], name="slot_code_unique"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="slot_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class MeetingTable(models.Model):
    """A table in the fair's meeting area; meetings without an exhibitor take one."""

    fair = models.ForeignKey(
        "fairs.Fair", on_delete=models.CASCADE, related_name="tables", verbose_name=_("trade fair")
    )
    code = models.CharField(_("code"), max_length=20)

    class Meta:
        ordering = ["fair", "code"]
        verbose_name = pgettext_lazy("furniture", "table")
        verbose_name_plural = pgettext_lazy("furniture", "tables")
        constraints = [
            models.UniqueConstraint(fields=["fair", "code"], name="table_code_unique"),
        ]

    def __str__(self) -> str:
        return self.code
