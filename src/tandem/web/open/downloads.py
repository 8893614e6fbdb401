"""/open/downloads/: the dated full dumps, and /open/about/: what the portal publishes."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tandem.core.permissions import PUBLIC, permission_required
from tandem.interop.open_dumps import KEEP_DAYS, open_dump_file, open_dumps, public_registry_updated
from tandem.projects.selectors.registry import ProjectFilters, count_matches
from tandem.web.open.layout import render_page
from tandem.web.open.reader import PUBLIC_READER, public_headers, reader_language

DOWNLOADS_SECONDS = 60


def _downloads_context() -> dict[str, Any]:
    dumps = open_dumps()
    return {
        "dumps": dumps,
        "latest": dumps[0] if dumps else None,
        "registry_updated": public_registry_updated(),
        "keep_days": KEEP_DAYS,
    }


@require_safe
@permission_required(PUBLIC)
def downloads(request: HttpRequest) -> HttpResponse:
    reader_language(request)
    # The list follows the dump folder, not a generation: cached for a minute only.
    return render_page(
        request,
        "web/open/downloads.html",
        _downloads_context,
        kind="downloads",
        generations=(),
        timeout=DOWNLOADS_SECONDS,
    )


@require_safe
@permission_required(PUBLIC)
def download_file(request: HttpRequest, day: str, name: str) -> FileResponse:
    path = open_dump_file(day, name)
    if path is None:
        raise Http404(_("No such file."))
    content_type = {
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml",
    }[name.rsplit(".", 1)[-1]]
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"tandem-{day}-{name}",
        content_type=content_type,
    )
    public_headers(request, response)  # type: ignore[arg-type]
    return response


@require_safe
@permission_required(PUBLIC)
def about(request: HttpRequest) -> HttpResponse:
    reader_language(request)
    return render_page(
        request,
        "web/open/about.html",
        lambda: {
            "public_count": count_matches(PUBLIC_READER, ProjectFilters(), cap=10**9),
            "keep_days": KEEP_DAYS,
        },
        kind="about",
    )
