"""The home page says why its count and the registry's differ for a reader."""

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


def test_home_says_how_many_are_registered_and_how_many_the_reader_sees(
    client: Client, default_programme: None, make_user: Callable[..., User]
) -> None:
    demo_data_create(seed=1, organisations=40, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=1, count=60, actor=DEMO_ACTOR)
    registered = JointProject.objects.count()
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    visible = client.get("/projects/").context["total"]
    assert visible < registered  # a company reads the public projects only
    html = client.get("/").content.decode()
    assert f"{registered} in the registry, {visible} visible to you." in html
    assert "counted here but not shown to you" in html
