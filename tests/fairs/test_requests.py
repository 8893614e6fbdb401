import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tandem.core.actors import DEMO_ACTOR
from tandem.fairs.enums import Priority, RequestStatus
from tandem.fairs.models import MeetingRequest
from tandem.fairs.services.requests import (
    meeting_request_create,
    meeting_request_from_suggestion,
    meeting_request_respond,
    meeting_request_withdraw,
    meeting_requests_expire,
)

pytestmark = pytest.mark.integration

T0 = dt.datetime(2019, 6, 1, 9, tzinfo=dt.UTC)  # as in conftest.py


def test_request_expires_after_the_fairs_period(small_fair: Any) -> None:
    request = meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
    )
    assert request.status == RequestStatus.PENDING
    assert request.expires_at == T0 + dt.timedelta(days=7)
    assert meeting_requests_expire(now=T0 + dt.timedelta(days=6), actor=DEMO_ACTOR) == 0
    assert meeting_requests_expire(now=T0 + dt.timedelta(days=7), actor=DEMO_ACTOR) == 1
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED


def test_answering_an_expired_request_is_refused(small_fair: Any) -> None:
    request = meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
    )
    with pytest.raises(ValidationError, match="expired"):
        meeting_request_respond(
            request=request, accept=True, now=T0 + dt.timedelta(days=8), actor=DEMO_ACTOR
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED


def test_second_open_request_for_the_same_pair_is_refused(small_fair: Any) -> None:
    meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
    )
    with pytest.raises(ValidationError, match="already have an open"):
        meeting_request_create(
            sender=small_fair.ru[0], receiver=small_fair.jp[1], now=T0, actor=DEMO_ACTOR
        )


def test_request_after_the_deadline_is_refused(small_fair: Any) -> None:
    small_fair.fair.request_deadline = T0 - dt.timedelta(days=1)
    small_fair.fair.save()
    with pytest.raises(ValidationError, match="deadline"):
        meeting_request_create(
            sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
        )


def test_answer_after_the_scheduling_deadline_is_refused(small_fair: Any) -> None:
    request = meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
    )
    small_fair.fair.scheduling_deadline = T0 + dt.timedelta(hours=1)
    small_fair.fair.save()
    with pytest.raises(ValidationError, match="scheduling"):
        meeting_request_respond(
            request=request, accept=True, now=T0 + dt.timedelta(hours=2), actor=DEMO_ACTOR
        )


def test_request_answered_twice_is_refused(small_fair: Any) -> None:
    request = meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
    )
    meeting_request_respond(request=request, accept=False, now=T0, actor=DEMO_ACTOR)
    with pytest.raises(ValidationError, match="already answered"):
        meeting_request_respond(request=request, accept=True, now=T0, actor=DEMO_ACTOR)


def test_withdrawn_request_frees_the_pair(
    small_fair: Any, accept_request: Callable[..., MeetingRequest]
) -> None:
    request = accept_request(small_fair.jp[1], small_fair.ru[0])
    meeting_request_withdraw(request=request, actor=DEMO_ACTOR)
    again = meeting_request_create(
        sender=small_fair.jp[1], receiver=small_fair.ru[0], now=T0, actor=DEMO_ACTOR
    )
    assert again.pk != request.pk


def test_suggestion_becomes_a_request_in_one_step(small_fair: Any) -> None:
    sender, receiver = small_fair.jp[1], small_fair.ru[1]
    assert sender.organisation is not None and receiver.organisation is not None
    request = meeting_request_from_suggestion(
        fair=small_fair.fair,
        sender=sender.organisation,
        receiver=receiver.organisation,
        score=0.9,
        suggestion_ref="match-42",
        now=T0,
        actor=DEMO_ACTOR,
    )
    assert (request.sender, request.receiver) == (sender, receiver)
    assert request.priority == Priority.ESSENTIAL
    assert request.suggestion_ref == "match-42"
    assert MeetingRequest.objects.filter(fair=small_fair.fair).count() == 1


def test_suggestion_with_an_unregistered_company_is_refused(small_fair: Any) -> None:
    from tandem.core.models import Country, Organisation

    stranger = Organisation.objects.create(
        name="Not here", kind="company", side=Country.objects.get(code="RU")
    )
    assert small_fair.jp[1].organisation is not None
    with pytest.raises(ValidationError, match="Not here"):
        meeting_request_from_suggestion(
            fair=small_fair.fair,
            sender=small_fair.jp[1].organisation,
            receiver=stranger,
            score=0.5,
            actor=DEMO_ACTOR,
        )
