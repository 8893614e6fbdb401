from modeltranslation.translator import TranslationOptions, translator

from tandem.committee.models import (
    ActionItem,
    AgendaItem,
    Committee,
    CommitteeSession,
    Decision,
    DecisionPublicMark,
    Delegate,
    SessionCoChair,
    SessionNote,
    WorkingGroup,
)
from tandem.core.audit import keep_out_of_latest_changes, track_history


class CommitteeTranslation(TranslationOptions):
    fields = ("name",)


class SessionTranslation(TranslationOptions):
    fields = ("city",)


class CoChairTranslation(TranslationOptions):
    fields = ("title",)


class NameTranslation(TranslationOptions):
    fields = ("name",)


class TitleTranslation(TranslationOptions):
    fields = ("title",)


class DecisionTranslation(TranslationOptions):
    fields = ("text",)


translator.register(Committee, CommitteeTranslation)
translator.register(CommitteeSession, SessionTranslation)
translator.register(SessionCoChair, CoChairTranslation)
translator.register(WorkingGroup, NameTranslation)
translator.register(AgendaItem, TitleTranslation)
translator.register(ActionItem, TitleTranslation)
translator.register(Decision, DecisionTranslation)

track_history(
    Committee,
    CommitteeSession,
    SessionCoChair,
    WorkingGroup,
    Delegate,
    AgendaItem,
    Decision,
    ActionItem,
    SessionNote,
    DecisionPublicMark,
)
keep_out_of_latest_changes(SessionNote)
