"""The dashboard's latest changes never show one side's confidential records."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from tandem.core.models import User
from tandem.projects.services.notes import confidential_note_create
from tandem.web.feed import home_feed

pytestmark = pytest.mark.integration


def test_latest_changes_leave_out_confidential_notes_and_projects(
    client: Client,
    make_project: Callable[..., Any],
    make_user: Callable[..., User],
    secretariat_jp: User,
) -> None:
    public = make_project(code="JR-2019-0001", title_en="Open harbour cranes")
    secret = make_project(
        code="JR-2019-0002",
        title_en="SECRET-TITLE-MARKER",
        disclosure="side_confidential",
        confidential_side="JP",
    )
    confidential_note_create(project=public, text="NOTE-MARKER for JP only", actor=secretariat_jp)
    cache.clear()
    reader = make_user("secretariat", "RU", username="sec-ru-reader")
    texts = " ".join(change.text for change in home_feed(reader, limit=50))
    assert "Open harbour cranes" in texts
    assert "SECRET-TITLE-MARKER" not in texts and "NOTE-MARKER" not in texts
    assert secret.code not in texts
    client.force_login(reader)
    page = client.get("/").content.decode()
    assert "Open harbour cranes" in page
    assert "SECRET-TITLE-MARKER" not in page and "NOTE-MARKER" not in page
