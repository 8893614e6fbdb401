from collections.abc import Callable

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect
from screenshots import SCREENSHOTS

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_secretary_filters_the_registry_and_edits_a_project(
    page: Page, live_server: object, make_user: Callable[..., User]
) -> None:
    demo_data_create(seed=5, organisations=30, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=5, count=220, actor=DEMO_ACTOR)
    make_user(Role.SECRETARIAT, "JP", username="sec-jp")
    base = str(live_server.url)  # type: ignore[attr-defined]
    sign_in(page, base, "sec-jp")

    page.goto(f"{base}/projects/")
    expect(page.locator(".illustrative-banner")).to_be_visible()
    expect(page.locator("table.registry tbody tr")).to_have_count(50)
    page.select_option("#id_plan_area", "P6")  # htmx swaps the rows in place
    far_east = JointProject.objects.filter(area_links__plan_area__code="P6").distinct()
    expected = far_east.exclude(disclosure="side_confidential", confidential_side__code="RU")
    expect(page.locator(".result-count")).to_contain_text(f"{expected.count()} projects match")
    assert "plan_area=P6" in page.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "registry-en.png"), full_page=False)

    first = page.locator("table.registry tbody tr td a").first
    code = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_contain_text(code)
    page.click("text=Edit")
    page.fill("#id_title_en", "Port logistics centre, phase 2")
    page.click("button:has-text('Save')")
    expect(page.locator(".messages")).to_contain_text(f"Project {code} saved.")
    expect(page.locator("h1")).to_contain_text("Port logistics centre, phase 2")
    assert JointProject.objects.get(code=code).title_en == "Port logistics centre, phase 2"
