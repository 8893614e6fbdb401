"""Fixtures shared by the whole suite: the embedded default and a user for every role."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.management import call_command

from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User


@pytest.fixture
def default_programme(db: None) -> None:
    """The embedded Japan–Russia default, loaded as `make demo` loads it."""
    call_command("load_default", verbosity=0)


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
