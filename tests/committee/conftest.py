"""Fixtures of the committee tests: the demo committee on a small illustrative registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tandem.committee.models import CommitteeSession
from tandem.committee.services.demo import committee_demo_create
from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import Country, User
from tandem.core.services.demo import demo_data_create
from tandem.projects.services.demo import demo_projects_create


@pytest.fixture
def session_15(default_programme: None) -> CommitteeSession:
    return CommitteeSession.objects.get(number=15)


@pytest.fixture
def make_session(session_15: CommitteeSession) -> Callable[..., CommitteeSession]:
    def make(number: int, start: dt.date, **fields: Any) -> CommitteeSession:
        return CommitteeSession.objects.create(
            committee=session_15.committee,
            number=number,
            start_date=start,
            end_date=start,
            city="Tokyo",
            country=Country.objects.get(code="JP"),
            **fields,
        )

    return make


@pytest.fixture
def demo_committee(default_programme: None) -> dict[str, int]:
    """The demo as `make demo` builds it, on 120 illustrative projects."""
    demo_data_create(seed=7, organisations=30, people=10, actor=DEMO_ACTOR)
    demo_projects_create(seed=7, count=120, actor=DEMO_ACTOR)
    return committee_demo_create(seed=2019, actor=DEMO_ACTOR)


@pytest.fixture
def japan() -> Country:
    return Country.objects.get(code="JP")


@pytest.fixture
def russia() -> Country:
    return Country.objects.get(code="RU")


@pytest.fixture
def secretariat_ru(make_user: Callable[..., User]) -> User:
    return make_user("secretariat", "RU")
