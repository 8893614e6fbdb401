"""B2B meeting scheduler for trade fairs (Innoprom, CEATEC): pure Python, no Django.

Entry points: :func:`solve` (the optimiser), :func:`quick_schedule` (first come, first served),
:func:`validate_schedule` / :func:`validate_meetings` (conflict checks for hand moves),
:func:`parse_event` / :func:`load_event` and :func:`schedule_to_dict` (JSON in and out), and
:func:`tandem.fairs.scheduling.cli.run` for the command line. The rules are stated in
:mod:`tandem.fairs.scheduling.rules`.
"""

from .io import EventError, load_event, parse_event, schedule_to_dict, schedule_to_json
from .model import (
    Event,
    Interpreter,
    Meeting,
    Participant,
    Request,
    Schedule,
    Slot,
    Table,
    Unscheduled,
)
from .quick import quick_schedule
from .solver import solve
from .validate import Conflict, validate_meetings, validate_schedule

__all__ = [
    "Conflict",
    "Event",
    "EventError",
    "Interpreter",
    "Meeting",
    "Participant",
    "Request",
    "Schedule",
    "Slot",
    "Table",
    "Unscheduled",
    "load_event",
    "parse_event",
    "quick_schedule",
    "schedule_to_dict",
    "schedule_to_json",
    "solve",
    "validate_meetings",
    "validate_schedule",
]
