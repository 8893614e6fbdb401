from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.fairs.models import MeetingRequest, ScheduleVersion
from tandem.fairs.services.schedules import schedule_compute, schedule_publish


@pytest.fixture
def published(small_fair: Any, accept_request: Callable[..., MeetingRequest]) -> ScheduleVersion:
    accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    accept_request(small_fair.ru[0], small_fair.jp[0], 2)
    return schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=3, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )


@pytest.mark.integration
def test_agenda_page_lists_the_participants_meetings_in_local_time(
    client: Client, small_fair: Any, published: ScheduleVersion, representative_of: Any
) -> None:
    ru = small_fair.ru[0]
    client.force_login(representative_of(ru))
    page = client.get(f"/fairs/innoprom-2019/agenda/{ru.pk}/").content.decode()
    assert "Osaka Sensors" in page and "Kobe Valves" in page
    assert "Booth A1" in page and "Anna" in page  # the booth meeting needs the interpreter
    assert "Asia/Yekaterinburg" in page


@pytest.mark.integration
def test_agenda_of_another_company_is_not_found(
    client: Client, small_fair: Any, published: ScheduleVersion, representative_of: Any
) -> None:
    client.force_login(representative_of(small_fair.jp[1]))
    assert client.get(f"/fairs/innoprom-2019/agenda/{small_fair.ru[0].pk}/").status_code == 404


@pytest.mark.integration
def test_agenda_ics_has_one_event_per_meeting(
    client: Client, small_fair: Any, published: ScheduleVersion, organiser: User
) -> None:
    client.force_login(organiser)
    ru = small_fair.ru[0]
    response = client.get(f"/fairs/innoprom-2019/agenda/{ru.pk}/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.count("BEGIN:VEVENT") == 2
    assert "B2B meeting with Kobe Valves" in text


@pytest.mark.integration
def test_agenda_pdf_is_a_pdf(
    client: Client, small_fair: Any, published: ScheduleVersion, organiser: User
) -> None:
    client.force_login(organiser)
    response = client.get(f"/fairs/innoprom-2019/agenda/{small_fair.jp[0].pk}/agenda.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 1000


@pytest.mark.integration
def test_table_plan_pdf_has_a_page_per_slot(
    client: Client, small_fair: Any, published: ScheduleVersion, organiser: User
) -> None:
    client.force_login(organiser)
    response = client.get(f"/fairs/innoprom-2019/schedules/{published.number}/table-plan.pdf")
    assert response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from tandem.fairs.selectors.agenda import table_plan

    html = render_to_string(
        "web/fairs/table_plan_pdf.html",
        {"fair": small_fair.fair, "version": published, "plan": table_plan(published)},
    )
    pages = HTML(string=html).render().pages
    assert len(pages) == len(small_fair.slots)  # one page per slot


@pytest.mark.integration
def test_a_fair_without_interpreters_schedules_and_flags_meetings_without_a_shared_language(
    client: Client,
    small_fair: Any,
    accept_request: Callable[..., MeetingRequest],
    representative_of: Any,
) -> None:
    small_fair.interpreter.delete()  # organisers who manage interpretation outside tandem
    kobe, perm = small_fair.jp[0], small_fair.ru[1]  # ja and ru: no shared language
    accept_request(perm, kobe, 3)
    version = schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=3, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )
    assert version.meetings.count() == 1
    client.force_login(representative_of(perm))
    base = f"/fairs/innoprom-2019/agenda/{perm.pk}/"
    page = client.get(base).content.decode()
    assert "No shared language (ja/ru): bring your own interpreter" in page
    calendar = client.get(base + "agenda.ics").content.decode().replace("\r\n ", "")
    assert "No shared language (ja/ru)" in calendar
    api = client.get(f"/api/v1/fairs/innoprom-2019/participants/{perm.pk}/agenda").json()
    assert [m["language_gap"] for m in api["meetings"]] == ["ja/ru"]
    from django.template.loader import render_to_string

    from tandem.fairs.selectors.agenda import participant_agenda

    items = participant_agenda(version, perm)
    assert [item.language_gap for item in items] == ["ja/ru"]
    html = render_to_string(
        "web/fairs/agenda_pdf.html",
        {"fair": small_fair.fair, "participant": perm, "version": version, "items": items},
    )
    assert "No shared language (ja/ru)" in html


@pytest.mark.integration
def test_a_fair_with_interpreters_keeps_the_rule(
    small_fair: Any, accept_request: Callable[..., MeetingRequest]
) -> None:
    small_fair.interpreter.languages = ["ja", "en"]  # cannot serve ja/ru
    small_fair.interpreter.save()
    accept_request(small_fair.ru[1], small_fair.jp[0], 3)
    version = schedule_compute(fair=small_fair.fair, time_limit=3, actor=DEMO_ACTOR)
    assert version.meetings.count() == 0
    assert "no interpreter for ja/ru" in version.unplaced.get().reason
