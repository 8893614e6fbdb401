"""Who sees and does what at trade fairs.

- Organisers (trade-promotion agency staff, and superusers) set fairs up, see every request,
  compute, adjust and publish schedules, and print table plans.
- Company representatives request meetings for their organisation's participant, answer the
  requests it receives, and see its agenda.
- Every signed-in user sees the list of fairs and their public facts.
Object checks (is this participant the user's?) are in ``selectors.agenda.can_act_for``.
"""

import rules

from tandem.core.permissions import is_agency_staff, is_company_representative, is_superuser

organiser = is_agency_staff | is_superuser

rules.add_perm("fairs.view_fair", rules.is_authenticated)
rules.add_perm("fairs.change_fair", organiser)
rules.add_perm("fairs.manage_meetings", organiser)
rules.add_perm("fairs.take_part", organiser | is_company_representative)
