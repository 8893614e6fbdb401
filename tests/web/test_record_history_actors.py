"""A record's history names the person who changed it to programme staff only: the public and
company representatives read the role that acted, never a user name."""

from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.programme.models import Programme
from tandem.projects.enums import Disclosure
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_create

pytestmark = pytest.mark.integration

STAFF_NAME = "sec-jp-tanaka-7731"


@pytest.fixture
def public_project(make_user: Callable[..., User]) -> str:
    author = make_user(Role.SECRETARIAT, "JP", username=STAFF_NAME)
    project = project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(
            code="JR-2026-5501",
            title_en="Public greenhouse",
            plan_areas=["P5"],
            disclosure=Disclosure.PUBLIC,
        ),
        actor=author,
    )
    return f"/projects/{project.code}/"


def test_the_public_does_not_read_staff_user_names(client: Client, public_project: str) -> None:
    page = client.get(public_project).content.decode()
    assert "Change log" in page
    assert STAFF_NAME not in page
    assert "Committee secretariat" in page


def test_a_company_representative_does_not_read_them_either(
    client: Client, public_project: str, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    assert STAFF_NAME not in client.get(public_project).content.decode()


def test_programme_staff_read_who_changed_the_record(
    client: Client, public_project: str, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.AGENCY_STAFF))
    assert STAFF_NAME in client.get(public_project).content.decode()
