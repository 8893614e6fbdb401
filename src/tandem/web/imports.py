"""Import pages: upload a CSV, XLSX or IATI file, see what it would do, then commit it."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from tandem.core.files.atomic import write_atomically
from tandem.core.permissions import PUBLIC, permission_required
from tandem.interop.iati.importer import read_all
from tandem.interop.registry_iati import export_public_projects, project_in
from tandem.interop.registry_import import (
    ImportPlan,
    ImportRejectedError,
    plan_items,
)
from tandem.interop.registry_upload import commit_registry_file, plan_registry_file
from tandem.programme.models import Programme
from tandem.programme.selectors import current_programme
from tandem.projects.schemas import ProjectIn
from tandem.web.alignment.labels import import_suggestions

SESSION_KEY = "tandem_import"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))


def _upload_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _plan(
    raw: bytes, filename: str, kind: str, request: HttpRequest, programme: Programme
) -> ImportPlan:
    limit = settings.TANDEM_UPLOAD_MAX_BYTES
    if kind == "iati":
        if len(raw) > limit:
            return ImportPlan(
                file_problems=[_("The file is larger than the limit.")], source=filename
            )
        records, problems = read_all(raw, max_bytes=limit)
        file_problems = [str(p) for p in problems if p.is_file_problem]
        if file_problems:
            return ImportPlan(file_problems=file_problems, source=filename)
        items: list[tuple[int, ProjectIn | str]] = []
        errors = {p.activity: str(p) for p in problems if p.severity == "error"}
        for position, record in enumerate(records, start=1):
            try:
                items.append((position, project_in(record)))
            except ValueError as error:
                items.append((position, f"{record.code}: {error}"))
        items.extend((position, message) for position, message in errors.items() if position)
        return plan_items(items, request.user, programme, filename)
    return plan_registry_file(
        raw,
        filename,
        request.user,
        programme,
        max_bytes=limit,
        max_rows=settings.TANDEM_IMPORT_MAX_ROWS,
    )


@permission_required("projects.import_projects")
def project_import(request: HttpRequest, kind: str = "table") -> HttpResponse:
    programme = current_programme()
    form = UploadForm(request.POST or None, request.FILES or None)
    plan = None
    if request.method == "POST" and form.is_valid() and programme is not None:
        upload = form.cleaned_data["file"]
        if upload.size > settings.TANDEM_UPLOAD_MAX_BYTES:
            form.add_error(
                "file",
                _("The file is larger than %(mb)d MB.")
                % {"mb": settings.TANDEM_UPLOAD_MAX_BYTES // 1_048_576},
            )
        else:
            raw = upload.read()
            plan = _plan(raw, upload.name, kind, request, programme)
            if plan.can_commit:
                token = secrets.token_hex(16)
                write_atomically(_upload_dir() / token, raw)
                request.session[SESSION_KEY] = {
                    "token": token,
                    "name": upload.name,
                    "kind": kind,
                    "digest": plan.digest(),
                }
    return render(
        request,
        "web/projects/import.html",
        {
            "form": form,
            "plan": plan,
            "suggestions": import_suggestions(plan) if plan and not plan.file_problems else {},
            "counts": {a: plan.count(a) for a in ("create", "change", "unchanged", "reject")}
            if plan
            else {},
            "kind": kind,
            "max_mb": settings.TANDEM_UPLOAD_MAX_BYTES // 1_048_576,
        },
    )


@require_POST
@permission_required("projects.import_projects")
def project_import_commit(request: HttpRequest) -> HttpResponse:
    pending = request.session.pop(SESSION_KEY, None)
    programme = current_programme()
    back = reverse("web:project_import")
    if not pending or pending.get("token") != request.POST.get("token") or programme is None:
        messages.error(request, _("This import is no longer pending: upload the file again."))
        return HttpResponseRedirect(back)
    path = _upload_dir() / pending["token"]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        messages.error(request, _("This import is no longer pending: upload the file again."))
        return HttpResponseRedirect(back)
    try:
        plan = _plan(raw, pending["name"], pending["kind"], request, programme)
        if plan.digest() != pending["digest"]:
            raise ImportRejectedError(
                _(
                    "The registry changed since the preview: nothing was imported; "
                    "check the new preview."
                )
            )
        counts = commit_registry_file(plan, request.user, programme)
    except ImportRejectedError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(back)
    finally:
        path.unlink(missing_ok=True)
    messages.success(
        request,
        _("Import done. Projects created: %(created)d; changed: %(changed)d.") % counts,
    )
    if counts.get("records"):
        messages.success(
            request,
            ngettext(
                "%(count)d record of projects written (financing, milestones, results, sources).",
                "%(count)d records of projects written (financing, milestones, results, sources).",
                counts["records"],
            )
            % {"count": counts["records"]},
        )
    return HttpResponseRedirect(reverse("web:project_list"))


@permission_required(PUBLIC)
def iati_export(request: HttpRequest) -> FileResponse:
    """The public projects as an IATI 2.03 activities file."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    export_public_projects(handle)
    handle.seek(0)
    stamp = timezone.now().strftime("%Y%m%d")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"tandem-iati-activities-{stamp}.xml",
        content_type="application/xml",
    )
