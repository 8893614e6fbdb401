"""The admin base: translated fields side by side and the history of every record."""

from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """Admin for a model without translated fields."""


class TranslatedHistoryAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Admin for a model with translated fields."""
