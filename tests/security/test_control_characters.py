"""Control characters: every text field of every tandem model refuses them (tab and newlines
apart), whatever the edge; stored text never breaks an export."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.test import Client
from openpyxl import load_workbook

from tandem.core.models import Organisation, User
from tandem.core.services.users import api_token_create
from tandem.core.validators import refuse_control_characters, xml_safe
from tandem.projects.models import JointProject

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

CONTROLS = ["\x01", "\x00", "\x1b", "\x7f", "\x0b"]


def test_every_text_field_of_every_tandem_model_refuses_control_characters() -> None:
    fields = [
        (model.__name__, field.name)
        for model in apps.get_models()
        if model.__module__.startswith("tandem.")
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
    ]
    missing = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("tandem.")
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
        and refuse_control_characters not in field.validators
    ]
    print(f"\n[bad inputs] control characters: {len(fields)} text fields, {len(missing)} without")
    assert len(fields) > 100
    assert missing == []


@pytest.mark.parametrize("control", CONTROLS)
def test_full_clean_refuses_a_control_character(control: str, default_programme: None) -> None:
    organisation = Organisation(name=f"Hokuto{control}Precision", kind="company")
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert "control characters" in str(refused.value)


def test_tab_and_newlines_stay_allowed() -> None:
    refuse_control_characters("one\ttwo\nthree\r\nfour")


@pytest.mark.parametrize("control", ["\x01", "\x00"])
def test_the_api_refuses_a_title_with_a_control_character(
    control: str, client: Client, secretariat_jp: User
) -> None:
    _token, raw = api_token_create(
        user=secretariat_jp, name="test", actor=secretariat_jp, scope="write"
    )
    response = client.post(
        "/api/v1/projects",
        {"code": "JR-2026-6601", "title_en": f"Lean{control}production", "plan_areas": ["P5"]},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 422
    assert "control characters" in response.json()["detail"]
    assert not JointProject.objects.filter(code="JR-2026-6601").exists()


def test_the_xlsx_export_survives_a_control_character_stored_before(
    client: Client,
    make_user: Callable[..., User],
    default_programme: None,
) -> None:
    from tandem.programme.models import Programme
    from tandem.projects.schemas import ProjectIn
    from tandem.projects.services.projects import project_create

    secretariat = make_user("secretariat", "JP")
    project = project_create(
        programme=Programme.objects.get(),
        data=ProjectIn(code="JR-2026-6602", title_en="Lean production", plan_areas=["P5"]),
        actor=secretariat,
    )
    # PostgreSQL cannot store NUL at all; SQLite could, before the validators refused it.
    nul = "\x00" if connection.vendor == "sqlite" else ""
    JointProject.objects.filter(pk=project.pk).update(title_en=f"Lean\x01production{nul}")
    client.force_login(secretariat)
    response = client.get("/projects/export.xlsx")
    assert response.status_code == 200
    raw = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    sheet = load_workbook(io.BytesIO(raw), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    column = list(rows[0]).index("title_en")
    assert "Leanproduction" in [row[column] for row in rows[1:]]


def test_xml_safe_keeps_tab_and_newlines() -> None:
    assert xml_safe("a\x01b\tc\nd\x00") == "ab\tc\nd"
