from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.programme.models import IntendedAlignment, NationalProject, PlanArea
from tandem.programme.services.alignment import (
    intended_alignment_demo_create,
    intended_alignment_set,
)
from tandem.projects.models import JointProject
from tandem.projects.selectors.alignment import alignment_matrix
from tandem.projects.selectors.registry import ProjectFilters
from tandem.projects.services.demo import demo_projects_create
from tandem.projects.services.rates import exchange_rates_import

pytestmark = pytest.mark.integration


@pytest.fixture
def registry(default_programme: None) -> None:
    demo_data_create(seed=8, organisations=30, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=8, count=150, actor=DEMO_ACTOR)
    exchange_rates_import(
        text="date,currency,per_usd\n2015-01-01,RUB,60\n2015-01-01,JPY,110\n2015-01-01,EUR,0.9\n",
        source="test",
        actor=DEMO_ACTOR,
    )


def test_each_cell_counts_the_projects_that_name_both(registry: None, secretariat_jp: User) -> None:
    matrix = alignment_matrix(secretariat_jp, ProjectFilters())
    expected = (
        JointProject.objects.filter(area_links__plan_area__code="P6", national_projects__code="N12")
        .exclude(disclosure="side_confidential", confidential_side__code="RU")
        .distinct()
        .count()
    )
    assert expected > 0
    assert matrix.counts[("P6", "N12")] == expected
    assert sum(matrix.row_totals.values()) >= matrix.projects


def test_money_is_summed_in_the_chosen_currency(registry: None, secretariat_jp: User) -> None:
    usd = alignment_matrix(secretariat_jp, ProjectFilters(), currency="USD")
    rub = alignment_matrix(secretariat_jp, ProjectFilters(), currency="RUB")
    cell = max(usd.amounts, key=lambda key: usd.amounts[key])
    assert usd.amounts[cell] > 0
    assert abs(rub.amounts[cell] / usd.amounts[cell] - 60) < 0.01


def test_gaps_and_departures_from_intent(registry: None, secretariat_jp: User) -> None:
    assert intended_alignment_demo_create(actor=DEMO_ACTOR) > 0
    area = PlanArea.objects.get(code="P8")
    intended_alignment_set(
        plan_area=area,
        national_projects=[NationalProject.objects.get(code="N6")],
        actor=secretariat_jp,
    )
    matrix = alignment_matrix(secretariat_jp, ProjectFilters())
    assert ("P8", "N6") in matrix.gaps()
    assert ("P8", "N3") in matrix.outside_intent()
    assert IntendedAlignment.history.filter(history_user=secretariat_jp).exists()  # type: ignore[attr-defined]


def test_the_page_drills_down_and_exports(
    client: Client, registry: None, make_user: Callable[..., User]
) -> None:
    intended_alignment_demo_create(actor=DEMO_ACTOR)
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    html = client.get("/alignment/", {"currency": "JPY"}).content.decode()
    assert "plan_area=P6&amp;national_project=N12" in html
    assert "illustrative" in html
    csv_text = client.get("/alignment/export.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Plan area,N1,N2")
    assert client.get("/alignment/export.xlsx").status_code == 200


def test_the_public_sees_public_projects_only(client: Client, registry: None) -> None:
    response = client.get("/alignment/")
    public = JointProject.objects.filter(disclosure="public").count()
    assert f"{public} joint projects counted" in response.content.decode()
