"""The portal's pages show dates in the reader's language; machine-readable attributes and
the files keep ISO 8601."""

from __future__ import annotations

import pytest
from django.test import Client
from open_world import TRANSLATED, OpenWorld

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

#: The project's status date, 1 May 2024, as each language reads it.
STATUS_DATE = {"en": "1 May 2024", "ja": "2024年5月1日", "ru": "1 мая 2024"}


@pytest.mark.parametrize("language", sorted(STATUS_DATE))
def test_the_project_page_and_list_read_dates_in_the_reader_language(
    client: Client, open_world: OpenWorld, language: str
) -> None:
    for url in (f"/open/projects/{TRANSLATED}/", "/open/projects/"):
        html = client.get(url, {"lang": language}).content.decode()
        assert STATUS_DATE[language] in html, url
        assert '<time datetime="2024-05-01">' in html, url
        assert ">2024-05-01<" not in html, url


def test_the_csv_keeps_iso_dates(client: Client, open_world: OpenWorld) -> None:
    response = client.get("/open/projects/", {"format": "csv", "lang": "ja"})
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert "2024-05-01" in text
    assert "2024年5月1日" not in text
