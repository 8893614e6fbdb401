"""Who sees and changes joint projects.

- public projects: everyone, the public included;
- programme-internal projects: programme staff of both sides (secretariat, officials,
  agencies, coordinators, auditors) and company representatives whose organisation takes part;
- side-confidential projects: the secretariat and officials of that side only.
Confidential notes are seen by the secretariat and officials of the note's side only.
The same rules, as database filters, are in ``selectors.visibility``.
"""

from typing import Any

import rules

from tandem.core.permissions import (
    is_agency_staff,
    is_auditor,
    is_company_representative,
    is_coordinator,
    is_official,
    is_secretariat,
    is_superuser,
)
from tandem.projects.enums import Disclosure


@rules.predicate
def is_public_project(user: Any, project: Any) -> bool:
    return project is not None and project.disclosure == Disclosure.PUBLIC


@rules.predicate
def is_internal_project(user: Any, project: Any) -> bool:
    return project is not None and project.disclosure == Disclosure.INTERNAL


@rules.predicate
def is_confidential_to_users_side(user: Any, project: Any) -> bool:
    return (
        project is not None
        and project.disclosure == Disclosure.SIDE_CONFIDENTIAL
        and project.confidential_side_id == getattr(user, "side_id", None)
    )


@rules.predicate
def organisation_takes_part(user: Any, project: Any) -> bool:
    organisation_id = getattr(user, "organisation_id", None)
    return bool(
        project is not None
        and organisation_id
        and project.participants.filter(organisation_id=organisation_id).exists()
    )


government = is_secretariat | is_official
programme_staff = government | is_agency_staff | is_coordinator | is_auditor

can_view_project = (
    is_superuser
    | is_public_project
    | (
        is_internal_project
        & (programme_staff | (is_company_representative & organisation_takes_part))
    )
    | (government & is_confidential_to_users_side)
)
can_change_project = is_superuser | (
    is_secretariat & (is_internal_project | is_public_project | is_confidential_to_users_side)
)

rules.add_perm("projects.view_registry", rules.always_allow)
rules.add_perm("projects.view_project", can_view_project)
rules.add_perm("projects.add_project", is_secretariat | is_superuser)
rules.add_perm("projects.change_project", can_change_project)
rules.add_perm("projects.export_projects", programme_staff | is_superuser)
rules.add_perm("projects.import_projects", is_secretariat | is_superuser)
# The open-data portal's dump on demand (tandem.interop.open_dump_jobs): the secretariat's.
rules.add_perm("interop.make_open_dump", is_secretariat | is_superuser)
rules.add_perm("projects.view_notes", government)
