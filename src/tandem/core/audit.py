"""Audit trail: every domain model keeps its history with the actor and the UTC time.

History is django-simple-history. Models are registered here rather than with a class
attribute so that the columns that django-modeltranslation adds (``name_en`` …) are part of
the historical tables too: call :func:`track_history` in an app's ``translation.py`` after
the translation options are registered, or in its ``AppConfig.ready`` for untranslated models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models.signals import post_save
from simple_history import register

from tandem.core.actors import Actor, SystemActor, actor_reason, actor_user, history_user

M = TypeVar("M", bound=models.Model)

TRACKED_MODELS: list[type[models.Model]] = []
# Models whose records are one side's own (confidential notes): never listed in the latest
# changes that every dashboard reader sees.
PRIVATE_MODELS: set[type[models.Model]] = set()


def keep_out_of_latest_changes(*model_classes: type[models.Model]) -> None:
    PRIVATE_MODELS.update(model_classes)


def track_history(*model_classes: type[models.Model], **options: Any) -> None:
    """Keep a history table for each model (idempotent)."""
    for model in model_classes:
        if hasattr(model, "history"):
            continue
        register(model, **{"get_user": history_user, **options})
        TRACKED_MODELS.append(model)


def with_actor(instance: M, actor: Actor) -> M:
    """Name the actor that the next save (or deletion) of ``instance`` is recorded against:
    the person in ``history_user``, a system actor's name in the change reason."""
    instance._history_user = actor_user(actor)  # type: ignore[attr-defined]
    if isinstance(actor, SystemActor):
        instance._change_reason = actor_reason(actor)  # type: ignore[attr-defined]
    return instance


@contextmanager
def one_creation_record(instance: models.Model) -> Iterator[None]:
    """Create ``instance`` and its related rows inside the block, then write a single history
    record of the finished object: no record per many-to-many step along the way."""
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    # simple_history writes its record from post_save; send it once, for the whole creation.
    post_save.send(
        sender=type(instance),
        instance=instance,
        created=True,
        raw=False,
        using=instance._state.db,
        update_fields=None,
    )


def save_with_actor(instance: M, actor: Actor, *, reason: str = "") -> M:
    """Validate and save ``instance`` as ``actor``, with an optional change reason."""
    instance.full_clean()
    with_actor(instance, actor)
    if reason:
        instance._change_reason = actor_reason(actor, reason)  # type: ignore[attr-defined]
    instance.save()
    return instance


LATEST_CHANGES_SECONDS = 30


@dataclass(frozen=True)
class Change:
    """One line of the latest changes, as plain data (safe to cache, safe to show)."""

    at: dt.datetime
    model: str  # app_label.model_name
    text: str
    kind: str  # "+", "~" or "-"
    reason: str
    user: str

    @property
    def model_verbose_name(self) -> str:
        return str(apps.get_model(self.model)._meta.verbose_name)


def latest_changes(limit: int = 10) -> list[Change]:
    """The most recent changes across every tracked model, newest first, without one side's
    confidential records (confidential notes, side-confidential projects and what belongs to
    them). One query per tracked model: the dashboard keeps the answer for half a minute.
    """
    key = f"tandem:audit:latest-changes:{limit}"
    cached: list[Change] | None = cache.get(key)
    if cached is not None:
        return cached
    changes = _latest_changes(limit)
    cache.set(key, changes, LATEST_CHANGES_SECONDS)
    return changes


def _confidential_owner_ids(records: list[Any]) -> set[tuple[type[models.Model], int]]:
    """(owner model, pk) of the side-confidential objects that ``records`` belong to."""
    wanted: dict[type[models.Model], set[int]] = {}
    for record in records:
        owner_id = getattr(record, "project_id", None)
        if owner_id is None:
            continue
        owner = record.instance_type._meta.get_field("project").related_model
        wanted.setdefault(owner, set()).add(owner_id)
    return {
        (owner, pk)
        for owner, ids in wanted.items()
        for pk in owner._default_manager.filter(
            pk__in=ids, confidential_side__isnull=False
        ).values_list("pk", flat=True)
    }


def _text(record: Any) -> str:
    try:
        return str(record.instance)
    except ObjectDoesNotExist:  # a related record has gone since
        return f"#{record.pk}"


def _latest_changes(limit: int) -> list[Change]:
    records: list[Any] = []
    for model in TRACKED_MODELS:
        if model in PRIVATE_MODELS:
            continue
        history = model.history  # type: ignore[attr-defined]
        # Enough to fill the list after the confidential ones are left out.
        records.extend(
            history.select_related("history_user").order_by("-history_date")[: limit * 3]
        )
    records = [r for r in records if getattr(r, "confidential_side_id", None) is None]
    confidential = _confidential_owner_ids(records)
    records = [
        r
        for r in records
        if getattr(r, "project_id", None) is None
        or (r.instance_type._meta.get_field("project").related_model, r.project_id)
        not in confidential
    ]
    records.sort(key=lambda record: record.history_date, reverse=True)
    return [
        Change(
            at=record.history_date,
            model=record.instance_type._meta.label_lower,
            text=_text(record),
            kind=record.history_type,
            reason=record.history_change_reason or "",
            user=str(record.history_user) if record.history_user else "",
        )
        for record in records[:limit]
    ]
