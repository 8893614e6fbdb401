"""What the browser tests share: signing in through the real sign-in page."""

from playwright.sync_api import Page, expect

TEST_PASSWORD = "a-long-test-password"  # the password of tests/conftest.py's make_user


def sign_in(page: Page, base: str, username: str, password: str = TEST_PASSWORD) -> None:
    """Sign in as ``username`` and wait until the page header names them."""
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.keyboard.press("Enter")
    expect(page.locator(".who")).to_contain_text(username)
