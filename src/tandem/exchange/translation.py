"""Which exchange fields carry a column per language; the history of every exchange model."""

from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import track_history
from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    ExchangeFile,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)


class ProfileTranslation(TranslationOptions):
    fields = ("notes",)


class DispatchTranslation(TranslationOptions):
    fields = ("expertise", "work_plan", "report")


class PlacementTranslation(TranslationOptions):
    fields = ("training_programme",)


class DescriptionTranslation(TranslationOptions):
    fields = ("description",)


translator.register(EnterpriseProfile, ProfileTranslation)
translator.register(SpecialistDispatch, DispatchTranslation)
translator.register(TraineePlacement, PlacementTranslation)
translator.register(BusinessOutcome, DescriptionTranslation)

track_history(
    EnterpriseProfile,
    SpecialistDispatch,
    TraineePlacement,
    KpiIndicator,
    KpiMeasurement,
    BusinessOutcome,
    ExchangeFile,
)
