"""Reads of sessions: the list, one session with what its page shows, neighbours, notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from tandem.committee.enums import OPEN_ACTION_STATUSES, ActionStatus
from tandem.committee.models import (
    ActionItem,
    AgendaItem,
    CommitteeSession,
    Decision,
    SessionCoChair,
    SessionNote,
)
from tandem.projects.selectors.visibility import visible_projects


def sessions() -> QuerySet[CommitteeSession]:
    return CommitteeSession.objects.select_related("country", "committee").prefetch_related(
        Prefetch("co_chairs", queryset=SessionCoChair.objects.select_related("person", "side"))
    )


def session_by_number(number: int) -> CommitteeSession | None:
    return sessions().filter(number=number).first()


def linked_projects(reader: Any) -> Prefetch[Any]:
    """The ``projects`` of agenda items, decisions and action items, as ``reader`` may see
    them: links to projects the reader may not see are not loaded at all."""
    return Prefetch("projects", queryset=visible_projects(reader).order_by("code"))


def session_detail(number: int, reader: Any) -> CommitteeSession | None:
    """One session with its agenda and decisions; their projects are those ``reader`` sees."""
    return (
        sessions()
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("plan_area", "working_group")
                .prefetch_related(linked_projects(reader), "action_items__session")
                .order_by("number"),
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("agenda_item")
                .prefetch_related(linked_projects(reader), "public_marks")
                .order_by("number"),
            ),
            "delegates__person",
            "delegates__side",
        )
        .filter(number=number)
        .first()
    )


def previous_session(session: CommitteeSession) -> CommitteeSession | None:
    return (
        CommitteeSession.objects.filter(committee=session.committee_id, number__lt=session.number)
        .order_by("-number")
        .first()
    )


def default_as_of(session: CommitteeSession, today: dt.date | None = None) -> dt.date:
    """A pack is as of the session's first day, or today for a session still to come."""
    return min(today or dt.date.today(), session.start_date)


def action_items() -> QuerySet[ActionItem]:
    return ActionItem.objects.select_related(
        "session", "owner_side", "owner_organisation", "responsible", "decision__session"
    )


ACTION_SORTS = {
    "due_date": ("due_date", "session__number", "number"),
    "-due_date": ("-due_date", "session__number", "number"),
    "reference": ("session__number", "number"),
    "-reference": ("-session__number", "-number"),
}


def filtered_action_items(
    *, status: str = "", side: str = "", overdue: bool = False, sort: str = "due_date"
) -> QuerySet[ActionItem]:
    """Action items by status (``open_any`` for open or in progress), owner side (a country
    code) and being overdue today."""
    rows = action_items()
    if status == "open_any":
        rows = rows.filter(status__in=OPEN_ACTION_STATUSES)
    elif status:
        rows = rows.filter(status=status)
    if side:
        rows = rows.filter(owner_side__code=side)
    if overdue:
        rows = rows.filter(status__in=OPEN_ACTION_STATUSES, due_date__lt=dt.date.today())
    return rows.order_by(*ACTION_SORTS.get(sort, ACTION_SORTS["due_date"]))


def open_on(day: dt.date) -> Q:
    """Action items that were open on ``day``: still open, or done only after it."""
    return Q(status__in=OPEN_ACTION_STATUSES) | Q(status=ActionStatus.DONE, done_date__gt=day)


def carried_over_items(session: CommitteeSession, day: dt.date) -> QuerySet[ActionItem]:
    """Action items of earlier sessions still open on ``day``: they carry into ``session``."""
    return (
        action_items()
        .filter(session__committee=session.committee_id, session__number__lt=session.number)
        .filter(open_on(day))
        .order_by("due_date", "session__number", "number")
    )


def items_done_between(
    session: CommitteeSession, since: dt.date | None, until: dt.date
) -> QuerySet[ActionItem]:
    done = action_items().filter(
        session__committee=session.committee_id,
        session__number__lt=session.number,
        status=ActionStatus.DONE,
        done_date__lte=until,
    )
    if since is not None:
        done = done.filter(done_date__gt=since)
    return done.order_by("done_date", "session__number", "number")


def notes_for(user: Any, session: CommitteeSession) -> QuerySet[SessionNote]:
    """The confidential notes of the user's side on ``session``; none for anyone else."""
    if not (user.is_authenticated and user.role in {"secretariat", "official"} and user.side_id):
        return SessionNote.objects.none()
    return SessionNote.objects.filter(session=session, side_id=user.side_id).select_related(
        "author"
    )


def public_decisions() -> QuerySet[Decision]:
    return (
        Decision.objects.filter(is_public=True)
        .select_related("session")
        .order_by("-session__number", "number")
    )
