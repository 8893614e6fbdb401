"""The organiser's main flow in a real browser: the fair, a new schedule version, its table
plan, publishing, and a participant's agenda."""

import os
from collections.abc import Callable

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect
from screenshots import SCREENSHOTS

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.fairs.models import FairParticipant, ScheduleVersion
from tandem.fairs.services.demo import demo_fair_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("TANDEM_CHROMIUM", "/usr/bin/chromium")


def test_organiser_recomputes_publishes_and_reads_an_agenda(
    page: Page, live_server: object, make_user: Callable[..., User]
) -> None:
    demo_data_create(seed=2, organisations=120, people=0, actor=DEMO_ACTOR)
    demo_fair_create(seed=2, time_limit=2, actor=DEMO_ACTOR)
    make_user(Role.AGENCY_STAFF, username="organiser")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    base = str(live_server.url)  # type: ignore[attr-defined]
    sign_in(page, base, "organiser")

    page.goto(f"{base}/fairs/innoprom-2019/")
    expect(page.locator(".illustrative-banner")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "fairs-fair-en.png"), full_page=True)
    page.fill("#id_time_limit", "2")
    page.get_by_role("button", name="Compute a new version").click()
    expect(page.locator("h1")).to_contain_text("Computing a schedule")
    page.get_by_role("link", name="Open schedule v2").click()  # the tests' tasks run at once
    expect(page.locator("h1")).to_contain_text("Schedule v2")
    page.goto(f"{base}/fairs/innoprom-2019/setup/")
    expect(page.locator("h1")).to_contain_text("Set up B2B meetings")
    page.screenshot(path="/tmp/fairs-setup.png", full_page=True)
    page.goto(f"{base}/fairs/innoprom-2019/schedules/2/")
    expect(page.get_by_text("Table plan by slot")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "fairs-table-plan-en.png"), full_page=False)
    page.get_by_role("button", name="Publish this version").click()
    expect(page.locator(".messages")).to_contain_text("Version 2 published")
    assert ScheduleVersion.objects.get(number=2).status == "published"

    exhibitor = FairParticipant.objects.filter(is_exhibitor=True).order_by("pk").first()
    assert exhibitor is not None
    page.goto(f"{base}/fairs/innoprom-2019/agenda/{exhibitor.pk}/")
    expect(page.locator("h1")).to_contain_text(exhibitor.name)
    expect(page.locator("table tbody tr").first).to_contain_text(exhibitor.booth)
    page.screenshot(path=str(SCREENSHOTS / "fairs-agenda-en.png"), full_page=False)
