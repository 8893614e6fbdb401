from collections.abc import Callable, Iterator
from typing import Any

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect
from screenshots import SCREENSHOTS

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.programme.models import LabelExample
from tandem.programme.services.labelling import reset_registry_suggester
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hashing_labeller(settings: Any) -> Iterator[None]:
    settings.PROGRAMME_EMBEDDER = "tandem.core.embedding.testing.HashingEmbedder"
    reset_registry_suggester()
    yield
    reset_registry_suggester()


def _login(page: Page, base: str, username: str) -> None:
    page.set_default_timeout(90_000)  # a busy machine: waiting longer asserts no timing
    sign_in(page, base, username)


def test_the_dashboard_and_accepting_a_suggestion(
    page: Page,
    live_server: object,
    make_user: Callable[..., User],
    hashing_labeller: None,
) -> None:
    demo_data_create(seed=4, organisations=30, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=4, count=120, actor=DEMO_ACTOR)
    make_user(Role.SECRETARIAT, "JP", username="sec-jp")
    base = str(live_server.url)  # type: ignore[attr-defined]
    _login(page, base, "sec-jp")

    page.goto(f"{base}/alignment/")
    page.click("text=Portfolio dashboard")
    expect(page.locator("h1")).to_contain_text("Portfolio dashboard")
    expect(page.locator("svg.timeseries polygon")).to_have_count(7)
    expect(page.locator("svg.choropleth path")).to_have_count(16)
    expect(page.locator("svg.bars rect")).to_have_count(8)
    page.select_option("#id_step", "quarter")
    page.click("button:has-text('Apply')")
    expect(page.locator("svg.timeseries")).to_contain_text("2016 Q1")
    expect(page.locator("[data-testid=count-new]")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "alignment-dashboard-en.png"), full_page=True)

    page.goto(f"{base}/projects/new/")
    page.fill("#id_code", "JR-2022-0777")
    page.fill("#id_title_ru", "Морской порт во Владивостоке")
    page.fill("#id_summary_ru", "Терминал для экспорта рыбы.")
    page.keyboard.press("Tab")
    page.click("button.suggest-labels")  # the keyboard-friendly way; typing also asks
    accept = page.locator("button.accept-suggestion")
    expect(accept).to_be_visible()
    expect(page.locator("#label-suggestions")).to_contain_text("Far East place")
    accept.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_primary_plan_area")).to_have_value("P6")
    expect(page.locator(".accept-status")).to_contain_text("copied into the form")
    page.locator(".suggestions").screenshot(path=str(SCREENSHOTS / "alignment-suggest-en.png"))
    page.fill("#id_status_date", "2022-03-01")
    page.click("button:has-text('Save')")
    expect(page.locator(".messages")).to_contain_text("JR-2022-0777 registered")
    project = JointProject.objects.get(code="JR-2022-0777")
    assert project.area_links.get(is_primary=True).plan_area.code == "P6"
    example = LabelExample.objects.get(project_code="JR-2022-0777")
    assert example.suggested_primary == "P6"
    assert example.language == "ru"
