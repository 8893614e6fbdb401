"""Vocabularies of the productivity exchange: sectors, sizes, topics, indicators and units."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Sector(models.TextChoices):
    MACHINERY = "machinery", _("Machinery and equipment")
    AUTOMOTIVE = "automotive", _("Automotive and components")
    METALS = "metals", _("Metals and metalworking")
    CHEMICALS = "chemicals", _("Chemicals and plastics")
    FOOD = "food", _("Food processing")
    WOOD = "wood", _("Wood and paper")
    ENERGY = "energy", pgettext_lazy("sector", "Energy and utilities")
    HEALTHCARE = "healthcare", _("Medical products")
    LOGISTICS = "logistics", pgettext_lazy("sector", "Transport and logistics")
    OTHER = "other", pgettext_lazy("sector", "Other")


class EnterpriseSize(models.TextChoices):
    MICRO = "micro", _("Micro (under 15 employees)")
    SMALL = "small", _("Small (15–100 employees)")
    MEDIUM = "medium", _("Medium (101–250 employees)")
    LARGE = "large", _("Large (over 250 employees)")


class Topic(models.TextChoices):
    LEAN = "lean_production", _("Lean production")
    QUALITY = "quality_control", _("Quality control")
    LOGISTICS = "logistics", pgettext_lazy("dispatch topic", "Logistics")
    MAINTENANCE = "maintenance", _("Maintenance")
    ENERGY = "energy_efficiency", _("Energy efficiency")
    DIGITAL = "digitalisation", _("Digitalisation of production")
    OTHER = "other", pgettext_lazy("dispatch topic", "Other")


class IndicatorKind(models.TextChoices):
    LABOUR_PRODUCTIVITY = "labour_productivity", _("Labour productivity (output per worker-hour)")
    LEAD_TIME = "lead_time", _("Lead time")
    DEFECT_RATE = "defect_rate", _("Defect rate")
    INVENTORY_TURNOVER = "inventory_turnover", _("Inventory turnover")
    ON_TIME_DELIVERY = "on_time_delivery", _("On-time delivery")
    OWN = "own", _("The enterprise's own indicator")


class Unit(models.TextChoices):
    RUB_PER_WORKER_HOUR = "rub_per_worker_hour", _("roubles of output per worker-hour")
    JPY_PER_WORKER_HOUR = "jpy_per_worker_hour", _("yen of output per worker-hour")
    UNITS_PER_WORKER_HOUR = "units_per_worker_hour", _("units of output per worker-hour")
    DAYS = "days", pgettext_lazy("unit", "days")
    HOURS = "hours", pgettext_lazy("unit", "hours")
    PERCENT = "percent", _("per cent")
    PPM = "ppm", _("parts per million")
    TURNS_PER_YEAR = "turns_per_year", _("turns per year")
    COUNT = "count", pgettext_lazy("unit", "count")


ALLOWED_UNITS: dict[str, frozenset[str]] = {
    IndicatorKind.LABOUR_PRODUCTIVITY: frozenset(
        {Unit.RUB_PER_WORKER_HOUR, Unit.JPY_PER_WORKER_HOUR, Unit.UNITS_PER_WORKER_HOUR}
    ),
    IndicatorKind.LEAD_TIME: frozenset({Unit.DAYS, Unit.HOURS}),
    IndicatorKind.DEFECT_RATE: frozenset({Unit.PERCENT, Unit.PPM}),
    IndicatorKind.INVENTORY_TURNOVER: frozenset({Unit.TURNS_PER_YEAR}),
    IndicatorKind.ON_TIME_DELIVERY: frozenset({Unit.PERCENT}),
    IndicatorKind.OWN: frozenset(Unit.values),
}

# Which way is better: a higher value (productivity) or a lower one (lead time, defects).
HIGHER_IS_BETTER: dict[str, bool] = {
    IndicatorKind.LABOUR_PRODUCTIVITY: True,
    IndicatorKind.LEAD_TIME: False,
    IndicatorKind.DEFECT_RATE: False,
    IndicatorKind.INVENTORY_TURNOVER: True,
    IndicatorKind.ON_TIME_DELIVERY: True,
}

# The upper bound of a value in each unit, where one exists.
UNIT_MAXIMUM: dict[str, float] = {Unit.PERCENT: 100.0, Unit.PPM: 1_000_000.0}


class Horizon(models.IntegerChoices):
    BASELINE = 0, _("Baseline")
    SIX_MONTHS = 6, _("Follow-up at 6 months")
    TWELVE_MONTHS = 12, _("Follow-up at 12 months")


# The window, in days after the baseline, in which each follow-up may be measured.
FOLLOW_UP_WINDOWS: dict[int, tuple[int, int]] = {6: (120, 270), 12: (300, 480)}


class OutcomeKind(models.TextChoices):
    CONTRACT = "contract", _("Contract signed")
    FOLLOW_UP_PROJECT = "follow_up_project", _("Follow-up joint project")
    INVESTMENT = "investment", _("Investment")
    OTHER = "other", pgettext_lazy("outcome", "Other")


class FileKind(models.TextChoices):
    WORK_PLAN = "work_plan", _("Work plan")
    REPORT = "report", pgettext_lazy("dispatch", "Report")
    EVIDENCE = "evidence", _("Evidence")
    CERTIFICATE = "certificate", _("Certificate")
    OTHER = "other", pgettext_lazy("file kind", "Other")
