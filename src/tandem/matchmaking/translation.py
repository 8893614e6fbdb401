from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import track_history
from tandem.matchmaking.models import CompanyProfile, Introduction


class CompanyProfileTranslation(TranslationOptions):
    fields = ("name", "offers", "seeks")


translator.register(CompanyProfile, CompanyProfileTranslation)

track_history(CompanyProfile, excluded_fields=["search_text", "indexed_at"])
track_history(Introduction)
