"""Pages of the joint-project registry: list, detail, create, edit, bulk status, export."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tandem.committee.models import CommitteeSession
from tandem.core.actors import signed_in
from tandem.core.permissions import check, permission_required
from tandem.interop.tabular.export import csv_chunks, xlsx_bytes
from tandem.matchmaking.selectors.introductions import project_origins
from tandem.programme.selectors import current_programme
from tandem.projects.forms import BulkStatusForm, ProjectFilterForm
from tandem.projects.models import ConfidentialNote, JointProject
from tandem.projects.project_form import ProjectForm
from tandem.projects.selectors.change_log import project_change_log
from tandem.projects.selectors.registry import (
    COUNT_CAP,
    count_matches,
    filtered_projects,
    project_as_of,
    project_detail,
    projects_for_export,
)
from tandem.projects.selectors.registry_rows import registry_rows
from tandem.projects.selectors.visibility import note_side_for
from tandem.projects.services.notes import confidential_note_create
from tandem.projects.services.projects import (
    StaleEditError,
    project_create,
    project_update,
    projects_bulk_change_status,
)
from tandem.projects.services.rates import financing_in_usd
from tandem.web.form_errors import add_service_errors
from tandem.web.templatetags.listing import POSITION_PARAMETERS, query_without

EXPORT_LIMIT = 100_000
PAGE_SIZE = 50


def _sessions() -> list[tuple[str, str]]:
    return [(str(s.pk), str(s)) for s in CommitteeSession.objects.order_by("number")]


def _filter_form(request: HttpRequest) -> ProjectFilterForm:
    return ProjectFilterForm(request.GET or None, sessions=_sessions())


def _start(request: HttpRequest) -> int:
    """Where the page starts in the list (1 for the first row): carried by the paging links,
    so that a keyset page can say "51–100 of 211" without counting the rows before it."""
    value = request.GET.get("start", "")
    return max(1, int(value)) if value.isdigit() and len(value) < 9 else 1


@permission_required("projects.view_registry")
def project_list(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    filters = form.to_filters()
    page = registry_rows(
        request.user,
        filters,
        sort=form.sort_order(),
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        size=PAGE_SIZE,
    )
    start = _start(request) if page.previous_cursor else 1
    total = count_matches(request.user, filters)
    context = {
        "form": form,
        "page": page,
        "total": total,
        "count_cap": COUNT_CAP,
        "query_string": query_without(request.GET, *POSITION_PARAMETERS).urlencode(),
        "is_first_page": page.previous_cursor is None,
        "range_start": start,
        "range_end": start + len(page.rows) - 1,
        "page_number": (start - 1) // PAGE_SIZE + 1,
        "page_count": -(-total // PAGE_SIZE) if total <= COUNT_CAP else None,
        "next_start": start + len(page.rows),
        "previous_start": max(1, start - PAGE_SIZE),
        "can_add": check(request.user, "projects.add_project"),
        "can_export": check(request.user, "projects.export_projects"),
        "can_bulk": check(request.user, "projects.add_project"),
        "bulk_form": BulkStatusForm(codes=[p.code for p in page.rows]),
        "detail_prefix": reverse("web:project_detail", args=["-"])[:-2],
        "shows_illustrative": any(p.is_illustrative for p in page.rows),
    }
    template = (
        "web/projects/_rows.html" if request.headers.get("HX-Request") else "web/projects/list.html"
    )
    return render(request, template, context)


def _visible_project_or_404(request: HttpRequest, code: str) -> JointProject:
    project = project_detail(request.user, code)
    if project is None:  # another side's confidential project answers 404, not 403
        raise Http404(_("No such joint project."))
    return project


@permission_required("projects.view_registry")
def project_view(request: HttpRequest, code: str) -> HttpResponse:
    project = _visible_project_or_404(request, code)
    side = note_side_for(request.user)
    notes = (
        ConfidentialNote.objects.filter(project=project, side_id=side).select_related("author")
        if side
        else ConfidentialNote.objects.none()
    )
    sessions = list(CommitteeSession.objects.order_by("number"))
    as_of_session = None
    as_of = None
    session_number = request.GET.get("as_of_session", "")
    if session_number.isdigit():
        as_of_session = next((s for s in sessions if s.number == int(session_number)), None)
        if as_of_session:
            moment = timezone.make_aware(dt.datetime.combine(as_of_session.end_date, dt.time.max))
            as_of = project_as_of(project, moment, request.user, session=as_of_session)
    return render(
        request,
        "web/projects/detail.html",
        {
            "project": project,
            "financing": financing_in_usd(project),
            "notes": notes,
            "can_add_note": side is not None,
            "can_change": check(request.user, "projects.change_project", project),
            "sessions": sessions,
            "as_of_session": as_of_session,
            "as_of": as_of,
            "origins": project_origins(project.pk, request.user),
            "change_log": project_change_log(project=project, reader=request.user),
            "shows_illustrative": project.is_illustrative,
        },
    )


def _save_form(
    request: HttpRequest, form: ProjectForm, project: JointProject | None
) -> JointProject | None:
    suggested = str(request.POST.get("suggested_primary", ""))  # the suggester's offer, if any
    try:
        data = form.to_project_in(changed_only=project is not None)
        if project is None:
            programme = current_programme()
            if programme is None:
                raise ValidationError(_("No programme is loaded."))
            return project_create(
                programme=programme,
                data=data,
                actor=signed_in(request.user),
                suggested_primary=suggested,
            )
        return project_update(
            project=project,
            data=data,
            expected_version=form.cleaned_data.get("version") or project.version,
            actor=signed_in(request.user),
            suggested_primary=suggested,
        )
    except StaleEditError as error:
        form.add_error(None, str(error))
    except ValidationError as error:
        add_service_errors(form, error)
    except ValueError as error:  # pydantic's validation of the assembled project
        form.add_error(None, str(error))
    return None


@permission_required("projects.add_project")
def project_new(request: HttpRequest) -> HttpResponse:
    form = ProjectForm(request.POST or None, initial={"status_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        project = _save_form(request, form, None)
        if project is not None:
            messages.success(request, _("Project %(code)s registered.") % {"code": project.code})
            return HttpResponseRedirect(reverse("web:project_detail", args=[project.code]))
    return render(request, "web/projects/form.html", {"form": form, "project": None})


@permission_required("projects.view_registry")
def project_edit(request: HttpRequest, code: str) -> HttpResponse:
    project = _visible_project_or_404(request, code)
    if not check(request.user, "projects.change_project", project):
        raise Http404(_("No such joint project."))
    if request.method == "POST":
        form = ProjectForm(request.POST, initial=ProjectForm.initial_for(project), project=project)
        form.fields["code"].disabled = True
        if form.is_valid() and not form.changed_fields():
            messages.info(request, _("Nothing was changed in %(code)s.") % {"code": project.code})
            return HttpResponseRedirect(reverse("web:project_detail", args=[project.code]))
        if form.is_valid():
            saved = _save_form(request, form, project)
            if saved is not None:
                messages.success(request, _("Project %(code)s saved.") % {"code": saved.code})
                return HttpResponseRedirect(reverse("web:project_detail", args=[saved.code]))
    else:
        form = ProjectForm(initial=ProjectForm.initial_for(project), project=project)
        form.fields["code"].disabled = True
    return render(request, "web/projects/form.html", {"form": form, "project": project})


@require_POST
@permission_required("projects.view_notes")
def project_note_add(request: HttpRequest, code: str) -> HttpResponse:
    project = _visible_project_or_404(request, code)
    try:
        confidential_note_create(
            project=project, text=request.POST.get("text", ""), actor=signed_in(request.user)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Note saved for your side only."))
    return HttpResponseRedirect(
        reverse("web:project_detail", args=[project.code]) + "#notes-heading"
    )


@require_POST
@permission_required("projects.add_project")
def project_bulk_status(request: HttpRequest) -> HttpResponse:
    codes = request.POST.getlist("codes")
    projects = [
        project
        for project in filtered_projects(request.user, _filter_form(request).to_filters()).filter(
            code__in=codes
        )
        if check(request.user, "projects.change_project", project)
    ]
    form = BulkStatusForm(request.POST, codes=[p.code for p in projects])
    if not projects:
        messages.error(request, _("Choose at least one project you may change."))
    elif form.is_valid():
        changed = projects_bulk_change_status(
            projects=projects,
            status=form.cleaned_data["status"],
            date=form.cleaned_data["date"],
            reason=form.cleaned_data["reason"],
            actor=signed_in(request.user),
        )
        messages.success(
            request,
            ngettext(
                "Status changed for %(count)d project.",
                "Status changed for %(count)d projects.",
                changed,
            )
            % {"count": changed},
        )
    else:
        messages.error(request, _("Give the new status, its date and a reason."))
    # Back to the list as it was filtered and sorted (the form posts to the list's query).
    kept = query_without(request.GET, *POSITION_PARAMETERS).urlencode()
    return HttpResponseRedirect(reverse("web:project_list") + (f"?{kept}" if kept else ""))


@permission_required("projects.export_projects")
def project_export(request: HttpRequest, file_format: str) -> HttpResponse | StreamingHttpResponse:
    filters = _filter_form(request).to_filters()
    projects = projects_for_export(request.user, filters, EXPORT_LIMIT)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    if file_format == "xlsx":
        response = HttpResponse(
            xlsx_bytes(projects.iterator(chunk_size=2000)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="joint-projects-{stamp}.xlsx"'
        return response
    if file_format != "csv":
        raise Http404
    streaming = StreamingHttpResponse(
        csv_chunks(projects.iterator(chunk_size=2000)), content_type="text/csv; charset=utf-8"
    )
    streaming["Content-Disposition"] = f'attachment; filename="joint-projects-{stamp}.csv"'
    return streaming
