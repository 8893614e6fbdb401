"""The project "as it stood at a session" applies the disclosure the record had then and the
reader's rights today, whichever is narrower."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from tandem.core.models import User
from tandem.projects.enums import Disclosure
from tandem.projects.models import JointProject
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.projects import project_update

pytestmark = pytest.mark.integration

SECRET_TITLE = "Secret predecessor title 5c2e"


@pytest.fixture
def once_confidential(
    make_project: Callable[..., JointProject], secretariat_jp: User
) -> JointProject:
    """A project registered in 2019 as confidential to Japan, made public today."""
    project = make_project(
        title_en=SECRET_TITLE, disclosure="side_confidential", confidential_side="JP"
    )
    project.history.update(history_date=timezone.make_aware(dt.datetime(2019, 6, 1)))  # type: ignore[attr-defined]
    return project_update(
        project=project,
        data=ProjectIn(code=project.code, title_en="Public title", disclosure=Disclosure.PUBLIC),
        expected_version=project.version,
        actor=secretariat_jp,
    )


def as_of_15(client: Client, project: JointProject) -> str:
    response = client.get(f"/projects/{project.code}/", {"as_of_session": "15"})
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_does_not_see_the_confidential_past(
    client: Client, once_confidential: JointProject
) -> None:
    page = as_of_15(client, once_confidential)
    assert "Public title" in page
    assert SECRET_TITLE not in page
    assert "disclosed more narrowly then" in page


def test_the_other_side_does_not_see_the_confidential_past(
    client: Client, once_confidential: JointProject, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user("secretariat", "RU"))
    assert SECRET_TITLE not in as_of_15(client, once_confidential)


def test_the_side_it_was_confidential_to_sees_its_past(
    client: Client, once_confidential: JointProject, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user("official", "JP"))
    assert SECRET_TITLE in as_of_15(client, once_confidential)
