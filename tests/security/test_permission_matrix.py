"""The permission matrix: every page and API operation x every role x method answers as
``permission_matrix`` says, nothing answers 5xx, and no planted marker reaches a role that
may not see it."""

from __future__ import annotations

import os
import re
import time
from typing import Any

import matrix_runner as runner
import pytest
from permission_matrix import API, DELEGATED, GROUPS, PAGES, REST
from security_world import ROLE_KEYS, World

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def test_matrix_lists_every_page() -> None:
    routes = runner.page_routes()
    listed = {name.split("@")[0] for name in PAGES}
    missing = sorted(f"{name} ({route})" for name, route in routes.items() if name not in listed)
    stale = sorted(listed - set(routes))
    assert missing == [], f"pages missing from permission_matrix.PAGES: {missing}"
    assert stale == [], f"rows for pages that no longer exist: {stale}"


def test_matrix_lists_every_api_operation() -> None:
    operations = runner.api_operations()
    listed = {name.split("@")[0] for name in API}
    missing = sorted(
        f"{name} ({method} {path})"
        for name, (method, path) in operations.items()
        if name not in listed
    )
    stale = sorted(listed - set(operations))
    assert missing == [], f"API operations missing from permission_matrix.API: {missing}"
    assert stale == [], f"rows for API operations that no longer exist: {stale}"


def _check(world: World, name: str, row: dict[str, Any], *, api: bool) -> list[str]:
    if api:
        _method, path = runner.api_operations()[name.split("@")[0]]
        url = runner.api_url(path, row.get("kwargs", {}), world, row.get("query", ""))
    else:
        url = runner.web_url(name, row.get("kwargs", {}), world, row.get("query", ""))
    problems = []
    for method in METHODS:
        if method not in row:
            continue
        expected = runner.expand(row[method])
        for role in ROLE_KEYS:
            client = runner.client_for(world, role, api=api)
            body = runner.request_body(row.get("body", {}).get(method), world)
            response, raw = runner.send(client, method, url, api=api, body=body)
            got = runner.classify(response)
            allowed = expected[role].split("|")
            if got not in allowed:
                problems.append(f"{method} {url} as {role}: expected {expected[role]}, got {got}")
            if got == "ok":
                for marker in runner.leaks(world, role, runner.body_text(raw)):
                    problems.append(f"{method} {url} as {role}: shows {marker}")
    return problems


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_answers_each_role_as_the_matrix_says(world: World, name: str) -> None:
    problems = _check(world, name, PAGES[name], api=False)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(API))
def test_api_operation_answers_each_role_as_the_matrix_says(world: World, name: str) -> None:
    problems = _check(world, name, API[name], api=True)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("path", "role", "method", "expected"), DELEGATED)
def test_delegated_area_spot_check(
    world: World, path: str, role: str, method: str, expected: str
) -> None:
    response, _ = runner.send(runner.client_for(world, role), method, path)
    got = runner.classify(response)
    assert got in expected.split("|"), f"{method} {path} as {role}: got {got}"


# --- the snapshot: prints the observed rows of every route missing from the table ---------

#: Pages that change something (forms and actions): their POST row is checked too.
ACTION = re.compile(
    r"new|edit|delete|add|state|answer|meeting$|outcome|request|respond|compute|publish|pin|"
    r"move|setup|propose|public$|import|bulk|language|suggest|availability|measure"
)
LITERALS = {
    "file_format": "=csv",
    "owner": "=dispatch",
    "chart": "=status",
    "entity": "=session",
}
BY_NAME = [  # (URL name or path contains, parameter) -> world key; first match wins
    ("trade_import", "pk", "trade_import"),
    ("press_article", "pk", "article"),
    ("/press/articles", "pk", "article"),
    ("press_decide", "pk", "proposal"),
    ("press_mentions", "pk", "mentioned_session"),
    ("fair_agenda", "pk", "participant"),
    ("participants", "pk", "participant"),
    ("fair_request", "pk", "fair_request"),
    ("requests/{pk}", "pk", "fair_request"),
    ("introduction", "pk", "introduction"),
    ("meeting", "pk", "meeting"),
    ("fair", "number", "schedule"),
    ("schedules", "number", "schedule"),
    ("working_group", "pk", "working_group"),
    ("enterprise", "pk", "enterprise"),
    ("indicator", "pk", "indicator"),
    ("measurement", "pk", "indicator"),
    ("dispatch", "pk", "dispatch"),
    ("profile", "pk", "profile"),
    ("introduction", "pk", "introduction"),
    ("file", "pk", "dispatch"),
    ("placement", "pk", "placement"),
    ("schedule_job", "job", "schedule_job"),
    ("schedule-jobs", "job", "schedule_job"),
    ("agenda", "item", "agenda_item"),
    ("action", "item", "action_item"),
    ("action", "item_id", "action_item"),
]
DEFAULTS = {
    "code": "project",
    "number": "session",
    "decision": "decision",
    "job": "briefing_job",
    "job_id": "briefing_job",
    "slug": "fair",
    "profile_id": "profile",
    "introduction_id": "introduction",
}


def _guess_kwargs(name: str, route: str) -> dict[str, str]:
    parameters = re.findall(r"<(?:\w+:)?(\w+)>|\{(\w+)\}", route)
    kwargs = {}
    for pair in parameters:
        parameter = pair[0] or pair[1]
        key = LITERALS.get(parameter)
        for fragment, wanted, world_key in BY_NAME:
            if key is None and wanted == parameter and (fragment in name or fragment in route):
                key = world_key
        kwargs[parameter] = key or DEFAULTS.get(parameter, f"?{parameter}")
    return kwargs


def _compress(outcome: dict[str, str]) -> str:
    counts: dict[str, int] = {}
    for status in outcome.values():
        counts[status] = counts.get(status, 0) + 1
    rest = max(counts, key=lambda s: counts[s])
    parts = []
    for status in sorted(counts):
        if status == rest:
            continue
        roles = tuple(role for role in ROLE_KEYS if outcome[role] == status)
        group = next((g for g, members in GROUPS.items() if members == roles), None)
        parts.append(f'"{status}": {group or roles!r}')
    parts.append(f'"{rest}": REST')
    return "{" + ", ".join(parts) + "}"


@pytest.mark.skipif(not os.environ.get("TANDEM_MATRIX_SNAPSHOT"), reason="on demand only")
def test_snapshot_of_missing_rows(world: World) -> None:
    target = os.environ.get("TANDEM_MATRIX_SNAPSHOT_FILE", "/tmp/matrix-snapshot.py")
    lines: list[str] = []
    open(target, "w").close()

    def say(text: str) -> None:
        lines.append(text)
        with open(target, "a") as out:
            out.write(text + "\n")

    if world.broken:
        say(f"# world steps that failed: {world.broken}")
    pending = [
        ("PAGES", n, r, ("GET", "POST") if ACTION.search(n) else ("GET",))
        for n, r in runner.page_routes().items()
    ]
    pending += [
        ("API", n, p, (m, "DELETE") if m != "DELETE" else (m,))
        for n, (m, p) in runner.api_operations().items()
    ]
    for table, name, route, methods in pending:
        if name in (PAGES if table == "PAGES" else API):
            continue
        kwargs = _guess_kwargs(name, route)
        row: dict[str, Any] = {"kwargs": kwargs}
        observed = []
        for method in methods:
            row[method] = {"ok": REST}
            outcome = {}
            try:
                url = (
                    runner.api_url(route, kwargs, world)
                    if table == "API"
                    else runner.web_url(name, kwargs, world)
                )
            except Exception as error:
                say(f"# {name}: {error}")
                break
            started = time.perf_counter()
            for role in ROLE_KEYS:
                client = runner.client_for(world, role, api=table == "API")
                outcome[role] = runner.classify(
                    runner.send(client, method, url, api=table == "API")[0]
                )
            say(f"# {name} {method}: {time.perf_counter() - started:.2f}s")
            observed.append(f'"{method}": {_compress(outcome)}')
        else:
            say(f'{table}["{name}"] = {{"kwargs": {kwargs!r}, ' + ", ".join(observed) + "}")


# --- confidential markers: every surface, every role ---------------------------------------

#: Surfaces where a confidential note or project could leak: (kind, name or path, kwargs, query).
LEAK_SURFACES = [
    ("web", "web:home", {}, ""),
    ("web", "web:project_list", {}, ""),
    ("web", "web:project_list", {}, "?q=PROBEMARK"),
    ("web", "web:project_list", {}, "?q=confidential"),
    ("web", "web:project_detail", {"code": "project"}, ""),
    ("web", "web:project_detail", {"code": "project_public"}, ""),
    ("web", "web:project_detail", {"code": "project_confidential_jp"}, ""),
    ("web", "web:project_detail", {"code": "project_confidential_ru"}, ""),
    ("web", "web:project_detail", {"code": "project_once_confidential"}, "?as_of_session=15"),
    ("web", "web:project_edit", {"code": "project"}, ""),
    ("web", "web:project_export", {"file_format": "=csv"}, ""),
    ("web", "web:project_export", {"file_format": "=xlsx"}, ""),
    ("web", "web:project_export", {"file_format": "=csv"}, "?q=PROBEMARK"),
    ("web", "web:iati_export", {}, ""),
    ("web", "web:alignment", {}, ""),
    ("web", "web:session_detail", {"number": "session"}, ""),
    ("web", "web:minutes", {"number": "session"}, ""),
    ("web", "web:open_projects", {}, ""),
    ("web", "web:open_projects", {}, "?q=PROBEMARK"),
    ("web", "web:open_projects", {}, "?q=confidential&format=csv"),
    ("web", "web:open_projects", {}, "?format=xlsx"),
    ("web", "web:open_projects", {}, "?format=json"),
    ("web", "web:open_projects", {}, "?format=atom"),
    ("web", "web:open_projects", {}, "?format=iati"),
    ("web", "web:open_projects_embed", {}, ""),
    ("web", "web:open_project", {"code": "project_public"}, ""),
    ("web", "web:open_project", {"code": "project_confidential_jp"}, ""),
    ("web", "web:open_project", {"code": "project_once_confidential"}, "?as_of=15"),
    ("web", "web:open_committee", {}, ""),
    ("web", "web:open_committee", {}, "?format=atom"),
    ("api", "/projects", {}, "?limit=200"),
    ("api", "/projects", {}, "?q=PROBEMARK"),
    ("api", "/projects/{code}", {"code": "project"}, ""),
    ("api", "/projects/{code}", {"code": "project_confidential_jp"}, ""),
    ("api", "/projects/{code}", {"code": "project_confidential_ru"}, ""),
    ("api", "/projects/export.csv", {}, ""),
    ("api", "/sessions/{number}", {"number": "session"}, ""),
]


def test_confidential_markers_reach_only_their_side(world: World) -> None:
    seen: dict[str, set[str]] = {marker: set() for marker in world.markers}
    problems = []
    for kind, target, kwargs, query in LEAK_SURFACES:
        try:
            url = (
                runner.api_url(target, kwargs, world, query)
                if kind == "api"
                else runner.web_url(target, kwargs, world, query)
            )
        except LookupError as error:
            problems.append(str(error))
            continue
        for role in ROLE_KEYS:
            response, raw = runner.send(
                runner.client_for(world, role, api=kind == "api"), "GET", url
            )
            if runner.classify(response) == "500":
                problems.append(f"GET {url} as {role}: 500")
            text = runner.body_text(raw)
            for marker in world.markers:
                if marker in text:
                    seen[marker].add(role)
            problems += [f"GET {url} as {role}: shows {m}" for m in runner.leaks(world, role, text)]
    # the markers are really there for those who may see them (the test is not blind)
    for marker, roles in seen.items():
        if not roles:
            problems.append(f"{marker} was seen by nobody: the planted record is not shown")
    print(f"\n[markers] {len(world.markers)} markers x {len(LEAK_SURFACES)} surfaces x 9 roles")
    assert not problems, "\n".join(problems)
