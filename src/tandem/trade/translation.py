"""Which trade fields carry a column per language; the history of the trade models.

Trade flows and their aggregates keep no per-row history: they arrive by the million in
batches, and the batch (who imported which file, when) is the audited unit.
"""

from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import track_history
from tandem.trade.models import ChapterPlanArea, FdiFigure, HsCode, ImportBatch


class HsCodeTranslation(TranslationOptions):
    fields = ("name",)


translator.register(HsCode, HsCodeTranslation)

track_history(HsCode, ChapterPlanArea, FdiFigure, ImportBatch)
