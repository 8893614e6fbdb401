"""Writes of the agenda: items written by the secretariat and the proposed draft."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from tandem.committee.enums import AgendaSource
from tandem.committee.models import AgendaItem, CommitteeSession
from tandem.committee.selectors.agenda import propose_agenda
from tandem.committee.services.project_links import project_links_set
from tandem.core.actors import Actor
from tandem.core.audit import save_with_actor
from tandem.core.i18n import LANGUAGES


def _next_number(session: CommitteeSession) -> int:
    top = session.agenda_items.aggregate(top=Max("number"))["top"]
    return int(top or 0) + 1


@transaction.atomic
def agenda_item_create(
    *,
    session: CommitteeSession,
    titles: dict[str, str],
    actor: Actor,
    plan_area_id: int | None = None,
    project_ids: Sequence[int] = (),
    action_item_ids: Sequence[int] = (),
    source: str = AgendaSource.MANUAL,
    number: int | None = None,
    is_illustrative: bool = False,
) -> AgendaItem:
    item = AgendaItem(
        session=session,
        number=number or _next_number(session),
        source=source,
        plan_area_id=plan_area_id,
        is_illustrative=is_illustrative,
        title=titles.get("en") or next(iter(titles.values()), ""),
    )
    for language in LANGUAGES:
        setattr(item, f"title_{language}", titles.get(language, ""))
    save_with_actor(item, actor)
    project_links_set(item.projects, project_ids, actor=actor)
    item.action_items.set(action_item_ids)
    return item


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    titles: dict[str, str],
    actor: Actor,
    plan_area_id: int | None = None,
    project_ids: Sequence[int] | None = None,
) -> AgendaItem:
    for language in LANGUAGES:
        setattr(item, f"title_{language}", titles.get(language, ""))
    item.plan_area_id = plan_area_id
    save_with_actor(item, actor)
    if project_ids is not None:
        project_links_set(item.projects, project_ids, actor=actor)
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, actor: Actor) -> None:
    """Delete an item and renumber the ones after it, so the numbers stay consecutive."""
    session, number = item.session, item.number
    item._history_user = actor  # type: ignore[attr-defined]
    item.delete()
    for later in session.agenda_items.filter(number__gt=number).order_by("number"):
        later.number -= 1
        save_with_actor(later, actor, reason="renumbered")


@transaction.atomic
def agenda_apply_proposal(
    *, session: CommitteeSession, actor: Actor, as_of: dt.date | None = None
) -> list[AgendaItem]:
    """Add the proposed items the agenda does not have yet (safe to run again)."""
    present = {
        (item.source, item.plan_area_id, tuple(sorted(a.pk for a in item.action_items.all())))
        for item in session.agenda_items.prefetch_related("action_items")
        if item.source != AgendaSource.MANUAL
    }
    created = []
    for proposal in propose_agenda(session, as_of=as_of):
        if proposal.key in present:
            continue
        created.append(
            agenda_item_create(
                session=session,
                titles=proposal.titles,
                actor=actor,
                plan_area_id=proposal.plan_area_id,
                project_ids=proposal.project_ids,
                action_item_ids=proposal.action_item_ids,
                source=proposal.source,
                is_illustrative=session.is_illustrative,
            )
        )
    return created
