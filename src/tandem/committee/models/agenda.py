from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.committee.enums import AgendaSource
from tandem.core.models.base import IllustrativeMixin


class WorkingGroup(IllustrativeMixin, models.Model):
    """A working group of the committee (e.g. on the Far East, on productivity)."""

    committee = models.ForeignKey(
        "committee.Committee",
        on_delete=models.CASCADE,
        related_name="working_groups",
        verbose_name=_("committee"),
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        ordering = ["committee", "code"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(fields=["committee", "code"], name="working_group_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Delegate(models.Model):
    """A member of one side's delegation to a session."""

    session = models.ForeignKey(
        "committee.CommitteeSession",
        on_delete=models.CASCADE,
        related_name="delegates",
        verbose_name=pgettext_lazy("committee", "session"),
    )
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("side")
    )
    person = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )

    class Meta:
        ordering = ["session", "side__code", "person__name"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="delegate_once_per_session")
        ]

    def __str__(self) -> str:
        return str(self.person)


class AgendaItem(IllustrativeMixin, models.Model):
    """A numbered item of a session's agenda, linked to what it is about."""

    session = models.ForeignKey(
        "committee.CommitteeSession",
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=pgettext_lazy("committee", "session"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    source = models.CharField(
        _("source"), max_length=20, choices=AgendaSource.choices, default=AgendaSource.MANUAL
    )
    plan_area = models.ForeignKey(
        "programme.PlanArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("plan area"),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("working group"),
    )
    projects = models.ManyToManyField(
        "projects.JointProject", related_name="+", blank=True, verbose_name=_("joint projects")
    )
    action_items = models.ManyToManyField(
        "committee.ActionItem",
        related_name="agenda_items",
        blank=True,
        verbose_name=_("action items"),
    )

    class Meta:
        ordering = ["session", "number"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="agenda_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
