import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.exchange.models import EnterpriseProfile, KpiIndicator, SpecialistDispatch
from tandem.exchange.services.kpi_import import COLUMNS

pytestmark = pytest.mark.integration


def test_programme_staff_see_every_enterprise(
    client: Client, pair: dict[str, Any], make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.AUDITOR))
    response = client.get("/exchange/enterprises/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2
    assert client.get(f"/exchange/enterprises/{pair['enterprise'].pk}/").status_code == 200


def test_an_enterprise_sees_its_own_data_only(
    client: Client, pair: dict[str, Any], make_user: Callable[..., User]
) -> None:
    representative = make_user(Role.COMPANY_REPRESENTATIVE, "JP")
    representative.organisation = pair["company"].organisation
    representative.save()
    client.force_login(representative)
    listing = client.get("/exchange/enterprises/")
    assert [p.pk for p in listing.context["page"]] == [pair["company"].pk]
    assert client.get(f"/exchange/enterprises/{pair['company'].pk}/").status_code == 200
    assert client.get(f"/exchange/enterprises/{pair['enterprise'].pk}/").status_code == 404
    assert client.get("/exchange/effect/").status_code == 403
    assert client.get("/api/v1/exchange/enterprises").json()[0]["id"] == pair["company"].pk
    assert client.get(f"/api/v1/exchange/enterprises/{pair['enterprise'].pk}").status_code == 404


def test_the_public_is_sent_to_sign_in(client: Client, default_programme: None) -> None:
    response = client.get("/exchange/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/api/v1/exchange/dispatches").status_code == 401


def test_a_coordinator_records_a_dispatch_through_the_form(
    client: Client, pair: dict[str, Any], coordinator: User
) -> None:
    client.force_login(coordinator)
    form = {
        "specialist": pair["specialist"].pk,
        "sending_organisation": pair["company"].organisation.pk,
        "expertise_ja": "リーン生産",
        "host": pair["enterprise"].pk,
        "topic": "lean_production",
        "start_date": "2019-03-01",
        "end_date": "2019-03-28",
        "work_plan_en": "Diagnosis, pilot, standard work.",
    }
    response = client.post("/exchange/dispatches/new/", form)
    dispatch = SpecialistDispatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exchange/dispatches/{dispatch.pk}/"
    assert dispatch.expertise_ja == "リーン生産"  # type: ignore[attr-defined]
    page = client.get(response["Location"]).content.decode()
    assert "リーン生産" in page or "Diagnosis, pilot" in page


def test_dispatch_form_shows_clear_errors(
    client: Client, pair: dict[str, Any], coordinator: User
) -> None:
    client.force_login(coordinator)
    response = client.post(
        "/exchange/dispatches/new/",
        {
            "specialist": pair["specialist"].pk,
            "sending_organisation": pair["company"].organisation.pk,
            "host": pair["enterprise"].pk,
            "topic": "lean_production",
            "start_date": "2019-03-28",
            "end_date": "2019-03-01",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Write this in at least one language." in html
    assert "The dispatch cannot end before it starts." in html
    assert not SpecialistDispatch.objects.exists()


def test_an_auditor_may_not_edit(
    client: Client, pair: dict[str, Any], make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.AUDITOR))
    assert client.get("/exchange/dispatches/new/").status_code == 403
    assert client.get(f"/exchange/enterprises/{pair['enterprise'].pk}/edit/").status_code == 403
    payload = {
        "trainee": pair["trainee"].pk,
        "home": pair["enterprise"].pk,
        "host": pair["company"].pk,
        "training_programme": {"en": "Kaizen", "ja": "", "ru": ""},
        "start_date": "2019-05-01",
        "end_date": "2019-06-30",
    }
    response = client.post("/api/v1/exchange/placements", payload, content_type="application/json")
    assert response.status_code == 403


def test_a_coordinator_records_a_follow_up_and_sees_the_change(
    client: Client, productivity: KpiIndicator, coordinator: User
) -> None:
    client.force_login(coordinator)
    url = f"/exchange/indicators/{productivity.pk}/measure/"
    response = client.post(url, {"horizon": 6, "date": "2019-07-16", "value": "1380"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "(15.0%)" in page


def test_api_records_a_measurement_and_refuses_a_bad_date(
    client: Client, productivity: KpiIndicator, coordinator: User
) -> None:
    client.force_login(coordinator)
    url = f"/api/v1/exchange/indicators/{productivity.pk}/measurements"
    bad = client.put(
        url,
        {"horizon_months": 12, "date": "2019-03-01", "value": "1500"},
        content_type="application/json",
    )
    assert bad.status_code == 422 and "days after the baseline" in bad.json()["detail"]
    good = client.put(
        url,
        {"horizon_months": 12, "date": "2020-01-10", "value": "1500"},
        content_type="application/json",
    )
    assert good.status_code == 200 and good.json()["horizon_months"] == 12


def test_api_creates_a_placement(client: Client, pair: dict[str, Any], coordinator: User) -> None:
    client.force_login(coordinator)
    response = client.post(
        "/api/v1/exchange/placements",
        {
            "trainee": pair["trainee"].pk,
            "home": pair["enterprise"].pk,
            "host": pair["company"].pk,
            "training_programme": {"en": "Kaizen", "ja": "改善研修", "ru": ""},
            "start_date": "2019-05-01",
            "end_date": "2019-06-30",
            "completed": True,
            "completion_date": "2019-06-30",
            "certificate_number": "C-7",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["training_programme"]["ja"] == "改善研修"


def test_kpi_import_page_reports_every_problem_and_saves_nothing(
    client: Client, pair: dict[str, Any], coordinator: User
) -> None:
    client.force_login(coordinator)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "kpi"
    sheet.append(list(COLUMNS))
    sheet.append([pair["enterprise"].pk, "", "lead_time", "", "days", "", 0, "2019-01-15", 30, ""])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("kpi.xlsx", buffer.getvalue())
    response = client.post("/exchange/kpi/import/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported: 1 problem to fix." in html
    assert "Row 2: method: Say how the baseline was measured." in html
    assert not KpiIndicator.objects.exists()


def test_effect_report_page_shows_intervals_charts_and_the_banner(
    client: Client, demo_cohort: dict[str, int], make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    response = client.get("/exchange/effect/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "illustrative-banner" in html
    assert html.count("<svg") >= 6
    assert "All served enterprises" in html and "Not yet served (comparison)" in html
    data = client.get("/api/v1/exchange/effect-report").json()
    assert data["indicators"][0]["cohorts"][0]["low"] is not None
    assert EnterpriseProfile.objects.count() == data["totals"]["enterprises"]


def test_evidence_file_is_attached_and_served_only_to_those_who_see_it(
    client: Client,
    productivity: KpiIndicator,
    coordinator: User,
    make_user: Callable[..., User],
    settings: Any,
    tmp_path: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    content = b"%PDF-1.4\n% baseline records 2018-10: 1190\n%%EOF\n"
    upload = SimpleUploadedFile("baseline.pdf", content)
    response = client.post(
        f"/exchange/files/indicator/{productivity.pk}/new/",
        {"title": "Baseline records", "kind": "evidence", "file": upload},
    )
    assert response.status_code == 302
    attachment = productivity.files.get()
    download = client.get(f"/exchange/files/{attachment.pk}/")
    assert b"".join(download.streaming_content) == content  # type: ignore[attr-defined]
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    assert client.get(f"/exchange/files/{attachment.pk}/").status_code == 404
