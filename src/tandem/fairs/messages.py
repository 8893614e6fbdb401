"""The scheduler's reasons for unplaced requests in the reader's language (pages and API).

The pure scheduler gives a code and its parameters (:mod:`tandem.fairs.scheduling.reasons`);
here each code has its message, with participants' names instead of their event ids. Rows
saved before codes existed keep their English text (with names)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tandem.fairs.enums import RequestStatus
from tandem.fairs.scheduling.reasons import PARTICIPANT_PARAMS

Params = Mapping[str, str]


def _status(params: Params) -> str:
    status = params.get("status", "")
    label = str(RequestStatus(status).label) if status in RequestStatus.values else status
    return _("not accepted (status: %(status)s)") % {"status": label}


def _free_tables(params: Params) -> str:
    n = int(params.get("n", "0") or 0)
    return ngettext(
        "no free table in the %(n)d slot where both are free",
        "no free table in the %(n)d slots where both are free",
        n,
    ) % {"n": n}


MESSAGES: dict[str, Callable[[Params], str]] = {
    "not_accepted": _status,
    "no_available_slot": lambda p: _("%(participant)s has no available slot") % p,
    "no_common_slot": lambda p: _("the two participants have no available slot in common"),
    "no_interpreter": lambda p: _("no interpreter for %(languages)s") % p,
    "no_interpreter_in_common_slot": lambda p: (
        _("no interpreter for %(languages)s is available in a slot common to both") % p
    ),
    "both_fully_booked": lambda p: (
        _("%(a)s and %(b)s are both fully booked in their common slots") % p
    ),
    "fully_booked": lambda p: (
        _("%(participant)s is fully booked in the slots where they are available") % p
    ),
    "fully_booked_common": lambda p: (
        _("%(participant)s is fully booked in the slots common with %(other)s") % p
    ),
    "no_common_free_slot": lambda p: (
        _("no common free slot: in each common slot %(a)s or %(b)s already has a meeting") % p
    ),
    "no_tables": lambda p: _("no free table (the fair has no tables)"),
    "no_free_table": _free_tables,
    "no_free_interpreter": lambda p: (
        _("no interpreter for %(languages)s is free in the slots where both are free") % p
    ),
    "displaced": lambda p: _("left out: placing it would displace meetings of higher priority"),
}


def reason_message(code: str, params: Params, names: Mapping[int, str]) -> str | None:
    """The message for ``code`` in the active language, or ``None`` for an unknown code."""
    make = MESSAGES.get(code)
    if make is None:
        return None
    shown = dict(params)
    for key in PARTICIPANT_PARAMS & shown.keys():
        value = shown[key]
        number = int(value[1:]) if value[:1] == "P" and value[1:].isdigit() else None
        shown[key] = names.get(number, value) if number is not None else value
    try:
        return make(shown)
    except (KeyError, ValueError):
        return None


#: Why a schedule computation failed, when tandem knows (a crash keeps its technical text).
JOB_ERRORS = {
    "worker_stopped": gettext_lazy(
        "The task worker stopped while computing this schedule (it was stopped, or lost its "
        "database)."
    ),
    "not_finished": gettext_lazy("The task worker did not finish this computation in time."),
    "given_up": gettext_lazy(
        "The task worker stopped while computing this schedule (it was stopped, or lost "
        "its database) %(count)d times: given up. Start the computation again."
    ),
    "schedule_input_changed": gettext_lazy(
        "The fair's requests, slots, tables, interpreters or pinned meetings changed "
        "while the schedule was being computed; compute it again."
    ),
}
