"""A secretary pastes an article, reads its facts highlighted and decides a proposal."""

import re
from collections.abc import Callable

import pytest
from browser import sign_in
from playwright.sync_api import Page, expect

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.press.models import Article, Proposal

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "date 2019-12-20 Committee reviews joint projects in Moscow\n"
    "MOSCOW, 20 December. The 15th session of the Russia-Japan Intergovernmental Committee "
    "on Trade and Economic Issues met in Moscow yesterday, co-chaired by Russia's Minister of "
    "Economic Development Maxim Oreshkin and Japan's Minister for Foreign Affairs Toshimitsu "
    "Motegi. The two sides reported more than 200 joint projects.\n"
)


def test_a_secretary_pastes_an_article_and_reads_its_facts(
    page: Page, live_server: object, make_user: Callable[..., User]
) -> None:
    make_user(Role.SECRETARIAT, "JP", username="sec-jp")
    base = str(live_server.url)  # type: ignore[attr-defined]
    sign_in(page, base, "sec-jp")

    page.goto(f"{base}/press/ingest/")
    page.fill("textarea[name=text]", ARTICLE)
    page.click("text=Read and store")
    expect(page).to_have_url(re.compile(r"/press/articles/\d+/$"))
    article = Article.objects.get()
    assert page.url.endswith(f"/press/articles/{article.pk}/")
    marks = page.locator("mark")
    expect(marks.filter(has_text="Maxim Oreshkin")).to_have_count(1)
    expect(marks.filter(has_text="15th session").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("more than")

    page.goto(f"{base}/press/ingest/")  # the same text again is recognised, not stored twice
    page.fill("textarea[name=text]", ARTICLE)
    page.click("text=Read and store")
    expect(page).to_have_url(re.compile(r"/press/articles/\d+/$"))
    assert Article.objects.count() == 1

    if Proposal.objects.exists():
        page.goto(f"{base}/press/review/")
        page.locator("button[value=reject]").first.click()
        expect(page.locator(".messages")).to_be_visible()
        assert Proposal.objects.exclude(status="pending").count() == 1
