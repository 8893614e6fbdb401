from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.enums import Role
from tandem.core.models import User
from tandem.fairs.enums import RequestStatus, VersionStatus
from tandem.fairs.models import MeetingRequest, ScheduledMeeting, ScheduleVersion
from tandem.fairs.services.requests import meeting_request_create
from tandem.fairs.services.schedules import schedule_compute, schedule_publish

pytestmark = pytest.mark.integration


@pytest.fixture
def scheduled(small_fair: Any, accept_request: Callable[..., MeetingRequest]) -> ScheduleVersion:
    jp, ru = small_fair.jp, small_fair.ru
    accept_request(jp[1], ru[0], 3)
    accept_request(ru[0], jp[0], 2)
    return schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=3, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )


def test_fair_list_and_detail_show_the_default_fairs(
    client: Client, small_fair: Any, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    listing = client.get("/fairs/").content.decode()
    assert "Innoprom 2019" in listing and "CEATEC 2019" in listing
    detail = client.get("/fairs/innoprom-2019/").content.decode()
    assert "Kobe Valves" in detail and "A1" in detail
    assert "Compute a new version" not in detail  # officials do not organise


def test_anonymous_visitor_is_sent_to_sign_in(client: Client, small_fair: Any) -> None:
    response = client.get("/fairs/innoprom-2019/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_representative_requests_a_meeting_for_their_company_only(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    jp = small_fair.jp[1]
    client.force_login(representative_of(jp))
    page = client.get("/fairs/innoprom-2019/requests/")
    assert list(page.context["form"].fields["sender"].queryset) == [jp]
    response = client.post(
        "/fairs/innoprom-2019/requests/",
        {"sender": jp.pk, "receiver": small_fair.ru[0].pk, "priority": 3, "message": "Valves?"},
    )
    assert response.status_code == 302
    made = MeetingRequest.objects.get()
    assert (made.sender, made.receiver, made.priority) == (jp, small_fair.ru[0], 3)
    other = client.post(
        "/fairs/innoprom-2019/requests/",
        {"sender": small_fair.jp[0].pk, "receiver": small_fair.ru[1].pk, "priority": 2},
    )
    assert other.status_code == 200 and other.context["form"].errors["sender"]
    assert MeetingRequest.objects.count() == 1


def test_receiver_accepts_and_others_cannot_answer(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    request = meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], actor=DEMO_ACTOR
    )
    url = f"/fairs/innoprom-2019/requests/{request.pk}/answer/"
    client.force_login(representative_of(small_fair.jp[1]))  # the sender
    assert client.post(url, {"answer": "accept"}).status_code == 404
    client.force_login(representative_of(small_fair.ru[0]))
    page = client.get("/fairs/innoprom-2019/requests/").content.decode()
    assert "Accept" in page
    client.post(url, {"answer": "accept"})
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED


def test_organiser_computes_moves_and_publishes_through_the_pages(
    client: Client,
    small_fair: Any,
    organiser: User,
    accept_request: Callable[..., MeetingRequest],
) -> None:
    english = accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    client.force_login(organiser)
    response = client.post("/fairs/innoprom-2019/schedules/compute/", {"time_limit": 2, "seed": 0})
    assert response.status_code == 302 and "/schedules/jobs/" in response["Location"]
    version = ScheduleVersion.objects.get()
    page = client.get(f"/fairs/innoprom-2019/schedules/{version.number}/").content.decode()
    assert "Osaka Sensors" in page and "Table plan by slot" in page
    meeting = ScheduledMeeting.objects.get(version=version, request=english)
    target = next(s for s in small_fair.slots if s != meeting.slot)
    client.post(
        f"/fairs/innoprom-2019/schedules/{version.number}/meetings/{meeting.pk}/move/",
        {"slot": target.pk},
    )
    meeting.refresh_from_db()
    assert meeting.slot == target and meeting.pinned
    client.post(f"/fairs/innoprom-2019/schedules/{version.number}/publish/")
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED


def test_refused_move_says_why_in_names_not_ids(
    client: Client, small_fair: Any, organiser: User, scheduled: ScheduleVersion
) -> None:
    client.force_login(organiser)
    english = ScheduledMeeting.objects.get(version=scheduled, table__isnull=False)
    booth = ScheduledMeeting.objects.get(version=scheduled, table__isnull=True)
    response = client.post(
        f"/fairs/innoprom-2019/schedules/{scheduled.number}/meetings/{english.pk}/move/",
        {"slot": booth.slot_id},
        follow=True,
    )
    text = response.content.decode()
    assert "The meeting was not moved" in text
    assert "Ural Machines" in text  # ru[0] has both meetings
    english.refresh_from_db()
    assert not english.pinned


def test_company_representative_cannot_open_the_schedule_versions(
    client: Client, small_fair: Any, scheduled: ScheduleVersion, representative_of: Any
) -> None:
    client.force_login(representative_of(small_fair.jp[1]))
    assert client.get(f"/fairs/innoprom-2019/schedules/{scheduled.number}/").status_code == 403


def test_organiser_sets_up_a_day_tables_and_a_participant(
    client: Client, default_programme: None, organiser: User
) -> None:
    from tandem.core.models import Country, Organisation
    from tandem.fairs.models import Fair, FairParticipant, MeetingSlot, MeetingTable

    company = Organisation.objects.create(
        name="Nagoya Robotics", kind="company", side=Country.objects.get(code="JP")
    )
    client.force_login(organiser)
    url = "/fairs/ceatec-2019/setup/"
    assert "Register a participant" in client.get(url).content.decode()
    day = client.post(
        url,
        {
            "form": "day",
            "day": "2019-10-16",
            "first_start": "10:00",
            "last_end": "13:00",
            "length_minutes": 30,
            "gap_minutes": 0,
            "break_start": "11:00",
            "break_end": "11:30",
        },
    )
    assert day.status_code == 302
    assert MeetingSlot.objects.filter(fair__slug="ceatec-2019").count() == 5
    client.post(url, {"form": "tables", "count": 3})
    assert MeetingTable.objects.filter(fair__slug="ceatec-2019").count() == 3
    refused = client.post(
        url,
        {
            "form": "participant",
            "organisation": company.pk,
            "is_exhibitor": "on",
            "languages": ["ja"],
        },
    )
    assert refused.status_code == 200
    assert "An exhibitor needs a booth." in refused.content.decode()
    client.post(
        url,
        {
            "form": "participant",
            "organisation": company.pk,
            "is_exhibitor": "on",
            "booth": "5-12",
            "languages": ["ja", "en"],
        },
    )
    participant = FairParticipant.objects.get(fair=Fair.objects.get(slug="ceatec-2019"))
    assert participant.booth == "5-12" and participant.languages == ["en", "ja"]


def test_deadlines_out_of_order_are_refused(
    client: Client, default_programme: None, organiser: User
) -> None:
    from tandem.fairs.models import Fair

    client.force_login(organiser)
    response = client.post(
        "/fairs/ceatec-2019/setup/",
        {
            "form": "deadlines",
            "request_deadline": "2019-10-10T12:00",
            "scheduling_deadline": "2019-10-01T12:00",
            "request_expiry_days": 5,
        },
    )
    assert response.status_code == 200
    assert Fair.objects.get(slug="ceatec-2019").scheduling_deadline is None


def test_sender_withdraws_but_the_receiver_cannot(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    request = meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], actor=DEMO_ACTOR
    )
    url = f"/fairs/innoprom-2019/requests/{request.pk}/answer/"
    client.force_login(representative_of(small_fair.ru[0]))
    assert client.post(url, {"answer": "withdraw"}).status_code == 404
    client.force_login(representative_of(small_fair.jp[1]))
    assert "Withdraw" in client.get("/fairs/innoprom-2019/requests/").content.decode()
    client.post(url, {"answer": "withdraw"})
    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN
