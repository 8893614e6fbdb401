"""The feed of latest changes, built per reader and per record.

A change is listed only when the reader may open the record it is about, by the same rules as
the record's own page: each kind of record shown in a feed has a :class:`FeedRule` whose
``visible`` answers the records of that kind the reader may open (the app's own selectors).
A kind without a rule is never listed (sign-ins, label examples and anything added later stay
out until someone says who may see them), nor is one kept out by ``keep_out_of_latest_changes``.
Where the rule names a ``then_permission``, the record as it stood at the change must pass it
too (a title from when the project was side-confidential stays with that side): the narrower
of the rights then and now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import models

from tandem.core.audit import PRIVATE_MODELS, TRACKED_MODELS
from tandem.core.permissions import check

FEED_SECONDS = 30
CANDIDATES_PER_KIND = 3  # history records read per kind, times the limit


@dataclass(frozen=True)
class FeedRule:
    """Who may see changes of one kind of record: ``visible(reader)`` is the queryset of the
    records the reader may open; ``then_permission`` is checked on the record as it stood."""

    visible: Callable[[Any], models.QuerySet[Any]]
    then_permission: str | None = None


@dataclass(frozen=True)
class Change:
    """One line of the latest changes, as plain data (safe to cache, safe to show)."""

    at: dt.datetime
    model: str  # app_label.model_name
    text: str
    kind: str  # "+", "~" or "-"
    reason: str
    user: str  # empty when the reader may not know who made the change

    @property
    def model_verbose_name(self) -> str:
        return str(apps.get_model(self.model)._meta.verbose_name)


def feed_kinds(rules: Mapping[type[models.Model], FeedRule]) -> list[type[models.Model]]:
    """The tracked kinds a feed may list: a rule, and not one side's private records."""
    return [model for model in TRACKED_MODELS if model in rules and model not in PRIVATE_MODELS]


def latest_changes_for(
    *,
    reader: Any,
    rules: Mapping[type[models.Model], FeedRule],
    limit: int = 10,
    shows_actors: bool = False,
) -> list[Change]:
    """The most recent changes ``reader`` may see, newest first (kept half a minute per
    reader). ``shows_actors`` says whether the reader may know who made them."""
    key = f"tandem:feed:{getattr(reader, 'pk', None) or 'anonymous'}:{limit}:{shows_actors}"
    cached: list[Change] | None = cache.get(key)
    if cached is not None:
        return cached
    records: list[Any] = []
    for model in feed_kinds(rules):
        records.extend(_visible_records(model, rules[model], reader, limit))
    records.sort(key=lambda record: record.history_date, reverse=True)
    changes = [_change(record, shows_actors) for record in records[:limit]]
    cache.set(key, changes, FEED_SECONDS)
    return changes


def _visible_records(
    model: type[models.Model], rule: FeedRule, reader: Any, limit: int
) -> list[Any]:
    history = model.history  # type: ignore[attr-defined]
    candidates = list(
        history.select_related("history_user").order_by("-history_date")[
            : limit * CANDIDATES_PER_KIND
        ]
    )
    if not candidates:
        return []
    pk_name = model._meta.pk.attname  # the tracked record's own key, kept on its history
    ids = {getattr(record, pk_name) for record in candidates}
    open_now = set(rule.visible(reader).filter(pk__in=ids).values_list("pk", flat=True))
    return [
        record
        for record in candidates
        if getattr(record, pk_name) in open_now and _visible_then(record, rule, reader)
    ]


def _visible_then(record: Any, rule: FeedRule, reader: Any) -> bool:
    if rule.then_permission is None:
        return True
    return check(reader, rule.then_permission, record.instance)


def _text(record: Any) -> str:
    try:
        return str(record.instance)
    except ObjectDoesNotExist:  # a related record has gone since
        return f"#{record.history_id}"


def _change(record: Any, shows_actors: bool) -> Change:
    return Change(
        at=record.history_date,
        model=record.instance_type._meta.label_lower,
        text=_text(record),
        kind=record.history_type,
        reason=record.history_change_reason or "",
        user=str(record.history_user) if shows_actors and record.history_user else "",
    )
