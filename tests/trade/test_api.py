"""The trade API: aggregates and indicators, for programme roles only."""

from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.trade.services.imports import ImportReport

pytestmark = pytest.mark.integration


def test_api_aggregates_and_indicators(
    client: Client, demo: ImportReport, make_user: Callable[..., User]
) -> None:
    assert client.get("/api/v1/trade/indicators").status_code == 401
    client.force_login(make_user(Role.OFFICIAL, "JP"))
    body = client.get("/api/v1/trade/aggregates?reporter=ru&direction=exports&first_year=2020")
    payload = body.json()
    assert payload["illustrative"] is True
    assert {row["year"] for row in payload["rows"]} == {2020}
    assert {row["direction"] for row in payload["rows"]} == {"exports"}
    indicators = client.get("/api/v1/trade/indicators?reporter=RU").json()
    assert indicators["hhi_scale"] == "0-1"
    first = indicators["rows"][0]
    assert set(first) >= {"total_usd", "growth", "hhi", "chapters_for_90", "non_resource_share"}
    assert 0 < first["hhi"] <= 1
