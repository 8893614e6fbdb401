"""A secretary opens the planned session, proposes its agenda and makes the briefing pack."""

from collections.abc import Callable
from pathlib import Path

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect
from screenshots import SCREENSHOTS

from tandem.committee.services.demo import committee_demo_create
from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.services.demo import demo_projects_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_secretary_makes_the_briefing_pack_of_the_next_session(
    page: Page,
    live_server: object,
    make_user: Callable[..., User],
    settings: object,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    demo_data_create(seed=3, organisations=20, people=5, actor=DEMO_ACTOR)
    demo_projects_create(seed=3, count=60, actor=DEMO_ACTOR)
    committee_demo_create(seed=2019, actor=DEMO_ACTOR)
    make_user(Role.SECRETARIAT, "JP", username="sec-jp")
    base = str(live_server.url)  # type: ignore[attr-defined]
    sign_in(page, base, "sec-jp")

    page.click("nav >> text=Committee")
    expect(page.locator("h1")).to_contain_text("Committee sessions")
    page.click("text=Session 16")
    expect(page.locator(".illustrative-banner")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "committee-session-en.png"), full_page=False)
    expect(page.locator("#agenda ol.codes li").first).to_contain_text("Opening of the session")
    page.click("button:has-text('Propose items')")
    expect(page.locator(".messages")).to_contain_text("0 proposed agenda items added.")

    page.click(".actions >> text=Briefing pack")
    page.select_option("#id_language", "ja")
    page.click("button:has-text('Make the pack')")
    expect(page.locator("#job-status")).to_contain_text("100%")
    with page.expect_download() as download:
        page.click("text=Download the pack")
    assert download.value.suggested_filename == "briefing-session-16-ja.pdf"
