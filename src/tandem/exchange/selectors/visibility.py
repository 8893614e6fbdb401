"""The rules of ``exchange.rules`` as database filters: what each user may list and open."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tandem.core.enums import Role
from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    KpiIndicator,
    SpecialistDispatch,
    TraineePlacement,
)

STAFF_ROLES = {
    Role.SECRETARIAT,
    Role.OFFICIAL,
    Role.AGENCY_STAFF,
    Role.COORDINATOR,
    Role.AUDITOR,
}


def sees_everything(user: Any) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.is_superuser or user.role in STAFF_ROLES)


def own_organisation(user: Any) -> int | None:
    """The organisation a company representative acts for, else None."""
    if user.is_authenticated and user.role == Role.COMPANY_REPRESENTATIVE:
        return int(user.organisation_id) if user.organisation_id else None
    return None


def _filtered(queryset: QuerySet[Any], user: Any, *lookups: str) -> QuerySet[Any]:
    if sees_everything(user):
        return queryset
    organisation = own_organisation(user)
    if organisation is None:
        return queryset.none()
    condition = Q()
    for lookup in lookups:
        condition |= Q(**{lookup: organisation})
    return queryset.filter(condition)


def visible_enterprises(user: Any) -> QuerySet[EnterpriseProfile]:
    return _filtered(
        EnterpriseProfile.objects.select_related("organisation", "organisation__region"),
        user,
        "organisation_id",
    )


def visible_dispatches(user: Any) -> QuerySet[SpecialistDispatch]:
    return _filtered(
        SpecialistDispatch.objects.select_related(
            "specialist", "sending_organisation", "host__organisation"
        ),
        user,
        "host__organisation_id",
        "sending_organisation_id",
    )


def visible_placements(user: Any) -> QuerySet[TraineePlacement]:
    return _filtered(
        TraineePlacement.objects.select_related(
            "trainee", "home__organisation", "host__organisation"
        ),
        user,
        "home__organisation_id",
        "host__organisation_id",
    )


def visible_indicators(user: Any) -> QuerySet[KpiIndicator]:
    return _filtered(
        KpiIndicator.objects.select_related("enterprise__organisation"),
        user,
        "enterprise__organisation_id",
    )


def visible_outcomes(user: Any) -> QuerySet[BusinessOutcome]:
    return _filtered(
        BusinessOutcome.objects.select_related("enterprise__organisation", "joint_project"),
        user,
        "enterprise__organisation_id",
    )
