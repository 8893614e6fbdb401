"""Why a request is not in a schedule: a stable code, its parameters, and the English text.

The command line prints the English text (``reason``); pages translate the code with its
parameters (participant and slot ids are event ids, to be replaced by names and times). Every
code has one English template here; :func:`text` fills it.
"""

from __future__ import annotations

#: code -> English template (``str.format`` fields are the parameters).
TEMPLATES: dict[str, str] = {
    "not_accepted": "not accepted (status {status})",
    "no_available_slot": "participant '{participant}' has no available slot",
    "no_common_slot": "no common available slot",
    "no_interpreter": "no interpreter for {languages}",
    "no_interpreter_in_common_slot": "no interpreter for {languages} available in a common slot",
    "both_fully_booked": "participants '{a}' and '{b}' both fully booked in their common slots",
    "fully_booked": "participant '{participant}' fully booked in their available slots",
    "fully_booked_common": (
        "participant '{participant}' fully booked in the slots common with '{other}'"
    ),
    "no_common_free_slot": (
        "no common free slot: in each common slot '{a}' or '{b}' already has a meeting"
    ),
    "no_tables": "no free table (the event has no tables)",
    "no_free_table": "no free table in the {n} slot(s) where both are free",
    "no_free_interpreter": "no interpreter for {languages} free in the slot(s) where both are free",
    "displaced": "left out: placing it would displace higher-value meetings",
}

#: Parameters that name a participant (an event id) rather than a number or a label.
PARTICIPANT_PARAMS = frozenset({"participant", "other", "a", "b"})


def text(code: str, params: dict[str, str]) -> str:
    """The English reason for ``code`` with ``params``."""
    return TEMPLATES[code].format(**params)
