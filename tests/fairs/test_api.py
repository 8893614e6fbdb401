from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.core.models import User
from tandem.fairs.enums import RequestStatus
from tandem.fairs.models import MeetingRequest

pytestmark = pytest.mark.integration


def test_representative_requests_and_the_receiver_accepts_over_the_api(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    sender, receiver = small_fair.jp[1], small_fair.ru[0]
    client.force_login(representative_of(sender))
    response = client.post(
        "/api/v1/fairs/innoprom-2019/requests",
        {"sender": sender.pk, "receiver": receiver.pk, "priority": 3},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["status"] == "pending" and made["priority"] == 3
    on_behalf = client.post(
        "/api/v1/fairs/innoprom-2019/requests",
        {"sender": small_fair.jp[0].pk, "receiver": receiver.pk},
        content_type="application/json",
    )
    assert on_behalf.status_code == 403
    client.force_login(representative_of(receiver))
    answer = client.post(
        f"/api/v1/fairs/innoprom-2019/requests/{made['id']}/answer",
        {"accept": True},
        content_type="application/json",
    )
    assert answer.status_code == 200 and answer.json()["status"] == "accepted"
    again = client.post(
        f"/api/v1/fairs/innoprom-2019/requests/{made['id']}/answer",
        {"accept": False},
        content_type="application/json",
    )
    assert again.status_code == 422


def test_organiser_computes_and_publishes_in_the_cli_format(
    client: Client,
    small_fair: Any,
    organiser: User,
    accept_request: Callable[..., MeetingRequest],
) -> None:
    accept_request(small_fair.jp[1], small_fair.ru[0], 3)
    booth = accept_request(small_fair.ru[0], small_fair.jp[0], 2)
    client.force_login(organiser)
    response = client.post(
        "/api/v1/fairs/innoprom-2019/schedules",
        {"time_limit": 2},
        content_type="application/json",
    )
    assert response.status_code == 202, response.content
    job = response.json()  # the tests' task backend runs the job at once
    assert job["status"] == "done" and job["progress"] == 100
    followed = client.get(f"/api/v1/fairs/innoprom-2019/schedule-jobs/{job['id']}")
    assert followed.json() == job
    version = job["version"]
    assert version["objective"] == 5 and version["bound"] == 5
    at_booth = next(m for m in version["meetings"] if m["request"] == f"R{booth.pk}")
    assert at_booth["table"] is None and at_booth["interpreter"] is not None
    published = client.post(f"/api/v1/fairs/innoprom-2019/schedules/{version['number']}/publish")
    assert published.json()["status"] == "published"
    agenda = client.get(f"/api/v1/fairs/innoprom-2019/participants/{small_fair.ru[0].pk}/agenda")
    assert [m["counterpart"] for m in agenda.json()["meetings"]] != []
    assert len(agenda.json()["meetings"]) == 2


def test_suggestion_becomes_a_request_over_the_api(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    sender, receiver = small_fair.jp[1], small_fair.ru[1]
    client.force_login(representative_of(sender))
    response = client.post(
        "/api/v1/fairs/innoprom-2019/suggestions",
        {
            "sender_organisation": sender.organisation_id,
            "receiver_organisation": receiver.organisation_id,
            "score": 0.7,
            "suggestion": "s-1",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    made = MeetingRequest.objects.get()
    assert made.status == RequestStatus.PENDING and made.suggestion_ref == "s-1"


def test_company_representative_cannot_compute_a_schedule(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    client.force_login(representative_of(small_fair.jp[1]))
    response = client.post(
        "/api/v1/fairs/innoprom-2019/schedules", {}, content_type="application/json"
    )
    assert response.status_code == 403


def test_a_suggestion_never_reveals_an_organisation_by_id(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    from tandem.core.models import Country, Organisation

    outsider = Organisation.objects.create(
        name="Hidden Outsider Works", kind="company", side=Country.objects.get(code="RU")
    )
    sender = small_fair.jp[1]
    client.force_login(representative_of(sender))
    answers = [
        client.post(
            "/api/v1/fairs/innoprom-2019/suggestions",
            {
                "sender_organisation": sender.organisation_id,
                "receiver_organisation": receiver,
                "score": 0.7,
            },
            content_type="application/json",
        )
        for receiver in (outsider.pk, 10**9)
    ]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].json() == answers[1].json()
    assert "Hidden Outsider" not in answers[0].content.decode()
    assert not MeetingRequest.objects.exists()
