"""The embedded default, loaded once per test session and copied into each test's database.

`tandem load-default` makes about a thousand queries (update_or_create and a history row per
object); most of the suite needs the default, so running it before every test cost minutes,
above all on PostgreSQL. Instead the session runs it once in a transaction that is rolled
back, keeps the rows it wrote, and each test that asks for the default gets them back with one
``executemany`` per table (and the sequences moved past them).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass(frozen=True)
class TableRows:
    model: type
    table: str
    columns: list[str]
    rows: list[tuple[object, ...]]


class _Rollback(Exception):
    pass


def _counts() -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if model._meta.proxy or not model._meta.managed or table in counts:
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def take() -> list[TableRows]:
    """Run load-default in a transaction that is rolled back; return what it wrote, table by
    table in the order the tables were first written (parents before children)."""
    models = {
        m._meta.db_table: m
        for m in apps.get_models(include_auto_created=True)
        if not m._meta.proxy and m._meta.managed
    }
    snapshot: list[TableRows] = []
    try:
        with transaction.atomic():
            before = _counts()
            call_command("load_default", verbosity=0)
            after = _counts()
            changed = [table for table in after if after[table] != before[table]]
            touched = [table for table in changed if before[table]]
            if touched:
                raise RuntimeError(f"load-default changed tables that migrations fill: {touched}")
            for table in _in_dependency_order(changed, models):
                model = models[table]
                fields = model._meta.concrete_fields  # type: ignore[attr-defined]
                rows = model._base_manager.order_by().values_list(  # type: ignore[attr-defined]
                    *(field.attname for field in fields)
                )
                prepared = [
                    tuple(
                        field.get_db_prep_save(value, connection)
                        for field, value in zip(fields, row, strict=True)
                    )
                    for row in rows
                ]
                snapshot.append(TableRows(model, table, [f.column for f in fields], prepared))
            raise _Rollback
    except _Rollback:
        pass
    return snapshot


def _in_dependency_order(tables: list[str], models: dict[str, type]) -> list[str]:
    """Tables whose rows others point to come first."""
    chosen = set(tables)
    ordered: list[str] = []

    def visit(table: str, path: tuple[str, ...]) -> None:
        if table in ordered or table in path:
            return
        model = models[table]
        for field in model._meta.concrete_fields:  # type: ignore[attr-defined]
            target = field.related_model
            if target is not None and target._meta.db_table in chosen:
                visit(target._meta.db_table, (*path, table))
        ordered.append(table)

    for table in sorted(tables):
        visit(table, ())
    return ordered


def restore(snapshot: list[TableRows]) -> None:
    """Write the rows back (the test's database holds none of them yet)."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for part in snapshot:
            names = ", ".join(quote(column) for column in part.columns)
            marks = ", ".join(["%s"] * len(part.columns))
            sql = f"INSERT INTO {quote(part.table)} ({names}) VALUES ({marks})"
            cursor.executemany(sql, part.rows)
        for statement in connection.ops.sequence_reset_sql(
            no_style(), [part.model for part in snapshot]
        ):
            cursor.execute(statement)
