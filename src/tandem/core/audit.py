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

from django.db import models
from django.db.models.signals import post_save
from simple_history import register

from tandem.core.actors import Actor, SystemActor, actor_reason, actor_user, history_user

M = TypeVar("M", bound=models.Model)

TRACKED_MODELS: list[type[models.Model]] = []
# Models whose records are one side's own (confidential notes): never listed in a feed of
# changes (tandem.core.feed), whatever rule is given for them.
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
