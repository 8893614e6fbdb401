from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect
from screenshots import SCREENSHOTS

from tandem.core.enums import Role
from tandem.core.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


EXPECTED = {
    "ja": ("8項目の協力プラン", "健康寿命の伸長", "デジタル経済", "日本語"),
    "ru": ("План сотрудничества из восьми пунктов", "Энергетика", "Цифровая экономика", "Русский"),
    "en": ("Eight-point cooperation plan", "Energy", "Digital economy", "English"),
}
NAVIGATION = {"ja": "プログラム", "ru": "Программа", "en": "Programme"}


def test_a_secretary_signs_in_and_reads_the_programme_in_three_languages(
    page: Page, live_server: object, make_user: Callable[..., User]
) -> None:
    make_user(Role.SECRETARIAT, "JP", username="sec-jp")
    base = str(live_server.url)  # type: ignore[attr-defined]
    outside_requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside_requests.append(request.url)
            if urlsplit(request.url).hostname not in {"localhost", "127.0.0.1"}
            else None
        ),
    )

    sign_in(page, base, "sec-jp")

    page.goto(f"{base}/programme/")
    expect(page.locator("[data-testid=plan-areas] li")).to_have_count(8)
    expect(page.locator("[data-testid=national-projects] li")).to_have_count(13)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language, (plan_name, area, project, label) in EXPECTED.items():
        page.select_option("#language-select", language)  # switches at once, no button
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("#plan-areas-heading")).to_contain_text(plan_name)
        expect(page.locator("[data-testid=plan-areas]")).to_contain_text(area)
        expect(page.locator("[data-testid=national-projects]")).to_contain_text(project)
        expect(page.locator("#language-select option:checked")).to_contain_text(label)
        expect(page.locator(".site-header nav")).to_contain_text(NAVIGATION[language])
        page.screenshot(path=str(SCREENSHOTS / f"programme-{language}.png"), full_page=True)

    assert User.objects.get(username="sec-jp").language == "en"
    assert outside_requests == []
