"""POST /api/v1/label-suggestions: the suggestions the project form shows, through the API
(the page's permission, the same service), with the reasons as codes and values."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.programme.services.labelling import best_text, suggest_labels
from tandem.web.alignment.labels import suggestion_context

pytestmark = pytest.mark.integration

URL = "/api/v1/label-suggestions"
TEXT = {
    "title": {"en": "Joint LNG terminal and port logistics in Primorsky Krai"},
    "summary": {"ru": "Совместный терминал СПГ и портовая логистика в Приморском крае"},
}


def test_the_api_suggests_what_the_page_suggests(
    client: Client,
    default_programme: None,
    hashing_labeller: None,
    make_user: Callable[..., User],
) -> None:
    client.force_login(make_user(Role.SECRETARIAT, "JP"))
    response = client.post(URL, TEXT, content_type="application/json")
    assert response.status_code == 200, response.content
    answer = response.json()
    text = best_text(TEXT["title"], TEXT["summary"])
    assert text is not None and answer["language"] == text.language
    page = suggestion_context(suggest_labels(text), text)
    shown = [row["code"] for row in page["plan_areas"]]
    assert [item["code"] for item in answer["plan_areas"]][: len(shown)] == shown
    chosen = [item["code"] for item in answer["plan_areas"] if item["chosen"]]
    assert chosen[:1] == [page["primary"]]
    for item in answer["plan_areas"] + answer["national_projects"]:
        assert all(set(reason) == {"code", "values"} for reason in item["reasons"])


def test_nothing_to_read_and_no_right_are_refused(
    client: Client,
    default_programme: None,
    hashing_labeller: None,
    make_user: Callable[..., User],
) -> None:
    assert client.post(URL, TEXT, content_type="application/json").status_code == 401
    client.force_login(make_user(Role.SECRETARIAT, "RU"))
    empty = client.post(URL, {"title": {"en": " "}}, content_type="application/json")
    assert empty.status_code == 422
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    assert client.post(URL, TEXT, content_type="application/json").status_code == 403
