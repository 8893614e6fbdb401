"""The site-wide search: every area the reader may see, grouped, and nothing else."""

from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration


@pytest.fixture
def registry(default_programme: None) -> None:
    demo_data_create(seed=1, organisations=40, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=1, count=80, actor=DEMO_ACTOR)


def _areas(client: Client, query: str) -> dict[str, list[str]]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return {group.area: [hit.title for hit in group.hits] for group in response.context["found"]}


def test_the_search_finds_each_area_the_reader_may_see(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    public = JointProject.objects.filter(disclosure="public").first()
    assert public is not None
    # Anyone: the public registry; organisations are for programme staff only.
    areas = _areas(client, public.code)
    assert public.code in client.get("/search/", {"q": public.code}).content.decode()
    assert list(areas) == ["Joint projects"]
    assert "Organisations" not in client.get("/search/", {"q": "a"}).context["empty_areas"]
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    searched = client.get("/search/", {"q": "zzzz-nothing"}).context
    assert searched["found"] == []
    assert {"Joint projects", "Organisations", "Press", "Trade fairs"} <= set(
        searched["empty_areas"]
    )
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP", username="firm"))
    assert "Press" not in client.get("/search/", {"q": "a"}).context["empty_areas"]


def test_one_sides_confidential_project_is_found_by_that_side_only(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    project = JointProject.objects.filter(disclosure="side_confidential").first()
    assert project is not None
    own = project.confidential_side.code  # type: ignore[union-attr]
    other = "RU" if own == "JP" else "JP"
    client.force_login(make_user(Role.OFFICIAL, own))
    html = client.get("/search/", {"q": project.code}).content.decode()
    assert f"/projects/{project.code}/" in html
    client.force_login(make_user(Role.OFFICIAL, other, username="other"))
    html = client.get("/search/", {"q": project.code}).content.decode()
    assert f"/projects/{project.code}/" not in html
    client.logout()
    assert (
        f"/projects/{project.code}/"
        not in client.get("/search/", {"q": project.code}).content.decode()
    )


def test_an_empty_search_says_what_to_type(client: Client, default_programme: None) -> None:
    html = client.get("/search/").content.decode()
    assert "Type a project code" in html
