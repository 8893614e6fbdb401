"""Error pages in the site's layout and the reader's language; links only to pages a user may
open; a refusal logged in one line; the site's icon at /favicon.ico."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterator

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from tandem.core.enums import Role
from tandem.core.log_filters import OneLineForbidden
from tandem.core.models import User
from tandem.web.errors import bad_request, server_error

pytestmark = pytest.mark.integration


def _in_japanese(text: str) -> str:
    with translation.override("ja"):
        translated = translation.gettext(text)
    assert translated != text  # the layout's strings have their Japanese
    return translated


def _layout_in_japanese(page: str) -> None:
    assert '<html lang="ja">' in page
    assert 'class="site-header' in page
    assert _in_japanese("Skip to content") in page


def test_not_found_is_the_site_page_in_the_readers_language(
    client: Client, default_programme: None
) -> None:
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 404
    page = response.content.decode()
    _layout_in_japanese(page)
    assert 'data-status="404"' in page
    assert "The requested resource was not found on this server" not in page


def test_refusal_is_the_site_page_with_the_readers_navigation(
    client: Client, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.COMPANY_REPRESENTATIVE, "JP")
    user.language = "ja"  # the reader's own language
    user.save()
    client.force_login(user)
    response = client.get("/matchmaking/funnel/")
    assert response.status_code == 403
    page = response.content.decode()
    _layout_in_japanese(page)
    assert 'data-status="403"' in page and "/trade/" in page  # the menu the reader may use


def test_wrong_method_is_the_site_page(client: Client, default_programme: None) -> None:
    response = client.get("/language/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    _layout_in_japanese(response.content.decode())


def test_server_error_page_renders_without_the_database(
    db: None, django_assert_num_queries: Callable[..., object]
) -> None:
    request = RequestFactory().get("/")
    with translation.override("ja"), django_assert_num_queries(0):  # type: ignore[attr-defined]
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ja">' in page and 'data-status="500"' in page


def test_bad_request_page_in_the_layout(rf: RequestFactory, default_programme: None) -> None:
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    response = bad_request(request)
    assert response.status_code == 400
    assert 'class="site-header' in response.content.decode()


def test_favicon_is_tandems_icon(client: Client, db: None) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content.startswith(b"\x00\x00\x01\x00")  # an ICO file


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """What the server's console handler (the one with the 403 filter) writes."""
    handlers = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, OneLineForbidden) for f in h.filters)
    ]
    assert handlers, "the console handler of LOGGING carries the one-line-403 filter"
    stream = io.StringIO()
    handler = handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)


def test_a_refusal_is_logged_in_one_line(
    client: Client, make_user: Callable[..., User], server_log: io.StringIO
) -> None:
    client.force_login(make_user(Role.COMPANY_REPRESENTATIVE, "JP"))
    assert client.get("/matchmaking/funnel/").status_code == 403
    lines = server_log.getvalue().strip().splitlines()
    assert len(lines) == 1 and "Forbidden" in lines[0] and "/matchmaking/funnel/" in lines[0]
    assert "Traceback" not in server_log.getvalue()


# Every role, and a page of each part of tandem whose menus (the main one, the sub-menus of
# matchmaking and trade) a user of that role sees.
ROLES = (
    (Role.SECRETARIAT, "JP"),
    (Role.OFFICIAL, "RU"),
    (Role.AGENCY_STAFF, "JP"),
    (Role.COORDINATOR, "RU"),
    (Role.COMPANY_REPRESENTATIVE, "JP"),
    (Role.AUDITOR, None),
)
MENU = re.compile(r"<nav[^>]*>(.*?)</nav>", re.S)
LINK = re.compile(r'href="(/[^"#?]*)')


def _menu_links(page: str) -> set[str]:
    return {link for menu in MENU.findall(page) for link in LINK.findall(menu)}


@pytest.mark.parametrize(("role", "side"), ROLES)
def test_every_menu_link_a_user_sees_opens(
    client: Client, make_user: Callable[..., User], role: str, side: str | None
) -> None:
    client.force_login(make_user(role, side))
    seen: set[str] = set()
    todo = {"/"}
    while todo:  # the pages the menus lead to, and their own menus
        path = todo.pop()
        seen.add(path)
        response = client.get(path, follow=True)
        assert response.status_code == 200, (path, response.status_code)
        page = response.content.decode()
        todo |= {link for link in _menu_links(page) if not link.startswith("/static/")} - seen
    assert "/matchmaking/funnel/" in seen or role == Role.COMPANY_REPRESENTATIVE
    if role in (Role.SECRETARIAT, Role.OFFICIAL, Role.AUDITOR):
        assert "/matchmaking/introductions/" not in seen
