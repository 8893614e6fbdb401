"""A project's page shows its change log: who, when, which fields, the old and new values, in
the reader's language; the public reads public fields only and no user names; what was
confidential to the other side, and confidential notes, never show."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import translation

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.projects.models import JointProject
from tandem.projects.schemas import ProjectIn
from tandem.projects.services.notes import confidential_note_create
from tandem.projects.services.projects import project_update

pytestmark = pytest.mark.integration


def _change(project: JointProject, actor: User, **fields: object) -> JointProject:
    project.refresh_from_db()
    return project_update(
        project=project,
        data=ProjectIn(code=project.code, **fields),  # type: ignore[arg-type]
        expected_version=project.version,
        actor=actor,
        reason="checked with the ministry",
    )


def _log(client: Client, project: JointProject, language: str = "en") -> str:
    html = client.get(f"/projects/{project.code}/", HTTP_ACCEPT_LANGUAGE=language).content
    section = html.decode().split('data-testid="change-log"', 1)[1]
    return section.split("</section>", 1)[0]


def test_staff_read_who_changed_which_field_from_what_to_what(
    client: Client, make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project(disclosure="internal", places="Yekaterinburg")
    _change(project, secretariat_jp, places="Chelyabinsk", status="under_implementation")
    client.force_login(secretariat_jp)
    log = _log(client, project)
    assert "Yekaterinburg" in log and "Chelyabinsk" in log
    assert "Agreed" in log and "Under implementation" in log  # status labels, not codes
    assert secretariat_jp.username in log
    assert "checked with the ministry" in log


def test_the_public_reads_public_fields_only_and_no_user_names(
    client: Client, make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project(disclosure="internal", places="Yekaterinburg")
    _change(project, secretariat_jp, places="Tyumen")  # while internal: not for the public
    _change(project, secretariat_jp, disclosure="public")
    _change(project, secretariat_jp, places="Chelyabinsk")
    log = _log(client, project)
    assert "Tyumen" in log and "Chelyabinsk" in log  # the change made once it was public
    assert "Yekaterinburg" not in log  # the state the public never saw
    assert "Internal" not in log and "disclosure" not in log.lower()
    assert secretariat_jp.username not in log
    assert "Committee secretariat (Japan)" in log
    assert "checked with the ministry" not in log


def test_field_names_are_in_the_readers_language(
    client: Client, make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project(places="Yekaterinburg")
    _change(project, secretariat_jp, places="Chelyabinsk")
    with translation.override("ru"):
        russian = str(JointProject._meta.get_field("places").verbose_name)
    assert russian != "places"
    client.force_login(secretariat_jp)
    secretariat_jp.language = "ru"
    secretariat_jp.save()
    assert russian in _log(client, project, "ru")


def test_what_was_confidential_to_the_other_side_and_notes_never_show(
    client: Client,
    make_project: Callable[..., JointProject],
    secretariat_jp: User,
    make_user: Callable[..., User],
) -> None:
    project = make_project(disclosure="side_confidential", confidential_side="JP")
    _change(project, secretariat_jp, places="Sapporo office only")
    _change(project, secretariat_jp, places="Vladivostok")
    confidential_note_create(project=project, text="our fallback budget", actor=secretariat_jp)
    _change(project, secretariat_jp, disclosure="internal")
    _change(project, secretariat_jp, places="Chelyabinsk")
    client.force_login(make_user(Role.SECRETARIAT, "RU"))
    log = _log(client, project)
    assert "Vladivostok" in log and "Chelyabinsk" in log  # as the project stood once shared
    assert "Sapporo office only" not in log
    assert "our fallback budget" not in log
