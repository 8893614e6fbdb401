"""Who sees and changes the committee's records.

- sessions, agendas, decisions, action items, minutes: programme staff see them; the
  secretariats (either side) change them;
- confidential notes on a session: the secretariat and officials of the note's side only;
- briefing packs: government readers (secretariat, officials, auditors) read and make them;
- a decision is public when both sides have marked it so: then everyone may read it.
"""

import rules

from tandem.core.permissions import (
    government_reader,
    is_official,
    is_secretariat,
    is_superuser,
    programme_staff,
)

secretariat = is_secretariat | is_superuser

rules.add_perm("committee.view_session", programme_staff | is_superuser)
rules.add_perm("committee.change_session", secretariat)
rules.add_perm("committee.view_notes", is_secretariat | is_official)
rules.add_perm("committee.add_note", is_secretariat | is_official)
rules.add_perm("committee.view_briefing", government_reader)
rules.add_perm("committee.make_briefing", government_reader)
rules.add_perm("committee.mark_public", is_secretariat)
rules.add_perm("committee.view_public_decisions", rules.always_allow)
