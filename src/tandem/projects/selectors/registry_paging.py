"""Paging the registry backwards: the "Previous" link of the keyset-paged list.

The registry pages forward with a cursor after the last row (``keyset_page``); going back reads
the ``size`` rows before the first row of the page, in reverse order through the same index,
so a previous page is as fast as a next one at 100,000 projects. With a search the order is
the projects whose own words hold the query, then those found only across languages; a cursor
into the second part starts with ``CROSS_LANGUAGE_PAGE`` as it does going forward.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from tandem.core.crosslingual.search import exact_condition
from tandem.projects.selectors.registry import (
    CROSS_LANGUAGE_PAGE,
    DEFAULT_SORT,
    SORTS,
    decode_cursor,
    encode_cursor,
)


def _value(row: Any, field_name: str) -> Any:
    return row[field_name] if isinstance(row, dict) else getattr(row, field_name)


def _pk(row: Any) -> int:
    return int(row["pk"] if isinstance(row, dict) else row.pk)


def row_cursor(projects: QuerySet[Any], query: str, sort: str, row: Any) -> str:
    """The cursor that points at ``row`` (a row of the page ``projects`` gave)."""
    field_name, _descending = SORTS.get(sort, SORTS[DEFAULT_SORT])
    cursor = encode_cursor(_value(row, field_name), _pk(row))
    if query.strip() and not projects.filter(exact_condition("search_text", query), pk=_pk(row)):
        return CROSS_LANGUAGE_PAGE + cursor
    return cursor


def _keyset_before(
    projects: QuerySet[Any], sort: str, before: str | None, size: int
) -> tuple[list[Any], bool]:
    """Up to ``size`` rows just before the cursor (the last ones when there is none), in the
    list's order, and whether more come before them."""
    field_name, descending = SORTS.get(sort, SORTS[DEFAULT_SORT])
    if before and (position := decode_cursor(before, field_name)):
        value, pk = position
        if descending:  # before, in a descending list, is above: larger values
            bound = Q(**{f"{field_name}__gte": value})
            condition = Q(**{f"{field_name}__gt": value}) | Q(**{field_name: value, "pk__gt": pk})
        else:
            bound = Q(**{f"{field_name}__lte": value})
            condition = Q(**{f"{field_name}__lt": value}) | Q(**{field_name: value, "pk__lt": pk})
        projects = projects.filter(bound & condition)
    order = [field_name, "pk"] if descending else [f"-{field_name}", "-pk"]
    rows = list(projects.order_by(*order)[: size + 1])
    more = len(rows) > size
    return list(reversed(rows[:size])), more


def page_before(
    projects: QuerySet[Any], query: str, sort: str, before: str, size: int
) -> tuple[list[Any], bool]:
    """The page that ends just before the cursor ``before``, and whether pages come before it."""
    if not query.strip():
        return _keyset_before(projects, sort, before, size)
    exact = exact_condition("search_text", query)
    if not before.startswith(CROSS_LANGUAGE_PAGE):
        return _keyset_before(projects.filter(exact), sort, before, size)
    across_cursor = before[len(CROSS_LANGUAGE_PAGE) :] or None
    rows, more = _keyset_before(projects.exclude(exact), sort, across_cursor, size)
    if more or len(rows) == size:
        return rows, more or projects.filter(exact).exists()
    earlier, more = _keyset_before(projects.filter(exact), sort, None, size - len(rows))
    return earlier + rows, more
