"""Fixtures shared by the whole suite: the embedded default, a user for every role, and one
browser (Playwright driving Debian's Chromium; no browser is downloaded) for every e2e test."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User

sys.path.insert(0, str(Path(__file__).parent / "support"))

import default_snapshot
from default_snapshot import TableRows
from migration_data_steps import complete_test_database


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The test database's schema comes from the models (`--no-migrations` in pyproject), then
    it is made what `tandem migrate` makes (tests/support/migration_data_steps.py)."""
    from django.db import connection

    with django_db_blocker.unblock():
        complete_test_database(connection)


@pytest.fixture(scope="session")
def default_rows(django_db_setup: None, django_db_blocker: Any) -> list[TableRows]:
    """What `tandem load-default` writes, taken once per session (see default_snapshot)."""
    with django_db_blocker.unblock():
        return default_snapshot.take()


@pytest.fixture
def default_programme(db: None, default_rows: list[TableRows]) -> None:
    """The embedded Japan–Russia default, as `make demo` loads it (`tandem load-default`);
    already there when a module-wide fixture (the security world) loaded it."""
    from tandem.programme.models import Programme

    if not Programme.objects.exists():
        default_snapshot.restore(default_rows)


@pytest.fixture
def make_user(default_programme: None) -> Callable[..., User]:
    def make(role: str = "", side: str | None = None, username: str | None = None) -> User:
        organisation = None
        if role == Role.COMPANY_REPRESENTATIVE:
            organisation = Organisation.objects.create(
                name="Test company", kind="company", side=Country.objects.get(code=side or "JP")
            )
        return User.objects.create_user(
            username=username or f"{role or 'plain'}-{side or 'x'}",
            password="a-long-test-password",
            role=role,
            side=Country.objects.get(code=side) if side else None,
            organisation=organisation,
        )

    return make


@pytest.fixture
def secretariat_jp(make_user: Callable[..., User]) -> User:
    return make_user(Role.SECRETARIAT, "JP")


CHROMIUM = os.environ.get("TANDEM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: figures cached by an earlier test (whose rows
    were rolled back) must not answer for this one."""
    from django.core.cache import cache

    cache.clear()


ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make test`, which installs it.")
    # Playwright's sync API keeps an event loop in the test thread from here on; the ORM calls
    # the browser tests make there are synchronous and safe. Allowed while the browser lives
    # (subprocesses the suite starts do not inherit it: see tests/test_cli.py).
    os.environ[ASYNC_UNSAFE] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()
    os.environ.pop(ASYNC_UNSAFE, None)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
