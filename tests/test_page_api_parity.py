"""What a page writes, the API writes too: every write action of the pages is classified here.

The pages' write actions are the ``web:`` URLs of the URL conf whose view handles a POST
(its code, read through its decorators, names ``POST``) or which the permission matrix
(``tests/security/permission_matrix.py``, checked against the URL conf and by real requests)
records answering a POST with anything but 405. Each of them is exactly one of:

- ``API``: the API operations (by function name) that do the same through the same service;
- ``PAGE_ONLY``: a page's own business, with the reason no machine needs it;
- ``READ``: a read page that answers any method (a POST there writes nothing);
- ``GAP``: a write the API does not offer yet (issue 20's remaining work): the list may only
  shrink, each entry moving to ``API`` when its operation exists.

The test fails on a page write in none of them, on an entry that is no page write, and on an
``API`` entry naming no API write operation.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tandem.api.urls import api

pytestmark = pytest.mark.unit

MATRIX = Path(__file__).resolve().parent / "security" / "permission_matrix.py"
RECORD_KINDS = ("financing_line", "milestone", "result", "source")

API: dict[str, tuple[str, ...]] = {
    "web:project_new": ("create_project",),
    "web:project_edit": ("update_project",),
    # An uploaded file's rows, previewed then saved: a machine creates each project itself.
    "web:project_import": ("create_project",),
    "web:project_import_commit": ("create_project",),
    "web:project_record_new": tuple(f"create_{kind}" for kind in RECORD_KINDS),
    "web:project_record_edit": tuple(f"update_{kind}" for kind in RECORD_KINDS),
    "web:project_record_delete": tuple(f"delete_{kind}" for kind in RECORD_KINDS),
    "web:action_item_edit": ("patch_action_item",),
    "web:briefing": ("post_briefing",),
    "web:exchange_dispatch_new": ("create_dispatch",),
    "web:exchange_dispatch_delete": ("delete_dispatch",),
    "web:exchange_placement_new": ("create_placement",),
    "web:exchange_placement_delete": ("delete_placement",),
    "web:exchange_indicator_delete": ("delete_indicator",),
    "web:exchange_measurement_new": ("put_measurement",),
    "web:exchange_measurement_edit": ("put_measurement",),
    "web:exchange_outcome_new": ("create_outcome",),
    "web:matchmaking_profile_organisation": ("link_organisation",),
    "web:matchmaking_introduction_new": ("create_introduction",),
    "web:matchmaking_introduction_answer": ("answer_introduction",),
    "web:matchmaking_introduction_meeting": ("record_meeting",),
    "web:matchmaking_introduction_outcome": ("record_outcome",),
    "web:fair_requests": ("create_request", "request_from_suggestion"),
    "web:fair_request_respond": ("answer_request",),
    "web:fair_compute": ("compute_schedule",),
    "web:fair_publish": ("publish_schedule",),
    "web:press_ingest": ("create_article",),
    # Suggestions for a project being written (nothing saved), as the form shows them.
    "web:alignment_suggest": ("suggest_project_labels",),
}

PAGE_ONLY: dict[str, str] = {
    "web:set_language": "the language of the browser session; an API call names its language"
    " in Accept-Language on each request",
    "web:saved_filter_add": "a reader's saved filters of a page's list; the API takes the"
    " filters as query parameters",
    "web:saved_filter_remove": "as web:saved_filter_add",
}

READ: dict[str, str] = {
    "web:decisions_public": "the public decisions list (API: list_public_decisions)",
    "web:exchange_outcome_list": "the outcomes list (API: list_outcomes)",
    "web:matchmaking_suggestions": "the suggestions page (API: get_suggestions)",
    "web:trade_mapping": "the chapter mapping list (its form posts to web:trade_mapping_edit)",
}

GAP: tuple[str, ...] = (
    "web:project_bulk_status",
    "web:project_import_iati",
    "web:project_import_iati_commit",
    "web:project_note_add",
    "web:working_group_new",
    "web:working_group_edit",
    "web:session_new",
    "web:session_edit",
    "web:agenda_propose",
    "web:agenda_item_new",
    "web:agenda_item_edit",
    "web:agenda_item_delete",
    "web:decision_new",
    "web:decision_edit",
    "web:decision_public",
    "web:action_item_new",
    "web:note_add",
    "web:exchange_enterprise_new",
    "web:exchange_enterprise_edit",
    "web:exchange_indicator_new",
    "web:exchange_indicator_edit",
    "web:exchange_dispatch_edit",
    "web:exchange_placement_edit",
    "web:exchange_kpi_import",
    "web:exchange_file_new",
    "web:matchmaking_profile_new",
    "web:matchmaking_profile_edit",
    "web:matchmaking_profile_state",
    "web:fair_setup",
    "web:fair_meeting_pin",
    "web:fair_meeting_move",
    "web:fair_availability",
    "web:trade_imports",
    "web:trade_import_commit",
    "web:trade_import_delete",
    "web:trade_import_publish",
    "web:trade_mapping_edit",
    "web:press_decide",
    "web:open_dump_jobs",
)

POST_IN_CODE = re.compile(r"""request\.method\s*[!=]=\s*["']POST["']|request\.POST|require_POST""")


def _web_views() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace == "web":
                found[f"web:{pattern.name}"] = pattern.callback

    walk(get_resolver().url_patterns, None)
    return found


def _handles_post(view: Callable[..., Any]) -> bool:
    if hasattr(view, "view_class"):
        return hasattr(view.view_class, "post")
    function: Any = view
    while function is not None:
        try:
            if POST_IN_CODE.search(inspect.getsource(function)):
                return True
        except (OSError, TypeError):
            pass
        function = getattr(function, "__wrapped__", None)
    return False


def _matrix_posts() -> set[str]:
    spec = importlib.util.spec_from_file_location("permission_matrix_rows", MATRIX)
    assert spec is not None and spec.loader is not None
    matrix = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(matrix)
    return {
        name.split("@")[0]
        for name, row in matrix.PAGES.items()
        if name.startswith("web:") and row.get("POST") and set(row["POST"]) != {"405"}
    }


def _page_writes() -> set[str]:
    views = _web_views()
    by_code = {name for name, view in views.items() if _handles_post(view)}
    return (by_code | _matrix_posts()) & set(views)


def _api_writes() -> set[str]:
    return {
        operation.view_func.__name__
        for router in api._get_bound_routers()
        for path_view in router.path_operations.values()
        for operation in path_view.operations
        if set(operation.methods) - {"GET", "HEAD", "OPTIONS"}
    }


def test_the_classes_do_not_overlap() -> None:
    classes = [set(API), set(PAGE_ONLY), set(READ), set(GAP)]
    assert len(GAP) == len(set(GAP))
    for position, one in enumerate(classes):
        for other in classes[position + 1 :]:
            assert one.isdisjoint(other), one & other


def test_every_page_write_is_classified() -> None:
    writes = _page_writes()
    assert len(writes) > 60  # the enumeration found the pages' forms
    classified = set(API) | set(PAGE_ONLY) | set(READ) | set(GAP)
    assert sorted(writes - classified) == [], "a page write with no API operation"
    assert sorted(classified - writes) == [], "an entry that is no page write (any more)"


def test_each_mapped_page_write_has_its_api_operations() -> None:
    operations = _api_writes()
    missing = {page: [op for op in ops if op not in operations] for page, ops in API.items()}
    assert {page: ops for page, ops in missing.items() if ops} == {}


def test_the_page_only_writes_are_few() -> None:
    assert len(PAGE_ONLY) <= 5
