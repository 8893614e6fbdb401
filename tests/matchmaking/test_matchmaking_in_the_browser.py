"""The main flow in Chromium: a company asks for an introduction, the other side accepts."""

import os

import pytest
from browser import sign_in
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.matchmaking.models import CompanyProfile, Introduction

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("TANDEM_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "a-long-test-password"


def _representative(reference: str) -> User:
    profile = CompanyProfile.objects.get(reference=reference)
    return User.objects.create_user(
        username=reference,
        password=PASSWORD,
        role=Role.COMPANY_REPRESENTATIVE,
        organisation=profile.organisation,
    )


def test_a_company_asks_for_an_introduction_and_the_partner_accepts(
    page: Page, live_server: object, default_programme: None
) -> None:
    call_command("demo_matchmaking", verbosity=0)
    buyer, seller = _representative("demo-jp-06"), _representative("demo-ru-03")
    base = str(live_server.url)  # type: ignore[attr-defined]
    sign_in(page, base, buyer.username)
    page.goto(f"{base}/matchmaking/")
    expect(page.locator(".illustrative-banner")).to_be_visible()
    card = page.locator("ol.suggestions > li", has_text="МедТехника Казань")
    expect(card).to_be_visible()
    card.locator("input[name=message]").fill("Shall we meet?")
    card.locator("button:has-text('Request an introduction')").click()
    expect(page.locator(".messages")).to_contain_text("The introduction was requested")
    assert Introduction.objects.filter(
        requester__reference="demo-jp-06", recipient__reference="demo-ru-03"
    ).exists()

    page.context.clear_cookies()
    sign_in(page, base, seller.username)
    page.goto(f"{base}/matchmaking/introductions/")
    page.click("text=Chubu Hydrogen Systems")
    page.check("input[value=accept]")
    page.click("button:has-text('Send the answer')")
    expect(page.locator(".messages")).to_contain_text("Your answer was recorded")
    expect(page.locator("body")).to_contain_text("demo-jp-06@example.org")
