"""The files' rows read in chunks as plain values hold exactly what the model instances give."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from open_world import OpenWorld

from tandem.interop.tabular.bulk_rows import export_rows
from tandem.interop.tabular.export import csv_chunks
from tandem.projects.selectors.registry import ProjectFilters, projects_for_export

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_plain_rows_give_the_same_csv_as_the_models_in_a_fixed_number_of_queries(
    open_world: OpenWorld,
) -> None:
    projects = projects_for_export(AnonymousUser(), ProjectFilters(), 10_000)
    from_models = list(csv_chunks(projects.iterator(chunk_size=2), batch=1))  # a row a chunk
    with CaptureQueriesContext(connection) as queries:
        plain = list(csv_chunks(export_rows(projects, chunk_size=2), batch=1))
    assert len(from_models) > 3
    assert plain == from_models
    chunks = -(-(len(plain) - 2) // 2)
    # per chunk: the projects' values (fetched with the first), then six related tables
    assert len(queries.captured_queries) <= 1 + 6 * chunks
