from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.exchange.models import (
    BusinessOutcome,
    EnterpriseProfile,
    ExchangeFile,
    KpiIndicator,
    KpiMeasurement,
    SpecialistDispatch,
    TraineePlacement,
)
from tandem.exchange.services.records import file_attach

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.4\n% report\n%%EOF\n"


def attach(actor: User, **owner: Any) -> Path:
    attachment = file_attach(
        attachment=ExchangeFile(
            title="Report", kind="report", file=SimpleUploadedFile("report.pdf", PDF), **owner
        ),
        actor=actor,
    )
    return Path(attachment.file.path)


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_dispatch_delete_asks_for_confirmation_then_removes_record_and_files(
    client: Client,
    dispatch: SpecialistDispatch,
    pair: dict[str, Any],
    coordinator: User,
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    stored = attach(coordinator, dispatch=dispatch)
    outcome = BusinessOutcome.objects.create(
        enterprise=pair["enterprise"],
        kind="contract",
        date=date(2019, 9, 1),
        description="Supply contract",
        dispatch=dispatch,
    )
    client.force_login(coordinator)
    url = f"/exchange/dispatches/{dispatch.pk}/delete/"
    page = client.get(url).content.decode()
    assert "cannot be undone" in page and "Report" in page and "stays, no longer linked" in page
    refused = client.post(url, {})
    assert refused.status_code == 200 and "Tick the box" in refused.content.decode()
    assert SpecialistDispatch.objects.filter(pk=dispatch.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/exchange/dispatches/"
    assert not SpecialistDispatch.objects.exists() and not ExchangeFile.objects.exists()
    assert not stored.exists()
    outcome.refresh_from_db()
    assert outcome.dispatch is None
    deletion = SpecialistDispatch.history.filter(history_type="-").get()  # type: ignore[attr-defined]
    assert deletion.history_user == coordinator
    file_deletion = ExchangeFile.history.filter(history_type="-").get()  # type: ignore[attr-defined]
    assert file_deletion.history_user == coordinator


def test_placement_delete_removes_its_certificate_file(
    client: Client,
    placement: TraineePlacement,
    coordinator: User,
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    stored = attach(coordinator, placement=placement)
    client.force_login(coordinator)
    assert client.get(f"/exchange/placements/{placement.pk}/delete/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/exchange/placements/{placement.pk}/delete/", {"confirm": "1"})
    assert response.status_code == 302
    assert not TraineePlacement.objects.exists() and not stored.exists()
    deletion = TraineePlacement.history.filter(history_type="-").get()  # type: ignore[attr-defined]
    assert deletion.history_user == coordinator


def test_indicator_delete_removes_measurements_and_evidence_with_history(
    client: Client,
    productivity: KpiIndicator,
    coordinator: User,
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    stored = attach(coordinator, indicator=productivity)
    client.force_login(coordinator)
    url = f"/exchange/indicators/{productivity.pk}/delete/"
    assert "1 measurement(s)" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "on"})
    assert response["Location"] == f"/exchange/enterprises/{productivity.enterprise_id}/"
    assert not KpiIndicator.objects.exists() and not KpiMeasurement.objects.exists()
    assert not stored.exists()
    deleted = KpiMeasurement.history.filter(history_type="-").get()  # type: ignore[attr-defined]
    assert deleted.history_user == coordinator


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.SECRETARIAT, Role.AGENCY_STAFF])
def test_only_a_coordinator_may_delete(
    client: Client,
    dispatch: SpecialistDispatch,
    placement: TraineePlacement,
    productivity: KpiIndicator,
    make_user: Callable[..., User],
    role: str,
) -> None:
    client.force_login(make_user(role, "JP"))
    for url in (
        f"/exchange/dispatches/{dispatch.pk}/delete/",
        f"/exchange/placements/{placement.pk}/delete/",
        f"/exchange/indicators/{productivity.pk}/delete/",
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {"confirm": "on"}).status_code == 403
    assert client.delete(f"/api/v1/exchange/dispatches/{dispatch.pk}").status_code == 403
    assert SpecialistDispatch.objects.exists() and TraineePlacement.objects.exists()
    assert KpiIndicator.objects.exists()


def test_company_representative_may_not_delete_even_its_own(
    client: Client,
    dispatch: SpecialistDispatch,
    pair: dict[str, Any],
    representative_of: Callable[[EnterpriseProfile], User],
) -> None:
    client.force_login(representative_of(pair["enterprise"]))
    assert client.get(f"/exchange/dispatches/{dispatch.pk}/delete/").status_code == 403
    assert client.delete(f"/api/v1/exchange/dispatches/{dispatch.pk}").status_code == 403


def test_api_deletes_records(
    client: Client,
    dispatch: SpecialistDispatch,
    placement: TraineePlacement,
    productivity: KpiIndicator,
    coordinator: User,
) -> None:
    client.force_login(coordinator)
    assert client.delete(f"/api/v1/exchange/dispatches/{dispatch.pk}").json() == {
        "deleted": dispatch.pk,
        "files_removed": 0,
    }
    assert client.delete(f"/api/v1/exchange/placements/{placement.pk}").status_code == 200
    assert client.delete(f"/api/v1/exchange/indicators/{productivity.pk}").status_code == 200
    assert client.delete(f"/api/v1/exchange/dispatches/{dispatch.pk}").status_code == 404
    assert not (SpecialistDispatch.objects.exists() or TraineePlacement.objects.exists())
    assert not KpiIndicator.objects.exists()
