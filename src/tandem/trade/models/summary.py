"""What the trade pages read: the aggregates of every import summed together, and each
flow's indicators by year, both rebuilt whenever an import is added or deleted
(``tandem.trade.services.summary``). Pages never sum imports or compute indicators per
request, so they cost the same at a million flows as at a thousand."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.trade.enums import Direction


class TradeTotal(models.Model):
    """The value of one HS chapter in one flow and year, summed over every import.
    ``months`` is the bit mask of months covered (bit 0: the whole year)."""

    year = models.PositiveSmallIntegerField(_("year"))
    reporter = models.CharField(_("reporter"), max_length=3)
    partner = models.CharField(_("partner"), max_length=3)
    direction = models.CharField(
        pgettext_lazy("trade", "direction"), max_length=1, choices=Direction.choices
    )
    chapter = models.CharField(_("HS chapter"), max_length=2)
    value_usd = models.DecimalField(_("value (USD)"), max_digits=22, decimal_places=2)
    months = models.PositiveIntegerField(_("months covered"), default=1)
    is_illustrative = models.BooleanField(_("illustrative"), default=False)

    class Meta:
        ordering = ["reporter", "partner", "direction", "year", "chapter"]
        verbose_name = _("trade total")
        verbose_name_plural = _("trade totals")
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "partner", "direction", "year", "chapter"],
                name="trade_total_one_per_chapter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.reporter}→{self.partner} {self.direction} ch.{self.chapter}"


class TradeIndicator(models.Model):
    """One flow's indicators in one year (see ``tandem.trade.indicators``): total, growth on
    the year before, the Herfindahl–Hirschman index over chapters (0–1), the chapters that
    make up 90% of value, and the share of non-resource goods."""

    year = models.PositiveSmallIntegerField(_("year"))
    reporter = models.CharField(_("reporter"), max_length=3)
    partner = models.CharField(_("partner"), max_length=3)
    direction = models.CharField(
        pgettext_lazy("trade", "direction"), max_length=1, choices=Direction.choices
    )
    total_usd = models.DecimalField(_("total (USD)"), max_digits=24, decimal_places=2)
    growth = models.FloatField(_("growth"), null=True, blank=True)
    hhi = models.FloatField(_("Herfindahl–Hirschman index"), null=True, blank=True)
    chapters_for_90 = models.PositiveSmallIntegerField(_("chapters for 90 per cent of value"))
    non_resource_share = models.FloatField(_("non-resource share"), null=True, blank=True)
    months = models.PositiveIntegerField(_("months covered"), default=1)
    is_illustrative = models.BooleanField(_("illustrative"), default=False)

    class Meta:
        ordering = ["reporter", "partner", "direction", "year"]
        verbose_name = _("trade indicator")
        verbose_name_plural = _("trade indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "partner", "direction", "year"],
                name="trade_indicator_one_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.reporter}→{self.partner} {self.direction}"
