"""After a bulk load the registry's tables carry fresh planner statistics."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from tandem.projects.services.bulk import registry_statistics_refresh

pytestmark = pytest.mark.integration


def _has_statistics(table: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        else:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone()[0] == 0:
                return False
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return bool(cursor.fetchone()[0])


def test_registry_statistics_refresh_analyzes_the_project_table(
    make_project: Callable[..., Any],
) -> None:
    for number in range(1, 4):
        make_project(code=f"JR-2019-{number:04d}")
    registry_statistics_refresh()
    assert _has_statistics("projects_jointproject")
