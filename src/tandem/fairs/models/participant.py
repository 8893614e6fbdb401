"""Who meets at a fair: participants (companies or people, exhibitors or visitors) and
the interpreters who help when two sides share no language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin


class FairParticipant(IllustrativeMixin):
    """A company (an organisation of either side) or a person taking part in B2B meetings.

    ``available_slots`` empty means available in every slot of the fair. ``company_profile_ref``
    is the extension point for the matchmaking app's company profiles: it holds the profile's
    stable id until a foreign key to that model can be added.
    """

    fair = models.ForeignKey(
        "fairs.Fair",
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("trade fair"),
    )
    name = models.CharField(_("name"), max_length=300)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fair_participations",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fair_participations",
        verbose_name=_("person"),
    )
    company_profile_ref = models.CharField(
        _("company profile"),
        max_length=60,
        blank=True,
        help_text=_("The identifier of the company profile in matchmaking, when there is one."),
    )
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("side")
    )
    is_exhibitor = models.BooleanField(_("exhibitor"), default=False)
    booth = models.CharField(_("booth"), max_length=40, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    available_slots = models.ManyToManyField(
        "fairs.MeetingSlot",
        blank=True,
        related_name="available_participants",
        verbose_name=_("available in"),
    )

    class Meta:
        ordering = ["fair", "name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="participant_organisation_once_per_fair",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the reader's language: a company's is its organisation's translated name
        (``name`` keeps the name given at registration, the fallback and the scheduler's)."""
        if self.organisation_id is not None and self.organisation is not None:
            return str(self.organisation.name or self.name)
        return self.name


class Interpreter(IllustrativeMixin):
    """An interpreter at a fair; ``available_slots`` empty means every slot."""

    fair = models.ForeignKey(
        "fairs.Fair",
        on_delete=models.CASCADE,
        related_name="interpreters",
        verbose_name=_("trade fair"),
    )
    name = models.CharField(_("name"), max_length=200)
    languages = models.JSONField(_("languages"), default=list)
    available_slots = models.ManyToManyField(
        "fairs.MeetingSlot",
        blank=True,
        related_name="available_interpreters",
        verbose_name=_("available in"),
    )

    class Meta:
        ordering = ["fair", "name"]
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")

    def __str__(self) -> str:
        return self.name
