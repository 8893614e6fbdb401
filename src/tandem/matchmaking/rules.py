"""Who sees and changes company profiles, suggestions and introductions.

- agency staff run matchmaking: they see every profile, review and publish them, see contacts
  and suggestions, request introductions for any company and follow every outcome;
- a company representative sees and edits the profile of their own organisation, its
  suggestions and its introductions; other companies' profiles only when published with
  consent, and their contact details only after an introduction between the two is accepted;
- government readers (secretariat, officials, auditors) see published profiles and the funnel.
"""

from typing import Any

import rules

from tandem.core.permissions import (
    government_reader,
    is_agency_staff,
    is_company_representative,
    is_coordinator,
    is_superuser,
)
from tandem.matchmaking.enums import IntroductionStatus


@rules.predicate
def owns_profile(user: Any, profile: Any) -> bool:
    organisation_id = getattr(user, "organisation_id", None)
    return bool(
        profile is not None and organisation_id and profile.organisation_id == organisation_id
    )


@rules.predicate
def is_listed_profile(user: Any, profile: Any) -> bool:
    return profile is not None and bool(profile.is_listed)


@rules.predicate
def accepted_introduction_with(user: Any, profile: Any) -> bool:
    """An introduction between the user's company and ``profile`` was accepted."""
    from tandem.matchmaking.models import Introduction

    organisation_id = getattr(user, "organisation_id", None)
    if profile is None or not organisation_id:
        return False
    pair = Introduction.objects.filter(status=IntroductionStatus.ACCEPTED)
    return bool(
        pair.filter(requester=profile, recipient__organisation_id=organisation_id).exists()
        or pair.filter(recipient=profile, requester__organisation_id=organisation_id).exists()
    )


@rules.predicate
def introduced_to(user: Any, profile: Any) -> bool:
    """An introduction (in any state) joins the user's company and ``profile``."""
    from tandem.matchmaking.models import Introduction

    organisation_id = getattr(user, "organisation_id", None)
    if profile is None or not organisation_id:
        return False
    return bool(
        Introduction.objects.filter(
            requester=profile, recipient__organisation_id=organisation_id
        ).exists()
        or Introduction.objects.filter(
            recipient=profile, requester__organisation_id=organisation_id
        ).exists()
    )


@rules.predicate
def is_recipient_company(user: Any, introduction: Any) -> bool:
    organisation_id = getattr(user, "organisation_id", None)
    return bool(
        introduction is not None
        and organisation_id
        and introduction.recipient.organisation_id == organisation_id
    )


@rules.predicate
def is_party_company(user: Any, introduction: Any) -> bool:
    organisation_id = getattr(user, "organisation_id", None)
    return bool(
        introduction is not None
        and organisation_id
        and organisation_id
        in (introduction.requester.organisation_id, introduction.recipient.organisation_id)
    )


agency = is_agency_staff | is_superuser
company = is_company_representative

rules.add_perm("matchmaking.use_matchmaking", agency | company)
rules.add_perm("matchmaking.search_profiles", agency | company | government_reader | is_coordinator)
rules.add_perm(
    "matchmaking.view_profile",
    agency
    | (company & (owns_profile | introduced_to))
    | ((company | government_reader) & is_listed_profile),
)
rules.add_perm("matchmaking.add_profile", agency | company)
rules.add_perm("matchmaking.change_profile", agency | (company & owns_profile))
rules.add_perm("matchmaking.review_profile", agency)
rules.add_perm(
    "matchmaking.view_contacts", agency | (company & (owns_profile | accepted_introduction_with))
)
rules.add_perm("matchmaking.view_suggestions", agency | (company & owns_profile))
rules.add_perm("matchmaking.request_introduction", agency | company)
rules.add_perm("matchmaking.view_introductions", agency | company)
rules.add_perm("matchmaking.view_introduction", agency | (company & is_party_company))
rules.add_perm("matchmaking.respond_introduction", agency | (company & is_recipient_company))
rules.add_perm("matchmaking.record_outcome", agency | (company & is_party_company))
rules.add_perm("matchmaking.view_funnel", agency | government_reader | is_coordinator)
rules.add_perm("matchmaking.link_organisation", agency)
