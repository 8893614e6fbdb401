"""Shared vocabularies of the core: roles, kinds of organisation, languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Language(models.TextChoices):
    EN = "en", _("English")
    JA = "ja", _("Japanese")
    RU = "ru", _("Russian")


class Role(models.TextChoices):
    """What a user does in the programme; it decides what the user may see and change."""

    SECRETARIAT = "secretariat", pgettext_lazy("role", "Committee secretariat")
    OFFICIAL = "official", pgettext_lazy("role", "Ministry official")
    AGENCY_STAFF = "agency_staff", pgettext_lazy("role", "Trade-promotion agency staff")
    COORDINATOR = "coordinator", pgettext_lazy("role", "Programme coordinator")
    COMPANY_REPRESENTATIVE = (
        "company_representative",
        pgettext_lazy("role", "Company representative"),
    )
    AUDITOR = "auditor", pgettext_lazy("role", "Auditor (read-only)")


ROLES_WITH_SIDE = frozenset({Role.SECRETARIAT, Role.OFFICIAL})
ROLES_WITH_ORGANISATION = frozenset({Role.COMPANY_REPRESENTATIVE})


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry or government body")
    AGENCY = "agency", _("Trade-promotion or development agency")
    COMPANY = "company", _("Company")
    ENTERPRISE = "enterprise", _("Enterprise")
    UNIVERSITY = "university", _("University or research institute")
    ASSOCIATION = "association", _("Business association")
    OTHER = "other", pgettext_lazy("organisation kind", "Other")


class RegionKind(models.TextChoices):
    REPUBLIC = "republic", _("Republic")
    KRAI = "krai", _("Krai")
    OBLAST = "oblast", _("Oblast")
    FEDERAL_CITY = "federal_city", _("Federal city")
    AUTONOMOUS_OBLAST = "autonomous_oblast", _("Autonomous oblast")
    AUTONOMOUS_OKRUG = "autonomous_okrug", _("Autonomous okrug")
    PREFECTURE = "prefecture", _("Prefecture")
