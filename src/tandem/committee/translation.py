from modeltranslation.translator import TranslationOptions, translator

from tandem.committee.models import Committee, CommitteeSession, SessionCoChair
from tandem.core.audit import track_history


class CommitteeTranslation(TranslationOptions):
    fields = ("name",)


class SessionTranslation(TranslationOptions):
    fields = ("city",)


class CoChairTranslation(TranslationOptions):
    fields = ("title",)


translator.register(Committee, CommitteeTranslation)
translator.register(CommitteeSession, SessionTranslation)
translator.register(SessionCoChair, CoChairTranslation)

track_history(Committee, CommitteeSession, SessionCoChair)
