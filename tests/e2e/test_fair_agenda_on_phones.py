"""A fair's agenda and table plan on a 390 px phone, in English, Japanese and Russian: the
agenda is a calendar of days with a card per time slot, the table plan a card per meeting;
neither scrolls the page sideways, and axe-core finds nothing (issue 17). On a desktop the
agenda stays one table."""

from collections.abc import Callable

import pytest
from axe_check import DESKTOP, PHONE, axe_problems, page_too_wide
from browser import sign_in
from playwright.sync_api import Page, expect
from screenshots import SCREENSHOTS

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.fairs.enums import VersionStatus
from tandem.fairs.models import FairParticipant, ScheduledMeeting, ScheduleVersion
from tandem.fairs.services.demo import demo_fair_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _busiest(version: ScheduleVersion) -> FairParticipant:
    """The participant with the most meetings in ``version`` (more than one day, if any)."""
    counts: dict[int, int] = {}
    for meeting in ScheduledMeeting.objects.filter(version=version).select_related("request"):
        for pk in (meeting.request.sender_id, meeting.request.receiver_id):
            counts[pk] = counts.get(pk, 0) + 1
    return FairParticipant.objects.get(pk=max(counts, key=lambda pk: counts[pk]))


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_agenda_and_table_plan_are_calendars_on_a_phone(
    page: Page, live_server: object, make_user: Callable[..., User], language: str
) -> None:
    demo_data_create(seed=2, organisations=120, people=0, actor=DEMO_ACTOR)
    demo_fair_create(seed=2, time_limit=2, actor=DEMO_ACTOR)
    organiser = make_user(Role.AGENCY_STAFF, username="organiser")
    organiser.language = language
    organiser.save(update_fields=["language"])
    version = ScheduleVersion.objects.get(status=VersionStatus.PUBLISHED)
    participant = _busiest(version)
    meetings = (
        ScheduledMeeting.objects.filter(version=version).filter(request__sender=participant).count()
        + ScheduledMeeting.objects.filter(version=version, request__receiver=participant).count()
    )
    assert meetings > 1
    base = str(live_server.url)  # type: ignore[attr-defined]
    page.set_default_timeout(90_000)  # a busy machine: waiting longer asserts no timing
    sign_in(page, base, "organiser")
    agenda = f"{base}/fairs/{version.fair.slug}/agenda/{participant.pk}/"
    plan = f"{base}/fairs/{version.fair.slug}/schedules/{version.number}/"

    page.set_viewport_size(DESKTOP)
    page.goto(agenda, wait_until="load")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("table.agenda-table")).to_be_visible()
    expect(page.locator(".agenda-grid")).to_be_hidden()

    problems: list[str] = []
    page.set_viewport_size(PHONE)
    page.goto(agenda, wait_until="load")
    expect(page.locator(".agenda-grid")).to_be_visible()
    expect(page.locator("table.agenda-table")).to_be_hidden()
    cards = page.locator(".agenda-grid .slot-card")
    assert cards.count() == meetings
    assert page.locator(".agenda-grid .agenda-day-title").count() >= 1
    # Time and counterpart side by side inside the card, the card inside the window.
    box = cards.first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"fairs-agenda-{language}-390.png"), full_page=True)
    problems += page_too_wide(page, f"agenda {language}")
    problems += axe_problems(page, f"agenda {language}")

    page.goto(plan, wait_until="load")
    rows = page.locator("table.slot-stack > tbody > tr")
    assert rows.count() > 0
    assert rows.first.evaluate("row => getComputedStyle(row).display") == "block"
    label = rows.first.locator("td").first.evaluate(
        "cell => getComputedStyle(cell, '::before').content"
    )
    assert label not in {"", "none", '""'}  # each line names its column
    page.screenshot(path=str(SCREENSHOTS / f"fairs-table-plan-{language}-390.png"))
    problems += page_too_wide(page, f"table plan {language}")
    problems += axe_problems(page, f"table plan {language}")
    assert not problems, "\n".join(problems)
