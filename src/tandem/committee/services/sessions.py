"""Writes on committee sessions: plan a session, change it, name its co-chairs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from tandem.committee.models import Committee, CommitteeSession, SessionCoChair, WorkingGroup
from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.i18n import LANGUAGES
from tandem.core.models import Country, Person


@dataclass(frozen=True)
class SessionFields:
    number: int
    start_date: dt.date
    end_date: dt.date
    city: dict[str, str]
    country: Country
    status: str
    co_chairs: dict[str, Person | None]  # side code -> person


def _apply(session: CommitteeSession, fields: SessionFields) -> None:
    session.number = fields.number
    session.start_date = fields.start_date
    session.end_date = fields.end_date
    session.country = fields.country
    session.status = fields.status
    for language in LANGUAGES:
        setattr(session, f"city_{language}", fields.city.get(language, ""))


def _co_chairs(session: CommitteeSession, fields: SessionFields, actor: Actor) -> None:
    for side_code, person in fields.co_chairs.items():
        side = Country.objects.get(code=side_code)
        current = SessionCoChair.objects.filter(session=session, side=side).first()
        if person is None:
            if current is not None:
                current.delete()
            continue
        if person.side_id != side.pk:
            raise ValidationError(
                {f"co_chair_{side_code.lower()}": "This person is not of that side."}
            )
        co_chair = current or SessionCoChair(session=session, side=side)
        co_chair.person = person
        for language in LANGUAGES:  # the title they held at the session, from their position
            setattr(co_chair, f"title_{language}", getattr(person, f"position_{language}") or "")
        save_with_actor(co_chair, actor)


@transaction.atomic
def session_create(
    *, committee: Committee, fields: SessionFields, actor: Actor
) -> CommitteeSession:
    session = CommitteeSession(committee=committee)
    _apply(session, fields)
    save_with_actor(session, actor, reason="session planned")
    _co_chairs(session, fields, actor)
    return session


@transaction.atomic
def session_update(
    *, session: CommitteeSession, fields: SessionFields, actor: Actor
) -> CommitteeSession:
    _apply(session, fields)
    save_with_actor(session, actor, reason="session changed")
    _co_chairs(session, fields, actor)
    return session


@transaction.atomic
def working_group_save(
    *,
    committee: Committee,
    code: str,
    names: dict[str, str],
    actor: Actor,
    group: WorkingGroup | None = None,
) -> WorkingGroup:
    """Create a working group of ``committee``, or change ``group``."""
    group = group or WorkingGroup(committee=committee)
    group.code = code
    for language in LANGUAGES:
        setattr(group, f"name_{language}", names.get(language, ""))
    save_with_actor(group, actor, reason="working group saved")
    return group
