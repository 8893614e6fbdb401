"""Who owns a company profile: link an agency-created profile to its organisation.

The agency often enters a company's profile before anyone from the company has an account.
Linking the profile to a ``tandem.core`` organisation (picked, or created from the profile)
makes the company representatives of that organisation its owners: they see and edit it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.audit import save_with_actor
from tandem.core.enums import OrganisationKind
from tandem.core.history_reasons import history_reason
from tandem.core.i18n import LANGUAGES
from tandem.core.models import Organisation
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.profiles import _save

COMPANY_KINDS = (OrganisationKind.COMPANY, OrganisationKind.ENTERPRISE)


def linkable_organisations(profile: CompanyProfile) -> Any:
    """Companies and enterprises of the profile's country that have no profile yet."""
    return (
        Organisation.objects.filter(kind__in=COMPANY_KINDS, side_id=profile.country_id)
        .filter(company_profile__isnull=True)
        .order_by("name")
    )


def _organisation_from(profile: CompanyProfile, actor: Any) -> Organisation:
    names = {f"name_{lang}": getattr(profile, f"name_{lang}", "") or "" for lang in LANGUAGES}
    organisation = Organisation(
        name=profile.name,
        kind=OrganisationKind.COMPANY,
        side_id=profile.country_id,
        region=profile.region,
        **names,
    )
    return save_with_actor(
        organisation,
        actor,
        reason=history_reason("created for company profile", profile=profile.pk),
    )


@transaction.atomic
def profile_link_organisation(
    *,
    profile: CompanyProfile,
    actor: Any,
    organisation: Organisation | None = None,
    create: bool = False,
) -> CompanyProfile:
    """Link the profile to ``organisation``, or to a new one made from the profile (``create``).

    Refused when the profile already belongs to an organisation, when the organisation is not
    a company or enterprise of the profile's country, or already has a profile."""
    locked = CompanyProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.organisation_id is not None:
        raise ValidationError(
            _("This profile already belongs to %(name)s.") % {"name": locked.organisation}
        )
    if (organisation is None) == (not create):
        raise ValidationError(_("Pick an organisation, or create one from the profile."))
    if organisation is None:
        organisation = _organisation_from(locked, actor)
    if organisation.kind not in COMPANY_KINDS:
        raise ValidationError({"organisation": _("Only a company or enterprise has a profile.")})
    if organisation.side_id != locked.country_id:
        raise ValidationError({"organisation": _("The organisation is of another country.")})
    if CompanyProfile.objects.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": _("This organisation already has a profile.")})
    locked.organisation = organisation
    locked.version += 1
    return _save(
        locked, actor, reason=history_reason("linked to organisation", organisation=organisation.pk)
    )
