from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.exchange.models import (
    BusinessOutcome,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.services.records import (
    dispatch_save,
    indicator_save,
    measurement_save,
    outcome_save,
    placement_save,
)

pytestmark = pytest.mark.integration


def _dispatch(pair: dict[str, Any], **fields: Any) -> SpecialistDispatch:
    values = {
        "specialist": pair["specialist"],
        "sending_organisation": pair["company"].organisation,
        "expertise": "Lean production",
        "host": pair["enterprise"],
        "topic": "lean_production",
        "start_date": date(2019, 3, 1),
        "end_date": date(2019, 3, 28),
        "work_plan": "Diagnosis, pilot, standard work.",
    } | fields
    return SpecialistDispatch(**values)


def test_dispatch_is_saved_with_its_actor_in_the_history(
    pair: dict[str, Any], coordinator: User
) -> None:
    dispatch = dispatch_save(dispatch=_dispatch(pair), actor=coordinator)
    record = dispatch.history.get()  # type: ignore[attr-defined]
    assert record.history_user == coordinator
    assert record.expertise_en == "Lean production"


def test_dispatch_ending_before_it_starts_is_refused(
    pair: dict[str, Any], coordinator: User
) -> None:
    with pytest.raises(ValidationError) as error:
        dispatch_save(dispatch=_dispatch(pair, end_date=date(2019, 2, 1)), actor=coordinator)
    assert "end_date" in error.value.message_dict


def test_dispatch_to_an_enterprise_of_the_specialists_own_side_is_refused(
    pair: dict[str, Any], coordinator: User
) -> None:
    with pytest.raises(ValidationError) as error:
        dispatch_save(dispatch=_dispatch(pair, host=pair["company"]), actor=coordinator)
    assert "host" in error.value.message_dict


def test_placement_completion_needs_a_date_and_a_certificate_needs_completion(
    pair: dict[str, Any], coordinator: User
) -> None:
    placement = TraineePlacement(
        trainee=pair["trainee"],
        home=pair["enterprise"],
        host=pair["company"],
        training_programme="Production management course",
        start_date=date(2019, 5, 1),
        end_date=date(2019, 6, 30),
        completed=True,
    )
    with pytest.raises(ValidationError) as error:
        placement_save(placement=placement, actor=coordinator)
    assert "completion_date" in error.value.message_dict
    placement.completed = False
    placement.certificate_number = "C-1"
    with pytest.raises(ValidationError) as error:
        placement_save(placement=placement, actor=coordinator)
    assert "certificate_number" in error.value.message_dict
    placement.completed, placement.completion_date = True, date(2019, 6, 30)
    assert placement_save(placement=placement, actor=coordinator).pk


def test_indicator_unit_must_fit_the_indicator(pair: dict[str, Any], coordinator: User) -> None:
    with pytest.raises(ValidationError) as error:
        indicator_save(
            indicator=KpiIndicator(enterprise=pair["enterprise"], kind="lead_time", unit="percent"),
            actor=coordinator,
        )
    assert "unit" in error.value.message_dict
    own = indicator_save(
        indicator=KpiIndicator(
            enterprise=pair["enterprise"],
            kind="own",
            name="Scrap",
            unit="percent",
            higher_is_better=False,
        ),
        actor=coordinator,
    )
    assert own.improves_upwards is False and own.report_key == "own:Scrap"


def test_baseline_needs_a_method_and_a_positive_value(
    pair: dict[str, Any], coordinator: User
) -> None:
    indicator = indicator_save(
        indicator=KpiIndicator(enterprise=pair["enterprise"], kind="defect_rate", unit="percent"),
        actor=coordinator,
    )
    baseline = KpiMeasurement(
        indicator=indicator, horizon=0, date=date(2019, 1, 1), value=Decimal("0")
    )
    with pytest.raises(ValidationError) as error:
        measurement_save(measurement=baseline, actor=coordinator)
    assert set(error.value.message_dict) == {"value", "method"}
    baseline.value = Decimal("120")
    baseline.method = "Inspection log"
    with pytest.raises(ValidationError) as error:
        measurement_save(measurement=baseline, actor=coordinator)
    assert "at most 100" in str(error.value)


def test_follow_up_must_fall_in_its_window_after_the_baseline(
    productivity: KpiIndicator, coordinator: User
) -> None:
    early = KpiMeasurement(
        indicator=productivity, horizon=12, date=date(2019, 7, 15), value=Decimal("1400")
    )
    with pytest.raises(ValidationError) as error:
        measurement_save(measurement=early, actor=coordinator)
    assert "181 days after" in str(error.value)
    early.date = date(2020, 1, 20)
    assert measurement_save(measurement=early, actor=coordinator).pk


def test_follow_up_without_a_baseline_is_refused(pair: dict[str, Any], coordinator: User) -> None:
    indicator = indicator_save(
        indicator=KpiIndicator(enterprise=pair["enterprise"], kind="lead_time", unit="days"),
        actor=coordinator,
    )
    with pytest.raises(ValidationError) as error:
        measurement_save(
            measurement=KpiMeasurement(
                indicator=indicator, horizon=6, date=date(2019, 7, 1), value=Decimal("20")
            ),
            actor=coordinator,
        )
    assert "horizon" in error.value.message_dict


def test_follow_up_project_outcome_must_link_a_joint_project(
    pair: dict[str, Any], coordinator: User
) -> None:
    outcome = BusinessOutcome(
        enterprise=pair["enterprise"],
        kind="follow_up_project",
        date=date(2020, 2, 1),
        description="Second line",
    )
    with pytest.raises(ValidationError) as error:
        outcome_save(outcome=outcome, actor=coordinator)
    assert "joint_project" in error.value.message_dict


def test_exchange_profile_refuses_a_ministry(
    make_user: Callable[..., User], pair: dict[str, Any]
) -> None:
    from tandem.core.models import Organisation
    from tandem.exchange.models import EnterpriseProfile
    from tandem.exchange.services.records import enterprise_save

    ministry = Organisation.objects.create(
        name="Ministry", kind="ministry", side=pair["enterprise"].organisation.side
    )
    with pytest.raises(ValidationError):
        enterprise_save(
            profile=EnterpriseProfile(organisation=ministry, sector="other", size="large"),
            actor=make_user(Role.COORDINATOR, "JP", username="c2"),
        )


def test_employees_must_fit_the_size(pair: dict[str, Any], coordinator: User) -> None:
    from tandem.exchange.services.records import enterprise_save

    profile = pair["enterprise"]
    profile.size, profile.employees = "small", 1313
    with pytest.raises(ValidationError) as error:
        enterprise_save(profile=profile, actor=coordinator)
    assert "employees" in error.value.message_dict
    profile.size = "large"
    assert enterprise_save(profile=profile, actor=coordinator).employees == 1313
