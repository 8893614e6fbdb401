"""The saved-filters menu of a list page: ``{% saved_filter_menu "projects" %}`` (and
``{% saved_filter_menu "projects" oob=True %}`` in the rows an htmx filter change swaps)."""

from __future__ import annotations

from typing import Any

from django import template

from tandem.web.saved_filters import saved_filters_of
from tandem.web.templatetags.listing import POSITION_PARAMETERS, query_without

register = template.Library()


@register.inclusion_tag("web/_saved_filters.html", takes_context=True)
def saved_filter_menu(context: template.Context, area: str, oob: bool = False) -> dict[str, Any]:
    """The menu; ``oob`` for the copy an htmx response sends beside the rows it swaps, so
    that the form saves the filters the list shows after the change, not those of the page's
    first load."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return {"shown": False}
    return {
        "shown": True,
        "area": area,
        "oob": oob,
        "saved": list(saved_filters_of(user, area)),
        "query": query_without(request.GET, *POSITION_PARAMETERS).urlencode(),
        "list_url": request.path,
        "csrf_token": context.get("csrf_token"),
    }
