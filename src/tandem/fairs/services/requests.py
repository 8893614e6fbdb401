"""Meeting requests: ask, answer, withdraw, expire; a matchmaking suggestion in one step."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.actors import Actor, actor_reason, actor_user
from tandem.core.audit import save_with_actor, with_actor
from tandem.core.models import Organisation
from tandem.fairs.enums import OPEN_STATUSES, Priority, RequestStatus
from tandem.fairs.models import Fair, FairParticipant, MeetingRequest
from tandem.fairs.services.mail import (
    REQUEST_ACCEPTED,
    REQUEST_DECLINED,
    REQUEST_RECEIVED,
    notice_later,
)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


@transaction.atomic
def meeting_request_create(
    *,
    sender: FairParticipant,
    receiver: FairParticipant,
    priority: int = Priority.NORMAL,
    message: str = "",
    suggestion_ref: str = "",
    now: dt.datetime | None = None,
    actor: Actor,
) -> MeetingRequest:
    """``sender`` asks ``receiver`` for a meeting; it expires unanswered after the fair's
    expiry period and cannot be made after the fair's request deadline."""
    fair: Fair = sender.fair
    moment = _now(now)
    if receiver.fair_id != fair.pk:
        raise ValidationError(_("Both participants must take part in the same fair."))
    if sender.pk == receiver.pk:
        raise ValidationError(_("A participant cannot request a meeting with itself."))
    if fair.request_deadline and moment > fair.request_deadline:
        raise ValidationError(
            _("The deadline for meeting requests (%(deadline)s) has passed.")
            % {"deadline": f"{timezone.localtime(fair.request_deadline):%Y-%m-%d %H:%M}"}
        )
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Choose a priority from the list.")})
    pair = MeetingRequest.objects.filter(status__in=OPEN_STATUSES, fair=fair)
    if (
        pair.filter(sender=sender, receiver=receiver).exists()
        or pair.filter(sender=receiver, receiver=sender).exists()
    ):
        raise ValidationError(
            _("%(a)s and %(b)s already have an open meeting request.")
            % {"a": sender.display_name, "b": receiver.display_name}
        )
    request = MeetingRequest(
        fair=fair,
        sender=sender,
        receiver=receiver,
        priority=priority,
        message=message,
        suggestion_ref=suggestion_ref,
        created_at=moment,
        expires_at=moment + dt.timedelta(days=fair.request_expiry_days),
        created_by=actor_user(actor),
        is_illustrative=sender.is_illustrative or receiver.is_illustrative,
    )
    save_with_actor(request, actor)
    if not request.is_illustrative:  # illustrative companies read no mail
        notice_later(REQUEST_RECEIVED, request.pk)
    return request


@transaction.atomic
def _expire_if_due(request: MeetingRequest, moment: dt.datetime, actor: Actor) -> bool:
    if request.status == RequestStatus.PENDING and request.expires_at <= moment:
        request.status = RequestStatus.EXPIRED
        save_with_actor(request, actor, reason="expired")
        return True
    return False


def meeting_request_respond(
    *,
    request: MeetingRequest,
    accept: bool,
    now: dt.datetime | None = None,
    actor: Actor,
) -> MeetingRequest:
    """The receiver accepts or declines a pending request (until the scheduling deadline).

    A request found past its expiry is marked expired (and stays so) and the answer refused."""
    moment = _now(now)
    if _expire_if_due(request, moment, actor):
        raise ValidationError(_("This meeting request has expired; it can no longer be answered."))
    with transaction.atomic():
        request = (
            MeetingRequest.objects.select_for_update().select_related("fair").get(pk=request.pk)
        )
        if request.status != RequestStatus.PENDING:
            raise ValidationError(
                _("This meeting request was already answered (%(status)s).")
                % {"status": request.get_status_display()}
            )
        deadline = request.fair.scheduling_deadline
        if deadline and moment > deadline:
            raise ValidationError(_("The deadline for scheduling has passed; answers are closed."))
        request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        request.responded_at = moment
        save_with_actor(request, actor, reason="accepted" if accept else "declined")
        if not request.is_illustrative:
            notice_later(REQUEST_ACCEPTED if accept else REQUEST_DECLINED, request.pk)
        return request


@transaction.atomic
def meeting_request_withdraw(*, request: MeetingRequest, actor: Actor) -> MeetingRequest:
    """The sender withdraws an open request; it leaves future schedules."""
    if request.status not in OPEN_STATUSES:
        raise ValidationError(_("Only a pending or accepted request can be withdrawn."))
    request.status = RequestStatus.WITHDRAWN
    return save_with_actor(request, actor, reason="withdrawn")


@transaction.atomic
def meeting_requests_expire(*, now: dt.datetime | None = None, actor: Actor) -> int:
    """Mark every pending request past its expiry as expired; returns how many."""
    moment = _now(now)
    due = MeetingRequest.objects.select_for_update().filter(
        status=RequestStatus.PENDING, expires_at__lte=moment
    )
    count = 0
    for request in due:
        request.status = RequestStatus.EXPIRED
        with_actor(request, actor)
        request._change_reason = actor_reason(actor, "expired")  # type: ignore[attr-defined]
        request.save(update_fields=["status"])
        count += 1
    return count


def priority_from_score(score: float) -> int:
    """A matchmaking score in [0, 1] as a request priority."""
    if score >= 0.85:
        return int(Priority.ESSENTIAL)
    if score >= 0.6:
        return int(Priority.HIGH)
    if score >= 0.3:
        return int(Priority.NORMAL)
    return int(Priority.LOW)


@transaction.atomic
def meeting_request_from_suggestion(
    *,
    fair: Fair,
    sender: Organisation,
    receiver: Organisation,
    score: float,
    suggestion_ref: str = "",
    now: dt.datetime | None = None,
    actor: Actor,
) -> MeetingRequest:
    """Turn a matchmaking suggestion (two organisations and a score) into a meeting request
    in one step; both organisations must be registered participants of the fair."""
    by_organisation = {
        p.organisation_id: p
        for p in FairParticipant.objects.filter(
            fair=fair, organisation__in=[sender.pk, receiver.pk]
        )
    }
    missing = [o.name for o in (sender, receiver) if o.pk not in by_organisation]
    if missing:
        raise ValidationError(
            _("Not registered for %(fair)s: %(names)s.")
            % {"fair": fair, "names": ", ".join(missing)}
        )
    return meeting_request_create(
        sender=by_organisation[sender.pk],
        receiver=by_organisation[receiver.pk],
        priority=priority_from_score(score),
        suggestion_ref=suggestion_ref,
        now=now,
        actor=actor,
    )
