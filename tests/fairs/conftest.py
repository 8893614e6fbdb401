"""A small fair set up through the services: 2 days of slots, tables, participants, an
interpreter; plus users for an organiser and for company representatives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User
from tandem.fairs.models import Fair, FairParticipant, Interpreter, MeetingSlot
from tandem.fairs.services.requests import meeting_request_create, meeting_request_respond
from tandem.fairs.services.setup import (
    interpreter_add,
    meeting_day_add,
    participant_register,
    tables_add,
)

T0 = dt.datetime(2019, 6, 1, 9, tzinfo=dt.UTC)


@dataclass
class SmallFair:
    fair: Fair
    slots: list[MeetingSlot]
    jp: list[FairParticipant]  # jp[0] is an exhibitor (booth A1), Japanese only
    ru: list[FairParticipant]  # ru[0] speaks ru and en
    interpreter: Interpreter


def _company(name: str, side: str) -> Organisation:
    return Organisation.objects.create(
        name=name, kind="company", side=Country.objects.get(code=side)
    )


@pytest.fixture
def organiser(make_user: Callable[..., User]) -> User:
    return make_user(Role.AGENCY_STAFF, username="organiser")


@pytest.fixture
def small_fair(default_programme: None) -> SmallFair:
    fair = Fair.objects.get(slug="innoprom-2019")
    slots = meeting_day_add(
        fair=fair,
        day=dt.date(2019, 7, 9),
        first_start=dt.time(10),
        last_end=dt.time(12),
        length_minutes=30,
        actor=DEMO_ACTOR,
    )
    tables_add(fair=fair, count=2, actor=DEMO_ACTOR)
    jp = [
        participant_register(
            fair=fair,
            organisation=_company("Kobe Valves", "JP"),
            is_exhibitor=True,
            booth="A1",
            languages=["ja"],
            actor=DEMO_ACTOR,
        ),
        participant_register(
            fair=fair,
            organisation=_company("Osaka Sensors", "JP"),
            languages=["ja", "en"],
            actor=DEMO_ACTOR,
        ),
    ]
    ru = [
        participant_register(
            fair=fair,
            organisation=_company("Ural Machines", "RU"),
            languages=["ru", "en"],
            actor=DEMO_ACTOR,
        ),
        participant_register(
            fair=fair,
            organisation=_company("Perm Optics", "RU"),
            languages=["ru"],
            available_slots=slots[:2],
            actor=DEMO_ACTOR,
        ),
    ]
    interpreter = interpreter_add(fair=fair, name="Anna", languages=["ja", "ru"], actor=DEMO_ACTOR)
    return SmallFair(fair, slots, jp, ru, interpreter)


@pytest.fixture
def accept_request() -> Callable[..., object]:
    def make(sender: FairParticipant, receiver: FairParticipant, priority: int = 2) -> object:
        request = meeting_request_create(
            sender=sender, receiver=receiver, priority=priority, now=T0, actor=DEMO_ACTOR
        )
        return meeting_request_respond(
            request=request, accept=True, now=T0 + dt.timedelta(hours=1), actor=DEMO_ACTOR
        )

    return make


@pytest.fixture
def representative_of(make_user: Callable[..., User]) -> Callable[[FairParticipant], User]:
    def make(participant: FairParticipant) -> User:
        return User.objects.create_user(
            username=f"rep-{participant.pk}",
            password="a-long-test-password",
            role=Role.COMPANY_REPRESENTATIVE,
            organisation=participant.organisation,
        )

    return make
