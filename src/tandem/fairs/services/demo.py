"""Writes the illustrative B2B programme of :mod:`tandem.fairs.demo` at a fair, computes its
schedule and publishes it. The fair itself is a fact; everything written here is flagged
illustrative."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.models import Organisation
from tandem.fairs.demo import DAY_END, DAY_START, LUNCH, SLOT_MINUTES, generate_programme
from tandem.fairs.enums import RequestStatus
from tandem.fairs.models import Fair, FairParticipant, ScheduleVersion
from tandem.fairs.services.requests import meeting_request_create, meeting_request_respond
from tandem.fairs.services.schedules import schedule_compute, schedule_publish
from tandem.fairs.services.setup import (
    interpreter_add,
    meeting_day_add,
    participant_register,
    tables_add,
)

#: The meeting days of the demo: the second and third day of the fair.
FIRST_MEETING_DAY = 1


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


@transaction.atomic
def demo_fair_create(
    *, fair_slug: str = "innoprom-2019", seed: int = 2019, time_limit: float = 10.0, actor: Actor
) -> ScheduleVersion | None:
    """Create the demo programme at the fair unless it has participants already; returns the
    published version (``None`` when the fair was already set up)."""
    fair = Fair.objects.filter(slug=fair_slug).first()
    if fair is None:
        raise ValueError(
            f"There is no fair {fair_slug!r}: load the default first (tandem load-default)."
        )
    if FairParticipant.objects.filter(fair=fair).exists():
        return None
    programme = generate_programme(seed)
    organisations = {
        side: list(
            Organisation.objects.filter(
                is_illustrative=True, side__code=side, kind__in=("company", "enterprise")
            ).order_by("reference")
        )
        for side in ("JP", "RU")
    }
    if not organisations["JP"] or not organisations["RU"]:
        raise ValueError("Create the illustrative organisations first (tandem demo-data).")
    days = []
    for offset in range(2):
        day = fair.start_date + dt.timedelta(days=FIRST_MEETING_DAY + offset)
        days.append(
            meeting_day_add(
                fair=fair,
                day=day,
                first_start=_time(DAY_START),
                last_end=_time(DAY_END),
                length_minutes=SLOT_MINUTES,
                breaks=[(_time(LUNCH[0]), _time(LUNCH[1]))],
                actor=actor,
            )
        )
    tables_add(fair=fair, count=programme.tables, actor=actor)
    participants: list[FairParticipant] = []
    used: set[int] = set()
    for p in programme.participants:
        pool = organisations[p.side]
        organisation = pool[p.organisation_index % len(pool)]
        if organisation.pk in used:  # fewer organisations than participants: one each
            continue
        used.add(organisation.pk)
        available = [] if len(p.days) == len(days) else [s for d in p.days for s in days[d]]
        participants.append(
            participant_register(
                fair=fair,
                organisation=organisation,
                is_exhibitor=p.exhibitor,
                booth=p.booth,
                languages=p.languages,
                available_slots=available,
                is_illustrative=True,
                actor=actor,
            )
        )
    for i in programme.interpreters:
        interpreter_add(
            fair=fair,
            name=i.name,
            languages=i.languages,
            available_slots=[]
            if len(i.days) == len(days)
            else [s for d in i.days for s in days[d]],
            is_illustrative=True,
            actor=actor,
        )
    opening = dt.datetime.combine(fair.start_date, dt.time(9), tzinfo=dt.UTC)
    for r in programme.requests:
        if r.sender >= len(participants) or r.receiver >= len(participants):
            continue
        made_at = opening - dt.timedelta(hours=r.hours_before)
        request = meeting_request_create(
            sender=participants[r.sender],
            receiver=participants[r.receiver],
            priority=r.priority,
            now=made_at,
            actor=actor,
        )
        if r.status != RequestStatus.PENDING:
            meeting_request_respond(
                request=request,
                accept=r.status == RequestStatus.ACCEPTED,
                now=made_at + dt.timedelta(hours=20),
                actor=actor,
            )
    version = schedule_compute(fair=fair, time_limit=time_limit, seed=seed, actor=actor)
    return schedule_publish(version=version, actor=actor)
