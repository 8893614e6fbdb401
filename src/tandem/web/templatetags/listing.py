"""Lists: sortable column headers, the current page's range and links that keep the filters.

Every list page sorts with a ``sort`` query parameter (``name`` ascending, ``-name``
descending) and pages with ``page`` (Django's paginator) or ``after``/``before``/``start``
(the registry's keyset paging). The helpers here keep every other parameter of the request,
so that sorting or paging never drops the active filters.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

#: Parameters that say where in a list one is; a new order or filter starts at the top.
POSITION_PARAMETERS = ("page", "after", "before", "start")


def query_without(query: QueryDict, *names: str) -> QueryDict:
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    return kept


def _request_query(context: template.Context) -> QueryDict:
    request = context.get("request")
    return request.GET if request is not None else QueryDict()


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """The request's query string with ``changes`` applied (``None`` or "" removes one)."""
    query = query_without(_request_query(context), *changes)
    for name, value in changes.items():
        if value not in (None, ""):
            query[name] = str(value)
    return query.urlencode()


def sort_state(current: str, key: str) -> str:
    """``aria-sort`` of the column sorted by ``key`` when the list is sorted by ``current``."""
    if current == key:
        return "ascending"
    if current == f"-{key}":
        return "descending"
    return "none"


@register.simple_tag(takes_context=True)
def sort_header(
    context: template.Context, key: str, label: Any, current: str = "", first: str = ""
) -> str:
    """A column header whose link sorts by ``key`` (and the other way round when it already
    does). ``current`` is the list's sort (the request's ``sort`` unless given); ``first``
    is "-" for a column best read newest or largest first."""
    query = _request_query(context)
    current = current or query.get("sort", "")
    state = sort_state(current, key)
    target = {"ascending": f"-{key}", "descending": key}.get(state, f"{first}{key}")
    kept = query_without(query, "sort", *POSITION_PARAMETERS)
    kept["sort"] = target
    hint = _("sorted ascending") if state == "ascending" else _("sorted descending")
    arrow = {"ascending": "▲", "descending": "▼"}.get(state, "")
    return format_html(
        '<th scope="col" aria-sort="{}"><a class="sort" href="?{}">{}</a>{}</th>',
        state,
        kept.urlencode(),
        label,
        format_html(
            ' <span aria-hidden="true">{}</span><span class="visually-hidden">{}</span>',
            arrow,
            f" ({hint})",
        )
        if arrow
        else "",
    )
