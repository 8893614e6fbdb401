from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from tandem.core.models import User
from tandem.exchange.models import KpiIndicator, KpiMeasurement
from tandem.exchange.services.records import (
    StaleRecordError,
    indicator_update,
    measurement_save,
    measurement_update,
)

pytestmark = pytest.mark.integration


def test_indicator_edit_page_saves_and_bumps_the_version(
    client: Client, pair: dict[str, Any], coordinator: User
) -> None:
    client.force_login(coordinator)
    indicator = KpiIndicator.objects.create(
        enterprise=pair["enterprise"], kind="own", name="Scrap", unit="count"
    )
    url = f"/exchange/indicators/{indicator.pk}/edit/"
    form = client.get(url)
    assert form.status_code == 200 and 'name="version"' in form.content.decode()
    response = client.post(
        url, {"kind": "own", "name": "Scrap pieces", "unit": "count", "version": 1}
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.version) == ("Scrap pieces", 2)
    assert indicator.history.first().history_user == coordinator  # type: ignore[attr-defined]


def test_indicator_edit_with_a_stale_version_saves_nothing(
    client: Client, productivity: KpiIndicator, coordinator: User
) -> None:
    client.force_login(coordinator)
    url = f"/exchange/indicators/{productivity.pk}/edit/"
    fields = {"kind": "labour_productivity", "unit": "units_per_worker_hour"}
    assert client.post(url, {**fields, "version": 1}).status_code == 302
    stale = client.post(url, {**fields, "unit": "rub_per_worker_hour", "version": 1})
    assert stale.status_code == 200
    assert "changed by someone else" in stale.content.decode()
    productivity.refresh_from_db()
    assert (productivity.unit, productivity.version) == ("units_per_worker_hour", 2)


def test_indicator_unit_change_that_existing_values_do_not_fit_is_refused(
    pair: dict[str, Any], coordinator: User
) -> None:
    indicator = KpiIndicator.objects.create(
        enterprise=pair["enterprise"], kind="own", name="Rework", unit="count"
    )
    KpiMeasurement.objects.create(
        indicator=indicator, horizon=0, date=date(2019, 1, 1), value=Decimal("250"), method="log"
    )
    indicator.unit = "percent"
    with pytest.raises(Exception, match="does not fit this unit"):
        indicator_update(indicator=indicator, expected_version=1, actor=coordinator)
    indicator.refresh_from_db()
    assert (indicator.unit, indicator.version) == ("count", 1)


def test_indicator_edit_page_validates_the_unit(
    client: Client, productivity: KpiIndicator, coordinator: User
) -> None:
    client.force_login(coordinator)
    response = client.post(
        f"/exchange/indicators/{productivity.pk}/edit/",
        {"kind": "labour_productivity", "unit": "percent", "version": 1},
    )
    assert response.status_code == 200
    assert "This indicator is measured in:" in response.content.decode()


def test_measurement_edit_page_corrects_the_value_and_checks_the_date(
    client: Client, productivity: KpiIndicator, coordinator: User
) -> None:
    follow_up = measurement_save(
        measurement=KpiMeasurement(
            indicator=productivity, horizon=6, date=date(2019, 7, 16), value=Decimal("1380")
        ),
        actor=coordinator,
    )
    client.force_login(coordinator)
    url = f"/exchange/measurements/{follow_up.pk}/edit/"
    bad = client.post(url, {"date": "2019-02-01", "value": "1390", "method": "", "version": 1})
    assert bad.status_code == 200 and "days after the baseline" in bad.content.decode()
    good = client.post(url, {"date": "2019-07-20", "value": "1390", "method": "", "version": 1})
    assert good.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.value, follow_up.horizon, follow_up.version) == (Decimal("1390"), 6, 2)
    assert "(15.8%)" in client.get(good["Location"]).content.decode()


def test_measurement_update_refuses_a_stale_version(
    productivity: KpiIndicator, coordinator: User
) -> None:
    baseline = productivity.measurements.get()
    baseline.value = Decimal("1250")
    measurement_update(measurement=baseline, expected_version=1, actor=coordinator)
    baseline.value = Decimal("999")
    with pytest.raises(StaleRecordError):
        measurement_update(measurement=baseline, expected_version=1, actor=coordinator)
    baseline.refresh_from_db()
    assert baseline.value == Decimal("1250")


def test_recording_an_existing_horizon_leads_to_its_correction(
    client: Client, productivity: KpiIndicator, coordinator: User
) -> None:
    client.force_login(coordinator)
    baseline = productivity.measurements.get()
    response = client.get(f"/exchange/indicators/{productivity.pk}/measure/?horizon=0")
    assert response.status_code == 302
    assert response["Location"] == f"/exchange/measurements/{baseline.pk}/edit/"


def test_a_correction_by_the_api_makes_an_open_edit_form_stale(
    client: Client, productivity: KpiIndicator, coordinator: User
) -> None:
    client.force_login(coordinator)
    baseline = productivity.measurements.get()
    url = f"/exchange/measurements/{baseline.pk}/edit/"
    assert 'name="version" value="1"' in client.get(url).content.decode()
    put = client.put(
        f"/api/v1/exchange/indicators/{productivity.pk}/measurements",
        {"horizon_months": 0, "date": "2019-01-15", "value": "1210", "method": "Records"},
        content_type="application/json",
    )
    assert put.status_code == 200
    stale = client.post(
        url, {"date": "2019-01-15", "value": "1300", "method": "Records", "version": 1}
    )
    assert "changed by someone else" in stale.content.decode()
    baseline.refresh_from_db()
    assert (baseline.value, baseline.version) == (Decimal("1210"), 2)
