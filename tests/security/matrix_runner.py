"""Runs the permission matrix: builds each URL from the world's objects, sends the request as
each role, classifies the answer, and looks for marker strings in every body."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseBase
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from permission_matrix import (
    ANONYMOUS,
    DELEGATED_PREFIXES,
    PENDING_API_PREFIXES,
    PENDING_PREFIXES,
    REST,
    Expectation,
)
from security_world import ROLE_KEYS, World

API_PREFIX = "/api/v1"


def walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(route, namespaced name) of every URL pattern."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else str(entry.name)
            yield prefix + str(entry.pattern), name


def page_routes() -> dict[str, str]:
    """Every page URL name the matrix must list -> its route (API operations apart)."""
    routes: dict[str, str] = {}
    for route, name in walk(get_resolver().url_patterns):
        if route.startswith(DELEGATED_PREFIXES) or route.startswith("api/v1/"):
            continue
        if route.startswith(PENDING_PREFIXES):
            continue
        routes.setdefault(name, route)
    return routes


def api_operations() -> dict[str, tuple[str, str]]:
    """Every API operation id -> (method, path)."""
    from tandem.api.urls import api

    operations: dict[str, tuple[str, str]] = {}
    for router in api._get_bound_routers():
        for path, path_view in router.path_operations.items():
            if path.startswith(PENDING_API_PREFIXES):
                continue
            for operation in path_view.operations:
                name = operation.operation_id or operation.view_func.__name__
                for method in operation.methods:
                    operations[f"api:{name}"] = (method, path)
    return operations


def expand(expectation: Expectation) -> dict[str, str]:
    """{role key: status class} from {status class: roles}, REST filling the others."""
    result: dict[str, str] = {}
    rest = None
    for status, roles in expectation.items():
        if roles == REST:
            rest = status
            continue
        for role in roles:
            result[role] = status
    for role in ROLE_KEYS:
        if role not in result:
            if rest is None:
                raise AssertionError(f"no expectation for {role} in {expectation}")
            result[role] = rest
    return result


def classify(response: HttpResponseBase) -> str:
    status = response.status_code
    if 200 <= status < 300:
        return "ok"
    if status in (301, 302, 303, 307, 308):
        location = response.get("Location", "")
        login = resolve_url(settings.LOGIN_URL)
        return "login" if location.startswith(login) or "/login" in location else "redirect"
    if status >= 500:
        return "500"
    return str(status)


def body_text(raw: bytes) -> str:
    """Everything a response shows, XLSX and other zips unpacked."""
    if raw[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                return "".join(
                    archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                )
        except zipfile.BadZipFile:
            pass
    return raw.decode("utf-8", "replace")


def fill(path: str, kwargs: dict[str, str], world: World) -> dict[str, Any]:
    values = {}
    for parameter, key in kwargs.items():
        if key.startswith("="):
            values[parameter] = key[1:]
            continue
        if key not in world.objects:
            raise LookupError(
                f"{path}: the world has no object {key!r}"
                + (f" (broken: {world.broken})" if world.broken else "")
            )
        values[parameter] = world.objects[key]
    return values


def web_url(name: str, kwargs: dict[str, str], world: World, query: str = "") -> str:
    return reverse(name.split("@")[0], kwargs=fill(name, kwargs, world)) + query


def api_url(path: str, kwargs: dict[str, str], world: World, query: str = "") -> str:
    return API_PREFIX + path.format(**fill(path, kwargs, world)) + query


def client_for(world: World, role: str, *, api: bool = False) -> Client:
    """The signed-in client of ``role`` (pages), or a client with its bearer token (API)."""
    if not api:
        return world.clients[role]  # type: ignore[no-any-return]
    client = Client(raise_request_exception=False)
    if world.users.get(role) is not None:
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {world.tokens[role]}"
    return client


def request_body(body: Any, world: World) -> Any:
    """A row's JSON body with its world references ("@key") replaced by the objects' values."""
    if isinstance(body, dict):
        return {key: request_body(value, world) for key, value in body.items()}
    if isinstance(body, list):
        return [request_body(value, world) for value in body]
    if isinstance(body, str) and body.startswith("@"):
        return world.objects[body[1:]]
    return body


def send(
    client: Client, method: str, url: str, *, api: bool = False, body: Any = None
) -> tuple[HttpResponseBase, bytes]:
    """One request in a savepoint that is rolled back, so that no request changes the next;
    returns the response and its whole body. API writes send ``body`` as JSON (``{}`` by
    default, which proves little more than 401 and 422: give write rows a valid body)."""
    with transaction.atomic():
        if method == "GET":
            response = client.get(url)
        elif api:
            payload = json.dumps(body if body is not None else {})
            response = client.generic(method, url, payload, "application/json")
        else:
            response = client.generic(method, url, "", "application/x-www-form-urlencoded")
        raw = (
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if response.streaming
            else response.content  # type: ignore[attr-defined]
        )
        transaction.set_rollback(True)
    return response, raw


def leaks(world: World, role: str, text: str) -> list[str]:
    """Markers in ``text`` that ``role`` must never see."""
    return [
        marker
        for marker, allowed in world.markers.items()
        if role not in allowed and marker in text
    ]


def is_anonymous(role: str) -> bool:
    return role in ANONYMOUS
