"""Which imports the open-data portal publishes (/open/trade/): the secretariat's choice, one
import at a time, on the record (the import's history keeps who published or withdrew it).
A new import is not public until someone publishes it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from tandem.core.actors import Actor
from tandem.core.generations import generation_bump
from tandem.core.history import update_rows
from tandem.trade.models import ImportBatch

#: The generation of what the portal shows of trade (its cached pages follow it).
PUBLIC_TRADE_GENERATION = "trade.public"
PUBLISH = "trade.publish_trade"


@transaction.atomic
def trade_dataset_publish(*, batch: ImportBatch, public: bool, actor: Actor) -> bool:
    """Publish (``public=True``) or withdraw an import's figures on the portal. Returns
    whether anything changed."""
    if not actor.has_perm(PUBLISH):
        raise PermissionDenied("Only the secretariat chooses which trade figures are public.")
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.is_public == public:
        return False
    locked.is_public = public
    update_rows(
        ImportBatch,
        [locked],
        ["is_public"],
        actor=actor,
        reason="published on the open-data portal" if public else "withdrawn from the portal",
    )
    batch.is_public = public
    generation_bump(PUBLIC_TRADE_GENERATION)
    return True
