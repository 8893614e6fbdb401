"""The site-wide search (/search/): one query across every area the reader may see.

Each area is searched by its own selector, which already keeps to what the reader may see
(the registry's visibility, the exchange's and matchmaking's own rules), and only when the
reader holds the area's permission; the page itself is public and shows the public areas
(the registry's public projects, the committee's published decisions) to everyone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tandem.committee.selectors.sessions import public_decisions
from tandem.core.crosslingual.search import text_alternatives
from tandem.core.permissions import PUBLIC, check, permission_required
from tandem.exchange.selectors.lists import enterprise_list
from tandem.fairs.models import Fair
from tandem.matchmaking.selectors.profiles import ProfileFilters, search_profiles
from tandem.press.selectors.articles import search_articles
from tandem.projects.selectors.registry import ProjectFilters, count_matches
from tandem.projects.selectors.registry_rows import registry_rows
from tandem.web.core import organisations_matching

SHOWN = 5  # hits per area; "all N" leads to the area's own list
COUNTED = 100  # an area counts its hits up to this, then says "more than"
MAX_QUERY = 200


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    note: str = ""


@dataclass
class AreaResults:
    area: str
    hits: list[Hit] = field(default_factory=list)
    count: int = 0
    more_than: bool = False
    all_url: str = ""


def _text_condition(fields: tuple[str, ...], query: str) -> Q:
    condition = Q()
    for form in text_alternatives(query):  # its own, romanised, the other languages' names
        for name in fields:
            condition |= Q(**{f"{name}__icontains": form})
    return condition


def _counted(rows: Any) -> tuple[int, bool]:
    count = rows[: COUNTED + 1].count()
    return min(count, COUNTED), count > COUNTED


def _projects(user: Any, query: str) -> AreaResults:
    filters = ProjectFilters(query=query)
    page = registry_rows(user, filters, size=SHOWN)
    count = count_matches(user, filters, cap=COUNTED)
    return AreaResults(
        area=_("Joint projects"),
        hits=[
            Hit(row.title or row.code, reverse("web:project_detail", args=[row.code]), row.code)
            for row in page.rows
        ],
        count=min(count, COUNTED),
        more_than=count > COUNTED,
        all_url=reverse("web:project_list") + "?" + urlencode({"q": query}),
    )


def _organisations(user: Any, query: str) -> AreaResults:
    rows = organisations_matching(query)
    list_url = reverse("web:organisation_list")
    count, more = _counted(rows)
    return AreaResults(
        area=_("Organisations"),
        hits=[
            Hit(str(org.name), list_url + "?" + urlencode({"q": org.name}), str(org.side.name))
            for org in rows[:SHOWN]
        ],
        count=count,
        more_than=more,
        all_url=list_url + "?" + urlencode({"q": query}),
    )


def _decisions(user: Any, query: str) -> AreaResults:
    rows = public_decisions().filter(_text_condition(("text_en", "text_ja", "text_ru"), query))
    url = reverse("web:decisions_public")
    count, more = _counted(rows)
    return AreaResults(
        area=_("Committee decisions (published)"),
        hits=[
            Hit(f"{decision.session.number}/{decision.number}: {decision.text}"[:160], url)
            for decision in rows[:SHOWN]
        ],
        count=count,
        more_than=more,
        all_url=url,
    )


def _press(user: Any, query: str) -> AreaResults:
    rows = search_articles(query).order_by("-published", "-pk")
    count, more = _counted(rows)
    return AreaResults(
        area=_("Press"),
        hits=[
            Hit(str(article.headline)[:160], reverse("web:press_article", args=[article.pk]))
            for article in rows[:SHOWN]
        ],
        count=count,
        more_than=more,
        all_url=reverse("web:press_home") + "?" + urlencode({"q": query}),
    )


def _fairs(user: Any, query: str) -> AreaResults:
    rows = Fair.objects.filter(_text_condition(("name", "city", "venue"), query)).order_by(
        "-start_date", "pk"
    )
    count, more = _counted(rows)
    return AreaResults(
        area=_("Trade fairs"),
        hits=[
            Hit(str(fair.name), reverse("web:fair_detail", args=[fair.slug]), str(fair.city))
            for fair in rows[:SHOWN]
        ],
        count=count,
        more_than=more,
        all_url=reverse("web:fair_list"),
    )


def _profiles(user: Any, query: str) -> AreaResults:
    rows = search_profiles(user, ProfileFilters(q=query))
    count, more = _counted(rows)
    return AreaResults(
        area=_("Company profiles"),
        hits=[
            Hit(str(profile), reverse("web:matchmaking_profile", args=[profile.pk]))
            for profile in rows[:SHOWN]
        ],
        count=count,
        more_than=more,
        all_url=reverse("web:matchmaking_profiles") + "?" + urlencode({"q": query}),
    )


def _enterprises(user: Any, query: str) -> AreaResults:
    rows = enterprise_list(user, q=query).select_related("organisation")
    count, more = _counted(rows)
    return AreaResults(
        area=_("Productivity exchange: enterprises"),
        hits=[
            Hit(str(row.organisation.name), reverse("web:exchange_enterprise", args=[row.pk]))
            for row in rows[:SHOWN]
        ],
        count=count,
        more_than=more,
        all_url=reverse("web:exchange_enterprise_list") + "?" + urlencode({"q": query}),
    )


#: (permission the reader needs, search of the area), in the order the page shows them.
AREAS: list[tuple[str, Callable[[Any, str], AreaResults]]] = [
    ("projects.view_registry", _projects),
    ("core.view_organisation", _organisations),
    ("committee.view_public_decisions", _decisions),
    ("press.view_press", _press),
    ("fairs.view_fair", _fairs),
    ("matchmaking.search_profiles", _profiles),
    ("exchange.view_exchange", _enterprises),
]


def search_everywhere(user: Any, query: str) -> list[AreaResults]:
    """Each area the reader may see, searched for ``query`` (areas without hits included)."""
    return [search(user, query) for permission, search in AREAS if check(user, permission)]


@require_safe
@permission_required(PUBLIC)
def site_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    results = search_everywhere(request.user, query) if query else []
    return render(
        request,
        "web/search.html",
        {
            "query": query,
            "found": [group for group in results if group.count],
            "empty_areas": [group.area for group in results if not group.count],
        },
    )
