from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    """A bilateral programme between two countries: one side's plan, the other's priorities."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    plan_name = models.CharField(
        _("name of the plan"), max_length=200, help_text=_("e.g. the eight-point plan")
    )
    priorities_name = models.CharField(
        _("name of the partner's priorities"),
        max_length=200,
        help_text=_("e.g. Russia's national projects"),
    )
    plan_side = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("side that proposed the plan"),
    )
    partner_side = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("side whose priorities the plan serves"),
    )
    plan_year = models.PositiveSmallIntegerField(_("year of the plan"))
    priorities_year = models.PositiveSmallIntegerField(_("year of the priorities"))
    project_code_prefix = models.CharField(_("prefix of joint-project codes"), max_length=8)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return str(self.name)


class PlanArea(models.Model):
    """One area of the plan (e.g. P1 Extending healthy life expectancy)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="plan_areas", verbose_name=_("programme")
    )
    code = models.CharField(_("code"), max_length=8)
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("plan area")
        verbose_name_plural = _("plan areas")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="plan_area_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class NationalProject(models.Model):
    """One of the partner's national priorities (e.g. N7 Labour productivity)."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="national_projects",
        verbose_name=_("programme"),
    )
    code = models.CharField(_("code"), max_length=8)
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("national project")
        verbose_name_plural = _("national projects")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"], name="national_project_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
