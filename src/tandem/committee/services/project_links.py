"""The joint projects an agenda item, decision or action item names, as one reader sees them.

A side writes only the links it can see: a project it may not see is "not found" (never
"forbidden", which would confirm it exists), and the links to projects it may not see stay
as they are, so that the other side's confidential links are neither shown nor lost when
this side edits the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tandem.core.actors import Actor, acting_as, actor_user
from tandem.projects.selectors.visibility import visible_filter


def project_links_set(relation: Any, project_ids: Sequence[int], *, actor: Actor) -> None:
    """Set the visible links of ``relation`` (a ``projects`` many-to-many manager) to
    ``project_ids``; keep those ``actor`` may not see. Refused with ValidationError if an
    id is not a project ``actor`` may see. The person whose view applies is the actor, or
    the person a system actor (the command line, the worker) writes for; the system on its
    own (demo data, operators) sees every project."""
    reader = actor_user(actor)
    if reader is None:
        with acting_as(actor):
            relation.set(project_ids)
        return
    model = relation.model
    wanted = set(project_ids)
    seen = set(
        model.objects.filter(visible_filter(reader), pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - seen:
        raise ValidationError(
            {"project_codes": _("No joint project you can see has one of these codes.")}
        )
    hidden = set(relation.exclude(visible_filter(reader)).values_list("pk", flat=True))
    with acting_as(actor):
        relation.set(wanted | hidden)
