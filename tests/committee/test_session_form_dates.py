"""The session form's dates round-trip in every language: the browser gets ISO values, so an
untouched form saves with the dates it had."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from html_form import submitted

from tandem.committee.models import CommitteeSession
from tandem.core.models import User

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _default_language_after() -> Iterator[None]:
    """A request in Japanese or Russian leaves its language active in this thread: set the
    default back, so that the next test creates its records as it expects."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_an_untouched_session_form_saves_with_its_dates(
    client: Client, session_15: CommitteeSession, secretariat_jp: User, language: str
) -> None:
    secretariat_jp.language = language
    secretariat_jp.save(update_fields=["language"])
    client.force_login(secretariat_jp)
    posted = submitted(client.get("/committee/15/edit/").content.decode(), "project-form")
    assert posted["start_date"] == ["2019-12-19"]
    assert posted["end_date"] == ["2019-12-19"]
    response = client.post("/committee/15/edit/", posted)
    assert response.status_code == 302, response.context["form"].errors
    session_15.refresh_from_db()
    assert (session_15.start_date.isoformat(), session_15.end_date.isoformat()) == (
        "2019-12-19",
        "2019-12-19",
    )
