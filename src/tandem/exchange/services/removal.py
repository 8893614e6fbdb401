"""Deleting dispatches, placements and KPI indicators: each row removed is recorded in the
history against the actor, and the stored files go once the deletion is committed."""

from __future__ import annotations

from django.core.files.storage import Storage
from django.db import models, transaction

from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor, with_actor
from tandem.exchange.models import (
    ExchangeFile,
    KpiIndicator,
    SpecialistDispatch,
    TraineePlacement,
)


def _delete(instance: models.Model, actor: Actor, reason: str) -> None:
    with_actor(instance, actor)
    instance._change_reason = reason  # type: ignore[attr-defined]
    instance.delete()


def _remove_stored(files: list[tuple[Storage, str]]) -> None:
    for storage, name in files:
        if name and storage.exists(name):
            storage.delete(name)


def _delete_files(attachments: models.QuerySet[ExchangeFile], actor: Actor, reason: str) -> int:
    """Delete the file rows now and their stored files after the commit; how many."""
    stored: list[tuple[Storage, str]] = []
    count = 0
    for attachment in list(attachments):
        stored.append((attachment.file.storage, attachment.file.name or ""))
        _delete(attachment, actor, reason)
        count += 1
    transaction.on_commit(lambda: _remove_stored(stored))
    return count


@transaction.atomic
def dispatch_delete(*, dispatch: SpecialistDispatch, actor: Actor) -> int:
    """Delete a dispatch and its files; outcomes that followed it stay, unlinked.

    Returns the number of files removed."""
    reason = f"deleted with dispatch {dispatch.pk}"
    for outcome in dispatch.outcomes.all():
        outcome.dispatch = None
        save_with_actor(outcome, actor, reason=reason)
    removed = _delete_files(dispatch.files.all(), actor, reason)
    _delete(dispatch, actor, "deleted")
    return removed


@transaction.atomic
def placement_delete(*, placement: TraineePlacement, actor: Actor) -> int:
    """Delete a placement and its files (certificates); returns the number of files removed."""
    removed = _delete_files(placement.files.all(), actor, f"deleted with placement {placement.pk}")
    _delete(placement, actor, "deleted")
    return removed


@transaction.atomic
def indicator_delete(*, indicator: KpiIndicator, actor: Actor) -> int:
    """Delete a KPI indicator, its measurements and evidence files; returns the files removed."""
    reason = f"deleted with indicator {indicator.pk}"
    for measurement in indicator.measurements.all():
        _delete(measurement, actor, reason)
    removed = _delete_files(indicator.files.all(), actor, reason)
    _delete(indicator, actor, "deleted")
    return removed
