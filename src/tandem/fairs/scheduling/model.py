"""Immutable domain model of a B2B meeting event and of its schedule.

Everything here is plain data: frozen dataclasses with no behaviour beyond a few lookups.
Parsing and validation of the JSON event file live in :mod:`tandem.fairs.scheduling.io`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACCEPTED = "accepted"


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class Table:
    id: str


@dataclass(frozen=True, slots=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    #: Slot ids the interpreter works in; ``None`` means every slot.
    available: frozenset[str] | None = None

    def is_available(self, slot_id: str) -> bool:
        return self.available is None or slot_id in self.available


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    country: str
    exhibitor: bool
    languages: frozenset[str]
    available: frozenset[str]


@dataclass(frozen=True, slots=True)
class Request:
    id: str
    sender: str
    receiver: str
    status: str
    priority: float

    @property
    def accepted(self) -> bool:
        return self.status == ACCEPTED


@dataclass(frozen=True, slots=True)
class Meeting:
    """A placed meeting.

    ``table`` is ``None`` when the meeting is held at an exhibitor's booth (``booth`` then names
    the exhibitor); ``interpreter`` is ``None`` when the two sides share a language.
    For a pinned meeting given as input, ``table`` / ``interpreter`` may be ``None`` to let the
    solver choose them.
    """

    request: str
    slot: str
    table: str | None = None
    interpreter: str | None = None
    booth: str | None = None
    #: The sides share no language and have no interpreter (``"ja/ru"``): only on a fair that
    #: lists no interpreters, where the sides bring their own interpretation.
    language_gap: str | None = None


@dataclass(frozen=True, slots=True)
class Unscheduled:
    """A request left out; ``reason`` in English, ``code`` and ``params`` (sorted pairs) for
    translation (see :mod:`tandem.fairs.scheduling.reasons`)."""

    request: str
    reason: str
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    interpreters: tuple[Interpreter, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    #: Meetings that organisers fixed by hand; the solver keeps them exactly.
    pinned: tuple[Meeting, ...] = ()
    _participant_by_id: dict[str, Participant] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _request_by_id: dict[str, Request] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_participant_by_id", {p.id: p for p in self.participants})
        object.__setattr__(self, "_request_by_id", {r.id: r for r in self.requests})

    def participant(self, participant_id: str) -> Participant:
        return self._participant_by_id[participant_id]

    def request(self, request_id: str) -> Request:
        return self._request_by_id[request_id]

    def has_request(self, request_id: str) -> bool:
        return request_id in self._request_by_id


@dataclass(frozen=True, slots=True)
class Schedule:
    meetings: tuple[Meeting, ...]
    unscheduled: tuple[Unscheduled, ...]
    objective: float
    #: A proven upper bound on the objective of any valid schedule, or ``None``.
    bound: float | None = None
