import rules

from tandem.core.permissions import is_secretariat, is_superuser, programme_staff

rules.add_perm("committee.view_session", programme_staff)
rules.add_perm("committee.change_session", is_secretariat | is_superuser)
