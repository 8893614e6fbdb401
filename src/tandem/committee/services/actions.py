"""Writes of action items and confidential notes; the reminders the task worker sends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max

from tandem.committee.enums import OPEN_ACTION_STATUSES, ActionStatus
from tandem.committee.models import ActionItem, CommitteeSession, SessionNote
from tandem.committee.services.project_links import project_links_set
from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.i18n import LANGUAGES

REMIND_DAYS_BEFORE = 14


@transaction.atomic
def action_item_create(
    *,
    session: CommitteeSession,
    titles: dict[str, str],
    owner_side_id: int,
    due_date: dt.date,
    actor: Actor,
    owner_organisation_id: int | None = None,
    responsible_id: int | None = None,
    decision_id: int | None = None,
    project_ids: Sequence[int] = (),
    status: str = ActionStatus.OPEN,
    done_date: dt.date | None = None,
    is_illustrative: bool = False,
) -> ActionItem:
    top = session.action_items.aggregate(top=Max("number"))["top"]
    item = ActionItem(
        session=session,
        number=int(top or 0) + 1,
        owner_side_id=owner_side_id,
        owner_organisation_id=owner_organisation_id,
        responsible_id=responsible_id,
        decision_id=decision_id,
        due_date=due_date,
        status=status,
        done_date=done_date,
        is_illustrative=is_illustrative,
        title=titles.get("en") or next(iter(titles.values()), ""),
    )
    for language in LANGUAGES:
        setattr(item, f"title_{language}", titles.get(language, ""))
    save_with_actor(item, actor)
    project_links_set(item.projects, project_ids, actor=actor)
    return item


@transaction.atomic
def action_item_update(
    *, item: ActionItem, actor: Actor, project_ids: Sequence[int] | None = None, **fields: Any
) -> ActionItem:
    """Change the given fields (``status``, ``due_date``, ``done_date``, ``title_ja`` …)."""
    if fields.get("status") == ActionStatus.DONE and not fields.get("done_date", item.done_date):
        fields["done_date"] = dt.date.today()
    if fields.get("status") in {*OPEN_ACTION_STATUSES, ActionStatus.CANCELLED}:
        fields["done_date"] = None
    for name, value in fields.items():
        setattr(item, name, value)
    save_with_actor(item, actor)
    if project_ids is not None:
        project_links_set(item.projects, project_ids, actor=actor)
    return item


@transaction.atomic
def session_note_create(*, session: CommitteeSession, text: str, actor: Actor) -> SessionNote:
    author = actor_user(actor)
    if author is None or author.side_id is None:
        raise PermissionDenied("Only a person of one side keeps that side's session notes.")
    note = SessionNote(session=session, side_id=author.side_id, text=text, author=author)
    return save_with_actor(note, actor)


def action_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail the responsible person of each open item due within two weeks or overdue,
    at most once a day; returns how many reminders were sent."""
    day = today or dt.date.today()
    due = (
        ActionItem.objects.filter(
            status__in=OPEN_ACTION_STATUSES,
            due_date__lte=day + dt.timedelta(days=REMIND_DAYS_BEFORE),
        )
        .exclude(last_reminded_on=day)
        .exclude(responsible__email="")
        .exclude(responsible__isnull=True)
        .select_related("session", "responsible")
    )
    sent = 0
    for item in due:
        email = item.responsible.email if item.responsible else ""
        state = "overdue since" if item.due_date < day else "due on"
        send_mail(
            subject=f"[tandem] Action item {item.reference} {state} {item.due_date}",
            message=(
                f"{getattr(item, 'title_en', '') or item.title}\n\n"
                f"{item.reference}, set by the committee's session {item.session.number}, "
                f"is {state} {item.due_date:%d %B %Y}. Please report its progress to the "
                "secretariat."
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
        ActionItem.objects.filter(pk=item.pk).update(last_reminded_on=day)
        sent += 1
    return sent
