import pytest
from django.core.management import call_command

from tandem.committee.models import CommitteeSession
from tandem.core.models import Region
from tandem.fairs.models import Fair
from tandem.programme.models import NationalProject, PlanArea

pytestmark = pytest.mark.integration


def test_default_has_the_eight_plan_areas_in_three_languages(default_programme: None) -> None:
    areas = list(PlanArea.objects.order_by("number"))
    assert [area.code for area in areas] == [f"P{n}" for n in range(1, 9)]
    assert areas[0].name_en == "Extending healthy life expectancy"
    assert areas[0].name_ja == "健康寿命の伸長"
    assert areas[3].name_ru == "Энергетика"
    assert all(area.name_en and area.name_ja and area.name_ru for area in areas)


def test_default_has_the_thirteen_national_projects(default_programme: None) -> None:
    codes = list(NationalProject.objects.order_by("number").values_list("code", flat=True))
    assert codes == [f"N{n}" for n in range(1, 14)]
    assert NationalProject.objects.get(code="N7").name_en == (
        "Labour productivity and employment support"
    )


def test_default_has_the_fifteenth_session_with_its_co_chairs(default_programme: None) -> None:
    session = CommitteeSession.objects.get(number=15)
    assert session.start_date.isoformat() == "2019-12-19"
    assert session.city_en == "Moscow"
    assert session.start_date.strftime("%A") == "Thursday"
    co_chairs = {c.side.code: c for c in session.co_chairs.select_related("person", "side")}
    assert co_chairs["RU"].person.name_en == "Maxim Oreshkin"
    assert co_chairs["JP"].person.name_en == "Toshimitsu Motegi"
    assert co_chairs["JP"].title_en == "Minister for Foreign Affairs of Japan"


def test_default_has_innoprom_and_ceatec_2019(default_programme: None) -> None:
    fairs = {fair.slug: fair for fair in Fair.objects.all()}
    assert fairs["innoprom-2019"].city_en == "Yekaterinburg"
    assert fairs["innoprom-2019"].start_date.month == 7
    assert fairs["ceatec-2019"].city_en == "Chiba"
    assert fairs["ceatec-2019"].start_date.month == 10
    assert not any(fair.is_illustrative for fair in fairs.values())


def test_default_has_the_regions_of_both_countries(default_programme: None) -> None:
    assert Region.objects.filter(country__code="RU").count() == 89
    assert Region.objects.filter(country__code="JP").count() == 47
    assert Region.objects.filter(status_disputed=True).count() == 6
    assert Region.objects.get(code="RU-PRI").federal_district.code == "FEFD"


def test_loading_the_default_twice_changes_nothing(default_programme: None) -> None:
    before = (PlanArea.objects.count(), Region.objects.count(), Fair.objects.count())
    call_command("load_default", verbosity=0)
    assert (PlanArea.objects.count(), Region.objects.count(), Fair.objects.count()) == before
