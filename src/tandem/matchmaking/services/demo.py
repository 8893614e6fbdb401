"""Writes the illustrative companies and introductions of :mod:`tandem.matchmaking.demo`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from tandem.core.actors import Actor
from tandem.core.history import create_rows
from tandem.core.models import Country, Organisation, Region
from tandem.matchmaking.demo import DemoProfile, generate_market
from tandem.matchmaking.enums import IntroductionStatus, MeetingVenue, Outcome, ProfileState
from tandem.matchmaking.models import CompanyProfile, Introduction
from tandem.matchmaking.services.profiles import publication_period, search_text_of
from tandem.programme.models import PlanArea

FAIR_DATES = {"P5": ("Innoprom", dt.date(2019, 7, 9)), "P7": ("CEATEC", dt.date(2019, 10, 15))}


def _profile(item: DemoProfile, organisation: Organisation, refs: dict[str, Any]) -> CompanyProfile:
    now = timezone.now()
    published = item.state == ProfileState.PUBLISHED
    profile = CompanyProfile(
        organisation=organisation,
        reference=item.reference,
        name=item.name,
        country=refs["countries"][item.country],
        region_id=refs["regions"].get(item.region),
        size=item.size,
        industry_nace=item.nace,
        plan_area=refs["areas"].get(item.plan_area),
        language=item.language,
        languages_spoken=",".join(dict.fromkeys([item.language, "en"])),
        contact_name=f"{item.name} (illustrative contact)",
        contact_email=f"{item.reference}@example.org",
        consent_to_show=item.consent,
        state=item.state,
        reviewed_at=now if item.state != ProfileState.DRAFT else None,
        published_at=now if published else None,
        expires_on=timezone.localdate() + publication_period() if published else None,
        is_illustrative=True,
    )
    setattr(profile, f"name_{item.language}", item.name)
    setattr(profile, f"offers_{item.language}", item.offers)
    setattr(profile, f"seeks_{item.language}", item.seeks)
    if item.offers_en:
        profile.offers_en = item.offers_en  # type: ignore[attr-defined]
        profile.seeks_en = item.seeks_en  # type: ignore[attr-defined]
    profile.search_text = search_text_of(profile)
    return profile


@transaction.atomic
def demo_market_create(*, seed: int, actor: Actor) -> tuple[int, int]:
    """Create the illustrative profiles and introductions that are missing."""
    market = generate_market(seed)
    existing = set(CompanyProfile.objects.exclude(reference="").values_list("reference", flat=True))
    todo = [p for p in market.profiles if p.reference not in existing]
    refs: dict[str, Any] = {
        "countries": {c.code: c for c in Country.objects.filter(code__in=["JP", "RU"])},
        "regions": dict(Region.objects.values_list("code", "pk")),
        "areas": {a.code: a for a in PlanArea.objects.all()},
    }
    if len(refs["countries"]) < 2:
        raise ValueError("Load the default first (tandem load-default).")
    organisations = {}
    for item in todo:
        organisations[item.reference], _created = Organisation.objects.get_or_create(
            reference=item.reference,
            defaults={
                "name": item.name,
                "kind": "company",
                "side": refs["countries"][item.country],
                "region_id": refs["regions"].get(item.region),
                "is_illustrative": True,
            },
        )
    create_rows(
        CompanyProfile,
        [_profile(item, organisations[item.reference], refs) for item in todo],
        actor=actor,
    )
    by_ref = {p.reference: p for p in CompanyProfile.objects.exclude(reference="")}
    introductions = []
    for wanted in market.introductions:
        requester, recipient = by_ref[wanted.requester], by_ref[wanted.recipient]
        if Introduction.objects.filter(requester=requester, recipient=recipient).exists():
            continue
        introduction = Introduction(
            requester=requester,
            recipient=recipient,
            plan_area=requester.plan_area,
            message="(illustrative)",
            is_illustrative=True,
        )
        if wanted.stage != "requested":
            introduction.responded_at = timezone.now()
            introduction.status = IntroductionStatus.ACCEPTED
        if wanted.stage == "declined":
            introduction.status = IntroductionStatus.DECLINED
            introduction.decline_reason = "We already work with a partner for this (illustrative)."
        if wanted.stage in ("met", "agreement"):
            fair, date = FAIR_DATES.get(
                requester.plan_area.code if requester.plan_area else "", ("", None)
            )
            introduction.met_on = date or timezone.localdate() - dt.timedelta(days=30)
            introduction.venue = MeetingVenue.FAIR if fair else MeetingVenue.ONLINE
            introduction.place = fair
        if wanted.stage == "agreement":
            introduction.outcome = Outcome.AGREEMENT
        introductions.append(introduction)
    create_rows(Introduction, introductions, actor=actor)
    return len(todo), len(introductions)
