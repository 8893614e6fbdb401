from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.models.base import IllustrativeMixin, TimestampedModel
from tandem.trade.enums import Direction, Source


class ImportBatch(IllustrativeMixin, TimestampedModel):
    """One imported file: its flows and their aggregates go with it when it is deleted."""

    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    file_name = models.CharField(_("file"), max_length=255)
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    rows = models.PositiveIntegerField(_("rows imported"), default=0)
    skipped = models.JSONField(_("rows skipped"), default=dict, blank=True)
    first_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    reporters = models.CharField(_("reporters"), max_length=60, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_public = models.BooleanField(
        _("published on the open-data portal"),
        default=False,
        help_text=_("The secretariat's choice: the figures of this import appear at /open/trade/."),
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("trade import")
        verbose_name_plural = _("trade imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_source_display()})"


class TradeFlow(models.Model):
    """One row of trade statistics as its reporter published it (no history: the batch is
    the unit of change, and is audited)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="flows")
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    reporter = models.CharField(_("reporter"), max_length=3)
    partner = models.CharField(_("partner"), max_length=3)
    direction = models.CharField(
        pgettext_lazy("trade", "direction"), max_length=1, choices=Direction.choices
    )
    hs_code = models.CharField(_("HS code"), max_length=6)
    chapter = models.CharField(_("HS chapter"), max_length=2)
    national_code = models.CharField(_("national code"), max_length=10, blank=True)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    value_usd = models.DecimalField(_("value (USD)"), max_digits=20, decimal_places=2)
    quantity = models.DecimalField(
        _("quantity"), max_digits=20, decimal_places=3, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=20, blank=True)

    class Meta:
        ordering = ["year", "month", "reporter", "direction", "hs_code"]
        verbose_name = _("trade flow")
        verbose_name_plural = _("trade flows")

    def __str__(self) -> str:
        return f"{self.year} {self.reporter}→{self.partner} {self.direction} {self.hs_code}"


class TradeAggregate(models.Model):
    """Flows summed on import by year, reporter, partner, direction and HS chapter (per batch),
    so that pages read a few thousand rows, not millions. ``months`` is a bit mask of the
    months covered (bit 0 = the whole year)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="aggregates")
    year = models.PositiveSmallIntegerField(_("year"))
    reporter = models.CharField(_("reporter"), max_length=3)
    partner = models.CharField(_("partner"), max_length=3)
    direction = models.CharField(
        pgettext_lazy("trade", "direction"), max_length=1, choices=Direction.choices
    )
    chapter = models.CharField(_("HS chapter"), max_length=2)
    value_usd = models.DecimalField(_("value (USD)"), max_digits=22, decimal_places=2)
    flows = models.PositiveIntegerField(_("rows"))
    months = models.PositiveIntegerField(_("months covered"), default=1)

    class Meta:
        ordering = ["year", "reporter", "direction", "chapter"]
        verbose_name = _("trade aggregate")
        verbose_name_plural = _("trade aggregates")
        indexes = [models.Index(fields=["reporter", "partner", "direction", "year"])]

    def __str__(self) -> str:
        return f"{self.year} {self.reporter}→{self.partner} {self.direction} ch.{self.chapter}"
