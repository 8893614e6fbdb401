from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import track_history
from tandem.programme.models import (
    IntendedAlignment,
    LabelExample,
    NationalProject,
    PlanArea,
    Programme,
)


class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "plan_name", "priorities_name")


class NamedTranslation(TranslationOptions):
    fields = ("name", "description")


translator.register(Programme, ProgrammeTranslation)
translator.register(PlanArea, NamedTranslation)
translator.register(NationalProject, NamedTranslation)

track_history(Programme, PlanArea, NationalProject, IntendedAlignment, LabelExample)
