"""The visibility rules of ``projects.rules`` as database filters, for lists and exports."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from tandem.core.enums import Role
from tandem.projects.enums import Disclosure
from tandem.projects.models import JointProject, Participant

STAFF_ROLES = {
    Role.SECRETARIAT,
    Role.OFFICIAL,
    Role.AGENCY_STAFF,
    Role.COORDINATOR,
    Role.AUDITOR,
}
GOVERNMENT_ROLES = {Role.SECRETARIAT, Role.OFFICIAL}


def visible_filter(user: Any) -> Q:
    """The projects ``user`` may see, as a filter on JointProject."""
    if user.is_authenticated and user.is_superuser:
        return Q()
    visible = Q(disclosure=Disclosure.PUBLIC)
    if not (user.is_authenticated and user.is_active):
        return visible
    role = user.role
    if role in STAFF_ROLES:
        visible |= Q(disclosure=Disclosure.INTERNAL)
    elif role == Role.COMPANY_REPRESENTATIVE and user.organisation_id:
        takes_part = Exists(
            Participant.objects.filter(project=OuterRef("pk"), organisation_id=user.organisation_id)
        )
        visible |= Q(disclosure=Disclosure.INTERNAL) & Q(takes_part)
    if role in GOVERNMENT_ROLES and user.side_id:
        visible |= Q(disclosure=Disclosure.SIDE_CONFIDENTIAL, confidential_side_id=user.side_id)
    return visible


def visible_projects(user: Any) -> QuerySet[JointProject]:
    return JointProject.objects.filter(visible_filter(user))


def note_side_for(user: Any) -> int | None:
    """The side whose confidential notes ``user`` may read, or None."""
    if user.is_authenticated and user.role in GOVERNMENT_ROLES and user.side_id:
        return int(user.side_id)
    return None


def visibility_class(user: Any) -> str:
    """A name shared by exactly the users who see the same projects (mirrors
    ``visible_filter``): what a cached figure about visible projects is keyed by."""
    if user.is_authenticated and user.is_superuser:
        return "all"
    if not (user.is_authenticated and user.is_active):
        return "public"
    role = user.role
    organisation = user.organisation_id if role == Role.COMPANY_REPRESENTATIVE else None
    side = user.side_id if role in GOVERNMENT_ROLES else None
    return f"staff={role in STAFF_ROLES}:org={organisation}:side={side}"
