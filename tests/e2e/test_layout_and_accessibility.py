"""The main page of every area, in English, Japanese and Russian: no horizontal page scrolling
on a 390 px phone, and no axe-core violations (axe-core's npm build, as the PyPI package
axe-playwright-python bundles it) at 1366 px. One browser and one server for each language;
every problem of every page is collected, then reported together."""

from collections.abc import Callable

import pytest
from axe_check import DESKTOP, PHONE, axe_problems, page_too_wide
from browser import sign_in
from playwright.sync_api import Page, expect

from tandem.committee.services.demo import committee_demo_create
from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.services.demo import demo_projects_create
from tandem.web.areas import AREAS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _switch_language(page: Page, language: str) -> None:
    """The one control of the layout: choosing a language switches the page at once."""
    page.select_option("#language-select", language)
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_every_area_fits_a_phone_and_has_no_axe_violations(
    page: Page, live_server: object, make_user: Callable[..., User], language: str
) -> None:
    demo_data_create(seed=7, organisations=24, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=7, count=60, actor=DEMO_ACTOR)
    committee_demo_create(seed=7, actor=DEMO_ACTOR)
    make_user(Role.SECRETARIAT, "JP", username="sec-jp")
    base = str(live_server.url)  # type: ignore[attr-defined]
    page.set_default_timeout(90_000)  # a busy machine: waiting longer asserts no timing
    page.set_viewport_size(DESKTOP)
    sign_in(page, base, "sec-jp")
    _switch_language(page, language)

    violations: list[str] = []
    for name, path in AREAS.items():
        page.goto(f"{base}{path}", wait_until="load")
        assert page.locator("html").get_attribute("lang") == language, name
        violations += axe_problems(page, name)

    page.set_viewport_size(PHONE)
    too_wide: list[str] = []
    for name, path in AREAS.items():
        page.goto(f"{base}{path}", wait_until="load")
        too_wide += page_too_wide(page, name)

    assert violations == [], "\n".join(violations)
    assert too_wide == [], "\n".join(too_wide)
