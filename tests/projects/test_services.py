import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import User
from tandem.programme.models import Programme
from tandem.projects.models import JointProject, StatusChange
from tandem.projects.schemas import ProjectIn
from tandem.projects.selectors.stats import status_counts
from tandem.projects.services.projects import (
    StaleEditError,
    project_change_status,
    project_create,
    project_update,
)

pytestmark = pytest.mark.integration


def test_a_created_project_has_its_areas_primary_first_and_both_leads(
    make_project: Callable[..., JointProject],
) -> None:
    project = make_project()
    links = list(project.area_links.select_related("plan_area"))
    assert [(link.plan_area.code, link.is_primary) for link in links] == [
        ("P5", True),
        ("P3", False),
    ]
    assert sorted(p.side.code for p in project.participants.filter(role="lead")) == ["JP", "RU"]
    assert project.status_changes.get().to_status == "agreed"
    project.refresh_from_db()
    assert "уралмаш" in project.search_text
    assert "ウラル" in project.search_text


def test_create_rejects_unknown_codes_with_a_clear_message(
    make_project: Callable[..., JointProject],
) -> None:
    with pytest.raises(ValidationError) as error:
        make_project(plan_areas=["P9"], national_projects=["N14"])
    assert error.value.message_dict["plan_areas"] == ["Unknown plan areas: P9."]
    assert error.value.message_dict["national_projects"] == ["Unknown national projects: N14."]
    assert not JointProject.objects.exists()


def test_create_rejects_a_duplicate_code(make_project: Callable[..., JointProject]) -> None:
    make_project()
    with pytest.raises(ValidationError, match="exists"):
        make_project()


def test_create_refuses_two_leads_on_one_side(make_project: Callable[..., JointProject]) -> None:
    with pytest.raises(ValidationError, match="one lead per side"):
        make_project(
            participants=[
                {"organisation": "Hokuto Precision", "side": "JP", "role": "lead"},
                {"organisation": "北斗精機", "side": "JP", "role": "lead"},
            ]
        )


def test_update_with_a_stale_version_is_refused_and_writes_nothing(
    make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project()
    opened_version = project.version
    project_update(
        project=project,
        data=ProjectIn(code=project.code, title_en="First editor's title"),
        expected_version=opened_version,
        actor=secretariat_jp,
    )
    with pytest.raises(StaleEditError, match="changed by someone else"):
        project_update(
            project=project,
            data=ProjectIn(code=project.code, title_en="Second editor's title"),
            expected_version=opened_version,
            actor=secretariat_jp,
        )
    project.refresh_from_db()
    assert project.title_en == "First editor's title"
    assert project.version == opened_version + 1


def test_update_leaves_fields_that_are_not_given(
    make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project()
    project_update(
        project=project,
        data=ProjectIn(code=project.code, title_ru="", places="Yekaterinburg"),
        expected_version=project.version,
        actor=secretariat_jp,
    )
    project.refresh_from_db()
    assert project.title_ru.startswith("Бережливое")
    assert project.places == "Yekaterinburg"
    assert project.national_projects.get().code == "N7"


def test_status_change_is_recorded_with_date_actor_and_reason(
    make_project: Callable[..., JointProject], secretariat_jp: User
) -> None:
    project = make_project()
    project_change_status(
        project=project,
        status="under_implementation",
        date=dt.date(2020, 3, 1),
        reason="contract signed",
        actor=secretariat_jp,
    )
    change = StatusChange.objects.filter(project=project).latest("id")
    assert (change.from_status, change.to_status) == ("agreed", "under_implementation")
    assert change.actor == secretariat_jp
    assert change.reason == "contract signed"
    assert JointProject.history.filter(code=project.code).count() >= 2  # type: ignore[attr-defined]


def test_a_side_confidential_project_needs_its_side(
    organisations: object, secretariat_jp: User
) -> None:
    with pytest.raises(ValidationError, match="which side"):
        project_create(
            programme=Programme.objects.get(),
            data=ProjectIn(
                code="JR-2020-0001",
                title_en="A",
                plan_areas=["P4"],
                disclosure="side_confidential",
            ),
            actor=secretariat_jp,
        )


def test_dashboard_counts_follow_every_write(
    make_project: Callable[..., JointProject],
    secretariat_jp: User,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    before = status_counts()["agreed"]
    with django_capture_on_commit_callbacks(execute=True):
        project = make_project()
    assert status_counts()["agreed"] == before + 1
    with django_capture_on_commit_callbacks(execute=True):
        project_change_status(
            project=project,
            status="completed",
            date=dt.date(2021, 1, 1),
            reason="",
            actor=secretariat_jp,
        )
    assert status_counts()["agreed"] == before
    assert status_counts()["completed"] == 1
