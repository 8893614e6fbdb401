import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tandem.exchange.demo import generate_cohort
from tandem.exchange.models import (
    EnterpriseProfile,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.reporting import effect_report_data
from tandem.exchange.selectors.effect import effect_report
from tandem.exchange.services.demo import demo_exchange_create

pytestmark = pytest.mark.integration


@pytest.mark.unit
def test_demo_generator_is_deterministic_and_sized_as_asked() -> None:
    sizes = {"russian": 40, "japanese": 20, "specialists": 50, "trainees": 50, "projects": 30}
    first = generate_cohort(2019, **sizes)
    assert first == generate_cohort(2019, **sizes)
    assert (len(first.dispatches), len(first.placements)) == (60, 80)
    assert sum(e.side == "RU" for e in first.enterprises) == 40
    assert sum(e.served for e in first.enterprises) == 30


def test_demo_cohort_is_written_flagged_and_only_once(demo_cohort: dict[str, int]) -> None:
    assert demo_cohort["dispatches created"] == 60
    assert demo_cohort["placements created"] == 80
    assert 35 <= demo_cohort["enterprises created"] <= 60
    assert not EnterpriseProfile.objects.filter(is_illustrative=False).exists()
    assert not SpecialistDispatch.objects.filter(is_illustrative=False).exists()
    assert not KpiMeasurement.objects.filter(is_illustrative=False).exists()
    assert demo_exchange_create(seed=2019) == {"enterprises created": 0}
    assert TraineePlacement.objects.count() == 80


def test_effect_report_from_the_demo_has_intervals_for_every_indicator(
    demo_cohort: dict[str, int],
) -> None:
    data = effect_report_data(effect_report())
    assert data.illustrative
    keys = [indicator.indicator for indicator in data.indicators]
    assert keys == [
        "labour_productivity",
        "lead_time",
        "defect_rate",
        "inventory_turnover",
        "on_time_delivery",
    ]
    productivity = data.indicators[0]
    overall = next(
        c for c in productivity.cohorts if c.dimension == "all" and c.horizon_months == 12
    )
    assert overall.n >= 20
    assert overall.low is not None and overall.high is not None and overall.estimate is not None
    assert overall.low < overall.estimate < overall.high
    assert overall.low > 0  # the demo's served enterprises gain about 15%
    assert overall.method in {"t-test", "bootstrap-bca"}
    comparison = [c for c in productivity.cohorts if c.dimension == "not_yet_served"]
    assert comparison and all(c.n >= 3 for c in comparison)
    assert data.outcomes.counts["contract"] > 0
    assert len(data.outcomes.follow_up_projects) == data.outcomes.counts["follow_up_project"]


def test_effect_report_command_writes_json_per_indicator_and_cohort(
    demo_cohort: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "effect.json"
    call_command("effect_report", "--format", "json", "-o", str(target))
    data = json.loads(target.read_text())
    cohort = data["indicators"][0]["cohorts"][0]
    assert set(cohort) >= {"n", "estimate", "low", "high", "method", "dimension", "cohort"}
    assert data["estimand"].startswith("mean over the enterprises")


def test_effect_report_command_writes_a_pdf(demo_cohort: dict[str, int], tmp_path: Path) -> None:
    target = tmp_path / "effect.pdf"
    call_command("effect_report", "--format", "pdf", "-o", str(target), "--language", "ja")
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_size > 20_000


def test_effect_report_of_an_empty_programme_has_no_indicators(default_programme: None) -> None:
    report = effect_report()
    assert report.indicators == []
    assert report.outcomes.counts["contract"] == 0
