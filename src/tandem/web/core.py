"""Pages of the core: the home dashboard, the language switcher, organisations."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tandem.core.actors import signed_in
from tandem.core.crosslingual.search import entries_matching
from tandem.core.models import Organisation
from tandem.core.permissions import PUBLIC, check, permission_required
from tandem.core.selectors import dashboard_counts, organisations
from tandem.core.services.users import user_set_language
from tandem.programme.selectors import current_programme
from tandem.projects.enums import ProjectStatus
from tandem.projects.selectors.registry import ProjectFilters, count_matches
from tandem.projects.selectors.stats import status_counts
from tandem.web.feed import home_feed

PAGE_SIZE = 50
ORGANISATION_SORTS = {
    "name": "name",
    "-name": "-name",
    "kind": "kind",
    "-kind": "-kind",
    "side": "side__code",
    "-side": "-side__code",
}


@permission_required(PUBLIC)
def home(request: HttpRequest) -> HttpResponse:
    context: dict[str, object] = {"programme": current_programme()}
    if check(request.user, "core.view_dashboard"):
        counts = dashboard_counts()
        by_status = status_counts()
        registered = sum(by_status.values())
        context.update(
            counts=counts,
            status_counts=[
                (ProjectStatus(status).label, count) for status, count in by_status.items()
            ],
            # The figures by status count every project; the registry lists what this reader
            # may see: say both, so that "220" here and "211" there do not look like an error.
            registered=registered,
            visible=count_matches(request.user, ProjectFilters(), cap=registered),
            shows_illustrative=counts.illustrative > 0,
        )
        context["changes"] = home_feed(request.user, limit=10)
        context["shows_actors"] = check(request.user, "core.view_person")
    return render(request, "web/home.html", context)


@permission_required(PUBLIC)
def healthz(request: HttpRequest) -> HttpResponse:
    """The bare view: answers without touching the database (for probes and benchmarks)."""
    return HttpResponse("ok", content_type="text/plain")


@require_POST
@permission_required(PUBLIC)
def set_language(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or reverse("web:home")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("web:home")
    response = HttpResponseRedirect(next_url)
    if language not in {code for code, _name in settings.LANGUAGES}:
        return response
    if request.user.is_authenticated:
        user = signed_in(request.user)
        user_set_language(user=user, language=language, actor=user)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 60 * 60,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def organisations_matching(query: str, order_by: str = "name") -> QuerySet[Organisation]:
    """Organisations whose name in any language holds ``query``, or whose names in the other
    languages and scripts do (the gazetteer); the query's own spelling first."""
    rows = organisations()
    order: list[Any] = [order_by, "pk"]
    if query:
        own = Q()
        for language in ("en", "ja", "ru"):
            own |= Q(**{f"name_{language}__icontains": query})
        rows = rows.filter(own | Q(pk__in=entries_matching("organisation", query)))
        order.insert(0, Case(When(own, then=Value(0)), default=Value(1)))
    return rows.order_by(*order)


@permission_required("core.view_organisation")
def organisation_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    sort = request.GET.get("sort", "name")
    rows = organisations_matching(query, ORGANISATION_SORTS.get(sort, "name"))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/organisation_list.html",
        {
            "page": page,
            "query": query,
            "sort": sort,
            "shows_illustrative": any(org.is_illustrative for org in page.object_list),
        },
    )
