"""The trade monitor's vocabularies."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Direction(models.TextChoices):
    EXPORTS = "X", pgettext_lazy("trade direction", "Exports")
    IMPORTS = "M", pgettext_lazy("trade direction", "Imports")


class Source(models.TextChoices):
    COMTRADE = "comtrade", _("UN Comtrade CSV")
    JAPAN = "japan", _("Japan's trade statistics (Customs)")
    RUSSIA = "russia", _("Russia's customs statistics (FTS)")
    DEMO = "demo", _("Illustrative demo series")


class FdiKind(models.TextChoices):
    FLOW = "flow", _("Flow in the year")
    STOCK = "stock", _("Stock at the end of the year")
