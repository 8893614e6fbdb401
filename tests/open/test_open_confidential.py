"""Nothing that is not public reaches any /open/ URL, in any format, as any reader."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client
from open_world import MARKER, TRANSLATED, OpenWorld

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# Words of the planted records' texts (the marker itself is not searched for: a page may
# repeat the reader's own query back).
FILTERS = ["", "q=Secret", "q=plant", "q=秘密", "q=Секрет", "plan_area=P5", "year=2024"]
FORMATS = ["", "csv", "xlsx", "json", "atom", "iati"]


def _text(response: object) -> str:
    raw = (
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
        if getattr(response, "streaming", False)
        else response.content  # type: ignore[attr-defined]
    )
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return raw.decode("utf-8", "replace")


def open_urls(world: OpenWorld) -> list[str]:
    urls = []
    for query in FILTERS:
        for file_format in FORMATS:
            parts = [p for p in (query, f"format={file_format}" if file_format else "") if p]
            urls.append("/open/projects/?" + "&".join(parts))
        urls.append("/open/projects/embed/?" + query)
        urls.append("/open/projects/embed/?view=chart&" + query)
    for language in ("en", "ja", "ru"):
        urls.append(f"/open/projects/{TRANSLATED}/?lang={language}")
        urls.append(f"/open/committee/?lang={language}")
    urls += [f"/open/projects/{TRANSLATED}/?as_of={n}" for n in (15, 16)]
    urls += ["/open/committee/?format=atom"]
    urls += ["/open/trade/", "/open/trade/?format=csv", "/open/trade/?format=json"]
    urls += ["/open/regions/"] + [f"/open/regions/?lang={code}" for code in ("ja", "ru")]
    urls += [f"/open/projects/{code}/" for code in world.hidden_codes]
    return urls


def test_no_marker_reaches_any_open_url(client: Client, open_world: OpenWorld, make_user) -> None:  # type: ignore[no-untyped-def]
    readers = {"anonymous": client}
    secretariat = Client()
    secretariat.force_login(make_user("secretariat", "JP"))
    readers["secretariat_jp"] = secretariat  # signed in, the portal still shows the public's
    problems = []
    for name, reader in readers.items():
        for url in open_urls(open_world):
            response = reader.get(url)
            if response.status_code >= 500:
                problems.append(f"{url} as {name}: {response.status_code}")
            text = _text(response)
            if MARKER in text:
                problems.append(f"{url} as {name}: shows the marker")
            for code in open_world.hidden_codes:
                if code in text and code not in url:  # a 404 page may repeat its own address
                    problems.append(f"{url} as {name}: names {code}")
    assert not problems, "\n".join(problems)
    # the test is not blind: the marked records are there for those who may see them
    assert MARKER in secretariat.get("/projects/JR-2024-9902/").content.decode()
