"""Who sees and changes the productivity exchange.

- programme staff of both sides (secretariat, officials, agencies, coordinators, auditors)
  see everything; coordinators (and superusers) edit;
- a company representative sees their own organisation's records only: its profile, KPI
  protocol and outcomes, the dispatches it hosts or sends, the placements it sends or hosts.
  Anyone else's record answers 404 (``selectors.visibility`` holds the same rule as filters);
- the effect report aggregates every enterprise, so it is for programme staff only.
"""

from typing import Any

import rules

from tandem.core.permissions import (
    is_company_representative,
    is_coordinator,
    is_superuser,
    programme_staff,
)


@rules.predicate
def represents_enterprise(user: Any, profile: Any) -> bool:
    organisation_id = getattr(user, "organisation_id", None)
    return bool(
        profile is not None and organisation_id and profile.organisation_id == organisation_id
    )


exchange_reader = programme_staff | is_company_representative

rules.add_perm("exchange.view_exchange", exchange_reader)
rules.add_perm("exchange.view_enterprise", programme_staff | represents_enterprise)
rules.add_perm("exchange.change_exchange", is_coordinator | is_superuser)
rules.add_perm("exchange.view_effect_report", programme_staff)
