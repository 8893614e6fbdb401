"""Audit trail: every domain model keeps its history with the actor and the UTC time.

History is django-simple-history. Models are registered here rather than with a class
attribute so that the columns that django-modeltranslation adds (``name_en`` …) are part of
the historical tables too: call :func:`track_history` in an app's ``translation.py`` after
the translation options are registered, or in its ``AppConfig.ready`` for untranslated models.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_save
from simple_history import register

M = TypeVar("M", bound=models.Model)

TRACKED_MODELS: list[type[models.Model]] = []


def track_history(*model_classes: type[models.Model], **options: Any) -> None:
    """Keep a history table for each model (idempotent)."""
    for model in model_classes:
        if hasattr(model, "history"):
            continue
        register(model, **options)
        TRACKED_MODELS.append(model)


def with_actor(instance: M, actor: Any) -> M:
    """Name the user that the next save of ``instance`` is recorded against."""
    instance._history_user = actor  # type: ignore[attr-defined]
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


def save_with_actor(instance: M, actor: Any, *, reason: str = "") -> M:
    """Validate and save ``instance`` as ``actor``, with an optional change reason."""
    instance.full_clean()
    with_actor(instance, actor)
    if reason:
        instance._change_reason = reason  # type: ignore[attr-defined]
    instance.save()
    return instance


LATEST_CHANGES_SECONDS = 30


def latest_changes(limit: int = 10) -> list[Any]:
    """The most recent history records across every tracked model, newest first.

    One query per tracked model: the dashboard keeps the answer for half a minute.
    """
    key = f"tandem:audit:latest-changes:{limit}"
    cached: list[Any] | None = cache.get(key)
    if cached is not None:
        return cached
    records = _latest_changes(limit)
    cache.set(key, records, LATEST_CHANGES_SECONDS)
    return records


def _latest_changes(limit: int) -> list[Any]:
    records: list[Any] = []
    for model in TRACKED_MODELS:
        history = model.history  # type: ignore[attr-defined]
        records.extend(history.select_related("history_user").order_by("-history_date")[:limit])
    records.sort(key=lambda record: record.history_date, reverse=True)
    return records[:limit]
