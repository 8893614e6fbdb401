"""Reading the JSON event file into the model, and writing a schedule back as JSON.

Every problem found in the input raises :class:`EventError` with one line that names the offending
object, e.g. ``request 'r17': unknown participant 'p9' in 'to'``. Ids may be strings or integers
in the file; they are kept as strings (integers are converted with ``str``).

Output: ``{"meetings": [{"request", "slot", "table", "interpreter", "booth"}], "unscheduled":
[{"request", "reason"}], "objective", "bound"}``. ``booth`` is an extra field naming the exhibitor
whose booth hosts the meeting (``null`` for a meeting at a table); readers of the documented
format can ignore it. ``language_gap`` (e.g. ``"ja/ru"``) is there only for a meeting whose sides
share no language on an event that lists no interpreters: it is scheduled, and the sides bring
their own interpretation.

Optional top-level ``"pinned"``: a list of ``{"request", "slot", "table"?, "interpreter"?}``
meetings that the solver must keep; a pinned meeting without a table / interpreter gets one chosen
by the solver where the rules need it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .model import Event, Interpreter, Meeting, Participant, Request, Schedule, Slot, Table


class EventError(ValueError):
    """The event file (or a schedule file) is malformed; the message is one line."""


def load_json(path: str | Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise EventError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise EventError(f"{path}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EventError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None


def load_event(path: str | Path) -> Event:
    return parse_event(load_json(path))


# -- helpers -----------------------------------------------------------------------------------


def _obj(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise EventError(f"{where}: expected an object, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> Sequence[Any]:
    if not isinstance(value, list):
        raise EventError(f"{where}: expected a list, got {type(value).__name__}")
    return value


def _id(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise EventError(f"{where}: expected a string id, got {value!r}")
    text = str(value)
    if not text:
        raise EventError(f"{where}: empty id")
    return text


def _field(obj: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise EventError(f"{where}: missing field '{key}'")
    return obj[key]


def _str(obj: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    if key not in obj and default is not None:
        return default
    value = _field(obj, key, where)
    if not isinstance(value, str):
        raise EventError(f"{where}: field '{key}' must be a string, got {value!r}")
    return value


def _languages(obj: Mapping[str, Any], where: str, required: bool) -> frozenset[str]:
    if "languages" not in obj or obj["languages"] is None:
        if required:
            raise EventError(f"{where}: missing field 'languages'")
        return frozenset()
    langs = _list(obj["languages"], f"{where} languages")
    out: set[str] = set()
    for lang in langs:
        if not isinstance(lang, str) or not lang.strip():
            raise EventError(f"{where}: language {lang!r} is not a non-empty string")
        out.add(lang.strip().lower())
    if required and not out:
        raise EventError(f"{where}: 'languages' is empty")
    return frozenset(out)


def _slot_refs(value: Any, where: str, slot_ids: set[str]) -> frozenset[str]:
    refs = _list(value, where)
    out: set[str] = set()
    for raw in refs:
        sid = _id(raw, where)
        if sid not in slot_ids:
            raise EventError(f"{where}: unknown slot '{sid}'")
        out.add(sid)
    return frozenset(out)


def _unique(ids: list[str], kind: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise EventError(f"{kind} '{i}': duplicate id")
        seen.add(i)


# -- event -------------------------------------------------------------------------------------


def parse_event(data: Any) -> Event:
    root = _obj(data, "event file")
    ev = _obj(_field(root, "event", "event file"), "event")
    name = _str(ev, "name", "event", default="")

    slots: list[Slot] = []
    for i, raw in enumerate(_list(_field(ev, "slots", "event"), "event slots")):
        obj = _obj(raw, f"slot #{i + 1}")
        sid = _id(_field(obj, "id", f"slot #{i + 1}"), f"slot #{i + 1} id")
        where = f"slot '{sid}'"
        start, end = _str(obj, "start", where), _str(obj, "end", where)
        if start >= end and _comparable(start, end):
            raise EventError(f"{where}: start {start!r} is not before end {end!r}")
        slots.append(Slot(sid, start, end))
    _unique([s.id for s in slots], "slot")
    slot_ids = {s.id for s in slots}

    tables: list[Table] = []
    for i, raw in enumerate(_list(ev.get("tables", []), "event tables")):
        obj = _obj(raw, f"table #{i + 1}")
        tables.append(Table(_id(_field(obj, "id", f"table #{i + 1}"), f"table #{i + 1} id")))
    _unique([t.id for t in tables], "table")

    interpreters: list[Interpreter] = []
    for i, raw in enumerate(_list(ev.get("interpreters") or [], "event interpreters")):
        obj = _obj(raw, f"interpreter #{i + 1}")
        iid = _id(_field(obj, "id", f"interpreter #{i + 1}"), f"interpreter #{i + 1} id")
        where = f"interpreter '{iid}'"
        langs = _languages(obj, where, required=True)
        avail = None
        if obj.get("available") is not None:
            avail = _slot_refs(obj["available"], f"{where} available", slot_ids)
        interpreters.append(Interpreter(iid, langs, avail))
    _unique([t.id for t in interpreters], "interpreter")

    participants: list[Participant] = []
    for i, raw in enumerate(_list(_field(root, "participants", "event file"), "participants")):
        obj = _obj(raw, f"participant #{i + 1}")
        pid = _id(_field(obj, "id", f"participant #{i + 1}"), f"participant #{i + 1} id")
        where = f"participant '{pid}'"
        exhibitor = obj.get("exhibitor", False)
        if not isinstance(exhibitor, bool):
            raise EventError(f"{where}: field 'exhibitor' must be true or false")
        participants.append(
            Participant(
                id=pid,
                name=_str(obj, "name", where, default=""),
                country=_str(obj, "country", where, default=""),
                exhibitor=exhibitor,
                languages=_languages(obj, where, required=False),
                available=_slot_refs(
                    _field(obj, "available", where), f"{where} available", slot_ids
                ),
            )
        )
    _unique([p.id for p in participants], "participant")
    people = {p.id for p in participants}

    requests: list[Request] = []
    for i, raw in enumerate(_list(_field(root, "requests", "event file"), "requests")):
        obj = _obj(raw, f"request #{i + 1}")
        rid = _id(_field(obj, "id", f"request #{i + 1}"), f"request #{i + 1} id")
        where = f"request '{rid}'"
        ends = []
        for key in ("from", "to"):
            pid = _id(_field(obj, key, where), f"{where} '{key}'")
            if pid not in people:
                raise EventError(f"{where}: unknown participant '{pid}' in '{key}'")
            ends.append(pid)
        if ends[0] == ends[1]:
            raise EventError(f"{where}: 'from' and 'to' are the same participant '{ends[0]}'")
        status = _str(obj, "status", where).strip().lower()
        priority = obj.get("priority", 1)
        if isinstance(priority, bool) or not isinstance(priority, int | float):
            raise EventError(f"{where}: priority must be a number, got {priority!r}")
        if not math.isfinite(priority) or priority < 0:
            raise EventError(f"{where}: priority must be a finite number >= 0, got {priority!r}")
        requests.append(Request(rid, ends[0], ends[1], status, float(priority)))
    _unique([r.id for r in requests], "request")

    pinned = tuple(
        parse_meeting(raw, f"pinned meeting #{i + 1}")
        for i, raw in enumerate(_list(root.get("pinned") or [], "pinned"))
    )
    return Event(
        name=name,
        slots=tuple(slots),
        tables=tuple(tables),
        interpreters=tuple(interpreters),
        participants=tuple(participants),
        requests=tuple(requests),
        pinned=pinned,
    )


def _comparable(start: str, end: str) -> bool:
    """Only ISO-looking timestamps of equal shape are compared as text."""
    return len(start) == len(end) and start[:1].isdigit() and end[:1].isdigit()


def parse_meeting(raw: Any, where: str) -> Meeting:
    obj = _obj(raw, where)
    rid = _id(_field(obj, "request", where), f"{where} request")
    where = f"{where} (request '{rid}')"
    sid = _id(_field(obj, "slot", where), f"{where} slot")
    table = None if obj.get("table") is None else _id(obj["table"], f"{where} table")
    interp = obj.get("interpreter")
    interpreter = None if interp is None else _id(interp, f"{where} interpreter")
    return Meeting(rid, sid, table, interpreter)


def parse_meetings(data: Any) -> tuple[Meeting, ...]:
    """Meetings of a schedule file: either ``{"meetings": [...]}`` or a bare list."""
    raw = _field(_obj(data, "schedule"), "meetings", "schedule") if isinstance(data, dict) else data
    items = _list(raw, "schedule meetings")
    return tuple(parse_meeting(m, f"meeting #{i + 1}") for i, m in enumerate(items))


# -- output ------------------------------------------------------------------------------------


def _number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 6)


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    return {
        "meetings": [
            {
                "request": m.request,
                "slot": m.slot,
                "table": m.table,
                "interpreter": m.interpreter,
                "booth": m.booth,
            }
            # Only on a fair that lists no interpreters: the sides bring their own.
            | ({"language_gap": m.language_gap} if m.language_gap else {})
            for m in schedule.meetings
        ],
        "unscheduled": [{"request": u.request, "reason": u.reason} for u in schedule.unscheduled],
        "objective": _number(schedule.objective),
        "bound": None if schedule.bound is None else _number(schedule.bound),
    }


def schedule_to_json(schedule: Schedule) -> str:
    return json.dumps(schedule_to_dict(schedule), ensure_ascii=False, indent=1) + "\n"
