"""Which core fields carry a column per language (name_en, name_ja, name_ru)."""

from modeltranslation.translator import TranslationOptions, translator

from tandem.core.audit import track_history
from tandem.core.models import (
    ApiToken,
    Country,
    FederalDistrict,
    Organisation,
    Person,
    Region,
    User,
)


class NameTranslation(TranslationOptions):
    fields = ("name",)


class PersonTranslation(TranslationOptions):
    fields = ("name", "position")


translator.register(Country, NameTranslation)
translator.register(FederalDistrict, NameTranslation)
translator.register(Region, NameTranslation)
translator.register(Organisation, NameTranslation)
translator.register(Person, PersonTranslation)

track_history(Country, FederalDistrict, Region, Organisation, Person)
track_history(User, excluded_fields=["password", "last_login"])
# Created and revoked (deleted) on the record; each use is not a change.
track_history(ApiToken, excluded_fields=["token_hash", "last_used_at"])
