import pytest
from django.test import Client

pytestmark = pytest.mark.integration


def test_plan_areas_are_public_with_names_in_three_languages(
    client: Client, default_programme: None
) -> None:
    response = client.get("/api/v1/plan-areas")
    assert response.status_code == 200
    areas = response.json()
    assert [area["id"] for area in areas] == [f"P{n}" for n in range(1, 9)]
    assert areas[5]["name"] == {
        "en": "Industries and export bases in the Far East",
        "ja": "極東の産業振興・輸出基地化",
        "ru": "Развитие промышленности и экспортных баз на Дальнем Востоке",
    }


def test_national_projects_are_public(client: Client, default_programme: None) -> None:
    projects = client.get("/api/v1/national-projects").json()
    assert len(projects) == 13
    assert projects[8]["id"] == "N9"
    assert projects[8]["name"]["ru"] == "Цифровая экономика"


def test_openapi_document_is_3_1_and_documents_the_operations(client: Client, db: None) -> None:
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/plan-areas" in document["paths"]


def test_api_docs_are_served_without_any_outside_request(client: Client, db: None) -> None:
    html = client.get("/api/docs").content.decode()
    assert "swagger" in html.lower()
    assert "cdn" not in html.lower()
    assert "https://" not in html
