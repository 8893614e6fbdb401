"""Reads on company profiles: who may see which, and the search across languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from tandem.core.crosslingual.search import exact_rank, search_condition
from tandem.core.enums import Role
from tandem.matchmaking.enums import ProfileState
from tandem.matchmaking.models import CompanyProfile, Introduction

LISTED = Q(state=ProfileState.PUBLISHED, consent_to_show=True)
SORTS = {
    "name": ("name", "id"),
    "-updated": ("-updated_at", "-id"),
    "country": ("country__code", "name", "id"),
    "state": ("state", "name", "id"),
}
PAGE_SIZE = 25


def visible_filter(user: Any) -> Q:
    """The profiles ``user`` may see (the rules of ``matchmaking.view_profile`` as a filter)."""
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if user.is_superuser or user.role == Role.AGENCY_STAFF:
        return Q()
    if user.role == Role.COMPANY_REPRESENTATIVE and user.organisation_id:
        mine = user.organisation_id
        asked_us = Introduction.objects.filter(recipient__organisation_id=mine)
        asked_by_us = Introduction.objects.filter(requester__organisation_id=mine)
        return (
            LISTED
            | Q(organisation_id=mine)
            | Q(pk__in=asked_us.values("requester_id"))
            | Q(pk__in=asked_by_us.values("recipient_id"))
        )
    if user.role in (Role.SECRETARIAT, Role.OFFICIAL, Role.AUDITOR, Role.COORDINATOR):
        return LISTED
    return Q(pk__in=[])


def visible_profiles(user: Any) -> QuerySet[CompanyProfile]:
    visible = CompanyProfile.objects.filter(visible_filter(user))
    return visible.select_related("country", "region", "plan_area")


def own_profile(user: Any) -> CompanyProfile | None:
    if not getattr(user, "organisation_id", None):
        return None
    return (
        CompanyProfile.objects.select_related("country", "region")
        .filter(organisation_id=user.organisation_id)
        .first()
    )


@dataclass(frozen=True)
class ProfileFilters:
    q: str = ""
    country: str = ""
    state: str = ""
    sort: str = "name"
    mode: str = "words"  # or "meaning": by embedding, across languages


def search_profiles(user: Any, filters: ProfileFilters) -> QuerySet[CompanyProfile]:
    """Visible profiles whose names, offers or seeks in any language contain every word."""
    rows = visible_profiles(user)
    if filters.country:
        rows = rows.filter(country__code=filters.country)
    if filters.mode == "meaning" and filters.q.strip():
        return rows  # ranked by meaning_search; state filters do not apply to listed profiles
    if filters.q.strip():
        rows = rows.filter(search_condition("search_text", filters.q))
    if filters.state:
        rows = rows.filter(state=filters.state)
    order = SORTS.get(filters.sort, SORTS["name"])
    if filters.q.strip():  # what is written in the query's language first
        return rows.order_by(exact_rank("search_text", filters.q), *order)
    return rows.order_by(*order)


def text_in(profile: CompanyProfile, field: str, language: str) -> tuple[str, bool]:
    """The field in ``language`` when translated, else the company's own text; and whether
    it is a translation."""
    translated = str(getattr(profile, f"{field}_{language}", "") or "").strip()
    if translated and language != profile.language:
        return translated, True
    return profile.own_text(field), False


def meaning_search(
    user: Any, filters: ProfileFilters, hits: list[tuple[str, float]]
) -> list[tuple[CompanyProfile, float]]:
    """The visible profiles among ``hits`` (id, similarity from the matching index), in order."""
    score = {int(pid): value for pid, value in hits}
    found = {p.pk: p for p in search_profiles(user, filters).filter(pk__in=list(score))}
    return [(found[pk], score[pk]) for pk in score if pk in found]
