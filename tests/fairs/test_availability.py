"""A company representative sets their own participant's availability; nobody else's."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tandem.core.models import User

pytestmark = pytest.mark.integration


def url(participant: Any) -> str:
    return f"/fairs/innoprom-2019/participants/{participant.pk}/availability/"


def test_availability_representative_ticks_their_slots(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    participant = small_fair.ru[1]  # available in the first two slots
    client.force_login(representative_of(participant))
    page = client.get(url(participant)).content.decode()
    assert "Availability of Perm Optics" in page
    assert page.count('type="checkbox"') == len(small_fair.slots)
    assert page.count("checked") == 2
    chosen = [small_fair.slots[1].pk, small_fair.slots[3].pk]
    response = client.post(url(participant), {"slots": chosen})
    assert response.status_code == 302
    assert sorted(participant.available_slots.values_list("pk", flat=True)) == chosen


def test_availability_every_slot_ticked_means_the_whole_fair(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    participant = small_fair.ru[1]
    client.force_login(representative_of(participant))
    client.post(url(participant), {"slots": [s.pk for s in small_fair.slots]})
    assert not participant.available_slots.exists()
    assert "available throughout the fair" in client.get(url(participant)).content.decode()


def test_availability_nothing_ticked_is_refused(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    participant = small_fair.ru[1]
    client.force_login(representative_of(participant))
    response = client.post(url(participant), {})
    assert response.status_code == 200
    assert "Tick at least one slot." in response.content.decode()
    assert participant.available_slots.count() == 2


def test_availability_of_another_company_answers_404(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    client.force_login(representative_of(small_fair.jp[1]))
    other = small_fair.ru[1]
    assert client.get(url(other)).status_code == 404
    response = client.post(url(other), {"slots": [small_fair.slots[3].pk]})
    assert response.status_code == 404
    assert other.available_slots.count() == 2


def test_availability_representative_sees_only_their_own_link(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    client.force_login(representative_of(small_fair.jp[1]))
    page = client.get("/fairs/innoprom-2019/").content.decode()
    assert url(small_fair.jp[1]) in page
    assert url(small_fair.ru[1]) not in page and url(small_fair.jp[0]) not in page


def test_availability_organiser_sets_any_participant(
    client: Client, small_fair: Any, organiser: User
) -> None:
    client.force_login(organiser)
    participant = small_fair.jp[0]
    response = client.post(url(participant), {"slots": [small_fair.slots[0].pk]})
    assert response.status_code == 302
    assert list(participant.available_slots.all()) == [small_fair.slots[0]]


def test_availability_slot_of_another_fair_is_refused(
    client: Client, small_fair: Any, representative_of: Callable[..., User]
) -> None:
    participant = small_fair.ru[1]
    client.force_login(representative_of(participant))
    response = client.post(url(participant), {"slots": [small_fair.slots[0].pk, 999_999]})
    assert response.status_code == 200 and participant.available_slots.count() == 2
