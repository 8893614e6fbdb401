"""The permission matrix of tandem, as data: who gets what from every page and API operation.

``PAGES`` maps a URL name (``web:project_list``; ``name@variant`` for a second row on another
object) and ``API`` maps an operation id (``api:list_projects``) to:

- ``kwargs``: URL or path parameter -> key of an object of the test world
  (``tests/security/security_world.py``), or ``"=literal"``;
- ``query``: an optional query string;
- ``body`` (API rows): HTTP method -> the JSON body of that write, whose ``"@key"`` strings
  are replaced by the world's objects; a valid body, so that an allowed role gets ``ok`` and
  every other role is seen to be refused (403, or 404 on another company's object) rather
  than stopped by validation first. Writes without one send ``{}``;
- one entry per HTTP method: ``{status class: roles}``, where ``REST`` stands for every role
  not named in that entry.

Status classes: ``ok`` (2xx), ``login`` (redirect to sign in), ``redirect`` (any other
redirect, e.g. after a form), ``401``, ``403``, ``404`` (another side's or company's object),
``405``, ``400``/``422`` (the request itself was refused before any permission mattered:
the matrix sends empty forms, and ``{}`` to API writes without a ``body``). Nothing may
answer 5xx.

To add a route: run ``TANDEM_MATRIX_SNAPSHOT=1 .venv/bin/pytest tests/security/test_permission_matrix.py -k snapshot -s``,
which prints the observed row of every route missing from this table, review each role's
outcome against the rules (a company representative or the other side must get 404 on
objects that are not theirs), and paste the reviewed rows here.
"""

# ruff: noqa: E501 - one row per route reads best on one line

from __future__ import annotations

from typing import Any

Expectation = dict[str, Any]

#: URL prefixes still being built; the lead removes this once their rows are in the table.
PENDING_PREFIXES: tuple[str, ...] = ()
PENDING_API_PREFIXES: tuple[str, ...] = ()
#: Third-party areas with their own rules, spot-checked in DELEGATED below.
DELEGATED_PREFIXES = ("admin/", "accounts/")

REST = "*"
ANONYMOUS = ("anonymous",)
SECRETARIATS = ("secretariat_jp", "secretariat_ru")
OFFICIALS = ("official_jp", "official_ru")
GOVERNMENT = SECRETARIATS + OFFICIALS
GOVERNMENT_JP = ("secretariat_jp", "official_jp")
GOVERNMENT_RU = ("secretariat_ru", "official_ru")
GOVERNMENT_READERS = (*GOVERNMENT, "auditor")
PROGRAMME_STAFF = (*GOVERNMENT_READERS, "agency", "coordinator")
SIGNED_IN = (*PROGRAMME_STAFF, "company")
EVERYONE = SIGNED_IN + ANONYMOUS

GROUPS = {
    "ANONYMOUS": ANONYMOUS,
    "SECRETARIATS": SECRETARIATS,
    "OFFICIALS": OFFICIALS,
    "GOVERNMENT": GOVERNMENT,
    "GOVERNMENT_JP": GOVERNMENT_JP,
    "GOVERNMENT_RU": GOVERNMENT_RU,
    "GOVERNMENT_READERS": GOVERNMENT_READERS,
    "PROGRAMME_STAFF": PROGRAMME_STAFF,
    "SIGNED_IN": SIGNED_IN,
    "EVERYONE": EVERYONE,
}

#: Spot checks of the delegated areas: (path, role, method, status class).
DELEGATED = [
    ("/admin/", "anonymous", "GET", "login"),
    ("/admin/", "secretariat_jp", "GET", "login"),
    ("/admin/", "company", "GET", "login"),
    ("/admin/core/user/", "company", "GET", "login"),
    ("/accounts/login/", "anonymous", "GET", "ok"),
    ("/accounts/signup/", "anonymous", "GET", "404|ok|redirect"),
]

# fmt: off
PAGES: dict[str, dict[str, Any]] = {
    "web:home": {"kwargs": {}, "GET": {"ok": REST}},
    # The site-wide search: public, each area only for who may see it; the probe markers of
    # one side's confidential projects must not reach the other side or the public.
    "search": {"kwargs": {}, "query": "?q=PROBEMARK", "GET": {"ok": REST}, "POST": {"405": REST}},
    # Saved filters: one's own (any signed-in user); another user's answers 404.
    "web:saved_filter_add": {"kwargs": {"area": "=projects"}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": REST}},
    "web:saved_filter_remove": {"kwargs": {"pk": "=999999"}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "404": REST}},
    "web:set_language": {"kwargs": {}, "GET": {"405": REST}, "POST": {"redirect": REST}},
    "web:healthz": {"kwargs": {}, "GET": {"ok": REST}},
    "web:readyz": {"kwargs": {}, "GET": {"ok": REST}},
    "web:favicon": {"kwargs": {}, "GET": {"ok": REST}},
    "web:organisation_list": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:programme": {"kwargs": {}, "GET": {"ok": REST}},
    "web:project_list": {"kwargs": {}, "GET": {"ok": REST}},
    "web:project_new": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "POST": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "web:project_bulk_status": {"kwargs": {}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": SECRETARIATS, "403": REST}},
    "web:project_import": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "POST": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "web:project_import_iati": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "POST": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "web:project_import_iati_commit": {"kwargs": {}, "GET": {"login": ANONYMOUS, "redirect": SECRETARIATS, "403": REST}, "POST": {"login": ANONYMOUS, "redirect": SECRETARIATS, "403": REST}},
    "web:project_import_commit": {"kwargs": {}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": SECRETARIATS, "403": REST}},
    "web:iati_export": {"kwargs": {}, "GET": {"ok": REST}},
    "web:alignment": {"kwargs": {}, "GET": {"ok": REST}},
    "web:alignment_dashboard": {"kwargs": {}, "GET": {"ok": REST}},
    "web:alignment_suggest": {"kwargs": {}, "GET": {"405": REST}, "POST": {"403": ('agency', 'coordinator', 'company', 'auditor'), "login": ANONYMOUS, "ok": REST}},
    "web:working_group_list": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:working_group_new": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "POST": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "web:session_new": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "POST": {"login": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "web:session_list": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:sessions_ics": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:action_list": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:actions_ics": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:decisions_public": {"kwargs": {}, "GET": {"ok": REST}, "POST": {"ok": REST}},
    "web:exchange_home": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:exchange_enterprise_list": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:exchange_enterprise_new": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_enterprise": {"kwargs": {'pk': 'enterprise'}, "GET": {"404": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:exchange_enterprise_edit": {"kwargs": {'pk': 'enterprise'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_indicator_new": {"kwargs": {'pk': 'enterprise'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_outcome_new": {"kwargs": {'pk': 'enterprise'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_indicator_edit": {"kwargs": {'pk': 'indicator'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_indicator_delete": {"kwargs": {'pk': 'indicator'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_measurement_new": {"kwargs": {'pk': 'indicator'}, "GET": {"login": ANONYMOUS, "redirect": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_measurement_edit": {"kwargs": {'pk': 'measurement'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_dispatch_list": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:exchange_dispatch_new": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_dispatch": {"kwargs": {'pk': 'dispatch'}, "GET": {"404": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:exchange_dispatch_edit": {"kwargs": {'pk': 'dispatch'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_dispatch_delete": {"kwargs": {'pk': 'dispatch'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_placement_list": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:exchange_placement_new": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_placement": {"kwargs": {'pk': 'placement'}, "GET": {"404": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:exchange_placement_edit": {"kwargs": {'pk': 'placement'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_placement_delete": {"kwargs": {'pk': 'placement'}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_outcome_list": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}, "POST": {"login": ANONYMOUS, "ok": REST}},
    "web:exchange_file": {"kwargs": {'pk': 'dispatch'}, "GET": {"login": ANONYMOUS, "404": REST}},
    "web:exchange_kpi_template": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_kpi_import": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "web:exchange_effect_report": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:exchange_effect_report_pdf": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:exchange_effect_report_json": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:matchmaking_suggestions": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "redirect": REST}, "POST": {"login": ANONYMOUS, "ok": ('agency', 'company'), "redirect": REST}},
    "web:matchmaking_profiles": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:matchmaking_profile_new": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('agency',), "redirect": ('company',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('agency',), "redirect": ('company',), "403": REST}},
    "web:matchmaking_profile": {"kwargs": {'pk': 'profile'}, "GET": {"404": ('coordinator',), "login": ANONYMOUS, "ok": REST}},
    "web:matchmaking_profile_edit": {"kwargs": {'pk': 'profile'}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "web:matchmaking_profile_state": {"kwargs": {'pk': 'profile'}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ('agency',), "403": REST}},
    "web:matchmaking_inbox": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "web:matchmaking_introduction_new": {"kwargs": {}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ('agency', 'company'), "403": REST}},
    "web:matchmaking_introduction": {"kwargs": {'pk': 'introduction'}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "web:matchmaking_introduction_answer": {"kwargs": {'pk': 'introduction'}, "GET": {"405": REST}, "POST": {"400": ('agency',), "404": ('company',), "login": ANONYMOUS, "403": REST}},
    "web:matchmaking_introduction_meeting": {"kwargs": {'pk': 'introduction'}, "GET": {"405": REST}, "POST": {"400": ('agency', 'company'), "login": ANONYMOUS, "403": REST}},
    "web:matchmaking_introduction_outcome": {"kwargs": {'pk': 'introduction'}, "GET": {"405": REST}, "POST": {"400": ('agency', 'company'), "login": ANONYMOUS, "403": REST}},
    "web:matchmaking_funnel": {"kwargs": {}, "GET": {"403": ('company',), "login": ANONYMOUS, "ok": REST}},
    "web:fair_list": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:fair_detail": {"kwargs": {'slug': 'fair'}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:fair_setup": {"kwargs": {'slug': 'fair'}, "GET": {"login": ANONYMOUS, "ok": ('agency',), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('agency',), "403": REST}},
    "web:fair_requests": {"kwargs": {'slug': 'fair'}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "web:fair_request_respond": {"kwargs": {'slug': 'fair', 'pk': 'fair_request'}, "GET": {"405": REST}, "POST": {"404": ('company',), "login": ANONYMOUS, "redirect": ('agency',), "403": REST}},
    "web:fair_compute": {"kwargs": {'slug': 'fair'}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ('agency',), "403": REST}},
    "web:fair_version": {"kwargs": {'slug': 'fair', 'number': 'schedule'}, "GET": {"login": ANONYMOUS, "ok": ('agency',), "403": REST}},
    "web:fair_publish": {"kwargs": {'slug': 'fair', 'number': 'schedule'}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ('agency',), "403": REST}},
    "web:fair_table_plan_pdf": {"kwargs": {'slug': 'fair', 'number': 'schedule'}, "GET": {"login": ANONYMOUS, "ok": ('agency',), "403": REST}},
    "web:fair_meeting_pin": {"kwargs": {'slug': 'fair', 'number': 'schedule', 'pk': 'meeting'}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ('agency',), "403": REST}},
    "web:fair_meeting_move": {"kwargs": {'slug': 'fair', 'number': 'schedule', 'pk': 'meeting'}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ('agency',), "403": REST}},
    "web:fair_agenda": {"kwargs": {'slug': 'fair', 'pk': 'participant'}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "web:fair_agenda_pdf": {"kwargs": {'slug': 'fair', 'pk': 'participant'}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "web:fair_agenda_ics": {"kwargs": {'slug': 'fair', 'pk': 'participant'}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "web:fair_availability": {"kwargs": {'slug': 'fair', 'pk': 'participant'}, "GET": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}},
    "api:openapi-json": {"kwargs": {}, "GET": {"ok": REST}},
    "api:openapi-view": {"kwargs": {}, "GET": {"ok": REST}},
    "api:api-root": {"kwargs": {}, "GET": {"404": REST}},
    # --- projects: visibility by disclosure; another side's or company's project is 404 ---
    "web:project_export": {"kwargs": {"file_format": "=csv"}, "GET": {"ok": PROGRAMME_STAFF, "login": ANONYMOUS, "403": REST}},
    "web:project_export@xlsx": {"kwargs": {"file_format": "=xlsx"}, "GET": {"ok": PROGRAMME_STAFF, "login": ANONYMOUS, "403": REST}},
    "web:project_records_export": {"kwargs": {"kind": "=financing"}, "GET": {"ok": PROGRAMME_STAFF, "login": ANONYMOUS, "403": REST}},
    "web:project_records_export@result_values": {"kwargs": {"kind": "=result_values"}, "GET": {"ok": PROGRAMME_STAFF, "login": ANONYMOUS, "403": REST}},
    "web:project_detail": {"kwargs": {"code": "project"}, "GET": {"ok": SIGNED_IN, "404": REST}},
    "web:project_detail@public": {"kwargs": {"code": "project_public"}, "GET": {"ok": REST}},
    "web:project_detail@other_company": {"kwargs": {"code": "project_other_company"}, "GET": {"ok": PROGRAMME_STAFF, "404": REST}},
    "web:project_detail@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"ok": GOVERNMENT_JP, "404": REST}},
    "web:project_detail@once_confidential": {"kwargs": {"code": "project_once_confidential"}, "query": "?as_of_session=15", "GET": {"ok": REST}},
    "web:project_detail@confidential_ru": {"kwargs": {"code": "project_confidential_ru"}, "GET": {"ok": GOVERNMENT_RU, "404": REST}},
    "web:project_edit": {"kwargs": {"code": "project"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_edit@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"ok": ("secretariat_jp",), "404": REST}, "POST": {"ok": ("secretariat_jp",), "404": REST}},
    "web:project_note_add": {"kwargs": {"code": "project"}, "GET": {"405": REST}, "POST": {"redirect": GOVERNMENT, "login": ANONYMOUS, "403": REST}},
    "web:project_note_add@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "POST": {"redirect": GOVERNMENT_JP, "404": GOVERNMENT_RU, "login": ANONYMOUS, "403": REST}},
    "web:project_record_new": {"kwargs": {"code": "project", "kind": "=financing"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_edit": {"kwargs": {"code": "project", "kind": "=financing", "pk": "financing_line"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_delete": {"kwargs": {"code": "project", "kind": "=financing", "pk": "financing_line"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_new@milestones": {"kwargs": {"code": "project", "kind": "=milestones"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_edit@milestones": {"kwargs": {"code": "project", "kind": "=milestones", "pk": "milestone"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_delete@milestones": {"kwargs": {"code": "project", "kind": "=milestones", "pk": "milestone"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_new@results": {"kwargs": {"code": "project", "kind": "=results"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_edit@results": {"kwargs": {"code": "project", "kind": "=results", "pk": "result"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_delete@results": {"kwargs": {"code": "project", "kind": "=results", "pk": "result"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_new@sources": {"kwargs": {"code": "project", "kind": "=sources"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_edit@sources": {"kwargs": {"code": "project", "kind": "=sources", "pk": "source"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    "web:project_record_delete@sources": {"kwargs": {"code": "project", "kind": "=sources", "pk": "source"}, "GET": {"ok": SECRETARIATS, "404": REST}, "POST": {"ok": SECRETARIATS, "404": REST}},
    # A project's records: whoever may change the project (another side's confidential project is 404).
    "web:project_record_edit@confidential_jp": {"kwargs": {"code": "project_confidential_jp", "kind": "=financing", "pk": "financing_line_confidential_jp"}, "GET": {"ok": ("secretariat_jp",), "404": REST}, "POST": {"ok": ("secretariat_jp",), "404": REST}},
    "web:project_record_delete@confidential_jp": {"kwargs": {"code": "project_confidential_jp", "kind": "=financing", "pk": "financing_line_confidential_jp"}, "GET": {"ok": ("secretariat_jp",), "404": REST}, "POST": {"ok": ("secretariat_jp",), "404": REST}},
    "web:alignment_export": {"kwargs": {"file_format": "=csv"}, "GET": {"ok": REST}},
    "web:alignment_dashboard_export": {"kwargs": {"chart": "=status"}, "GET": {"ok": REST}},
    # --- committee: programme staff read, the secretariat writes, governments keep notes ---
    "web:working_group_edit": {"kwargs": {"pk": "working_group"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:session_edit": {"kwargs": {"number": "session"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:session_detail": {"kwargs": {"number": "session"}, "GET": {"ok": PROGRAMME_STAFF, "login": ANONYMOUS, "403": REST}},
    "web:minutes": {"kwargs": {"number": "session"}, "GET": {"ok": PROGRAMME_STAFF, "login": ANONYMOUS, "403": REST}},
    "web:minutes_file": {"kwargs": {"number": "session", "file_format": "=docx"}, "GET": {"ok": PROGRAMME_STAFF, "login": ANONYMOUS, "403": REST}},
    "web:briefing": {"kwargs": {"number": "session"}, "GET": {"ok": GOVERNMENT_READERS, "login": ANONYMOUS, "403": REST}},
    "web:briefing_job": {"kwargs": {"job": "briefing_job"}, "GET": {"ok": ("secretariat_jp",), "404": ("secretariat_ru", "official_jp", "official_ru", "auditor"), "login": ANONYMOUS, "403": REST}},
    "web:briefing_download": {"kwargs": {"job": "briefing_job"}, "GET": {"404": GOVERNMENT_READERS, "login": ANONYMOUS, "403": REST}},
    "web:agenda_propose": {"kwargs": {"number": "session"}, "GET": {"405": REST}, "POST": {"ok|redirect": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:agenda_item_new": {"kwargs": {"number": "session"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:agenda_item_edit": {"kwargs": {"number": "session", "item": "agenda_item"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:agenda_item_delete": {"kwargs": {"number": "session", "item": "agenda_item"}, "GET": {"405": REST}, "POST": {"redirect": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:decision_new": {"kwargs": {"number": "session"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:decision_edit": {"kwargs": {"number": "session", "decision": "decision"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:decision_public": {"kwargs": {"number": "session", "decision": "decision"}, "GET": {"405": REST}, "POST": {"redirect": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:action_item_new": {"kwargs": {"number": "session"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:action_item_edit": {"kwargs": {"number": "session", "item": "action_item"}, "GET": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}, "POST": {"ok": SECRETARIATS, "login": ANONYMOUS, "403": REST}},
    "web:note_add": {"kwargs": {"number": "session"}, "GET": {"405": REST}, "POST": {"redirect": GOVERNMENT, "login": ANONYMOUS, "403": REST}},
    # --- exchange, matchmaking, fairs: another company's records answer 404 ---
    "web:exchange_file_new": {"kwargs": {"owner": "=dispatch", "pk": "dispatch"}, "GET": {"ok": ("coordinator",), "login": ANONYMOUS, "403": REST}, "POST": {"ok": ("coordinator",), "login": ANONYMOUS, "403": REST}},
    "web:fair_agenda@other_company": {"kwargs": {"slug": "fair", "pk": "participant_other_company"}, "GET": {"ok": ("agency",), "404": ("company",), "login": ANONYMOUS, "403": REST}},
    "web:fair_schedule_job": {"kwargs": {"slug": "fair", "job": "schedule_job"}, "GET": {"ok": ("agency",), "login": ANONYMOUS, "403": REST}},
    "web:matchmaking_profile_organisation": {"kwargs": {"pk": "profile"}, "GET": {"redirect": ("agency",), "login": ANONYMOUS, "403": REST}, "POST": {"ok|redirect": ("agency",), "login": ANONYMOUS, "403": REST}},
    "web:matchmaking_profile@other_company": {"kwargs": {"pk": "profile_other_company"}, "GET": {"404": ("coordinator",), "login": ANONYMOUS, "ok": REST}},
    # The trade and press monitors: trade figures are for every signed-in role, the press
    # (verdicts on the programme's records) for programme staff only.
    "web:trade_home": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:trade_export": {"kwargs": {"file_format": "=csv"}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:trade_investment": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}},
    "web:trade_imports": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ("secretariat_jp", "secretariat_ru", "agency"), "403": REST}, "POST": {"login": ANONYMOUS, "ok": ("secretariat_jp", "secretariat_ru", "agency"), "403": REST}},
    "web:trade_import_commit": {"kwargs": {}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ("secretariat_jp", "secretariat_ru", "agency"), "403": REST}},
    "web:trade_import_delete": {"kwargs": {"pk": "trade_import"}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ("secretariat_jp", "secretariat_ru", "agency"), "403": REST}},
    "web:trade_import_publish": {"kwargs": {"pk": "trade_import"}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ("secretariat_jp", "secretariat_ru"), "403": REST}},
    "web:trade_mapping": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": REST}, "POST": {"login": ANONYMOUS, "ok": REST}},
    "web:trade_mapping_edit": {"kwargs": {}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ("secretariat_jp", "secretariat_ru", "agency"), "403": REST}},
    "web:press_home": {"kwargs": {}, "GET": {"403": ("company",), "login": ANONYMOUS, "ok": REST}},
    "web:press_ingest": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ("secretariat_jp", "secretariat_ru", "coordinator"), "403": REST}},
    "web:press_article": {"kwargs": {"pk": "article"}, "GET": {"403": ("company",), "login": ANONYMOUS, "ok": REST}},
    "web:press_review": {"kwargs": {}, "GET": {"403": ("company",), "login": ANONYMOUS, "ok": REST}},
    "web:press_decide": {"kwargs": {"pk": "proposal"}, "GET": {"405": REST}, "POST": {"login": ANONYMOUS, "redirect": ("secretariat_jp", "secretariat_ru", "coordinator"), "403": REST}},
    "web:press_mentions": {"kwargs": {"entity": "=session", "pk": "mentioned_session"}, "GET": {"403": ("company",), "login": ANONYMOUS, "ok": REST}},
    # The open-data portal: public to everyone, and the same for everyone (it reads as the
    # public whoever is signed in); what is not public answers 404 in every format.
    "web:open_projects": {"kwargs": {}, "GET": {"ok": REST}, "POST": {"405": REST}},
    "web:open_projects@filtered": {"kwargs": {}, "query": "?q=PROBEMARK&plan_area=P5&year=2019", "GET": {"ok": REST}},
    "web:open_projects@csv": {"kwargs": {}, "query": "?format=csv", "GET": {"ok": REST}},
    "web:open_projects@xlsx": {"kwargs": {}, "query": "?format=xlsx", "GET": {"ok": REST}},
    "web:open_projects@json": {"kwargs": {}, "query": "?format=json", "GET": {"ok": REST}},
    "web:open_projects@atom": {"kwargs": {}, "query": "?format=atom", "GET": {"ok": REST}},
    "web:open_projects@iati": {"kwargs": {}, "query": "?format=iati", "GET": {"ok": REST}},
    "web:open_projects@csv_search": {"kwargs": {}, "query": "?q=PROBEMARK&format=csv", "GET": {"ok": REST}},
    "web:open_projects_embed": {"kwargs": {}, "GET": {"ok": REST}},
    "web:open_project": {"kwargs": {"code": "project_public"}, "GET": {"ok": REST}, "POST": {"405": REST}},
    "web:open_project@internal": {"kwargs": {"code": "project"}, "GET": {"404": REST}},
    "web:open_project@other_company": {"kwargs": {"code": "project_other_company"}, "GET": {"404": REST}},
    "web:open_project@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"404": REST}},
    "web:open_project@confidential_ru": {"kwargs": {"code": "project_confidential_ru"}, "GET": {"404": REST}},
    "web:open_project@once_confidential": {"kwargs": {"code": "project_once_confidential"}, "query": "?as_of=15", "GET": {"ok": REST}},
    "web:open_home": {"kwargs": {}, "GET": {"redirect": REST}, "POST": {"405": REST}},
    "web:open_regions": {"kwargs": {}, "GET": {"ok": REST}, "POST": {"405": REST}},
    "web:open_trade": {"kwargs": {}, "GET": {"ok": REST}, "POST": {"405": REST}},
    "web:open_trade@csv": {"kwargs": {}, "query": "?format=csv", "GET": {"ok": REST}},
    "web:open_trade@json": {"kwargs": {}, "query": "?format=json", "GET": {"ok": REST}},
    "web:open_dump_jobs": {"kwargs": {}, "GET": {"login": ANONYMOUS, "ok": ("secretariat_jp", "secretariat_ru"), "403": REST}, "POST": {"login": ANONYMOUS, "redirect": ("secretariat_jp", "secretariat_ru"), "403": REST}},
    "web:open_committee": {"kwargs": {}, "GET": {"ok": REST}, "POST": {"405": REST}},
    "web:open_committee@atom": {"kwargs": {}, "query": "?format=atom", "GET": {"ok": REST}},
    "web:open_downloads": {"kwargs": {}, "GET": {"ok": REST}},
    "web:open_download_file": {"kwargs": {"day": "=2019-01-01", "name": "=projects.csv"}, "GET": {"404": REST}},
    "web:open_about": {"kwargs": {}, "GET": {"ok": REST}},
}

API: dict[str, dict[str, Any]] = {
    "api:list_plan_areas": {"kwargs": {}, "GET": {"ok": REST}, "DELETE": {"405": REST}},
    "api:suggest_project_labels": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": GOVERNMENT, "403": REST}, "DELETE": {"405": REST},
                                   "body": {"POST": {"title": {"en": "Matrix probe: a joint port terminal in Primorsky Krai"}}}},
    "api:get_alignment_dashboard": {"kwargs": {}, "GET": {"ok": REST}, "DELETE": {"405": REST}},
    "api:list_national_projects": {"kwargs": {}, "GET": {"ok": REST}, "DELETE": {"405": REST}},
    "api:me": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:list_projects": {"kwargs": {}, "GET": {"ok": REST}, "DELETE": {"405": REST}},
    "api:create_project": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "DELETE": {"405": REST},
                           "body": {"POST": {"code": "JR-2019-9901", "title_en": "Matrix probe", "plan_areas": ["P5"], "status": "idea"}}},
    "api:export_projects": {"kwargs": {}, "GET": {"401": ANONYMOUS, "403": ('company',), "ok": REST}, "DELETE": {"405": REST}},
    "api:list_sessions": {"kwargs": {}, "GET": {"401": ANONYMOUS, "403": ('company',), "ok": REST}, "DELETE": {"405": REST}},
    "api:list_public_decisions": {"kwargs": {}, "GET": {"ok": REST}, "DELETE": {"405": REST}},
    "api:list_action_items": {"kwargs": {}, "GET": {"401": ANONYMOUS, "403": ('company',), "ok": REST}, "DELETE": {"405": REST}},
    "api:list_enterprises": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:get_enterprise": {"kwargs": {'pk': 'enterprise'}, "GET": {"401": ANONYMOUS, "404": ('company',), "ok": REST}, "DELETE": {"405": REST}},
    "api:list_dispatches": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:create_dispatch": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": ("coordinator",), "403": REST}, "DELETE": {"405": REST},
                            "body": {"POST": {"specialist": "@specialist", "host": "@dispatch_host", "topic": "logistics", "start_date": "2019-03-04", "end_date": "2019-03-29",
                                              "expertise": {"en": "Probe kanban", "ja": "", "ru": ""}, "work_plan": {"en": "Probe plan", "ja": "", "ru": ""}}}},
    "api:list_placements": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:create_placement": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": ("coordinator",), "403": REST}, "DELETE": {"405": REST},
                             "body": {"POST": {"trainee": "@trainee", "home": "@placement_home", "host": "@placement_host", "start_date": "2019-04-01", "end_date": "2019-06-28",
                                               "training_programme": {"en": "Probe kaizen", "ja": "", "ru": ""}}}},
    "api:put_measurement": {"kwargs": {'pk': 'indicator'}, "PUT": {"401": ANONYMOUS, "ok": ("coordinator",), "403": REST}, "DELETE": {"405": REST},
                            "body": {"PUT": {"horizon_months": 0, "date": "@baseline_date", "value": "3.5", "method": "Probe count of defects"}}},
    "api:list_outcomes": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:create_outcome": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": ("coordinator",), "403": REST}, "DELETE": {"405": REST},
                           "body": {"POST": {"enterprise": "@enterprise", "kind": "contract", "date": "2019-09-02", "description": {"en": "Probe contract", "ja": "", "ru": ""}}}},
    "api:delete_dispatch": {"kwargs": {'pk': 'dispatch'}, "DELETE": {"401": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "api:delete_placement": {"kwargs": {'pk': 'placement'}, "DELETE": {"401": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "api:delete_indicator": {"kwargs": {'pk': 'indicator'}, "DELETE": {"401": ANONYMOUS, "ok": ('coordinator',), "403": REST}},
    "api:get_effect_report": {"kwargs": {}, "GET": {"401": ANONYMOUS, "403": ('company',), "ok": REST}, "DELETE": {"405": REST}},
    "api:list_profiles": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:get_profile": {"kwargs": {'profile_id': 'profile'}, "GET": {"401": ANONYMOUS, "404": ('coordinator',), "ok": REST}, "DELETE": {"405": REST}},
    # The world indexes the demo profiles (409 "being indexed" before), so suggestions answer.
    "api:get_suggestions": {"kwargs": {'profile_id': 'profile'}, "GET": {"401": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}, "DELETE": {"405": REST}},
    "api:create_introduction": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": ("agency", "company"), "403": REST}, "DELETE": {"405": REST},
                                "body": {"POST": {"requester": "@profile", "recipient": "@introduction_candidate"}}},
    # Another company's profile or introduction is hidden from a company representative: 404.
    "api:create_introduction@other_company": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "404": ("company",), "403": REST},
                                              "body": {"POST": {"requester": "@introduction_requester_other_company", "recipient": "@introduction_candidate"}}},
    "api:list_introductions": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}, "DELETE": {"405": REST}},
    "api:answer_introduction": {"kwargs": {"introduction_id": "introduction_received"}, "POST": {"401": ANONYMOUS, "ok": ("agency", "company"), "403": REST}, "DELETE": {"405": REST},
                                "body": {"POST": {"accept": True}}},
    "api:answer_introduction@sent": {"kwargs": {"introduction_id": "introduction"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "404": ("company",), "403": REST},
                                     "body": {"POST": {"accept": True}}},
    "api:record_meeting": {"kwargs": {"introduction_id": "introduction_accepted"}, "POST": {"401": ANONYMOUS, "ok": ("agency", "company"), "403": REST}, "DELETE": {"405": REST},
                           "body": {"POST": {"met_on": "2019-07-09", "venue": "online"}}},
    "api:record_meeting@other_company": {"kwargs": {"introduction_id": "introduction_other_company"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "404": ("company",), "403": REST},
                                         "body": {"POST": {"met_on": "2019-07-09", "venue": "online"}}},
    "api:record_outcome": {"kwargs": {"introduction_id": "introduction_accepted"}, "POST": {"401": ANONYMOUS, "ok": ("agency", "company"), "403": REST}, "DELETE": {"405": REST},
                           "body": {"POST": {"outcome": "nda"}}},
    "api:record_outcome@other_company": {"kwargs": {"introduction_id": "introduction_other_company"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "404": ("company",), "403": REST},
                                         "body": {"POST": {"outcome": "nda"}}},
    "api:get_funnel": {"kwargs": {}, "GET": {"401": ANONYMOUS, "403": ('company',), "ok": REST}, "DELETE": {"405": REST}},
    "api:list_fairs": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:list_requests": {"kwargs": {'slug': 'fair'}, "GET": {"401": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}, "DELETE": {"405": REST}},
    "api:create_request": {"kwargs": {"slug": "fair"}, "POST": {"401": ANONYMOUS, "ok": ("agency", "company"), "403": REST}, "DELETE": {"405": REST},
                           "body": {"POST": {"sender": "@participant", "receiver": "@participant_free"}}},
    # Acting for another company's fair participant or organisation, or answering a request the
    # company sent, is refused with 403 (the fairs API's own check; matchmaking answers 404).
    "api:create_request@other_company": {"kwargs": {"slug": "fair"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "403": REST},
                                         "body": {"POST": {"sender": "@participant_other_company", "receiver": "@participant_free"}}},
    "api:answer_request": {"kwargs": {"slug": "fair", "pk": "fair_request_received"}, "POST": {"401": ANONYMOUS, "ok": ("agency", "company"), "403": REST}, "DELETE": {"405": REST},
                           "body": {"POST": {"accept": True}}},
    "api:answer_request@sent": {"kwargs": {"slug": "fair", "pk": "fair_request_sent"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "403": REST},
                                "body": {"POST": {"accept": True}}},
    "api:request_from_suggestion": {"kwargs": {"slug": "fair"}, "POST": {"401": ANONYMOUS, "ok": ("agency", "company"), "403": REST}, "DELETE": {"405": REST},
                                    "body": {"POST": {"sender_organisation": "@organisation_own", "receiver_organisation": "@organisation_free", "score": 0.7}}},
    "api:request_from_suggestion@other_company": {"kwargs": {"slug": "fair"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "403": REST},
                                                  "body": {"POST": {"sender_organisation": "@organisation_other_company", "receiver_organisation": "@organisation_free", "score": 0.7}}},
    "api:compute_schedule": {"kwargs": {"slug": "fair"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "403": REST}, "DELETE": {"405": REST},
                             "body": {"POST": {"time_limit": 1.0}}},
    "api:get_schedule": {"kwargs": {'slug': 'fair', 'number': 'schedule'}, "GET": {"401": ANONYMOUS, "ok": ('agency',), "403": REST}, "DELETE": {"405": REST}},
    "api:publish_schedule": {"kwargs": {"slug": "fair", "number": "schedule_draft"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "403": REST}, "DELETE": {"405": REST}},
    # Publishing the version already published is refused (422: only a draft is published).
    "api:publish_schedule@published": {"kwargs": {"slug": "fair", "number": "schedule"}, "POST": {"401": ANONYMOUS, "422": ("agency",), "403": REST}},
    "api:get_agenda": {"kwargs": {'slug': 'fair', 'pk': 'participant'}, "GET": {"401": ANONYMOUS, "ok": ('agency', 'company'), "403": REST}, "DELETE": {"405": REST}},
    "api:get_project": {"kwargs": {"code": "project"}, "GET": {"ok": SIGNED_IN, "404": REST}, "DELETE": {"405": REST}},
    "api:create_project@confidential_ru": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": ("secretariat_ru",), "403": REST},
                                           "body": {"POST": {"code": "JR-2019-9902", "title_en": "Matrix probe", "plan_areas": ["P5"], "status": "idea", "disclosure": "side_confidential", "confidential_side": "RU"}}},
    "api:update_project@into_confidential_ru": {"kwargs": {"code": "project"}, "PATCH": {"401": ANONYMOUS, "ok": ("secretariat_ru",), "403": REST},
                                                "body": {"PATCH": {"version": "@project_version", "changes": {"code": "@project", "disclosure": "side_confidential", "confidential_side": "RU"}}}},
    "api:get_project@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"ok": GOVERNMENT_JP, "404": REST}},
    # A project's records: listed to whoever sees the project, written by whoever may change it.
    "api:list_financing_lines": {"kwargs": {"code": "project"}, "GET": {"ok": SIGNED_IN, "404": REST}},
    "api:list_financing_lines@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"ok": GOVERNMENT_JP, "404": REST}},
    "api:create_financing_line": {"kwargs": {"code": "project"}, "POST": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"POST": {"version": "@project_version", "record": {"kind": "loan", "amount": "2500.00", "currency": "JPY", "date": "2026-02-01"}}}},
    "api:update_financing_line": {"kwargs": {"code": "project", "line_id": "financing_line"}, "PATCH": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"PATCH": {"version": "@project_version", "changes": {"amount": "3000.00"}}}},
    "api:delete_financing_line": {"kwargs": {"code": "project", "line_id": "financing_line"}, "query": "?version=5", "DELETE": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "api:list_milestones": {"kwargs": {"code": "project"}, "GET": {"ok": SIGNED_IN, "404": REST}},
    "api:list_milestones@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"ok": GOVERNMENT_JP, "404": REST}},
    "api:create_milestone": {"kwargs": {"code": "project"}, "POST": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"POST": {"version": "@project_version", "record": {"title_en": "Matrix probe milestone"}}}},
    "api:update_milestone": {"kwargs": {"code": "project", "milestone_id": "milestone"}, "PATCH": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"PATCH": {"version": "@project_version", "changes": {"done_date": "2026-03-01"}}}},
    "api:delete_milestone": {"kwargs": {"code": "project", "milestone_id": "milestone"}, "query": "?version=5", "DELETE": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "api:list_results": {"kwargs": {"code": "project"}, "GET": {"ok": SIGNED_IN, "404": REST}},
    "api:list_results@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"ok": GOVERNMENT_JP, "404": REST}},
    "api:create_result": {"kwargs": {"code": "project"}, "POST": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"POST": {"version": "@project_version", "record": {"title_en": "Matrix probe result", "baseline": "1"}}}},
    "api:update_result": {"kwargs": {"code": "project", "result_id": "result"}, "PATCH": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"PATCH": {"version": "@project_version", "changes": {"target": "10"}}}},
    "api:delete_result": {"kwargs": {"code": "project", "result_id": "result"}, "query": "?version=5", "DELETE": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "api:list_sources": {"kwargs": {"code": "project"}, "GET": {"ok": SIGNED_IN, "404": REST}},
    "api:list_sources@confidential_jp": {"kwargs": {"code": "project_confidential_jp"}, "GET": {"ok": GOVERNMENT_JP, "404": REST}},
    "api:create_source": {"kwargs": {"code": "project"}, "POST": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"POST": {"version": "@project_version", "record": {"kind": "document", "title": "Matrix probe source"}}}},
    "api:update_source": {"kwargs": {"code": "project", "source_id": "source"}, "PATCH": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "body": {"PATCH": {"version": "@project_version", "changes": {"title": "Matrix probe source, renamed"}}}},
    "api:delete_source": {"kwargs": {"code": "project", "source_id": "source"}, "query": "?version=5", "DELETE": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}},
    "api:get_project@other_company": {"kwargs": {"code": "project_other_company"}, "GET": {"ok": PROGRAMME_STAFF, "404": REST}},
    "api:update_project": {"kwargs": {"code": "project"}, "PATCH": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST},
                           "body": {"PATCH": {"version": "@project_version", "changes": {"code": "@project", "title_en": "Matrix probe, renamed"}}}},
    "api:get_session": {"kwargs": {"number": "session"}, "GET": {"401": ANONYMOUS, "403": ("company",), "ok": REST}, "DELETE": {"405": REST}},
    "api:get_agenda_proposal": {"kwargs": {"number": "session"}, "GET": {"401": ANONYMOUS, "403": ("company",), "ok": REST}, "DELETE": {"405": REST}},
    "api:patch_action_item": {"kwargs": {"item_id": "action_item"}, "PATCH": {"401": ANONYMOUS, "ok": SECRETARIATS, "403": REST}, "DELETE": {"405": REST},
                              "body": {"PATCH": {"status": "in_progress"}}},
    "api:post_briefing": {"kwargs": {"number": "session"}, "POST": {"401": ANONYMOUS, "ok": GOVERNMENT_READERS, "403": REST}, "DELETE": {"405": REST}},
    "api:get_briefing_job": {"kwargs": {"job_id": "briefing_job"}, "GET": {"401": ANONYMOUS, "ok": ("secretariat_jp",), "404": ("secretariat_ru", "official_jp", "official_ru", "auditor"), "403": REST}, "DELETE": {"405": REST}},
    "api:get_schedule_job": {"kwargs": {"slug": "fair", "job": "schedule_job"}, "GET": {"401": ANONYMOUS, "ok": ("agency",), "403": REST}, "DELETE": {"405": REST}},
    "api:get_agenda@other_company": {"kwargs": {"slug": "fair", "pk": "participant_other_company"}, "GET": {"401": ANONYMOUS, "ok": ("agency",), "404": ("company",), "403": REST}},
    "api:link_organisation": {"kwargs": {"profile_id": "profile_unlinked"}, "POST": {"401": ANONYMOUS, "ok": ("agency",), "403": REST}, "DELETE": {"405": REST},
                              "body": {"POST": {"create": True}}},
    "api:get_profile@other_company": {"kwargs": {"profile_id": "profile_other_company"}, "GET": {"401": ANONYMOUS, "404": ("coordinator",), "ok": REST}},
    # The trade and press monitors.
    "api:trade_aggregates": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:trade_indicators": {"kwargs": {}, "GET": {"401": ANONYMOUS, "ok": REST}, "DELETE": {"405": REST}},
    "api:list_articles": {"kwargs": {}, "GET": {"401": ANONYMOUS, "403": ('company',), "ok": REST}, "DELETE": {"405": REST}},
    "api:create_article": {"kwargs": {}, "POST": {"401": ANONYMOUS, "ok": (*SECRETARIATS, "coordinator"), "403": REST}, "DELETE": {"405": REST},
                           "body": {"POST": {"text": "Tokyo, 5 March 2019. A matrix probe article about joint projects.", "source": "probe"}}},
    "api:get_article": {"kwargs": {"pk": "article"}, "GET": {"401": ANONYMOUS, "403": ("company",), "ok": REST}, "DELETE": {"405": REST}},
    "api:list_proposals": {"kwargs": {}, "GET": {"401": ANONYMOUS, "403": ("company",), "ok": REST}, "DELETE": {"405": REST}},
}
# fmt: on
