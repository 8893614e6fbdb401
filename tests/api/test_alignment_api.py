"""The alignment dashboard's figures through the API equal those the page shows (both call
``tandem.committee.selectors.dashboard.dashboard_figures``), for the same reader and query."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from tandem.committee.models import CommitteeSession
from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration


@pytest.fixture
def registry(default_programme: None) -> None:
    cache.clear()
    demo_data_create(seed=3, organisations=30, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=3, count=120, actor=DEMO_ACTOR)


def _csv(client: Client, chart: str, query: dict[str, Any]) -> list[list[str]]:
    response = client.get(f"/alignment/dashboard/{chart}.csv", query)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("page_query", "api_query"),
    [
        ({}, {}),
        (
            {"step": "quarter", "plan_area": "P6", "start": 2018},
            {"step": "quarter", "plan_area": "P6", "start": 2018},
        ),
        ({"side": "JP", "session": "@15"}, {"side": "JP", "session": 15}),
    ],
)
def test_the_api_gives_the_figures_the_page_shows(
    client: Client,
    registry: None,
    make_user: Callable[..., User],
    page_query: dict[str, Any],
    api_query: dict[str, Any],
) -> None:
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    if page_query.get("session") == "@15":
        page_query = {**page_query, "session": CommitteeSession.objects.get(number=15).pk}
    response = client.get("/api/v1/alignment/dashboard", api_query)
    assert response.status_code == 200, response.content
    api = response.json()

    _header, *rows = _csv(client, "status", page_query)
    assert [row[0] for row in rows] == [period["label"] for period in api["periods"]]
    # The page's columns are the statuses in the API's order, translated.
    for column, status in enumerate(api["by_status"], start=1):
        assert [int(row[column]) for row in rows] == api["by_status"][status]

    _header, *areas = _csv(client, "areas", page_query)
    assert {row[0]: int(row[2]) for row in areas} == api["by_plan_area"]

    _header, *regions = _csv(client, "regions", page_query)
    page_regions = {row[0]: int(row[2]) for row in regions if int(row[2])}
    assert page_regions == api["by_region"]

    _header, *moved = _csv(client, "session", page_query)
    page_moved = sorted((row[0], row[1]) for row in moved)
    labels = {"new": "New", "advanced": "Advanced", "stalled": "Stalled"}
    api_moved = sorted(
        (labels[group], item["code"]) for group, items in api["moved"].items() for item in items
    )
    assert page_moved == api_moved
    page = client.get("/alignment/dashboard/", page_query).content.decode()
    assert f"{api['total']} joint projects registered" in page
    assert api["moved"]["new"] or api["moved"]["stalled"] or api["moved"]["advanced"]


def test_an_unknown_session_is_refused(client: Client, registry: None) -> None:
    assert client.get("/api/v1/alignment/dashboard", {"session": 999}).status_code == 422


def test_anonymous_readers_get_the_public_figures(client: Client, registry: None) -> None:
    response = client.get("/api/v1/alignment/dashboard")
    assert response.status_code == 200
    assert response.json()["total"] >= 0
