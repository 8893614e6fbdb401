"""The trade pages in three languages, who may see them, the import page and the export."""

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.trade.models import ChapterPlanArea, ImportBatch
from tandem.trade.services.imports import ImportReport

pytestmark = pytest.mark.integration

TITLES = {"en": "Trade and investment", "ja": "鉱物性燃料", "ru": "Топливо минеральное"}


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_demo_trade_page_renders_in_three_languages_flagged_illustrative(
    client: Client, demo: ImportReport, secretariat: User, language: str
) -> None:
    secretariat.language = language
    secretariat.save()
    client.force_login(secretariat)
    response = client.get("/trade/")
    assert response.status_code == 200
    assert response.context["shows_illustrative"] is True
    page = response.content.decode()
    assert TITLES[language] in page
    assert "<svg" in page and "<script" not in page.split("<main", 1)[-1]
    assert len(response.context["flows"]) == 4
    assert response.context["composition"][0].code == "27"
    assert f'lang="{language}"' in page
    assert client.get("/trade/investment/").status_code == 200
    chapters = client.get("/trade/chapters/").content.decode()
    assert TITLES[language] in chapters or language == "en"


def test_who_sees_the_trade_pages(
    client: Client, demo: ImportReport, make_user: Callable[..., User]
) -> None:
    assert client.get("/trade/").status_code == 302  # anonymous: sign in
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    assert client.get("/trade/").status_code == 200
    assert client.get("/trade/imports/").status_code == 403
    client.force_login(make_user(Role.AUDITOR))
    assert client.get("/trade/").status_code == 200
    assert client.post("/trade/chapters/edit/", {"chapter": "27"}).status_code == 403
    client.force_login(make_user(Role.AGENCY_STAFF, "RU"))
    assert client.get("/trade/imports/").status_code == 200


def test_filters_narrow_the_figures(client: Client, demo: ImportReport, secretariat: User) -> None:
    client.force_login(secretariat)
    response = client.get("/trade/?first_year=2016&last_year=2018&reporter=RU&direction=X")
    flows = response.context["flows"]
    assert [f.key for f in flows] == [("RU", "JP", "X")]
    assert [p.year for p in flows[0].points] == [2016, 2017, 2018]


def test_export_escapes_formulas_in_csv_and_xlsx(
    client: Client, demo: ImportReport, secretariat: User
) -> None:
    ChapterPlanArea.objects.filter(chapter="27").update(plan_area_code="=2+3")
    client.force_login(secretariat)
    streamed = client.get("/trade/export.csv?reporter=RU").streaming_content  # type: ignore[attr-defined]
    text = b"".join(streamed).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["year", "reporter", "partner", "direction"]
    fuels = next(row for row in rows if row[4] == "27")
    assert fuels[6] == "'=2+3" and fuels[8] == "yes"
    book = load_workbook(io.BytesIO(client.get("/trade/export.xlsx").content))
    values = [cell.value for row in book.active.iter_rows() for cell in row]
    assert "'=2+3" in values and "=2+3" not in values


def test_import_page_previews_then_commits(
    client: Client, data_dir: Path, secretariat: User
) -> None:
    client.force_login(secretariat)
    upload = SimpleUploadedFile("c.csv", (data_dir / "comtrade_sample.csv").read_bytes())
    preview = client.post("/trade/imports/", {"file": upload, "file_format": ""})
    assert preview.status_code == 200
    assert preview.context["report"].rows == 6
    assert not ImportBatch.objects.exists()
    token = preview.context["token"]
    done = client.post("/trade/imports/commit/", {"token": token}, follow=True)
    assert "Imported 6 rows from c.csv." in done.content.decode()
    batch = ImportBatch.objects.get()
    client.post(f"/trade/imports/{batch.pk}/delete/")
    assert not ImportBatch.objects.exists()


def test_import_page_shows_row_errors_and_writes_nothing(
    client: Client, data_dir: Path, secretariat: User
) -> None:
    client.force_login(secretariat)
    upload = SimpleUploadedFile("bad.csv", (data_dir / "bad_hs_code.csv").read_bytes())
    response = client.post("/trade/imports/", {"file": upload})
    assert "HS code 270999 is not in the HS list" in response.content.decode()
    assert client.post("/trade/imports/commit/", {"token": "x"}).status_code == 302
    assert not ImportBatch.objects.exists()


def test_mapping_edit_moves_a_chapter_to_another_plan_area(
    client: Client, demo: ImportReport, secretariat: User
) -> None:
    client.force_login(secretariat)
    client.post("/trade/chapters/edit/", {"chapter": "44", "plan_area_code": "P5", "note": "x"})
    assert ChapterPlanArea.objects.get(chapter="44").plan_area_code == "P5"
    client.post("/trade/chapters/edit/", {"chapter": "44", "plan_area_code": ""})
    assert not ChapterPlanArea.objects.filter(chapter="44").exists()
    areas = client.get("/trade/?reporter=RU&direction=X").context["areas"]
    assert any(share.code == "" for share in areas)  # wood now counts as not mapped
