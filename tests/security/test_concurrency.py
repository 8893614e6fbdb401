"""Concurrent writers, on the database the suite runs on (SQLite or PostgreSQL): threads with
their own connections go through the real services and pages at the same moment."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, close_old_connections, connection, connections
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

T0 = dt.datetime(2019, 6, 1, 9, tzinfo=dt.UTC)
IS_POSTGRES = connection.vendor == "postgresql"


def run_together(jobs: list[Callable[[], Any]]) -> list[tuple[str, Any]]:
    """Run every job in its own thread (own connection), released at the same moment;
    returns ("ok", result) or ("error", exception) per job, in order."""
    barrier = threading.Barrier(len(jobs))
    results: list[tuple[str, Any]] = [("error", None)] * len(jobs)

    def work(index: int, job: Callable[[], Any]) -> None:
        close_old_connections()
        try:
            barrier.wait(timeout=60)
            results[index] = ("ok", job())
        except Exception as error:
            results[index] = ("error", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def secretariat_pair(default_programme: None) -> tuple[User, User]:
    japan = Country.objects.get(code="JP")
    return tuple(  # type: ignore[return-value]
        User.objects.create_user(
            username=f"editor-{n}",
            password="a-long-test-password",
            role=Role.SECRETARIAT,
            side=japan,
        )
        for n in (1, 2)
    )


@pytest.fixture
def project(secretariat_pair: tuple[User, User]) -> Any:
    from tandem.programme.models import Programme
    from tandem.projects.schemas import ProjectIn
    from tandem.projects.services.projects import project_create

    data = ProjectIn(
        code="JR-2026-0100",
        title_en="Two editors",
        plan_areas=["P5"],
        status="agreed",
        disclosure="internal",
    )
    return project_create(programme=Programme.objects.get(), data=data, actor=secretariat_pair[0])


def test_project_later_save_is_refused_through_the_edit_form(
    project: Any, secretariat_pair: tuple[User, User]
) -> None:
    from tandem.projects.models import JointProject

    first, second = Client(), Client()
    first.force_login(secretariat_pair[0])
    second.force_login(secretariat_pair[1])
    url = f"/projects/{project.code}/edit/"
    forms = []
    for client in (first, second):  # both open the form before either saves
        page = client.get(url)
        assert page.status_code == 200
        forms.append(dict(page.context["form"].initial))

    def post(client: Client, form: dict[str, Any], title: str) -> Any:
        data = {k: v for k, v in form.items() if v is not None}
        data |= {"title_en": title}
        flat: dict[str, Any] = {}
        for key, value in data.items():
            flat[key] = [str(v) for v in value] if isinstance(value, list | tuple) else value
        return client.post(url, flat)

    saved = post(first, forms[0], "Saved by the first editor")
    assert saved.status_code == 302, saved.content[:2000]
    refused = post(second, forms[1], "Saved by the second editor")
    assert refused.status_code == 200
    assert "Nothing was saved" in refused.content.decode()
    project = JointProject.objects.get(code=project.code)
    assert project.title_en == "Saved by the first editor"
    assert project.version == forms[0]["version"] + 1


def test_project_parallel_updates_one_wins_and_the_other_is_refused(
    project: Any, secretariat_pair: tuple[User, User]
) -> None:
    from tandem.projects.models import JointProject
    from tandem.projects.schemas import ProjectIn
    from tandem.projects.services.projects import StaleEditError, project_update

    version = project.version

    def edit(user: User, title: str) -> Callable[[], Any]:
        def job() -> Any:
            fresh = JointProject.objects.get(pk=project.pk)
            data = ProjectIn(code=fresh.code, title_en=title, plan_areas=["P5"], status="agreed")
            return project_update(
                project=fresh,
                data=data,
                expected_version=version,
                actor=user,
            )

        return job

    results = run_together(
        [edit(secretariat_pair[0], "Editor one"), edit(secretariat_pair[1], "Editor two")]
    )
    wins = [r for kind, r in results if kind == "ok"]
    losses = [r for kind, r in results if kind == "error"]
    assert len(wins) == 1, results
    assert all(isinstance(e, StaleEditError | OperationalError) for e in losses), losses
    saved = JointProject.objects.get(pk=project.pk)
    assert saved.version == version + 1
    assert saved.title_en == wins[0].title_en


@pytest.fixture
def crowded_fair(default_programme: None) -> dict[str, Any]:
    """21 slots at one table; 20 accepted meetings, one per slot, the 21st slot free."""
    from tandem.fairs.models import Fair, ScheduledMeeting, ScheduleVersion
    from tandem.fairs.services.requests import meeting_request_create, meeting_request_respond
    from tandem.fairs.services.setup import meeting_day_add, participant_register, tables_add

    fair = Fair.objects.get(slug="innoprom-2019")
    slots = meeting_day_add(
        fair=fair,
        day=dt.date(2019, 7, 9),
        first_start=dt.time(8),
        last_end=dt.time(18, 30),
        length_minutes=30,
        actor=DEMO_ACTOR,
    )[:21]
    table = tables_add(fair=fair, count=1, actor=DEMO_ACTOR)[0]
    organiser = User.objects.create_user(
        username="organiser", password="a-long-test-password", role=Role.AGENCY_STAFF
    )
    version = ScheduleVersion.objects.create(fair=fair, number=1, created_at=T0)
    meetings = []
    for n in range(20):
        pair = []
        for side in ("JP", "RU"):
            organisation = Organisation.objects.create(
                name=f"Company {side} {n}", kind="company", side=Country.objects.get(code=side)
            )
            pair.append(
                participant_register(
                    fair=fair, organisation=organisation, languages=["en"], actor=DEMO_ACTOR
                )
            )
        request = meeting_request_create(sender=pair[0], receiver=pair[1], now=T0, actor=DEMO_ACTOR)
        request = meeting_request_respond(request=request, accept=True, now=T0, actor=DEMO_ACTOR)
        meetings.append(
            ScheduledMeeting.objects.create(
                version=version, request=request, slot=slots[n], table=table
            )
        )
    return {"slot": slots[20], "table": table, "meetings": meetings, "organiser": organiser}


def test_fair_twenty_parallel_bookings_of_one_slot_and_table_one_wins(
    crowded_fair: dict[str, Any],
) -> None:
    from tandem.fairs.models import ScheduledMeeting
    from tandem.fairs.services.schedules import meeting_move

    slot, table = crowded_fair["slot"], crowded_fair["table"]

    def book(meeting: Any) -> Callable[[], Any]:
        def job() -> Any:
            fresh = ScheduledMeeting.objects.get(pk=meeting.pk)
            return meeting_move(
                meeting=fresh, slot=slot, table=table, actor=crowded_fair["organiser"]
            )

        return job

    results = run_together([book(m) for m in crowded_fair["meetings"]])
    wins = [r for kind, r in results if kind == "ok"]
    losses = [r for kind, r in results if kind == "error"]
    unexpected = [e for e in losses if not isinstance(e, ValidationError | OperationalError)]
    booked = ScheduledMeeting.objects.filter(slot=slot, table=table).count()
    print(
        f"\n[concurrency] {connection.vendor}: 20 parallel bookings of one slot and table: "
        f"{len(wins)} won, {len(losses)} refused, {booked} meetings in the slot"
    )
    assert unexpected == []
    assert len(wins) == 1
    assert booked == 1
