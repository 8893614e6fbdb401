"""Cache keys that follow the database: figures cached per generation of their records.

``generation_bump(name)`` is called inside the transaction that writes the records (an
``UPDATE … SET value = value + 1``: atomic across server processes, and visible exactly when
the write commits); ``generation_key(name)`` names the current state in a cache key. See
:mod:`tandem.core.models.generation`.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from tandem.core.models import Generation


def generation_bump(name: str) -> None:
    """Count one more write to the records named ``name`` (call it inside the write's
    transaction, so that the new count commits, or rolls back, with the write)."""
    if Generation.objects.filter(name=name).update(value=F("value") + 1):
        return
    try:
        with transaction.atomic():
            Generation.objects.create(name=name, value=1)
    except IntegrityError:  # created by another process meanwhile
        Generation.objects.filter(name=name).update(value=F("value") + 1)


def generation_key(name: str) -> str:
    """``epoch.value`` of the records named ``name``: a part of a cache key that changes with
    every committed write and never comes back (one primary-key read)."""
    row = Generation.objects.filter(name=name).values_list("epoch", "value").first()
    if row is None:
        return "0"
    epoch, value = row
    return f"{epoch}.{value}"
