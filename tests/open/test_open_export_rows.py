"""The files' rows read in chunks as plain values hold exactly what the model instances give."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from full_project import make_full_project, make_people
from open_world import OpenWorld

from tandem.interop.iati.export import write_activities
from tandem.interop.iati_registry.bulk_records import activity_sources
from tandem.interop.models import IatiActivity
from tandem.interop.registry_iati import exportable, public_projects, reporting_org
from tandem.interop.tabular.bulk_rows import export_cells
from tandem.interop.tabular.export import cells_csv_chunks, csv_chunks
from tandem.projects.models import IndicatorValue, JointProject, ResultIndicator
from tandem.projects.selectors.registry import ProjectFilters, projects_for_export

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_plain_rows_give_the_same_csv_as_the_models_in_a_fixed_number_of_queries(
    open_world: OpenWorld,
) -> None:
    projects = projects_for_export(AnonymousUser(), ProjectFilters(), 10_000)
    from_models = list(csv_chunks(projects.iterator(chunk_size=2), batch=1))  # a row a chunk
    with CaptureQueriesContext(connection) as queries:
        plain = list(cells_csv_chunks(export_cells(projects, chunk_size=2), batch=1))
    assert len(from_models) > 3
    assert plain == from_models
    chunks = -(-(len(plain) - 2) // 2)
    # per chunk: the projects' values (fetched with the first), then six related tables
    assert len(queries.captured_queries) <= 1 + 6 * chunks


@pytest.fixture
def public_full_project(default_programme: None, secretariat_jp: Any) -> Any:
    project = make_full_project(make_people(), secretariat_jp)
    JointProject.objects.filter(pk=project.pk).update(disclosure="public")
    indicator = ResultIndicator.objects.create(
        project=project,
        title_en="Kilns working",
        title_ru="Работающие камеры",
        result_type="outcome",
        result_title="Capacity",
        measure="unit",
        baseline=Decimal(2),
        baseline_date=dt.date(2019, 1, 1),
    )
    IndicatorValue.objects.create(
        indicator=indicator,
        period_start=dt.date(2020, 1, 1),
        period_end=dt.date(2020, 12, 31),
        target=Decimal(5),
        actual=Decimal(4),
    )
    IatiActivity.objects.create(
        project=project,
        default_currency="JPY",
        sectors=[
            {
                "code": "31220",
                "vocabulary": "1",
                "vocabulary_uri": None,
                "names": {"en": "Forestry development"},
                "percentage": "100",
            }
        ],
        recipient_countries=[{"code": "RU", "percentage": "100"}],
        participants_to_confirm=[
            {"names": {"en": "A bank to confirm"}, "role": "funder", "ref": None, "type": "10"}
        ],
        last_updated=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
    )
    return project


def _iati(records: Any) -> bytes:
    out = io.BytesIO()
    skipped: list[str] = []
    write_activities(
        exportable(records, skipped),
        out,
        reporting_org=reporting_org(),
        generated=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )
    return out.getvalue()


def test_plain_iati_sources_give_the_same_file_as_the_models(
    open_world: OpenWorld, public_full_project: Any
) -> None:
    from_models = _iati(public_projects().iterator(chunk_size=2))
    assert b"Kilns working" in from_models and b"A bank to confirm" in from_models
    assert _iati(activity_sources(public_projects(), chunk_size=2)) == from_models
