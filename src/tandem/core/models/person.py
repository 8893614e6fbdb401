from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.models.base import IllustrativeMixin, TimestampedModel


class Person(IllustrativeMixin, TimestampedModel):
    """Someone who takes part in the programme: a minister, an official, a specialist."""

    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    side = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="people", verbose_name=_("side")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=60,
        blank=True,
        help_text=_("A stable identifier from another register, unique when given."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="person_reference_unique",
            )
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return str(self.name)
