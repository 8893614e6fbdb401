"""Nothing is reachable by omission: every page and API operation names its permission."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tandem.api.urls import api
from tandem.core.permissions import declared_permission

pytestmark = pytest.mark.unit

# Third-party areas that enforce their own rules: the admin (staff only), allauth (sign-in
# flows), and ninja's generated docs and schema.
DELEGATED_PREFIXES = ("admin/", "accounts/", "api/")


def walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_page_declares_its_permission() -> None:
    missing = [
        route
        for route, view in walk(get_resolver().url_patterns)
        if not route.startswith(DELEGATED_PREFIXES) and declared_permission(view) is None
    ]
    assert missing == []


def test_every_api_operation_declares_its_permission() -> None:
    # ninja keeps its bound routers private; the meta-test must see every operation.
    operations = [
        (path, operation.view_func)
        for router in api._get_bound_routers()
        for path, path_view in router.path_operations.items()
        for operation in path_view.operations
    ]
    assert operations, "the API has no operations"
    missing = [path for path, view in operations if declared_permission(view) is None]
    assert missing == []
