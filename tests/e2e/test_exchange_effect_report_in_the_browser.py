from collections.abc import Callable

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect
from screenshots import SCREENSHOTS

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.exchange.models import KpiIndicator, KpiMeasurement
from tandem.exchange.services.demo import demo_exchange_create
from tandem.projects.services.demo import demo_projects_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_reads_the_effect_report_and_records_a_follow_up(
    page: Page, live_server: object, make_user: Callable[..., User]
) -> None:
    demo_data_create(seed=1, organisations=120, people=300, actor=DEMO_ACTOR)
    demo_projects_create(seed=1, count=40, actor=DEMO_ACTOR)
    demo_exchange_create(seed=2019)
    make_user(Role.COORDINATOR, "RU", username="coord")
    base = str(live_server.url)  # type: ignore[attr-defined]
    sign_in(page, base, "coord")

    page.click("nav >> text=Productivity exchange")
    page.click("text=Effect report")
    expect(page.locator("h1")).to_contain_text("Effect report")
    expect(page.locator(".illustrative-banner")).to_be_visible()
    expect(page.locator("figure.chart svg").first).to_be_visible()
    expect(page.locator("table.report-table").first).to_contain_text("All served enterprises")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "exchange-effect-en.png"), full_page=False)

    indicator = (
        KpiIndicator.objects.filter(kind="lead_time")
        .exclude(measurements__horizon=12)
        .filter(measurements__horizon=0)
        .first()
    )
    assert indicator is not None
    baseline = indicator.measurements.get(horizon=0)
    page.goto(f"{base}/exchange/enterprises/{indicator.enterprise_id}/")
    row = page.locator("tr", has_text="Lead time")
    row.locator("text=Record a measurement").click()
    page.select_option("#id_horizon", "12")
    page.fill("#id_date", baseline.date.replace(year=baseline.date.year + 1).isoformat())
    page.fill("#id_value", "10")
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Measurement saved.")
    assert KpiMeasurement.objects.filter(indicator=indicator, horizon=12).exists()
