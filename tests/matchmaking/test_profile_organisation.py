from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.history_reasons import reason_text
from tandem.core.models import Country, Organisation, User
from tandem.matchmaking.models import CompanyProfile

pytestmark = pytest.mark.integration


def representative(organisation: Organisation, username: str) -> User:
    return User.objects.create_user(
        username=username,
        password="a-long-test-password",
        role=Role.COMPANY_REPRESENTATIVE,
        organisation=organisation,
    )


def test_agency_links_a_profile_to_an_existing_organisation_whose_representative_then_owns_it(
    client: Client, make_profile: Callable[..., CompanyProfile], agency: User
) -> None:
    profile = make_profile("Kawada Machinery", "JP", "en", "CNC lathes", "distributors")
    organisation = Organisation.objects.create(
        name="Kawada Machinery Co.", kind="company", side=Country.objects.get(code="JP")
    )
    owner = representative(organisation, "kawada-rep")
    client.force_login(owner)
    assert client.get(f"/matchmaking/profiles/{profile.pk}/edit/").status_code == 404
    client.force_login(agency)
    url = f"/matchmaking/profiles/{profile.pk}/organisation/"
    page = client.get(url).content.decode()
    assert "Kawada Machinery Co." in page
    response = client.post(url, {"organisation": organisation.pk})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.organisation == organisation and profile.version == 4
    reason = CompanyProfile.history.filter(id=profile.pk).first().history_change_reason  # type: ignore[attr-defined]
    assert reason_text(reason, "en") == f"linked to organisation {organisation.pk}"
    client.force_login(owner)
    assert client.get(f"/matchmaking/profiles/{profile.pk}/edit/").status_code == 200
    assert client.get(f"/matchmaking/?profile={profile.pk}").status_code == 200


def test_agency_creates_the_organisation_from_the_profile(
    client: Client, make_profile: Callable[..., CompanyProfile], agency: User, niigata: Any
) -> None:
    profile = make_profile("Tsubame Tools", "JP", "en", "hand tools", "buyers", region=niigata)
    client.force_login(agency)
    response = client.post(
        f"/api/v1/matchmaking/profiles/{profile.pk}/organisation",
        {"create": True},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    organisation = Organisation.objects.get(pk=response.json()["organisation"])
    assert (organisation.name, organisation.kind, organisation.side.code) == (
        "Tsubame Tools",
        "company",
        "JP",
    )
    assert organisation.region == niigata
    again = client.post(
        f"/api/v1/matchmaking/profiles/{profile.pk}/organisation",
        {"create": True},
        content_type="application/json",
    )
    assert again.status_code == 422 and "already belongs" in again.json()["detail"]


def test_link_refuses_another_country_or_an_organisation_with_a_profile(
    client: Client, make_profile: Callable[..., CompanyProfile], agency: User
) -> None:
    profile = make_profile("Kawada", "JP", "en", "CNC lathes", "distributors")
    russian = Organisation.objects.create(
        name="Uralstanok", kind="company", side=Country.objects.get(code="RU")
    )
    taken = Organisation.objects.create(
        name="Taken", kind="company", side=Country.objects.get(code="JP")
    )
    make_profile("Taken", "JP", "en", "x", "y", organisation=taken)
    client.force_login(agency)
    url = f"/api/v1/matchmaking/profiles/{profile.pk}/organisation"
    for organisation in (russian, taken):
        response = client.post(
            url, {"organisation": organisation.pk}, content_type="application/json"
        )
        assert response.status_code == 422
    both = client.post(
        f"/matchmaking/profiles/{profile.pk}/organisation/",
        {"organisation": "", "create": ""},
    )
    assert "Pick an organisation" in both.content.decode()
    profile.refresh_from_db()
    assert profile.organisation is None


def test_only_agency_staff_link_profiles(
    client: Client,
    make_profile: Callable[..., CompanyProfile],
    company_user: Callable[[str, str], User],
    make_user: Callable[..., User],
) -> None:
    profile = make_profile("Kawada", "JP", "en", "CNC lathes", "distributors")
    for user in (company_user("JP", "someone"), make_user(Role.SECRETARIAT, "JP")):
        client.force_login(user)
        assert client.get(f"/matchmaking/profiles/{profile.pk}/organisation/").status_code == 403
        response = client.post(
            f"/api/v1/matchmaking/profiles/{profile.pk}/organisation",
            {"create": True},
            content_type="application/json",
        )
        assert response.status_code == 403
    assert CompanyProfile.objects.get(pk=profile.pk).organisation is None
