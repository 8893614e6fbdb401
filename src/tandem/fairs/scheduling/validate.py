"""Checking a schedule (e.g. after hand moves) against the rules; returns the conflicts found.

Each :class:`Conflict` has a stable ``kind`` (for programs), a one-line ``message`` (for people)
and the request ids involved. An interpreter given to a meeting that does not need one is not a
conflict (it is only wasteful). With ``partial=True`` (used for pinned meetings) a meeting may
omit its table or interpreter: it is then only checked that enough tables / interpreters remain
in that slot for all such meetings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Event, Interpreter, Meeting, Participant, Schedule
from .rules import booth_host, can_interpret, interpreter_required, language_label


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str
    message: str
    requests: tuple[str, ...] = ()


def validate_schedule(event: Event, schedule: Schedule) -> list[Conflict]:
    return validate_meetings(event, schedule.meetings)


def validate_meetings(
    event: Event, meetings: Iterable[Meeting], partial: bool = False
) -> list[Conflict]:
    out: list[Conflict] = []

    def add(kind: str, message: str, *requests: str) -> None:
        out.append(Conflict(kind, message, tuple(requests)))

    slots = {s.id for s in event.slots}
    tables = {t.id for t in event.tables}
    interpreters = {i.id: i for i in event.interpreters}
    seen: set[str] = set()
    who: dict[tuple[str, str], str] = {}  # (participant, slot) -> request
    table_use: dict[tuple[str, str], str] = {}
    interp_use: dict[tuple[str, str], str] = {}
    tables_needed: dict[str, list[str]] = defaultdict(list)
    open_interp: dict[str, list[tuple[str, Participant, Participant]]] = defaultdict(list)
    placed: dict[str, str] = {}

    for m in meetings:
        rid, sid = m.request, m.slot
        if not event.has_request(rid):
            add("unknown-request", f"request '{rid}': no such request", rid)
            continue
        req = event.request(rid)
        if not req.accepted:
            add("not-accepted", f"request '{rid}': not accepted (status {req.status})", rid)
        if rid in seen:
            add("duplicate", f"request '{rid}': scheduled more than once", rid)
            continue
        seen.add(rid)
        if sid not in slots:
            add("unknown-slot", f"request '{rid}': no such slot '{sid}'", rid)
            continue
        placed[rid] = sid
        a, b = event.participant(req.sender), event.participant(req.receiver)
        for p in (a, b):
            if sid not in p.available:
                add(
                    "unavailable",
                    f"request '{rid}': participant '{p.id}' is not available in slot '{sid}'",
                    rid,
                )
            other = who.get((p.id, sid))
            if other is not None:
                add(
                    "double-booked",
                    f"participant '{p.id}' has two meetings in slot '{sid}': "
                    f"requests '{other}' and '{rid}'",
                    other,
                    rid,
                )
            else:
                who[(p.id, sid)] = rid
        host = booth_host(a, b)
        if host is not None:
            if m.table is not None:
                add(
                    "table-at-booth",
                    f"request '{rid}': held at exhibitor '{host.id}''s booth but given table "
                    f"'{m.table}'",
                    rid,
                )
        elif m.table is None:
            if partial:
                tables_needed[sid].append(rid)
            else:
                add("missing-table", f"request '{rid}': needs a table in slot '{sid}'", rid)
        if m.table is not None and host is None:
            if m.table not in tables:
                add("unknown-table", f"request '{rid}': no such table '{m.table}'", rid)
            else:
                tables_needed[sid].append(rid)
                other = table_use.get((m.table, sid))
                if other is not None:
                    add(
                        "table-clash",
                        f"table '{m.table}' has two meetings in slot '{sid}': "
                        f"requests '{other}' and '{rid}'",
                        other,
                        rid,
                    )
                else:
                    table_use[(m.table, sid)] = rid
        need = interpreter_required(event.interpreters, a, b)
        if m.interpreter is None:
            if need:
                if partial:
                    open_interp[sid].append((rid, a, b))
                else:
                    add(
                        "missing-interpreter",
                        f"request '{rid}': needs an interpreter for {language_label(a, b)}",
                        rid,
                    )
            continue
        interp = interpreters.get(m.interpreter)
        if interp is None:
            add(
                "unknown-interpreter",
                f"request '{rid}': no such interpreter '{m.interpreter}'",
                rid,
            )
            continue
        if need and not can_interpret(interp, a, b):
            add(
                "interpreter-languages",
                f"request '{rid}': interpreter '{interp.id}' cannot interpret "
                f"{language_label(a, b)}",
                rid,
            )
        if not interp.is_available(sid):
            add(
                "interpreter-unavailable",
                f"request '{rid}': interpreter '{interp.id}' is not available in slot '{sid}'",
                rid,
            )
        other = interp_use.get((interp.id, sid))
        if other is not None:
            add(
                "interpreter-clash",
                f"interpreter '{interp.id}' has two meetings in slot '{sid}': "
                f"requests '{other}' and '{rid}'",
                other,
                rid,
            )
        else:
            interp_use[(interp.id, sid)] = rid

    n_tables = len(event.tables)
    for sid, rids in sorted(tables_needed.items()):
        if len(rids) > n_tables:
            add(
                "no-table-left",
                f"slot '{sid}': {len(rids)} meetings need a table but there are {n_tables}",
                *rids,
            )
    for sid, needs in sorted(open_interp.items()):
        busy = {iid for (iid, s) in interp_use if s == sid}
        free = [i for i in event.interpreters if i.is_available(sid) and i.id not in busy]
        unmatched = _unmatched(needs, free)
        if unmatched:
            add(
                "no-interpreter-left",
                f"slot '{sid}': no interpreter left for request(s) "
                + ", ".join(f"'{r}'" for r in unmatched),
                *unmatched,
            )

    if not partial:
        for pin in event.pinned:
            if placed.get(pin.request) != pin.slot:
                now = placed.get(pin.request)
                where = f"slot '{now}'" if now is not None else "no slot"
                add(
                    "pinned-moved",
                    f"request '{pin.request}': pinned to slot '{pin.slot}' but scheduled in "
                    f"{where}",
                    pin.request,
                )
    return out


def _unmatched(
    needs: list[tuple[str, Participant, Participant]], free: list[Interpreter]
) -> list[str]:
    """Requests left without an interpreter by a maximum bipartite matching."""
    match: dict[str, str] = {}  # interpreter id -> request id
    options = {rid: [i.id for i in free if can_interpret(i, a, b)] for rid, a, b in needs}

    def augment(rid: str, visited: set[str]) -> bool:
        for iid in options[rid]:
            if iid in visited:
                continue
            visited.add(iid)
            if iid not in match or augment(match[iid], visited):
                match[iid] = rid
                return True
        return False

    return [rid for rid, _a, _b in needs if not augment(rid, set())]
