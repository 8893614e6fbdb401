"""Saved filters: a user's own, kept per list, saved and deleted on the record."""

import re
from collections.abc import Callable

import pytest
from django.test import Client

from tandem.core.enums import Role
from tandem.core.models import User
from tandem.web.models import SavedFilter

pytestmark = pytest.mark.integration


def test_a_user_saves_opens_and_deletes_their_filters(
    client: Client, default_programme: None, make_user: Callable[..., User]
) -> None:
    owner = make_user(Role.SECRETARIAT, "JP")
    client.force_login(owner)
    response = client.post(
        "/filters/projects/save/?q=Хабаровск&status=agreed&after=abc", {"name": "Khabarovsk"}
    )
    assert response.status_code == 302
    assert (
        response["Location"]
        == "/projects/?q=%D0%A5%D0%B0%D0%B1%D0%B0%D1%80%D0%BE%D0%B2%D1%81%D0%BA&status=agreed"
    )
    saved = SavedFilter.objects.get(user=owner, area="projects")
    assert saved.name == "Khabarovsk" and "after" not in saved.query
    assert saved.history.get().history_user == owner  # type: ignore[attr-defined]
    html = client.get("/projects/").content.decode()
    link = saved.query.replace("&", "&amp;")
    assert f'href="/projects/?{link}">Khabarovsk</a>' in html
    # Another user neither sees nor deletes it.
    client.force_login(make_user(Role.SECRETARIAT, "RU", username="other"))
    assert "Khabarovsk</a>" not in client.get("/projects/").content.decode()
    assert client.post(f"/filters/{saved.pk}/delete/").status_code == 404
    client.force_login(owner)
    assert client.post(f"/filters/{saved.pk}/delete/").status_code == 302
    assert not SavedFilter.objects.exists()


def test_saving_needs_a_name_and_a_known_list(
    client: Client, default_programme: None, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.OFFICIAL, "RU"))
    client.post("/filters/projects/save/?q=x", {"name": "  "})
    assert not SavedFilter.objects.exists()
    assert client.post("/filters/nowhere/save/", {"name": "a"}).status_code == 404
    client.logout()
    assert client.post("/filters/projects/save/", {"name": "a"}).status_code == 302
    assert not SavedFilter.objects.exists()


def test_the_save_form_follows_an_htmx_change_of_the_list(
    client: Client, default_programme: None, make_user: Callable[..., User]
) -> None:
    """The filter form swaps only the rows (htmx); the saved-filters menu comes along out of
    band, so "Save the current filters" saves the filters now shown, not those of the first
    load (it saved the page's first filters before)."""
    owner = make_user(Role.SECRETARIAT, "JP")
    client.force_login(owner)
    first = client.get("/projects/?status=idea").content.decode()
    assert 'action="/filters/projects/save/?status=idea"' in first
    assert first.count('id="saved-filters-projects"') == 1 and "hx-swap-oob" not in first
    rows = client.get("/projects/?status=agreed&q=wood", headers={"HX-Request": "true"})
    html = rows.content.decode()
    assert html.count('id="saved-filters-projects"') == 1
    assert re.search(
        r'<details class="saved-filters" id="saved-filters-projects" hx-swap-oob="true">', html
    )
    (action,) = re.findall(r'action="(/filters/projects/save/[^"]*)"', html)
    action = action.replace("&amp;", "&")
    assert "status=agreed" in action and "q=wood" in action and "idea" not in action
    assert client.post(action, {"name": "Wood"}).status_code == 302
    saved = SavedFilter.objects.get(user=owner, name="Wood")
    assert "status=agreed" in saved.query and "q=wood" in saved.query
