"""Upkeep of the database itself."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection


def refresh_planner_statistics(tables: Iterable[str]) -> None:
    """Tell the query planner what a bulk load changed (``ANALYZE``).

    PostgreSQL's autovacuum gets round to it in its own time; until then a table that grew
    from nothing to 100,000 rows is planned as if it were empty, and a list page that takes a
    millisecond takes seconds. Table names come from model metadata, never from users.
    """
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
