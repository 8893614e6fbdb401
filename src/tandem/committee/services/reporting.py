"""Report the registry's status changes to a committee session.

The secretariats report to each session the projects' steps since the previous one: every
status change dated after the previous session ended and no later than this one begins, and not
reported to any session yet, is marked as reported to this session (``reported_to``). The
registry's "Reported to session" filter and the portfolio of a session read that mark.
"""

from __future__ import annotations

from django.db import transaction
from simple_history.utils import bulk_update_with_history

from tandem.committee.models import CommitteeSession
from tandem.committee.selectors.sessions import previous_session
from tandem.core.actors import Actor, actor_reason, actor_user
from tandem.projects.models import StatusChange
from tandem.projects.services.registry_cache import registry_changed

BATCH = 1000


@transaction.atomic
def status_changes_report(*, session: CommitteeSession, actor: Actor) -> int:
    """Mark the unreported status changes since the previous session as reported to
    ``session``; returns how many. Safe to run again: a change is reported once."""
    changes = StatusChange.objects.filter(
        reported_to__isnull=True, date__lte=session.start_date
    ).order_by("pk")
    previous = previous_session(session)
    if previous is not None:
        changes = changes.filter(date__gt=previous.end_date)
    rows = list(changes)
    for row in rows:
        row.reported_to = session
    bulk_update_with_history(
        rows,
        StatusChange,
        ["reported_to"],
        batch_size=BATCH,
        default_user=actor_user(actor),
        default_change_reason=actor_reason(actor, f"reported to session {session.number}"),
    )
    if rows:
        transaction.on_commit(registry_changed)
    return len(rows)
