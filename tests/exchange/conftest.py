"""Fixtures of the exchange tests: a small enterprise pair and the illustrative cohort."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, Person, User
from tandem.core.services.demo import demo_data_create
from tandem.exchange.models import (
    EnterpriseProfile,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.services.demo import demo_exchange_create
from tandem.exchange.services.records import (
    dispatch_save,
    enterprise_save,
    indicator_save,
    measurement_save,
    placement_save,
)
from tandem.projects.services.demo import demo_projects_create


@pytest.fixture
def coordinator(make_user: Callable[..., User]) -> User:
    return make_user(Role.COORDINATOR, "RU", username="coordinator")


@pytest.fixture
def pair(default_programme: None, coordinator: User) -> dict[str, Any]:
    """A Russian enterprise, a Japanese company, a specialist and a trainee."""
    japan, russia = Country.objects.get(code="JP"), Country.objects.get(code="RU")
    plant = Organisation.objects.create(
        name="Uralmash Machine Works", kind="enterprise", side=russia
    )
    company = Organisation.objects.create(name="Hokuto Precision", kind="company", side=japan)
    return {
        "enterprise": enterprise_save(
            profile=EnterpriseProfile(organisation=plant, sector="machinery", size="large"),
            actor=coordinator,
        ),
        "company": enterprise_save(
            profile=EnterpriseProfile(organisation=company, sector="machinery", size="medium"),
            actor=coordinator,
        ),
        "specialist": Person.objects.create(name="Hiroshi Sato", side=japan, organisation=company),
        "trainee": Person.objects.create(name="Irina Petrova", side=russia, organisation=plant),
    }


@pytest.fixture
def productivity(pair: dict[str, Any], coordinator: User) -> KpiIndicator:
    indicator = indicator_save(
        indicator=KpiIndicator(
            enterprise=pair["enterprise"], kind="labour_productivity", unit="rub_per_worker_hour"
        ),
        actor=coordinator,
    )
    measurement_save(
        measurement=KpiMeasurement(
            indicator=indicator,
            horizon=0,
            date=date(2019, 1, 15),
            value=Decimal("1200"),
            method="Plant records, Q4 2018 average",
        ),
        actor=coordinator,
    )
    return indicator


@pytest.fixture
def demo_cohort(default_programme: None) -> dict[str, int]:
    demo_data_create(seed=1, organisations=120, people=300, actor=DEMO_ACTOR)
    demo_projects_create(seed=1, count=60, actor=DEMO_ACTOR)
    return demo_exchange_create(seed=2019)


@pytest.fixture
def dispatch(pair: dict[str, Any], coordinator: User) -> SpecialistDispatch:
    return dispatch_save(
        dispatch=SpecialistDispatch(
            specialist=pair["specialist"],
            sending_organisation=pair["company"].organisation,
            expertise="Lean production",
            host=pair["enterprise"],
            topic="lean_production",
            start_date=date(2019, 3, 1),
            end_date=date(2019, 3, 28),
            work_plan="Diagnosis, pilot, standard work.",
        ),
        actor=coordinator,
    )


@pytest.fixture
def placement(pair: dict[str, Any], coordinator: User) -> TraineePlacement:
    return placement_save(
        placement=TraineePlacement(
            trainee=pair["trainee"],
            home=pair["enterprise"],
            host=pair["company"],
            training_programme="Kaizen",
            start_date=date(2019, 5, 1),
            end_date=date(2019, 6, 30),
        ),
        actor=coordinator,
    )


@pytest.fixture
def representative_of(default_programme: None) -> Callable[[EnterpriseProfile], User]:
    """A company representative acting for the given enterprise's organisation."""

    def make(profile: EnterpriseProfile) -> User:
        return User.objects.create_user(
            username=f"rep-{profile.pk}",
            password="a-long-test-password",
            role=Role.COMPANY_REPRESENTATIVE,
            side=profile.organisation.side,
            organisation=profile.organisation,
        )

    return make
