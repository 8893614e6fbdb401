from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.enums import OrganisationKind
from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.exchange.enums import EnterpriseSize, Sector

ENTERPRISE_KINDS = (OrganisationKind.ENTERPRISE, OrganisationKind.COMPANY)
# Employees that each size allows (the sizes' labels say the same).
SIZE_EMPLOYEES = {
    EnterpriseSize.MICRO: (0, 14),
    EnterpriseSize.SMALL: (15, 100),
    EnterpriseSize.MEDIUM: (101, 250),
    EnterpriseSize.LARGE: (251, None),
}


class EnterpriseProfile(IllustrativeMixin, TimestampedModel):
    """The exchange's view of an enterprise or company: sector, size, linked joint projects.

    Its name, side and region are the organisation's.
    """

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="exchange_profile",
        verbose_name=_("organisation"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    size = models.CharField(_("size"), max_length=10, choices=EnterpriseSize.choices)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    joint_projects = models.ManyToManyField(
        "projects.JointProject",
        blank=True,
        related_name="exchange_enterprises",
        verbose_name=_("joint projects"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")

    def __str__(self) -> str:
        return str(self.organisation.name)

    def clean(self) -> None:
        super().clean()
        if self.organisation_id and self.organisation.kind not in ENTERPRISE_KINDS:
            raise ValidationError(
                {"organisation": _("Only an enterprise or a company can host the exchange.")}
            )
        if self.employees is not None and self.size in SIZE_EMPLOYEES:
            low, high = SIZE_EMPLOYEES[EnterpriseSize(self.size)]
            if self.employees < low or (high is not None and self.employees > high):
                raise ValidationError(
                    {"employees": _("This number of employees does not fit the size chosen.")}
                )
