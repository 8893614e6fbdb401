"""Fixtures of the press tests: the development set's files, users, registry projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from tandem.core.enums import Role
from tandem.core.models import Region, User
from tandem.programme.models import Programme
from tandem.projects.models import JointProject, StatusChange

DEVSET = Path(__file__).resolve().parents[1] / "data" / "press"


@pytest.fixture
def devset() -> Path:
    return DEVSET


@pytest.fixture
def secretariat(make_user: Callable[..., User]) -> User:
    return make_user(Role.SECRETARIAT, "JP", username="press-secretariat")


@pytest.fixture
def official(make_user: Callable[..., User]) -> User:
    return make_user(Role.OFFICIAL, "RU", username="press-official")


@pytest.fixture
def company_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.COMPANY_REPRESENTATIVE, "JP", username="press-company")


@pytest.fixture
def make_project(default_programme: None) -> Callable[..., JointProject]:
    """A joint project with a status history: (date, status) steps, in a region."""

    def make(
        code: str, steps: list[tuple[str, str]], region: str = "RU-SVE", **fields: object
    ) -> JointProject:
        last_date, last_status = steps[-1]
        project = JointProject.objects.create(
            programme=Programme.objects.get(),
            code=code,
            title=f"Project {code}",
            status=last_status,
            status_date=dt.date.fromisoformat(last_date),
            **fields,
        )
        project.regions.add(Region.objects.get(code=region))
        previous = ""
        for day, status in steps:
            StatusChange.objects.create(
                project=project,
                from_status=previous,
                to_status=status,
                date=dt.date.fromisoformat(day),
            )
            previous = status
        return project

    return make
