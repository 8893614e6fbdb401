"""The organisations page finds a name written in another script; own-script names first."""

from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User

pytestmark = pytest.mark.integration


def test_organisations_are_found_by_a_query_in_another_language(
    client: Client, make_user: Callable[..., User], default_programme: None
) -> None:
    russia, japan = Country.objects.get(code="RU"), Country.objects.get(code="JP")
    Organisation.objects.create(
        name="Хабаровский судоремонтный завод", kind="enterprise", side=russia
    )
    Organisation.objects.create(name="ハバロフスク交易", kind="company", side=japan)
    Organisation.objects.create(name="Омский шинный завод", kind="enterprise", side=russia)
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    html = client.get("/organisations/", {"q": "ハバロフスク"}).content.decode()
    assert "Хабаровский судоремонтный завод" in html
    assert html.index("ハバロフスク交易") < html.index("Хабаровский судоремонтный завод")
    assert "Омский" not in html
    latin = client.get("/organisations/", {"q": "khabarovsk"}).content.decode()
    assert "Хабаровский судоремонтный завод" in latin and "ハバロフスク交易" in latin
