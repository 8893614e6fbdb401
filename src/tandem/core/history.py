"""Writes of many rows that keep their history, with the actor: what the services use instead
of bare ``bulk_create``, ``bulk_update``, ``QuerySet.update`` and ``QuerySet.delete``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.db import connections, models, router, transaction
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone
from simple_history.utils import (
    bulk_create_with_history,
    bulk_update_with_history,
    get_change_reason_from_object,
)

from tandem.core.actors import Actor, acting_as, actor_reason, actor_user
from tandem.core.audit import with_actor
from tandem.core.translated_text import blank_untranslated

M = TypeVar("M", bound=models.Model)

BATCH = 1000


def create_rows(model: type[M], rows: Iterable[M], *, actor: Actor, reason: str = "") -> list[M]:
    """Insert ``rows`` and one creation record each, against ``actor``; an empty translated
    text is stored as "" (a bulk insert sends no pre_save signal).

    The creation records hold what simple-history's ``bulk_create_with_history`` writes, but
    go in as one prepared statement per thousand rows (``executemany``): building a Django
    instance and an insert query per record cost more than the rows themselves (an import of
    tens of thousands of financing lines)."""
    rows = list(rows)
    for row in rows:
        blank_untranslated(row)
    user = actor_user(actor)
    change_reason = actor_reason(actor, reason) or None
    history: Any = getattr(model, "history", None)
    database = router.db_for_write(model)
    columns = _history_columns(history.model) if history is not None else None
    if (
        columns is None
        or not rows
        or not connections[database].features.can_return_rows_from_bulk_insert
    ):
        return list(
            bulk_create_with_history(
                rows,
                model,
                batch_size=BATCH,
                default_user=user,
                default_change_reason=change_reason,
            )
        )
    with transaction.atomic(using=database, savepoint=False):
        made = _insert_rows(model, rows, database)
        if made is None:
            made = model._default_manager.bulk_create(rows, batch_size=BATCH)
        _insert_history(history.model, columns, made, user, change_reason)
    return made


def _insert_rows(model: Any, rows: list[Any], database: str) -> list[Any] | None:
    """``QuerySet.bulk_create`` of new rows, with less work per value: the same pre_save of
    every field and the same database values, one multi-row INSERT … RETURNING the ids per
    batch. None (nothing written) where Django's own must do it: a row with its id already,
    an inherited model, a field with a placeholder of its own or that the database makes, or
    a value that is an expression."""
    opts = model._meta
    pk = opts.pk
    if opts.parents or not isinstance(pk, models.AutoField):  # (Big/Small)AutoField too
        return None
    fields = [f for f in opts.concrete_fields if f is not pk]
    if any(
        hasattr(f, "get_placeholder") or f.generated or f.db_default is not NOT_PROVIDED
        for f in fields
    ):
        return None
    if any(row.pk is not None for row in rows):
        return None
    connection = connections[database]
    values: list[list[Any]] = []
    for row in rows:
        row._prepare_related_fields_for_save(operation_name="bulk_create")
        out = []
        for field in fields:
            value = field.pre_save(row, True)
            if type(value) not in _PLAIN:
                if hasattr(value, "resolve_expression"):
                    return None
                value = field.get_db_prep_save(value, connection)
            out.append(value)
        values.append(out)
    quote = connection.ops.quote_name
    # Table and column names from the model, quoted; the values are parameters.
    head = "INSERT INTO {} ({}) VALUES ".format(  # noqa: S608
        quote(opts.db_table), ", ".join(quote(f.column) for f in fields)
    )
    marks = "({})".format(", ".join(["%s"] * len(fields)))
    size = max(1, min(BATCH, connection.ops.bulk_batch_size(fields, rows)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = values[start : start + size]
            sql = f"{head}{', '.join([marks] * len(batch))} RETURNING {quote(str(pk.column))}"
            cursor.execute(sql, [value for row in batch for value in row])
            ids = cursor.fetchall()
            for row, (pk_value,) in zip(rows[start : start + size], ids, strict=True):
                setattr(row, pk.attname, pk_value)
                row._state.adding = False
                row._state.db = database
    return rows


# The columns of a historical table that a creation record fills besides the tracked fields.
_RECORD_COLUMNS = frozenset(
    {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}
)


def _history_columns(historical: Any) -> list[Any] | None:
    """The concrete fields of ``historical`` to insert, or None when it has one this module
    does not fill (then simple-history writes the records itself)."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return None
    tracked = {field.attname for field in historical.tracked_fields}
    fields = [f for f in historical._meta.concrete_fields if f.attname != "history_id"]
    if any(f.attname not in tracked and f.attname not in _RECORD_COLUMNS for f in fields):
        return None
    return fields


_PLAIN = (str, int, bool, type(None))


def _insert_history(
    historical: Any, fields: list[Any], rows: list[Any], user: Any, reason: str | None
) -> None:
    """One creation record ("+") per row, as simple-history's ``bulk_history_create`` makes
    them (a row's own ``_history_user``, ``_change_reason`` or ``_history_date`` first)."""
    connection = connections[router.db_for_write(historical)]
    quote = connection.ops.quote_name
    # Table and column names from the model, quoted; the values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(historical._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    now = timezone.now()
    values = []
    for row in rows:
        row_user = getattr(row, "_history_user", user or historical.get_default_history_user(row))
        record = {
            "history_date": getattr(row, "_history_date", now),
            "history_change_reason": get_change_reason_from_object(row) or reason,
            "history_type": "+",
            "history_user_id": getattr(row_user, "pk", None),
        }
        out = []
        for field in fields:
            name = field.attname
            value = record[name] if name in record else getattr(row, name)
            out.append(
                value if type(value) in _PLAIN else field.get_db_prep_save(value, connection)
            )
        values.append(out)
    with connection.cursor() as cursor:
        for start in range(0, len(values), BATCH):
            cursor.executemany(sql, values[start : start + BATCH])


def update_rows(
    model: type[M], rows: Iterable[M], fields: list[str], *, actor: Actor, reason: str = ""
) -> int:
    """Write ``fields`` of ``rows`` and one change record each, against ``actor``."""
    return int(
        bulk_update_with_history(
            list(rows),
            model,
            fields,
            batch_size=BATCH,
            default_user=actor_user(actor),
            default_change_reason=actor_reason(actor, reason) or None,
        )
        or 0
    )


def delete_rows(rows: Iterable[M], *, actor: Actor, reason: str = "") -> int:
    """Delete ``rows`` one by one, each with a deletion record against ``actor`` (and the
    rows their deletion cascades to as well)."""
    deleted = 0
    with acting_as(actor):
        for row in rows:
            with_actor(row, actor)
            if reason:
                row._change_reason = actor_reason(actor, reason)  # type: ignore[attr-defined]
            row.delete()
            deleted += 1
    return deleted


def replace_rows(
    existing: models.QuerySet[M],
    model: type[M],
    rows: Iterable[M],
    *,
    fields: tuple[str, ...],
    actor: Actor,
) -> list[M]:
    """Make ``existing`` hold ``rows``: delete the rows that are not among them and insert the
    ones that are new, both on the record; a row equal in ``fields`` (attribute names, e.g.
    ``organisation_id``) is left alone and leaves no record."""
    wanted = list(rows)
    kept: set[tuple[object, ...]] = set()
    stale: list[M] = []
    wanted_keys = {_key(row, fields) for row in wanted}
    for row in existing:
        key = _key(row, fields)
        if key in wanted_keys and key not in kept:
            kept.add(key)
        else:
            stale.append(row)
    delete_rows(stale, actor=actor)
    new: list[M] = []
    for row in wanted:
        key = _key(row, fields)
        if key in kept:
            kept.discard(key)  # one existing row stands for one wanted row
        else:
            new.append(row)
    return create_rows(model, new, actor=actor)


def create_links(model: type[models.Model], field: str, links: list[Any]) -> None:
    """Insert the through rows ``links`` of ``model.field`` (a many-to-many that keeps its
    history) and put each on its object's latest history record: for objects just made by
    :func:`create_rows`, the creation record, which already names the actor. A bulk insert
    sends no ``m2m_changed`` signal, so simple-history would otherwise see no link."""
    through: Any = getattr(model, field).through
    links = through.objects.bulk_create(links, batch_size=BATCH)  # with their ids
    if not links:
        return
    history: Any = model.history.model  # type: ignore[attr-defined]
    linked: Any = apps.get_model(model._meta.app_label, f"{history.__name__}_{field}")
    owner = f"{model._meta.model_name}_id"
    target = next(
        f"{fk.name}_id"
        for fk in through._meta.get_fields()
        if fk.is_relation and fk.many_to_one and fk.related_model is not model
    )
    owners = {getattr(link, owner) for link in links}
    latest = dict(
        history.objects.filter(id__in=owners)
        .order_by("id", "history_id")
        .values_list("id", "history_id")
    )  # ordered so that each object's last record wins
    linked.objects.bulk_create(
        [
            linked(
                id=link.pk,
                history_id=latest[getattr(link, owner)],
                **{owner: getattr(link, owner)},
                **{target: getattr(link, target)},
            )
            for link in links
            if getattr(link, owner) in latest
        ],
        batch_size=BATCH,
    )


def _key(row: models.Model, fields: tuple[str, ...]) -> tuple[object, ...]:
    return tuple(getattr(row, name) for name in fields)
