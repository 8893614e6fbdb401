"""Projects are reported to committee sessions: the demo reports them, the registry's
"Reported to session" filter finds them, and a project's page shows it as it stood then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from tandem.committee.models import CommitteeSession
from tandem.committee.services.reporting import status_changes_report
from tandem.core.models import User
from tandem.projects.models import JointProject, StatusChange

pytestmark = pytest.mark.integration


def test_the_demo_reports_each_status_change_to_the_session_after_it(
    demo_committee: dict[str, int],
) -> None:
    sessions = {s.number: s for s in CommitteeSession.objects.all()}
    assert demo_committee["status changes reported"] > 0
    first = StatusChange.objects.filter(reported_to=sessions[15])
    second = StatusChange.objects.filter(reported_to=sessions[16])
    assert first.exists() and second.exists()
    assert not first.filter(date__gt=sessions[15].start_date).exists()
    assert not second.filter(date__lte=sessions[15].end_date).exists()
    assert not second.filter(date__gt=sessions[16].start_date).exists()
    unreported = StatusChange.objects.filter(reported_to__isnull=True)
    assert not unreported.filter(date__lte=sessions[16].start_date).exists()


def test_reporting_again_reports_nothing_twice(
    demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    session = CommitteeSession.objects.get(number=16)
    assert status_changes_report(session=session, actor=secretariat_jp) == 0


def test_the_reported_to_session_filter_finds_the_demo_projects(
    client: Client, demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    session = CommitteeSession.objects.get(number=15)
    response = client.get("/projects/", {"session": session.pk})
    reported = JointProject.objects.filter(status_changes__reported_to=session).distinct().count()
    assert reported > 0
    assert response.context["total"] > 0
    assert response.context["total"] <= reported


def test_a_demo_project_shows_as_it_stood_at_a_session(
    client: Client, demo_committee: dict[str, int], secretariat_jp: User
) -> None:
    session = CommitteeSession.objects.get(number=15)
    change = (
        StatusChange.objects.filter(reported_to=session, project__disclosure="internal")
        .exclude(from_status="")
        .select_related("project")
        .first()
    )
    assert change is not None
    project = change.project
    then = project.status_changes.filter(date__lte=session.end_date).order_by("date", "id").last()
    assert then is not None
    client.force_login(secretariat_jp)
    html = client.get(f"/projects/{project.code}/", {"as_of_session": 15}).content.decode()
    assert "not in the registry yet" not in html
    assert f"({then.date:%Y-%m-%d})" in html
    assert str(then.get_to_status_display()) in html
    assert "Reported to this session:" in html


def test_a_project_registered_after_a_session_is_not_shown_at_it(
    client: Client,
    demo_committee: dict[str, int],
    secretariat_jp: User,
    make_session: Callable[..., CommitteeSession],
) -> None:
    make_session(17, dt.date(2015, 1, 20))  # before any demo project's first step
    project = JointProject.objects.filter(disclosure="internal").first()
    assert project is not None
    client.force_login(secretariat_jp)
    html = client.get(f"/projects/{project.code}/", {"as_of_session": 17}).content.decode()
    assert "not in the registry yet" in html
