"""The committee's calendars: sessions, and the deadlines of open action items."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from tandem.committee.enums import OPEN_ACTION_STATUSES
from tandem.committee.selectors.sessions import action_items, sessions
from tandem.core.ics import CalendarEvent, calendar


def _illustrative_note() -> str:
    return _("Illustrative demo data: made up for demonstration, not a fact about the programme.")


def sessions_calendar(stamp: dt.datetime) -> str:
    events = [
        CalendarEvent(
            uid=f"session-{s.committee_id}-{s.number}@tandem",
            start=s.start_date,
            end=s.end_date,
            summary=f"{s.committee.name}: {s}",
            location=f"{s.city}, {s.country.name}",
            description=_illustrative_note() if s.is_illustrative else "",
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
            summary=f"{item.reference} {item.title}"
            + (f" ({_('illustrative')})" if item.is_illustrative else ""),
            description=" · ".join(
                [
                    *([_illustrative_note()] if item.is_illustrative else []),
                    str(item.owner_side.name),
                    str(item.get_status_display()),
                ]
            ),
        )
        for item in action_items().filter(status__in=OPEN_ACTION_STATUSES)
    ]
    return calendar(events, name=_("Action-item deadlines"), stamp=stamp)
