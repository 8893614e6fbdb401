"""Notices by e-mail: a meeting request received, accepted or declined, a schedule published;
each reader gets the mail in their own language (the tests' locmem backend)."""

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext as _

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.fairs.models import FairParticipant, MeetingRequest, ScheduledMeeting
from tandem.fairs.services.requests import meeting_request_create, meeting_request_respond
from tandem.fairs.services.schedules import meeting_move, schedule_compute, schedule_publish

pytestmark = pytest.mark.integration

T0 = dt.datetime(2019, 6, 1, 9, tzinfo=dt.UTC)


@pytest.fixture
def reader(representative_of: Callable[..., User]) -> Callable[..., User]:
    def make(participant: FairParticipant, language: str, email: str = "") -> User:
        user = representative_of(participant)
        user.email = email or f"{user.username}@example.org"
        user.language = language
        user.save()
        return user

    return make


def test_mail_request_received_goes_to_the_receiver_in_their_language(
    small_fair: Any, reader: Callable[..., User], django_capture_on_commit_callbacks: Any
) -> None:
    sender, receiver = small_fair.jp[1], small_fair.ru[0]
    reader(sender, "ja")
    russian = reader(receiver, "ru")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request_create(
            sender=sender, receiver=receiver, priority=3, now=T0, actor=DEMO_ACTOR
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [russian.email]
    with translation.override("ru"):
        subject = _("Meeting request from %(sender)s at %(fair)s") % {
            "sender": "Osaka Sensors",
            "fair": "Иннопром 2019",
        }
    assert message.subject == f"[tandem] {subject}"
    assert "Иннопром 2019" in message.body and message.extra_headers["Content-Language"] == "ru"
    assert "/fairs/innoprom-2019/requests/" in message.body


def test_mail_accepted_and_declined_go_to_the_sender(
    small_fair: Any, reader: Callable[..., User], django_capture_on_commit_callbacks: Any
) -> None:
    sender = reader(small_fair.jp[1], "ja")
    reader(small_fair.ru[0], "en")
    with django_capture_on_commit_callbacks(execute=True):
        first = meeting_request_create(
            sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
        )
        second = meeting_request_create(
            sender=small_fair.jp[1], receiver=small_fair.jp[0], now=T0, actor=DEMO_ACTOR
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request_respond(request=first, accept=True, now=T0, actor=DEMO_ACTOR)
        meeting_request_respond(request=second, accept=False, now=T0, actor=DEMO_ACTOR)
    assert [m.to for m in mail.outbox] == [[sender.email], [sender.email]]
    assert {m.extra_headers["Content-Language"] for m in mail.outbox} == {"ja"}
    with translation.override("ja"):
        fair = "イノプロム 2019"
        accepted = _("%(receiver)s accepted your meeting request at %(fair)s") % {
            "receiver": "Ural Machines",
            "fair": fair,
        }
        declined = _("%(receiver)s declined your meeting request at %(fair)s") % {
            "receiver": "Kobe Valves",
            "fair": fair,
        }
    assert [m.subject for m in mail.outbox] == [f"[tandem] {accepted}", f"[tandem] {declined}"]


def test_mail_english_reader_gets_english(
    small_fair: Any, reader: Callable[..., User], django_capture_on_commit_callbacks: Any
) -> None:
    english = reader(small_fair.ru[0], "en")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request_create(
            sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
        )
    (message,) = mail.outbox
    assert message.to == [english.email]
    assert message.subject == "[tandem] Meeting request from Osaka Sensors at Innoprom 2019"


def test_mail_schedule_published_tells_every_participant_their_agenda(
    small_fair: Any,
    reader: Callable[..., User],
    accept_request: Callable[..., MeetingRequest],
    django_capture_on_commit_callbacks: Any,
) -> None:
    accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    readers = {
        small_fair.jp[1].pk: reader(small_fair.jp[1], "ja"),
        small_fair.ru[0].pk: reader(small_fair.ru[0], "ru"),
    }
    version = schedule_compute(fair=small_fair.fair, time_limit=2, actor=DEMO_ACTOR)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        schedule_publish(version=version, actor=DEMO_ACTOR)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in readers.values())
    for pk, user in readers.items():
        message = next(m for m in mail.outbox if m.to == [user.email])
        assert f"/fairs/innoprom-2019/agenda/{pk}/" in message.body
        assert message.extra_headers["Content-Language"] == user.language
        with translation.override(user.language):
            fair = str(small_fair.fair.__class__.objects.get(pk=small_fair.fair.pk))
            subject = _("The B2B meeting schedule of %(fair)s is published") % {"fair": fair}
        assert message.subject == f"[tandem] {subject}"


def test_mail_nobody_without_an_address_or_for_illustrative_requests(
    small_fair: Any,
    representative_of: Callable[..., User],
    reader: Callable[..., User],
    django_capture_on_commit_callbacks: Any,
) -> None:
    representative_of(small_fair.ru[0])  # no e-mail address
    inactive = reader(small_fair.jp[0], "en")
    inactive.is_active = False
    inactive.save()
    reader(small_fair.ru[1], "en")
    small_fair.jp[1].is_illustrative = True
    small_fair.jp[1].save()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request_create(
            sender=small_fair.jp[1], receiver=small_fair.ru[1], now=T0, actor=DEMO_ACTOR
        )
        meeting_request_create(
            sender=small_fair.ru[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
        )
        meeting_request_create(
            sender=small_fair.ru[1], receiver=small_fair.jp[0], now=T0, actor=DEMO_ACTOR
        )
    assert mail.outbox == []


def test_mail_sent_when_a_request_is_made_on_the_page(
    client: Client,
    small_fair: Any,
    reader: Callable[..., User],
    django_capture_on_commit_callbacks: Any,
) -> None:
    receiver = reader(small_fair.ru[0], "ru")
    client.force_login(reader(small_fair.jp[1], "ja"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fairs/innoprom-2019/requests/",
            {"sender": small_fair.jp[1].pk, "receiver": small_fair.ru[0].pk, "priority": 2},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[receiver.email]]


def test_mail_meeting_moved_in_the_published_version_tells_both_sides(
    small_fair: Any,
    reader: Callable[..., User],
    accept_request: Callable[..., MeetingRequest],
    django_capture_on_commit_callbacks: Any,
) -> None:
    request = accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    osaka, ural = reader(small_fair.jp[1], "en"), reader(small_fair.ru[0], "ru")
    version = schedule_publish(
        version=schedule_compute(fair=small_fair.fair, time_limit=2, actor=DEMO_ACTOR),
        actor=DEMO_ACTOR,
    )
    meeting = ScheduledMeeting.objects.get(version=version, request=request)
    target = next(s for s in small_fair.slots if s != meeting.slot)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_move(meeting=meeting, slot=target, actor=DEMO_ACTOR)
    by_reader = {m.to[0]: m for m in mail.outbox}
    assert set(by_reader) == {osaka.email, ural.email}
    english = by_reader[osaka.email]
    assert english.subject == "[tandem] Your meeting with Ural Machines at Innoprom 2019 was moved"
    local = target.start.astimezone(ZoneInfo("Asia/Yekaterinburg"))
    assert f"{local:%Y-%m-%d %H:%M}" in english.body
    assert by_reader[ural.email].extra_headers["Content-Language"] == "ru"
    assert "Иннопром 2019" in by_reader[ural.email].subject
