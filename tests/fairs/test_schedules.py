from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tandem.core.actors import DEMO_ACTOR
from tandem.fairs.enums import NoticeKind, VersionStatus
from tandem.fairs.models import AgendaNotice, MeetingRequest, ScheduledMeeting, UnplacedRequest
from tandem.fairs.scheduling import validate_meetings
from tandem.fairs.selectors.event import fair_event, meeting_as_plain
from tandem.fairs.services.requests import meeting_request_create
from tandem.fairs.services.schedules import (
    ScheduleInputChanged,
    meeting_move,
    meeting_pin,
    schedule_compute,
    schedule_input_read,
    schedule_publish,
    schedule_save,
    schedule_solve,
)
from tandem.fairs.services.setup import participant_register

pytestmark = pytest.mark.integration


@pytest.fixture
def four_requests(
    small_fair: Any, accept_request: Callable[..., MeetingRequest]
) -> list[MeetingRequest]:
    jp, ru = small_fair.jp, small_fair.ru
    return [
        accept_request(jp[1], ru[0], 3),  # share English: a table, no interpreter
        accept_request(ru[0], jp[0], 2),  # at the exhibitor's booth, with the interpreter
        accept_request(jp[1], ru[1], 5),  # a table and the interpreter, ru[1] in slots 0-1
        accept_request(ru[1], jp[0], 1),  # the booth and the interpreter, slots 0-1
    ]


def _meeting(version: Any, request: MeetingRequest) -> ScheduledMeeting:
    return ScheduledMeeting.objects.get(version=version, request=request)


def _free_slot(small_fair: Any, meeting: ScheduledMeeting) -> Any:
    """A slot other than the meeting's where neither side has another meeting."""
    sides = {meeting.request.sender_id, meeting.request.receiver_id}
    busy = {
        m.slot_id
        for m in ScheduledMeeting.objects.filter(version=meeting.version).exclude(pk=meeting.pk)
        if {m.request.sender_id, m.request.receiver_id} & sides
    }
    return next(s for s in small_fair.slots if s.pk not in busy and s.pk != meeting.slot_id)


def test_schedule_places_every_feasible_request_by_the_rules(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    version = schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR)
    assert version.number == 1 and version.status == VersionStatus.DRAFT
    assert version.objective == 11 and version.bound == 11
    english, booth, table_interpreted, booth_interpreted = (
        _meeting(version, r) for r in four_requests
    )
    assert english.table is not None and english.interpreter is None
    assert booth.table is None and booth.booth_of == small_fair.jp[0]
    assert booth.interpreter == small_fair.interpreter
    assert table_interpreted.table is not None
    assert table_interpreted.interpreter == small_fair.interpreter
    assert {table_interpreted.slot, booth_interpreted.slot} == set(small_fair.slots[:2])
    mapped = fair_event(small_fair.fair)
    plain = [meeting_as_plain(m) for m in ScheduledMeeting.objects.filter(version=version)]
    assert validate_meetings(mapped.event, plain) == []


def test_unplaced_request_gets_a_reason_and_pending_ones_are_left_out(
    small_fair: Any, four_requests: list[MeetingRequest], accept_request: Callable[..., Any]
) -> None:
    german = participant_register(
        fair=small_fair.fair,
        name="Tomsk Tools",
        side=small_fair.ru[0].side,
        languages=["de"],
        actor=DEMO_ACTOR,
    )
    impossible = accept_request(german, small_fair.jp[0], 5)
    pending = meeting_request_create(sender=small_fair.jp[1], receiver=german, actor=DEMO_ACTOR)
    version = schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR)
    unplaced = UnplacedRequest.objects.get(version=version)
    assert unplaced.request == impossible
    assert "no interpreter" in unplaced.reason
    assert not ScheduledMeeting.objects.filter(version=version, request=pending).exists()


def test_rerun_keeps_a_meeting_moved_by_hand(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    first = schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR)
    english = _meeting(first, four_requests[0])
    target = _free_slot(small_fair, english)
    moved = meeting_move(meeting=english, slot=target, actor=DEMO_ACTOR)
    assert moved.pinned and moved.slot == target
    second = schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR)
    again = _meeting(second, four_requests[0])
    assert second.based_on == first
    assert again.pinned and again.slot == target
    assert second.objective == 11


def test_move_into_a_slot_where_a_side_is_unavailable_is_refused(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    version = schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR)
    meeting = _meeting(version, four_requests[2])
    before = meeting.slot
    with pytest.raises(ValidationError, match="not available"):
        meeting_move(meeting=meeting, slot=small_fair.slots[3], actor=DEMO_ACTOR)
    meeting.refresh_from_db()
    assert meeting.slot == before and not meeting.pinned


def test_move_onto_a_busy_participant_is_refused(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    version = schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR)
    english = _meeting(version, four_requests[0])  # jp[1] and ru[0]
    other = _meeting(version, four_requests[2])  # jp[1] too
    with pytest.raises(ValidationError):
        meeting_move(meeting=english, slot=other.slot, actor=DEMO_ACTOR)


def test_publishing_a_changed_version_notifies_those_affected(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    first = schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )
    assert first.status == VersionStatus.PUBLISHED
    assert AgendaNotice.objects.count() == 0  # the first publication changes nobody's agenda
    second = schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR)
    english = _meeting(second, four_requests[0])
    target = _free_slot(small_fair, english)
    meeting_move(meeting=english, slot=target, actor=DEMO_ACTOR)
    schedule_publish(version=second, actor=DEMO_ACTOR)
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    notices = AgendaNotice.objects.filter(version=second)
    assert {n.participant for n in notices} == {small_fair.jp[1], small_fair.ru[0]}
    assert {n.kind for n in notices} == {NoticeKind.MOVED}
    assert {n.slot for n in notices} == {target}


def test_moving_a_published_meeting_notifies_both_sides(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    version = schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )
    english = _meeting(version, four_requests[0])
    meeting_move(meeting=english, slot=_free_slot(small_fair, english), actor=DEMO_ACTOR)
    assert AgendaNotice.objects.filter(version=version, kind=NoticeKind.MOVED).count() == 2


def test_superseded_version_cannot_be_changed(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    first = schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )
    schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=5, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )
    first.refresh_from_db()
    with pytest.raises(ValidationError, match="superseded"):
        meeting_pin(meeting=_meeting(first, four_requests[0]), pinned=True, actor=DEMO_ACTOR)
    with pytest.raises(ValidationError, match="draft"):
        schedule_publish(version=first, actor=DEMO_ACTOR)


def test_a_fair_changed_between_reading_and_saving_is_refused_and_nothing_is_saved(
    small_fair: Any,
    four_requests: list[MeetingRequest],
) -> None:
    source = schedule_input_read(fair=small_fair.fair)
    solved = schedule_solve(source, time_limit=3)
    # while the solver ran, an organiser changed a request's priority
    MeetingRequest.objects.filter(pk=four_requests[0].pk).update(priority=1)
    with pytest.raises(ScheduleInputChanged):
        schedule_save(source=source, solved=solved, time_limit=3, seed=0, actor=DEMO_ACTOR)
    assert not small_fair.fair.schedule_versions.exists()


def test_an_unchanged_fair_saves_the_solved_schedule_read_in_three_steps(
    small_fair: Any, four_requests: list[MeetingRequest]
) -> None:
    source = schedule_input_read(fair=small_fair.fair)
    solved = schedule_solve(source, time_limit=3)
    version = schedule_save(source=source, solved=solved, time_limit=3, seed=0, actor=DEMO_ACTOR)
    assert version.number == 1 and version.objective == solved.schedule.objective
