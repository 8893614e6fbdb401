"""Writes of many rows that keep their history, with the actor: what the services use instead
of bare ``bulk_create``, ``bulk_update``, ``QuerySet.update`` and ``QuerySet.delete``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.apps import apps
from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tandem.core.actors import Actor, acting_as, actor_reason, actor_user
from tandem.core.audit import with_actor
from tandem.core.translated_text import blank_untranslated

M = TypeVar("M", bound=models.Model)

BATCH = 1000


def create_rows(model: type[M], rows: Iterable[M], *, actor: Actor, reason: str = "") -> list[M]:
    """Insert ``rows`` and one creation record each, against ``actor``; an empty translated
    text is stored as "" (a bulk insert sends no pre_save signal)."""
    rows = list(rows)
    for row in rows:
        blank_untranslated(row)
    return list(
        bulk_create_with_history(
            rows,
            model,
            batch_size=BATCH,
            default_user=actor_user(actor),
            default_change_reason=actor_reason(actor, reason) or None,
        )
    )


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
