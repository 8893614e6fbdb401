"""Who may see and change the programme's plan areas and national projects."""

import rules

from tandem.core.permissions import is_official, is_secretariat, is_superuser

rules.add_perm("programme.view_programme", rules.always_allow)
rules.add_perm("programme.change_programme", is_secretariat | is_superuser)
rules.add_perm("programme.view_alignment", rules.always_allow)
rules.add_perm("programme.change_alignment", is_secretariat | is_superuser)
rules.add_perm("programme.suggest_labels", is_secretariat | is_official | is_superuser)
