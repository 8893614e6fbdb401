from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import keep_out_of_latest_changes, track_history
from tandem.projects.models import (
    ConfidentialNote,
    ExchangeRate,
    FinancingLine,
    IndicatorValue,
    JointProject,
    Milestone,
    Participant,
    ProjectAspect,
    ProjectPlanArea,
    ResultIndicator,
    Sector,
    Source,
    StatusChange,
)


class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary")


class TitleTranslation(TranslationOptions):
    fields = ("title",)


translator.register(JointProject, ProjectTranslation)
translator.register(Milestone, TitleTranslation)
translator.register(ResultIndicator, TitleTranslation)

track_history(
    JointProject, m2m_fields=["national_projects", "regions"], excluded_fields=["search_text"]
)
track_history(
    ProjectPlanArea,
    ProjectAspect,
    Sector,
    Participant,
    StatusChange,
    Milestone,
    Source,
    FinancingLine,
    ExchangeRate,
    ResultIndicator,
    IndicatorValue,
    ConfidentialNote,
)
keep_out_of_latest_changes(ConfidentialNote)
