"""/open/projects/: the public projects of one query as a page, a file of any format, or an
embeddable widget; one URL per query (``?<filters>&format=…``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from tandem.core.charts.bars import horizontal_bars_svg
from tandem.core.permissions import PUBLIC, permission_required
from tandem.projects.selectors.registry import COUNT_CAP, count_matches
from tandem.projects.selectors.registry_rows import registry_rows
from tandem.web.open.exports import FORMATS, export_response, made_now
from tandem.web.open.filters import (
    OpenFilterForm,
    filter_form,
    filter_query,
    projects_by_plan_area,
)
from tandem.web.open.labels import FileLabel
from tandem.web.open.layout import render_page
from tandem.web.open.reader import PUBLIC_READER, reader_language

PAGE_SIZE = 50
EMBED_SIZE = 20
#: The widget may be framed by any site (the rest of tandem may not be framed at all).
EMBED_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors *"


def _label(form: OpenFilterForm, request: HttpRequest) -> FileLabel:
    return FileLabel(
        title=_("Joint projects of the programme, public records"),
        filter_text=form.describe(),
        query=filter_query(request),
        made=made_now(),
    )


def area_chart(form: OpenFilterForm) -> str:
    """The selection's projects by plan area, a static SVG (no script: it works offline and
    inside the widget's Content-Security-Policy)."""
    counts = projects_by_plan_area(form.to_filters())
    return horizontal_bars_svg(
        [(f"{code} {name}", count) for code, name, count in counts],
        title=_("Public joint projects by plan area"),
        description=_("A project counts in each of its plan areas."),
    )


def _list_context(request: HttpRequest, form: OpenFilterForm, size: int) -> dict[str, Any]:
    valid = form.is_valid()
    filters = form.to_filters()
    page = (
        registry_rows(
            PUBLIC_READER,
            filters,
            sort=form.sort_order(),
            after=request.GET.get("after"),
            before=request.GET.get("before"),
            size=size,
        )
        if valid
        else None
    )
    query = filter_query(request, drop={"format", "after", "before", "lang", "view"})
    embed_url = request.build_absolute_uri(reverse("web:open_projects_embed"))
    return {
        "form": form,
        "page": page,
        "total": count_matches(PUBLIC_READER, filters) if valid else 0,
        "count_cap": COUNT_CAP,
        "filter_text": form.describe(),
        "query": query,
        "formats": FORMATS,
        "embed_src": embed_url + (f"?{query}" if query else ""),
        "chart": mark_safe(area_chart(form)) if valid else "",  # noqa: S308 - labels escaped
        "embed_chart_src": embed_url + "?" + (f"{query}&" if query else "") + "view=chart",
    }


@require_safe
@permission_required(PUBLIC)
def portal_home(request: HttpRequest) -> HttpResponseBase:
    """/open/, the portal's front door: the list of published projects, its query kept."""
    target = reverse("web:open_projects")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"{target}?{query}" if query else target)


@require_safe
@permission_required(PUBLIC)
def project_list(request: HttpRequest) -> HttpResponseBase:
    reader_language(request)
    form = filter_form(request)
    file_format = request.GET.get("format", "")
    if file_format:
        if file_format not in FORMATS or not form.is_valid():
            return HttpResponse(
                _("Unknown format or filter."), status=400, content_type="text/plain; charset=utf-8"
            )
        return export_response(request, file_format, form.to_filters(), _label(form, request))
    return render_page(
        request,
        "web/open/projects.html",
        lambda: _list_context(request, form, PAGE_SIZE),
        kind="projects",
        status=200 if form.is_valid() else 400,
    )


@xframe_options_exempt
@require_safe
@permission_required(PUBLIC)
def project_embed(request: HttpRequest) -> HttpResponse:
    """The list of one query as a small page another site may frame."""
    reader_language(request)
    form = filter_form(request)
    chart_only = request.GET.get("view") == "chart"

    def context() -> dict[str, Any]:
        data = _list_context(request, form, 0 if chart_only else EMBED_SIZE)
        if chart_only:
            data["page"] = None
        return data

    response = render_page(
        request,
        "web/open/embed.html",
        context,
        kind="embed-chart" if chart_only else "embed",
        status=200 if form.is_valid() else 400,
    )
    response["Content-Security-Policy"] = EMBED_POLICY
    return response
