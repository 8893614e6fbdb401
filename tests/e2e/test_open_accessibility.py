"""Every page of the open-data portal (/open/), in English, Japanese and Russian: no axe-core
violations at 1366 px and no horizontal page scrolling on a 390 px phone. Anonymous, as the
public reads it; every problem of every page is collected, then reported together."""

from __future__ import annotations

import pytest
from axe_check import DESKTOP, PHONE, axe_problems, page_too_wide
from playwright.sync_api import Page

from tandem.committee.services.demo import committee_demo_create
from tandem.core.actors import DEMO_ACTOR
from tandem.core.services.demo import demo_data_create
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create
from tandem.trade.models import HsCode
from tandem.trade.services.codes import hs_code_rows
from tandem.trade.services.demo import demo_trade_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _pages() -> dict[str, str]:
    code = JointProject.objects.filter(disclosure="public").order_by("code").first()
    assert code is not None
    return {
        "projects": "/open/projects/",
        "project": f"/open/projects/{code.code}/",
        "committee": "/open/committee/",
        "downloads": "/open/downloads/",
        "about": "/open/about/",
        "embed": "/open/projects/embed/",
        "embed chart": "/open/projects/embed/?view=chart",
        "regions": "/open/regions/",
        "trade": "/open/trade/",
    }


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_every_open_page_fits_a_phone_and_has_no_axe_violations(
    page: Page, live_server: object, default_programme: None, language: str
) -> None:
    demo_data_create(seed=7, organisations=24, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=7, count=40, actor=DEMO_ACTOR)
    committee_demo_create(seed=7, actor=DEMO_ACTOR)
    if not HsCode.objects.exists():  # an earlier transactional test emptied the tables
        HsCode.objects.bulk_create([HsCode(**row) for row in hs_code_rows()], batch_size=1000)
    demo_trade_create(seed=7, actor=DEMO_ACTOR)  # published, labelled illustrative
    base = str(live_server.url)  # type: ignore[attr-defined]
    pages = _pages()
    page.set_default_timeout(90_000)  # a busy machine: waiting longer asserts no timing

    page.set_viewport_size(DESKTOP)
    violations: list[str] = []
    for name, path in pages.items():
        page.goto(f"{base}{path}{'&' if '?' in path else '?'}lang={language}", wait_until="load")
        assert page.locator("html").get_attribute("lang") == language, name
        violations += axe_problems(page, name)

    page.set_viewport_size(PHONE)
    too_wide: list[str] = []
    for name, path in pages.items():
        page.goto(f"{base}{path}{'&' if '?' in path else '?'}lang={language}", wait_until="load")
        too_wide += page_too_wide(page, name)

    assert violations == [], "\n".join(violations)
    assert too_wide == [], "\n".join(too_wide)
