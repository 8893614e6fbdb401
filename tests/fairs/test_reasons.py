"""Why a request is not placed, in the reader's language: the scheduler's codes on the pages,
its English text in the command line's output."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.fairs.models import MeetingRequest, UnplacedRequest
from tandem.fairs.scheduling.reasons import TEMPLATES, text
from tandem.fairs.services.schedules import schedule_compute
from tandem.web.fairs.reasons import MESSAGES, reason_message

SAMPLE = {
    "status": "declined",
    "participant": "P1",
    "other": "P2",
    "a": "P1",
    "b": "P2",
    "languages": "ja/ru",
    "n": "3",
}


@pytest.fixture(autouse=True)
def _language_restored() -> Any:
    """A signed-in reader's language is activated by the middleware for the whole thread: keep
    it out of the tests that run after these."""
    language = translation.get_language()
    yield
    translation.activate(language)


@pytest.mark.unit
def test_reason_every_code_has_a_message_and_an_english_text() -> None:
    assert set(MESSAGES) == set(TEMPLATES)
    names = {1: "Kobe Valves", 2: "Perm Optics"}
    for code, template in TEMPLATES.items():
        params = {k: v for k, v in SAMPLE.items() if "{" + k + "}" in template}
        assert text(code, params)
        message = reason_message(code, params, names)
        assert message and "P1" not in message and "P2" not in message, code


@pytest.mark.unit
def test_reason_message_in_russian_uses_the_catalogue() -> None:
    with translation.override("ru"):
        message = reason_message("not_accepted", {"status": "declined"}, {})
    assert message is not None and "Отклонён" in message


@pytest.mark.unit
def test_reason_unknown_code_gives_none() -> None:
    assert reason_message("no_such_code", {}, {}) is None
    assert reason_message("no_free_table", {"n": "x"}, {}) is None


@pytest.mark.integration
def test_reason_version_page_shows_names_in_the_readers_words(
    client: Client,
    small_fair: Any,
    organiser: User,
    accept_request: Callable[..., MeetingRequest],
) -> None:
    perm = small_fair.ru[1]  # available in two slots only
    accept_request(small_fair.jp[0], perm, 5)
    accept_request(small_fair.jp[1], perm, 5)
    low = accept_request(small_fair.ru[0], perm, 1)
    version = schedule_compute(fair=small_fair.fair, time_limit=3, actor=DEMO_ACTOR)
    row = UnplacedRequest.objects.get(version=version)
    assert row.request == low and row.code == "fully_booked"
    assert row.params == {"participant": f"P{perm.pk}"}
    assert row.reason == f"participant 'P{perm.pk}' fully booked in their available slots"
    client.force_login(organiser)
    page = client.get(f"/fairs/innoprom-2019/schedules/{version.number}/").content.decode()
    assert "Perm Optics is fully booked in the slots where they are available" in page


@pytest.mark.integration
def test_reason_rows_without_code_keep_their_english_text(
    client: Client,
    small_fair: Any,
    organiser: User,
    accept_request: Callable[..., MeetingRequest],
) -> None:
    perm = small_fair.ru[1]
    accept_request(small_fair.jp[0], perm, 5)
    accept_request(small_fair.jp[1], perm, 5)
    accept_request(small_fair.ru[0], perm, 1)
    version = schedule_compute(fair=small_fair.fair, time_limit=3, actor=DEMO_ACTOR)
    UnplacedRequest.objects.filter(version=version).update(code="", params={})
    client.force_login(organiser)
    page = client.get(f"/fairs/innoprom-2019/schedules/{version.number}/").content.decode()
    assert "participant &#x27;Perm Optics&#x27; fully booked" in page


@pytest.mark.integration
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ja", "参加可能な時間枠がすべて予定で埋まっています"),
        ("ru", "заняты все слоты, в которые он доступен"),
    ],
)
def test_reason_api_gives_the_message_in_the_readers_language(
    client: Client,
    small_fair: Any,
    organiser: User,
    accept_request: Callable[..., MeetingRequest],
    language: str,
    expected: str,
) -> None:
    perm = small_fair.ru[1]
    accept_request(small_fair.jp[0], perm, 5)
    accept_request(small_fair.jp[1], perm, 5)
    accept_request(small_fair.ru[0], perm, 1)
    organiser.language = language
    organiser.save(update_fields=["language"])
    client.force_login(organiser)
    job = client.post(
        "/api/v1/fairs/innoprom-2019/schedules",
        {"time_limit": 3},
        content_type="application/json",
    ).json()
    (row,) = job["version"]["unscheduled"]
    assert row["code"] == "fully_booked" and row["params"] == {"participant": f"P{perm.pk}"}
    assert row["reason"].startswith("participant 'P")  # the command line's English, kept
    assert expected in row["message"] and "Perm Optics" in row["message"]
    assert "fully booked" not in row["message"] and f"P{perm.pk}" not in row["message"]
