"""A participant's agenda as an iCalendar file (the writer is :mod:`tandem.core.ics`)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.ics import CalendarEvent, calendar
from tandem.fairs.models import Fair, FairParticipant, ScheduleVersion
from tandem.fairs.selectors.agenda import AgendaItem


def agenda_calendar(
    fair: Fair,
    participant: FairParticipant,
    version: ScheduleVersion | None,
    items: list[AgendaItem],
) -> str:
    events = []
    for item in items:
        meeting = item.meeting
        if meeting.interpreter:
            description = _("Interpreter: %(name)s") % {"name": meeting.interpreter.name}
        elif item.language_gap:
            description = _("No shared language (%(languages)s): bring your own interpreter") % {
                "languages": item.language_gap
            }
        else:
            description = ""
        if participant.is_illustrative or item.counterpart.is_illustrative:
            note = _("Illustrative demo data: made up for demonstration, not a fact.")
            description = f"{note} {description}".strip()
        events.append(
            CalendarEvent(
                # Stable per request: a calendar updates the meeting when it moves.
                uid=f"fair-{fair.slug}-request-{meeting.request_id}@tandem",
                start=meeting.slot.start,
                end=meeting.slot.end,
                summary=_("B2B meeting with %(name)s") % {"name": item.counterpart.display_name},
                location=", ".join(part for part in (item.place, fair.venue, fair.city) if part),
                description=description,
            )
        )
    stamp = version.published_at if version and version.published_at else timezone.now()
    return calendar(events, name=f"{fair} — {participant.display_name}", stamp=stamp)
