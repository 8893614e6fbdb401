"""The event compiled into integer indices and slot bitmasks, as the solvers use it.

Slots are numbered ``0..S-1`` and a set of slots is a Python ``int`` bitmask. Only *accepted*
requests become candidates (numbered ``0..R-1``); pinned meetings are candidates that are
``fixed`` in their slot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Event
from .rules import (
    booth_host,
    can_interpret,
    interpreter_required,
    language_label,
    needs_interpreter,
)


def bits(mask: int) -> Iterator[int]:
    """Indices of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders ``r2`` before ``r10``."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part
    )


class Instance:
    def __init__(self, event: Event) -> None:
        self.event = event
        self.slot_ids = [s.id for s in event.slots]
        self.slot_index = {sid: i for i, sid in enumerate(self.slot_ids)}
        self.S = len(self.slot_ids)
        self.all_slots = (1 << self.S) - 1
        self.part_ids = [p.id for p in event.participants]
        self.part_index = {pid: i for i, pid in enumerate(self.part_ids)}
        self.P = len(self.part_ids)
        self.avail = [self._mask(p.available) for p in event.participants]
        self.table_ids = [t.id for t in event.tables]
        self.T = len(self.table_ids)
        self.interp_ids = [t.id for t in event.interpreters]
        self.interp_index = {iid: i for i, iid in enumerate(self.interp_ids)}
        self.interp_avail = [
            self.all_slots if t.available is None else self._mask(t.available)
            for t in event.interpreters
        ]

        # Interpreter classes: one per distinct set of interpreters able to serve a meeting.
        self.class_members: list[list[int]] = []
        self.class_mask: list[int] = []
        self.class_label: list[str] = []
        class_of_members: dict[tuple[int, ...], int] = {}
        lang_cache: dict[tuple[frozenset[str], frozenset[str]], tuple[int, ...]] = {}

        self.req_ids: list[str] = []
        self.req_index: dict[str, int] = {}
        self.ra: list[int] = []
        self.rb: list[int] = []
        self.rw: list[float] = []
        self.rtable: list[bool] = []
        self.rclass: list[int] = []
        self.rbooth: list[int] = []
        self.rfeas: list[int] = []
        self.common: list[int] = []
        self.rlabel: list[str] = []
        # Languages of a meeting held without an interpreter on a fair that lists none.
        self.rgap: list[str] = []
        for req in event.requests:
            if not req.accepted:
                continue
            a = event.participant(req.sender)
            b = event.participant(req.receiver)
            host = booth_host(a, b)
            common = self.avail[self.part_index[a.id]] & self.avail[self.part_index[b.id]]
            cls = -1
            label = ""
            feas = common
            if interpreter_required(event.interpreters, a, b):
                label = language_label(a, b)
                key = (a.languages, b.languages)
                if key not in lang_cache:
                    lang_cache[key] = tuple(
                        i for i, t in enumerate(event.interpreters) if can_interpret(t, a, b)
                    )
                members = lang_cache[key]
                if members not in class_of_members:
                    class_of_members[members] = len(self.class_members)
                    self.class_members.append(list(members))
                    m = 0
                    for i in members:
                        m |= self.interp_avail[i]
                    self.class_mask.append(m)
                    self.class_label.append(label)
                cls = class_of_members[members]
                feas &= self.class_mask[cls]
            r = len(self.req_ids)
            self.req_ids.append(req.id)
            self.req_index[req.id] = r
            self.ra.append(self.part_index[a.id])
            self.rb.append(self.part_index[b.id])
            self.rw.append(req.priority)
            self.rtable.append(host is None)
            self.rclass.append(cls)
            self.rbooth.append(-1 if host is None else self.part_index[host.id])
            self.rfeas.append(feas)
            self.common.append(common)
            self.rlabel.append(label)
            self.rgap.append(language_label(a, b) if cls < 0 and needs_interpreter(a, b) else "")
        self.R = len(self.req_ids)

        self.classes_of_interp: list[list[int]] = [[] for _ in self.interp_ids]
        for c, member_list in enumerate(self.class_members):
            for i in member_list:
                self.classes_of_interp[i].append(c)

        self.by_part: list[list[int]] = [[] for _ in range(self.P)]
        for r in range(self.R):
            self.by_part[self.ra[r]].append(r)
            self.by_part[self.rb[r]].append(r)

        # Pinned meetings (checked beforehand by the validator).
        self.fixed = [False] * self.R
        self.pin_slot: dict[int, int] = {}
        self.pin_table: dict[int, int] = {}
        self.pin_interp: dict[int, int] = {}
        table_index = {tid: i for i, tid in enumerate(self.table_ids)}
        for pin in event.pinned:
            r = self.req_index[pin.request]
            self.fixed[r] = True
            self.pin_slot[r] = self.slot_index[pin.slot]
            if pin.table is not None:
                self.pin_table[r] = table_index[pin.table]
            if pin.interpreter is not None:
                self.pin_interp[r] = self.interp_index[pin.interpreter]

        # Requests in the organisers' order (request id, natural sort) for the baseline.
        self.id_order = sorted(range(self.R), key=lambda r: natural_key(self.req_ids[r]))

    def _mask(self, slot_ids: frozenset[str]) -> int:
        m = 0
        for sid in slot_ids:
            m |= 1 << self.slot_index[sid]
        return m
