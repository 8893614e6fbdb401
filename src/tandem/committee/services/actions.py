"""Writes of action items and confidential notes; the reminders the task worker sends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from tandem.committee.enums import OPEN_ACTION_STATUSES, ActionStatus
from tandem.committee.models import ActionItem, CommitteeSession, SessionNote
from tandem.committee.services.project_links import project_links_set
from tandem.core.actors import Actor, actor_user
from tandem.core.audit import save_with_actor
from tandem.core.dates import reader_date
from tandem.core.i18n import LANGUAGES
from tandem.core.mail import styled_message
from tandem.core.models import User

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


def reminder_language(item: ActionItem) -> str:
    """The language the responsible person reads: their account's, else their side's."""
    person = item.responsible
    email = person.email if person else ""
    user = (
        User.objects.filter(email__iexact=email, is_active=True).order_by("pk").first()
        if email
        else None
    )
    language = (user.language if user else "") or getattr(
        getattr(person, "side", None), "default_language", ""
    )
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


def reminder_text(item: ActionItem, *, day: dt.date, language: str) -> tuple[str, str]:
    """The reminder's subject and body, in ``language`` (title and dates included)."""
    with translation.override(language):
        names = {
            "reference": item.reference,
            "title": str(item.title),
            "session": item.session.number,
            "due": reader_date(item.due_date, language),
        }
        if item.due_date < day:
            subject = _("Action item %(reference)s is overdue since %(due)s") % names
            body = _(
                "%(title)s\n\n%(reference)s, set by the committee's session %(session)s, has "
                "been due since %(due)s. Please report its progress to the secretariat."
            )
        else:
            subject = _("Action item %(reference)s is due on %(due)s") % names
            body = _(
                "%(title)s\n\n%(reference)s, set by the committee's session %(session)s, is "
                "due on %(due)s. Please report its progress to the secretariat."
            )
        return f"[tandem] {subject}", body % names


def action_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail the responsible person of each open item due within two weeks or overdue,
    at most once a day, in their language and the site's look; returns how many were sent."""
    day = today or dt.date.today()
    due = (
        ActionItem.objects.filter(
            status__in=OPEN_ACTION_STATUSES,
            due_date__lte=day + dt.timedelta(days=REMIND_DAYS_BEFORE),
        )
        .exclude(last_reminded_on=day)
        .exclude(responsible__email="")
        .exclude(responsible__isnull=True)
        .select_related("session", "responsible__side")
    )
    sent = 0
    for item in due:
        email = item.responsible.email if item.responsible else ""
        language = reminder_language(item)
        subject, body = reminder_text(item, day=day, language=language)
        styled_message(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email],
            language=language,
            headers={"Content-Language": language},
        ).send()
        ActionItem.objects.filter(pk=item.pk).update(last_reminded_on=day)
        sent += 1
    return sent
