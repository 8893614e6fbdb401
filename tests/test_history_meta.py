"""Every change is on the record, with its actor.

1. Every domain model that people change keeps its history (django-simple-history through
   ``tandem.core.audit.track_history``); the models that do not are listed below with the
   reason, and a new model must either keep history or be added here with one.
2. Every service that writes takes ``actor`` keyword-only, typed ``Actor`` (a person or a
   named system actor: tandem.core.actors), never ``Any`` and never ``None``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from django.apps import apps

import tandem
from tandem.core.audit import TRACKED_MODELS

pytestmark = pytest.mark.unit

# Models that people do not change, each with the reason it keeps no history of its own.
NOT_CHANGED_BY_PEOPLE = {
    "core.SecurityEvent": "an append-only log: it is the record itself",
    "core.Generation": "a counter of writes, bumped by the writes that are on the record",
    "core.WorkerBeat": "a task worker's sign of life, written by the worker itself",
    "committee.BriefingJob": "a background job's progress and result",
    "fairs.ScheduleJob": "a background job's progress and result",
    "fairs.UnplacedRequest": "computed with its schedule version (which keeps history)",
    "fairs.AgendaNotice": "a notice derived from a published schedule's changes",
    "matchmaking.Suggestion": "computed by the matcher from the profiles (which keep history)",
    "matchmaking.StoredVector": "a cache of embedding vectors",
    "trade.TradeFlow": "imported rows; the import batch that wrote them keeps history",
    "trade.TradeAggregate": "derived from the trade flows at each import",
    "trade.TradeTotal": "derived from the trade flows at each import",
    "trade.TradeIndicator": "derived from the trade flows at each import",
}

# What a function does when it writes rows (its own body; helpers it calls are checked
# where they are defined).
WRITES = re.compile(
    r"\.save\(|\.delete\(|\.update\(|\.create\(|get_or_create\(|update_or_create\(|bulk_|"
    r"save_with_actor\(|create_rows\(|update_rows\(|delete_rows\(|replace_rows\(|\.set\("
)
# Writes that are no one's change: the planner's statistics, the version that stale editors
# are checked against (the change that comes with it is recorded by its own service), what the
# admin's own recorded write leaves to keep up.
NOT_A_CHANGE = {
    "tandem.projects.services.projects.project_written_elsewhere",
    "tandem.projects.services.records.claim_project_version",
    # jobs' progress and results (the request that started a job is on the record)
    "tandem.committee.services.briefing.briefing_job_create",
    "tandem.committee.services.briefing.briefing_job_fail",
    "tandem.committee.services.briefing.briefing_job_finish",
    "tandem.committee.services.briefing.briefing_job_progress",
    "tandem.committee.services.briefing.briefing_job_start",
    "tandem.committee.services.briefing.briefing_job_take_back",
    "tandem.fairs.services.jobs.schedule_job_create",
    "tandem.fairs.services.jobs.schedule_job_fail",
    "tandem.fairs.services.jobs.schedule_job_finish",
    "tandem.fairs.services.jobs.schedule_job_start",
    "tandem.fairs.services.jobs.schedule_job_take_back",
    # derived records and caches (NOT_CHANGED_BY_PEOPLE above)
    "tandem.fairs.services.notices.notify_changes",
    "tandem.matchmaking.services.matching.profiles_index_pending",
    "tandem.matchmaking.services.suggestions.suggestions_refresh",
    "tandem.trade.services.summary.rebuild",
    # the day a reminder was e-mailed: bookkeeping of the mail, not a change of the item
    "tandem.committee.services.actions.action_reminders_send",
    # writes a workbook to a file, not a row
    "tandem.exchange.services.kpi_import.kpi_template",
    "tandem.core.services.database.refresh_planner_statistics",
    "tandem.projects.services.bulk.registry_statistics_refresh",
}


def _service_modules() -> Iterator[ModuleType]:
    for info in pkgutil.walk_packages(tandem.__path__, "tandem."):
        if ".services." in info.name and not info.ispkg:
            yield importlib.import_module(info.name)


def _write_services(module: ModuleType) -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if name.startswith("_") or function.__module__ != module.__name__:
            continue
        qualified = f"{module.__name__}.{name}"
        if qualified in NOT_A_CHANGE:
            continue
        if WRITES.search(inspect.getsource(inspect.unwrap(function))):
            yield qualified, function


def _has_typed_actor(function: Callable[..., Any]) -> bool:
    actor = inspect.signature(inspect.unwrap(function)).parameters.get("actor")
    return (
        actor is not None
        and actor.kind is inspect.Parameter.KEYWORD_ONLY
        and actor.default is inspect.Parameter.empty
        and actor.annotation in ("Actor", "tandem.core.actors.Actor")
    )


def test_every_model_that_people_change_keeps_its_history() -> None:
    tracked = {model._meta.label for model in TRACKED_MODELS}
    ours = {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("tandem.")
        and not model.__name__.startswith("Historical")
        and not model._meta.auto_created
    }
    assert sorted(ours - tracked - set(NOT_CHANGED_BY_PEOPLE)) == []
    assert sorted(set(NOT_CHANGED_BY_PEOPLE) & tracked) == []  # the list says what is true
    assert sorted(set(NOT_CHANGED_BY_PEOPLE) - ours) == []  # and names no model that left


def test_every_write_service_takes_a_typed_actor() -> None:
    untyped: dict[str, list[str]] = {}
    for module in _service_modules():
        for name, function in _write_services(module):
            if not _has_typed_actor(function):
                untyped.setdefault(module.__name__, []).append(name)
    assert untyped == {}, "write services without `*, actor: Actor`"
