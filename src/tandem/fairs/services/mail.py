"""Notices by e-mail (Django's e-mail backend, ``TANDEM_EMAIL_BACKEND``): a meeting request
received, accepted or declined, a schedule published, a published meeting moved by hand.
Each reader gets the mail in their own language; the recipients of a participant are the
active users of its organisation who have an e-mail address, or the person taking part."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tandem.core.mail import styled_message
from tandem.core.models import User
from tandem.fairs.models import (
    FairParticipant,
    MeetingRequest,
    ScheduledMeeting,
    ScheduleVersion,
)
from tandem.fairs.selectors.agenda import place_of

REQUEST_RECEIVED = "request_received"
REQUEST_ACCEPTED = "request_accepted"
REQUEST_DECLINED = "request_declined"
SCHEDULE_PUBLISHED = "schedule_published"
MEETING_MOVED = "meeting_moved"
KINDS = (REQUEST_RECEIVED, REQUEST_ACCEPTED, REQUEST_DECLINED, SCHEDULE_PUBLISHED, MEETING_MOVED)


@dataclass(frozen=True)
class Recipient:
    address: str
    language: str


def recipients_of(participant: FairParticipant) -> list[Recipient]:
    """Who reads mail for ``participant``, each with their language."""
    found: dict[str, Recipient] = {}
    if participant.organisation_id:
        users = User.objects.filter(
            organisation_id=participant.organisation_id, is_active=True
        ).exclude(email="")
        for user in users.order_by("pk"):
            found.setdefault(user.email.lower(), Recipient(user.email, user.language))
    person = participant.person
    if person is not None and person.email:
        language = getattr(person.side, "default_language", "") or settings.LANGUAGE_CODE
        found.setdefault(person.email.lower(), Recipient(person.email, language))
    return list(found.values())


def _request_text(kind: str, request: MeetingRequest) -> tuple[str, str]:
    names = {
        "fair": str(request.fair),
        "sender": request.sender.display_name,
        "receiver": request.receiver.display_name,
        "priority": str(request.get_priority_display()),
        "path": reverse("web:fair_requests", args=[request.fair.slug]),
    }
    if kind == REQUEST_RECEIVED:
        subject = _("Meeting request from %(sender)s at %(fair)s") % names
        body = (
            _(
                "%(sender)s asks %(receiver)s for a B2B meeting at %(fair)s (priority: "
                "%(priority)s).\n\nAccept or decline it on the meeting requests page: %(path)s"
            )
            % names
        )
    elif kind == REQUEST_ACCEPTED:
        subject = _("%(receiver)s accepted your meeting request at %(fair)s") % names
        body = (
            _(
                "%(receiver)s accepted the B2B meeting that %(sender)s asked for at %(fair)s. "
                "The meeting gets a time and a place when the organisers publish the schedule."
                "\n\nMeeting requests: %(path)s"
            )
            % names
        )
    else:
        subject = _("%(receiver)s declined your meeting request at %(fair)s") % names
        body = (
            _(
                "%(receiver)s declined the B2B meeting that %(sender)s asked for at %(fair)s."
                "\n\nMeeting requests: %(path)s"
            )
            % names
        )
    return subject, body


def _published_text(version: ScheduleVersion, participant: FairParticipant) -> tuple[str, str]:
    names = {
        "fair": str(version.fair),
        "name": participant.display_name,
        "path": reverse("web:fair_agenda", args=[version.fair.slug, participant.pk]),
    }
    subject = _("The B2B meeting schedule of %(fair)s is published") % names
    body = (
        _(
            "The organisers of %(fair)s published the schedule of B2B meetings. The agenda of "
            "%(name)s (page, PDF and calendar file) is here: %(path)s"
        )
        % names
    )
    return subject, body


def _moved_text(meeting: ScheduledMeeting, participant: FairParticipant) -> tuple[str, str]:
    fair = meeting.version.fair
    request = meeting.request
    other = request.receiver if request.sender_id == participant.pk else request.sender
    zone = ZoneInfo(fair.time_zone)
    start = timezone.localtime(meeting.slot.start, timezone=zone)
    end = timezone.localtime(meeting.slot.end, timezone=zone)
    names = {
        "fair": str(fair),
        "other": other.display_name,
        "time": f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}",
        "place": place_of(meeting),
        "path": reverse("web:fair_agenda", args=[fair.slug, participant.pk]),
    }
    subject = _("Your meeting with %(other)s at %(fair)s was moved") % names
    body = (
        _(
            "The organisers of %(fair)s moved the B2B meeting with %(other)s to %(time)s "
            "(local time), %(place)s.\n\nYour agenda: %(path)s"
        )
        % names
    )
    return subject, body


def _messages(
    recipients: Iterable[Recipient], texts: dict[str, tuple[str, str]]
) -> list[EmailMessage]:
    return [
        styled_message(  # the text, and the same text in the site's look (tandem.core.mail)
            subject=f"[tandem] {texts[r.language][0]}",
            body=texts[r.language][1],
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[r.address],
            language=r.language,
            headers={"Content-Language": r.language},
        )
        for r in recipients
    ]


def _in_languages(recipients: list[Recipient], make: object) -> dict[str, tuple[str, str]]:
    texts: dict[str, tuple[str, str]] = {}
    for language in {r.language for r in recipients}:
        with translation.override(language):
            texts[language] = make()  # type: ignore[operator]
    return texts


def send_notice_mail(kind: str, object_id: int) -> int:
    """Send the mails of one notice; returns how many were sent."""
    messages: list[EmailMessage] = []
    if kind == SCHEDULE_PUBLISHED:
        version = ScheduleVersion.objects.select_related("fair").get(pk=object_id)
        participants = FairParticipant.objects.filter(fair=version.fair).select_related(
            "person__side"
        )
        for participant in participants.order_by("pk"):
            recipients = recipients_of(participant)
            if recipients:
                texts = _in_languages(
                    recipients,
                    lambda participant=participant: _published_text(version, participant),
                )
                messages += _messages(recipients, texts)
    elif kind == MEETING_MOVED:
        meeting = ScheduledMeeting.objects.select_related(
            "version__fair",
            "slot",
            "table",
            "booth_of",
            "request__sender__person__side",
            "request__receiver__person__side",
        ).get(pk=object_id)
        for participant in (meeting.request.sender, meeting.request.receiver):
            recipients = recipients_of(participant)
            texts = _in_languages(
                recipients, lambda participant=participant: _moved_text(meeting, participant)
            )
            messages += _messages(recipients, texts)
    elif kind in KINDS:
        request = MeetingRequest.objects.select_related(
            "fair", "sender__person__side", "receiver__person__side"
        ).get(pk=object_id)
        reader = request.receiver if kind == REQUEST_RECEIVED else request.sender
        recipients = recipients_of(reader)
        texts = _in_languages(recipients, lambda: _request_text(kind, request))
        messages = _messages(recipients, texts)
    else:
        raise ValueError(f"unknown notice kind {kind!r}")
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


def notice_later(kind: str, object_id: int) -> None:
    """Send a notice through the task worker once the current transaction commits."""
    from tandem.fairs.tasks import send_notice  # the tasks module imports the services

    transaction.on_commit(lambda: send_notice.enqueue(kind, object_id))
