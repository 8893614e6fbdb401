"""The portal's files of one query: CSV, XLSX, JSON, Atom and IATI, each labelled.

CSV and JSON stream row by row with no cap; XLSX and IATI are written to a temporary file and
sent from it. Every file names its filter, the time it was made and the data's licence (a
``#`` comment block before the CSV's header, a first sheet "about", a JSON "about" object, the
Atom feed's subtitle and rights, an XML comment before the IATI root).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

from tandem.core.i18n import in_language, texts_of
from tandem.interop.iati.export import write_activities
from tandem.interop.iati_registry.bulk_records import activity_sources
from tandem.interop.registry_iati import exportable, public_projects, reporting_org
from tandem.interop.tabular.bulk_rows import export_cells
from tandem.interop.tabular.columns import COLUMN_NAMES
from tandem.interop.tabular.export import cells_csv_chunks, cells_xlsx_bytes
from tandem.projects.selectors.registry import ProjectFilters, projects_for_export
from tandem.web.open.filters import public_selection
from tandem.web.open.labels import FileLabel, licence
from tandem.web.open.reader import PUBLIC_READER, cached_response, public_headers

#: Rows fetched per query while streaming.
CHUNK = 2000
#: No page cap: the limit of the registry's export selector set past any registry's size.
NO_CAP = 2**31 - 1
#: Entries of an Atom feed: the latest changes under the filter.
FEED_ENTRIES = 50
FORMATS = ("csv", "xlsx", "json", "atom", "iati")


def _rows(filters: ProjectFilters) -> Iterator[tuple[int, list[str]]]:
    """(id, cells) of the public projects under the filter (public-only: the anonymous
    reader's selection)."""
    return export_cells(projects_for_export(PUBLIC_READER, filters, NO_CAP), CHUNK)


def _filename(label: FileLabel, extension: str) -> str:
    return f"tandem-open-projects-{label.made.strftime('%Y%m%d-%H%M')}.{extension}"


def _attach(response: HttpResponse | StreamingHttpResponse | FileResponse, name: str) -> None:
    response["Content-Disposition"] = f'attachment; filename="{name}"'


def csv_response(filters: ProjectFilters, label: FileLabel) -> StreamingHttpResponse:
    def chunks() -> Iterator[str]:
        rows = cells_csv_chunks(_rows(filters))
        yield next(rows)  # the byte-order mark comes first
        for name, value in label.pairs():
            yield f"# {name}: {value}\r\n"
        yield from rows

    response = StreamingHttpResponse(chunks(), content_type="text/csv; charset=utf-8")
    _attach(response, _filename(label, "csv"))
    return response


def xlsx_response(filters: ProjectFilters, label: FileLabel) -> FileResponse:
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    handle.write(cells_xlsx_bytes(_rows(filters), about=label.pairs()))
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=_filename(label, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def json_chunks(records: Iterator[tuple[int, list[str]]], about: dict[str, str]) -> Iterator[str]:
    """``{"about": …, "projects": [{column: value}, …]}``, one project per chunk."""
    yield '{"about": ' + json.dumps(about, ensure_ascii=False) + ', "projects": ['
    first = True
    for _pk, cells in records:
        row = dict(zip(COLUMN_NAMES, cells, strict=True))
        yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]}\n"


def json_response(filters: ProjectFilters, label: FileLabel) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        json_chunks(_rows(filters), label.as_dict()), content_type="application/json"
    )
    _attach(response, _filename(label, "json"))
    return response


def iati_response(filters: ProjectFilters, label: FileLabel) -> FileResponse:
    selection = public_projects().filter(pk__in=public_selection(filters).values("pk"))
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    skipped: list[str] = []
    write_activities(
        exportable(activity_sources(selection), skipped),
        handle,
        reporting_org=reporting_org(),
        generated=label.made,
        left_out=lambda error: skipped.append(error.iati_identifier),
        preamble=label.text(),
    )
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=_filename(label, "xml"),
        content_type="application/xml",
    )


def atom_bytes(request: HttpRequest, filters: ProjectFilters, label: FileLabel) -> bytes:
    """The feed of the latest new and changed public projects under the filter."""
    language = (request.LANGUAGE_CODE or "en")[:2]
    list_url = request.build_absolute_uri(reverse("web:open_projects"))
    query = f"?{label.query}" if label.query else ""
    feed = feedgenerator.Atom1Feed(
        title=_("Joint projects: new and changed")
        + (f" ({label.filter_text})" if label.filter_text else ""),
        link=list_url + query,
        description=label.text(),
        language=language,
        feed_url=request.build_absolute_uri(),
        feed_guid=list_url + query,
        feed_copyright=" ".join(licence()),
        subtitle=label.text(),
    )
    projects = public_selection(filters).order_by("-updated_at", "-pk")[:FEED_ENTRIES]
    for project in projects:
        link = request.build_absolute_uri(reverse("web:open_project", args=[project.code]))
        feed.add_item(
            title=f"{project.code} {in_language(texts_of(project, 'title'), language)}",
            link=link,
            description=in_language(texts_of(project, "summary"), language),
            unique_id=link,
            unique_id_is_permalink=True,
            pubdate=project.created_at,
            updateddate=project.updated_at,
            categories=[str(project.get_status_display())],
        )
    return feed.writeString("utf-8").encode()


def export_response(
    request: HttpRequest, file_format: str, filters: ProjectFilters, label: FileLabel
) -> HttpResponse | StreamingHttpResponse | FileResponse:
    if file_format == "atom":
        return cached_response(
            request,
            "atom",
            lambda: (atom_bytes(request, filters, label), "application/atom+xml; charset=utf-8"),
        )
    makers = {
        "csv": csv_response,
        "xlsx": xlsx_response,
        "json": json_response,
        "iati": iati_response,
    }
    response = makers[file_format](filters, label)
    response["X-Tandem-Made"] = label.made.strftime("%Y-%m-%dT%H:%M:%SZ")
    response["Link"] = f'<{licence()[1]}>; rel="license"'
    public_headers(request, response)  # type: ignore[arg-type]
    return response


def made_now() -> Any:
    return timezone.now().replace(microsecond=0)
