from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import track_history
from tandem.fairs.models import Fair


class FairTranslation(TranslationOptions):
    fields = ("name", "city", "venue")


translator.register(Fair, FairTranslation)
track_history(Fair)
