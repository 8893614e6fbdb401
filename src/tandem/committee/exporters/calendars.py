"""The committee's calendars: sessions, and the deadlines of open action items."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from tandem.committee.enums import OPEN_ACTION_STATUSES
from tandem.committee.selectors.sessions import action_items, sessions
from tandem.core.ics import CalendarEvent, calendar


def sessions_calendar(stamp: dt.datetime) -> str:
    events = [
        CalendarEvent(
            uid=f"session-{s.committee_id}-{s.number}@tandem",
            start=s.start_date,
            end=s.end_date,
            summary=f"{s.committee.name}: {s}",
            location=f"{s.city}, {s.country.name}",
            description=_("Illustrative") if s.is_illustrative else "",
        )
        for s in sessions()
    ]
    return calendar(events, name=_("Committee sessions"), stamp=stamp)


def deadlines_calendar(stamp: dt.datetime) -> str:
    events = [
        CalendarEvent(
            uid=f"action-{item.pk}@tandem",
            start=item.due_date,
            end=item.due_date,
            summary=f"{item.reference} {item.title}",
            description=f"{item.owner_side.name} · {item.get_status_display()}",
        )
        for item in action_items().filter(status__in=OPEN_ACTION_STATUSES)
    ]
    return calendar(events, name=_("Action-item deadlines"), stamp=stamp)
